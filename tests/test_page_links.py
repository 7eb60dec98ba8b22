"""Links between generated pages are relative, so the site works under any base URL: the
same links posixpath.relpath gives, for any page and target of a language (and '../' to the
site's root, where the downloads and preview images are)."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from devplan.render.pages import _relpath, relative

segment = st.text(alphabet="abcxyz-0123", min_size=1, max_size=6)
path = st.lists(segment, max_size=4).map("/".join)


@given(target=path, start=path, up=st.booleans())
def test_links_are_what_relpath_gives(target, start, up):
    target = ("../" + target) if up and target else (target or ".")
    assert _relpath(target, start or ".") == posixpath.relpath(target, start or ".")


def test_links_between_pages():
    assert relative("indicators/pm25.md", "index.md") == "../../"
    assert relative("index.md", "indicators/pm25.md") == "indicators/pm25/"
    assert relative("indicators/pm25.md", "indicators/pm25.md") == "./"
    assert relative("indicators/pm25.md", "../data/indicators/pm25.csv") == "../../../data/indicators/pm25.csv"
