"""The built site read as a reader's browser would: parsed HTML, not generated Markdown."""

from __future__ import annotations

import csv
import json
import re

import pytest
from bs4 import BeautifulSoup
from devplan.render.labels import label
from support import ROOT, page, rows, site_area

DATA = ROOT / "data"


def figure(soup: BeautifulSoup, chart_id: str) -> dict:
    return json.loads(soup.find(id=f"chart-{chart_id}")["data-figure"])


INDICATORS = [r["indicator_id"] for r in rows("indicators")]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_indicator_has_a_page_in_each_language(built_site, lang):
    for indicator in rows("indicators"):
        soup = page(built_site, lang, f"indicators/{indicator['indicator_id']}")
        assert soup.html["lang"] == lang
        assert soup.h1.get_text(strip=True) == indicator[f"name_{lang}"]
        assert soup.title.get_text().startswith(indicator[f"name_{lang}"])


def test_chart_carries_the_observed_numbers_and_years(built_site):
    observations = [o for o in rows("observations") if o["area_id"] == site_area()]  # the charts are the own area's
    targets = {r["indicator_id"] for r in rows("targets")}
    for indicator_id in INDICATORS:
        expected = sorted((int(o["year"]), float(o["value"])) for o in observations if o["indicator_id"] == indicator_id)
        for lang, offset in (("th", 543), ("en", 0)):
            soup = page(built_site, lang, f"indicators/{indicator_id}")
            if not expected or (len(expected) < 2 and indicator_id not in targets):  # nothing to chart: said in words
                assert soup.find(id=f"chart-{indicator_id}") is None
                continue
            traces = figure(soup, indicator_id)["data"]
            # firm figures, preliminary ones (joined to the figure before them) and any counted differently
            not_values = {label(k, lang) for k in ("target_path", "target_announced", "baseline", "standard")}
            points = {(x, y) for t in traces if t["name"] not in not_values
                      for x, y in zip(t["x"], t["y"]) if x is not None}
            assert sorted(points) == [(y + offset, v) for y, v in expected]


def test_chart_line_breaks_across_long_gaps_only(built_site):
    # gpp-current: 2013 from another source's series, then yearly 2019-2023: never joined
    traces = figure(page(built_site, "en", "indicators/gpp-current"), "gpp-current")["data"]
    assert traces[0]["x"][0] == 2019 and traces[0]["connectgaps"] is False
    assert traces[1]["x"] == [2013] and traces[1]["name"] == "2013: counted differently, not comparable"
    # income-gini: every second year (usual step 2): one unbroken line
    gini = figure(page(built_site, "en", "indicators/income-gini"), "income-gini")["data"][0]
    assert None not in gini["x"]


def test_table_repeats_the_chart_numbers_with_separators(built_site):
    soup = page(built_site, "en", "indicators/tourist-arrivals")
    table = soup.find("table", class_="dp-table--values")
    cells = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    value = next(float(o["value"]) for o in rows("observations")
                 if o["indicator_id"] == "tourist-arrivals" and o["year"] == "2024" and o["area_id"] == site_area())
    row_2024 = next(c for c in cells if c[0] == "2024")
    assert row_2024[1] == f"{value:,.0f}"


def test_thai_pages_use_buddhist_era_and_thai_labels(built_site):
    soup = page(built_site, "th", "indicators/tourist-arrivals")
    years = [tr.th.get_text(strip=True) for tr in soup.find("table", class_="dp-table--values").tbody.find_all("tr")]
    assert "พ.ศ. 2567" in years and "2024" not in " ".join(years)
    headings = [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2")]
    assert "แผนภูมิ" in headings and "Chart" not in headings


def test_every_indicator_without_target_says_so(built_site):
    targets = {r["indicator_id"] for r in rows("targets")}
    for indicator_id in INDICATORS:
        if indicator_id in targets:
            continue
        for lang, text in (("th", "ยังไม่มีการเผยแพร่ค่าเป้าหมาย"), ("en", "No target published")):
            assert text in page(built_site, lang, f"indicators/{indicator_id}").get_text()


def test_indicator_without_values_says_no_data_yet(built_site):
    observed = {r["indicator_id"] for r in rows("observations")}
    missing = [i for i in INDICATORS if i not in observed]
    assert missing, "the shipped data has indicators without values"
    for indicator_id in missing:
        for lang, text in (("th", "ยังไม่มีข้อมูล"), ("en", "No data yet")):
            soup = page(built_site, lang, f"indicators/{indicator_id}")
            assert soup.find(class_="dp-chart") is None  # no empty axes
            assert soup.find(id="chart").find_next_sibling("p").get_text(strip=True) == text


@pytest.mark.parametrize("lang,other", [("th", "en"), ("en", "th")])
def test_language_switch_points_to_the_same_page(built_site, lang, other):
    for url in ["", "indicators/tourist-arrivals/", "goals/g-tourism/", "methodology/"]:
        soup = BeautifulSoup((built_site / lang / url / "index.html").read_text(encoding="utf-8"), "lxml")
        link = soup.find("a", class_="dp-language-link", hreflang=other)["href"]
        here = (built_site / lang / url).resolve()
        assert (here / link).resolve() == (built_site / other / url).resolve()


def test_root_page_offers_both_languages(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert {a["href"] for a in soup.find_all("a")} == {"th/", "en/"}


def test_404_page_in_both_languages(built_site):
    text = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "lxml").get_text()
    assert "ไม่พบหน้าที่ต้องการ" in text and "Page not found" in text


def test_home_counts_every_indicator_once(built_site):
    soup = page(built_site, "en", "")
    counts = [int(strong.get_text()) for strong in soup.select(".dp-glance__counts strong")]
    assert sum(counts) == len(INDICATORS)  # every indicator belongs to one area of the five-year plan
    areas = soup.select(".dp-glance__area")
    assert [a.h3.get_text(strip=True) for a in areas] == [
        r["title_en"] for r in rows("strategies") if r["plan_id"] == "dev-2566-2570"]


def test_every_source_of_an_indicator_is_linked(built_site):
    sources = {r["source_id"]: r for r in rows("sources")}
    for indicator in rows("indicators"):
        soup = page(built_site, "en", f"indicators/{indicator['indicator_id']}")
        source = sources[indicator["source_id"]]
        if source["url"]:
            assert soup.find("a", href=source["url"]), indicator["indicator_id"]


def test_indicator_page_links_to_its_rows_on_github(built_site):
    import yaml

    repo = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]
    lines = (DATA / "indicators.csv").read_text(encoding="utf-8").splitlines()
    with (DATA / "observations.csv").open(encoding="utf-8", newline="") as f:  # no cell holds a line break
        observation_rows = list(csv.reader(f))
    area = observation_rows[0].index("area_id")
    for indicator in rows("indicators"):
        soup = page(built_site, "en", f"indicators/{indicator['indicator_id']}")
        hrefs = [a["href"] for a in soup.select(".dp-edit a")]
        line = next(n for n, text in enumerate(lines, start=1) if text.startswith(indicator["indicator_id"] + ","))
        assert f"{repo}/blob/main/data/indicators.csv?plain=1#L{line}" in hrefs
        own = [n for n, cells in enumerate(observation_rows, start=1)
               if cells[0] == indicator["indicator_id"] and cells[area] == site_area()]  # the own area's rows
        if own and own == list(range(own[0], own[-1] + 1)):
            assert f"{repo}/blob/main/data/observations.csv?plain=1#L{own[0]}-L{own[-1]}" in hrefs
        assert any(h.startswith(f"{repo}/issues/new?title=") and indicator["indicator_id"] in h for h in hrefs)


def test_no_english_interface_text_on_thai_pages(built_site):
    """Navigation, headings, table headers, badges, labels and buttons on Thai pages are Thai."""
    thai = re.compile("[\u0e00-\u0e7f]")
    formats = {"CSV", "XLSX"}  # file-format names, the same in both languages
    for url in ["", "indicators/tourist-arrivals/", "data/", "budget/", "strategies/d-1-economy/", "changes/",
                "methodology/", "goals/g-tourism/", "plans/dev-2566-2570/"]:
        soup = page(built_site, "th", url.rstrip("/"))
        selectors = (".md-nav__link, article h2, article thead th, .dp-status, dl.dp-facts dt, label, "
                     "button[aria-label], a[aria-label], figcaption, .md-footer__title")
        english = set()
        for element in soup.select(selectors):
            text = (element.get("aria-label") or element.get_text(" ", strip=True)).strip("¶ ")
            if text and not thai.search(text) and text not in formats:
                english.add(text)
        assert not english, (url, english)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_each_page_sidebars_are_its_own(built_site, lang):
    """Sidebars shared by several pages are drawn once (SameSidebars): still, each page's
    contents list its own headings, and the navigation opens on it when it is listed there."""
    pages = sorted((built_site / lang).rglob("index.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        headings = ["#" + h["id"] for h in soup.select("article h2[id], article h3[id]") if h.find("a", class_="headerlink")]
        contents = [a["href"] for a in soup.select(".md-sidebar--secondary .md-nav__link")]
        assert contents == headings, path
        active = [a["href"] for a in soup.select(".md-sidebar--primary a.md-nav__link--active")]
        assert active in ([], ["./"], ["."]), path  # none, or the page itself
        if path.parent.parent.name == "indicators":  # outside the navigation: nothing opens
            assert not active and not soup.select(".md-sidebar--primary .md-nav__item--active"), path
