"""Every internal link of the built site leads somewhere: the file exists and the #anchor
is an id on the target page. External http(s) links and mailto are not followed; links
written with the site's own published address (canonical, "how to cite", the 404 page's
root-relative assets) are internal and checked like the others."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from support import ROOT

# https://OWNER.github.io/REPOSITORY/ : the address the site is published at.
BASE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["devplan"]["base_url"]
BASE = urlsplit(BASE_URL)
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                   "iframe": "src", "source": "src", "video": "src", "audio": "src", "embed": "src"}


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@lru_cache(maxsize=None)
def ids_in(path: Path) -> frozenset[str]:
    soup = parse(path)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    return frozenset(ids + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})])


def target_file(site: Path, site_path: str) -> Path | None:
    """The file a path inside the site serves, as GitHub Pages would (folders serve index.html)."""
    file = site / unquote(site_path)
    if site_path.endswith("/") or site_path == "":
        file = file / "index.html"
    elif file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def check_link(site: Path, page: Path, link: str) -> str | None:
    """None when the link resolves, else why not."""
    page_url = BASE_URL + page.relative_to(site).as_posix()
    absolute = urljoin(page_url, link.strip())
    parts = urlsplit(absolute)
    if parts.scheme in ("mailto", "data"):
        return None
    if parts.scheme not in ("http", "https"):
        return f"unexpected scheme {parts.scheme!r}"
    if parts.netloc != BASE.netloc or not parts.path.startswith(BASE.path):
        if parts.netloc == BASE.netloc:  # e.g. "/th/x": outside the published folder
            return f"outside the site's folder {BASE.path}"
        return None  # another host: external
    file = target_file(site, parts.path[len(BASE.path):])
    if file is None:
        return "no such file"
    fragment = unquote(parts.fragment)
    if fragment and fragment != "top" and file.suffix == ".html" and fragment not in ids_in(file):
        return f"no id {fragment!r} in {file.relative_to(site).as_posix()}"
    return None


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    broken = []
    for page in pages:
        soup = parse(page)
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                problem = check_link(built_site, page, tag[attribute])
                if problem:
                    where = page.relative_to(built_site).as_posix()
                    broken.append(f'{where}: <{tag_name} {attribute}="{tag[attribute]}"> ({problem})')
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)


def test_the_checker_catches_a_missing_page_and_anchor(built_site):
    page = built_site / "en" / "index.html"
    assert check_link(built_site, page, "indicators/tourist-arrivals/") is None
    assert check_link(built_site, page, "indicators/no-such-indicator/") == "no such file"
    assert check_link(built_site, page, "indicators/tourist-arrivals/#no-such-anchor").startswith("no id")
    assert check_link(built_site, page, "https://example.org/elsewhere") is None
    assert check_link(built_site, page, "mailto:someone@example.org") is None
    assert check_link(built_site, page, "javascript:alert(1)") is not None
