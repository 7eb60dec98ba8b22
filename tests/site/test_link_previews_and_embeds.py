"""Link previews and embed pages, read from the built site as a link-card robot and a
newsroom's iframe would: Open Graph tags on every page in its language, preview images
that exist at their declared size, and one embed page per indicator and language."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from devplan.publish.site import load_model
from PIL import Image
from support import ROOT, site_area

MODEL = load_model(ROOT / "data", site_area())

BASE = "https://chiang-mai-open-plan.github.io/development-plan/"  # extra.devplan.base_url in mkdocs.yml
with open(ROOT / "data" / "indicators.csv", encoding="utf-8-sig", newline="") as f:
    INDICATORS = {row["indicator_id"]: row for row in csv.DictReader(f)}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def meta(page: BeautifulSoup, name: str) -> str:
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    assert tag is not None, name
    return tag["content"]


def site_file(site: Path, url: str) -> Path:
    """The built file behind an absolute address of the published site."""
    assert url.startswith(BASE), url
    return site / urlsplit(url).path[len(urlsplit(BASE).path):]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_has_a_link_preview_in_its_language(built_site, lang):
    pages = [p for p in sorted((built_site / lang).rglob("index.html")) if "embed" not in p.parts]
    assert len(pages) > 40
    images = {}
    for path in pages:
        page = soup(path)
        where = path.relative_to(built_site / lang).parent.as_posix()
        assert meta(page, "og:locale") == ("th_TH" if lang == "th" else "en_US"), where
        assert meta(page, "og:title") and meta(page, "og:description"), where
        title = page.title.get_text()
        assert title == meta(page, "og:title") or title.startswith(meta(page, "og:title") + " - "), where
        expected = f"{BASE}{lang}/" + ("" if where == "." else f"{where}/")
        assert meta(page, "og:url") == expected
        assert meta(page, "twitter:card") == "summary_large_image"
        image = meta(page, "og:image")
        assert image.startswith((f"{BASE}previews/{lang}/", f"{BASE}previews/{lang}.png")), where
        images[image] = (int(meta(page, "og:image:width")), int(meta(page, "og:image:height")))
    for url, size in images.items():
        with Image.open(site_file(built_site, url)) as picture:
            picture.verify()
        with Image.open(site_file(built_site, url)) as picture:
            assert picture.format == "PNG" and picture.size == size == (1200, 630), url


def test_thai_preview_text_is_thai(built_site):
    page = soup(built_site / "th" / "indicators" / "tourist-arrivals" / "index.html")
    assert meta(page, "og:title") == INDICATORS["tourist-arrivals"]["name_th"]
    assert "ค่าล่าสุด" in meta(page, "og:description") and "Latest" not in meta(page, "og:description")
    home = soup(built_site / "th" / "index.html")
    assert meta(home, "og:image") == f"{BASE}previews/th.png"


@pytest.mark.parametrize("lang,words,year", [("th", "ค่าล่าสุด", "พ.ศ. 2558"), ("en", "Latest value", "2015")])
def test_indicator_description_carries_the_latest_value_and_year(built_site, lang, words, year):
    page = soup(built_site / lang / "indicators" / "household-income-monthly" / "index.html")
    description = meta(page, "og:description")
    assert description.startswith(f"{words}: 14,950 ") and f"({year}," in description
    assert meta(page, "og:image") == f"{BASE}previews/{lang}/household-income-monthly.png"
    assert meta(page, "description") == description


def test_every_indicator_has_a_preview_image_per_language(built_site):
    for lang in ("th", "en"):
        names = {p.stem for p in (built_site / "previews" / lang).glob("*.png")}
        assert names == set(INDICATORS)
        assert (built_site / "previews" / f"{lang}.png").is_file()  # every other page's, outside the ids' folder


def test_preview_text_from_data_is_escaped(hostile_site):
    page = soup(hostile_site / "en" / "indicators" / "visitors" / "index.html")
    raw = (hostile_site / "en" / "indicators" / "visitors" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__xss" not in raw
    assert meta(page, "og:title") == "</title><script>window.__xss=1</script>"  # read back as text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_indicator_has_an_embed_page_with_its_source_and_a_way_back(built_site, lang):
    for indicator_id, row in INDICATORS.items():
        page = soup(built_site / lang / "embed" / indicator_id / "index.html")
        assert page.html["lang"] == lang
        assert page.find(class_="md-header") is None and page.find("nav") is None  # no site chrome
        chart = page.find(id=f"chart-{indicator_id}")
        values, targets = MODEL.indicators[indicator_id].observations, MODEL.indicators[indicator_id].targets
        if len(values) >= 2 or (values and targets):  # something to draw
            assert chart["data-figure"]
        else:  # nothing to draw: the embed says so in words, as the indicator page does
            assert chart is None and page.find(class_="dp-muted").get_text(strip=True)
        back = f"{BASE}{lang}/indicators/{indicator_id}/"
        assert page.h1.a["href"] == back and page.h1.get_text(strip=True) == row[f"name_{lang}"]
        source = page.find(class_="dp-embed__source").get_text(" ", strip=True)
        assert source.startswith("แหล่งข้อมูล:" if lang == "th" else "Source:")
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "script-src 'self';" in csp  # no inline script
        assert not [s for s in page.find_all("script") if not s.get("src")]
        for tag, attribute in (("script", "src"), ("link", "href")):
            for element in page.find_all(tag):
                if element.get("rel") != ["canonical"]:
                    assert not urlsplit(element[attribute]).netloc  # the site's own files only
                    assert (built_site / lang / "embed" / indicator_id / element[attribute]).resolve().is_file()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_iframe_snippet_points_at_the_embed_page(built_site, lang):
    page = soup(built_site / lang / "indicators" / "tourist-arrivals" / "index.html")
    snippet = BeautifulSoup(page.find("textarea", class_="dp-share__code").get_text(), "lxml").iframe
    assert snippet["src"] == f"{BASE}{lang}/embed/tourist-arrivals/"
    assert (site_file(built_site, snippet["src"]) / "index.html").is_file()
    assert snippet["title"] == INDICATORS["tourist-arrivals"][f"name_{lang}"] and int(snippet["height"]) >= 400
    share = page.find(class_="dp-share")
    assert share["data-address"] == f"{BASE}{lang}/indicators/tourist-arrivals/#chart"
    assert page.find(id="chart")  # the anchor the copied link points at
