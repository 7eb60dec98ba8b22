"""A package whose every table has its header and no rows (a new province's first day):
it validates, and the build makes a whole site that says there is no data yet."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import build
import pytest
import validate
from bs4 import BeautifulSoup
from devplan.render.labels import label
from support import FIXTURES, copy_package


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory):
    package = copy_package(FIXTURES / "header-only", tmp_path_factory.mktemp("header-only") / "pkg")
    assert validate.main([str(package)]) == 0
    site = tmp_path_factory.mktemp("header-only-site")
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    return site


def soup(site, lang, url):
    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "lxml")


def text(site, lang, url):
    return " ".join(soup(site, lang, url).get_text(" ").split())


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("url", ["", "data", "indicators", "latest", "reporting"])
def test_each_page_says_there_is_no_data_yet(empty_site, lang, url):
    page = text(empty_site, lang, url)
    assert label("no_data", lang) in page
    assert "None" not in page and label("nothing_missing", lang) not in page


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_footer_cites_the_site_without_an_empty_date(empty_site, lang):
    footer = soup(empty_site, lang, "about").find("dl", class_="dp-footer__facts")
    facts = dict(zip([dt.get_text() for dt in footer("dt")], [dd.get_text() for dd in footer("dd")]))
    assert facts[label("updated", lang)] == label("no_data", lang)
    cite = facts[label("how_to_cite", lang)]
    assert ". ." not in cite and " . " not in cite and cite.endswith(f"/{lang}/")


def test_the_feeds_and_sitemaps_are_well_formed(empty_site):
    for path in sorted(empty_site.rglob("*.xml")):
        ET.parse(path)
    assert (empty_site / "th" / "pagefind" / "pagefind.js").is_file()
