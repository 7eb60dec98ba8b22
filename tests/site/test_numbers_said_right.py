"""Numbers said right, read from the built site as a reader reads it: a change of a rate or
share is in percentage points (จุดร้อยละ) wherever it is said, and money at current prices
says so wherever its trend is shown, naming the indicator in real terms."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup
from support import ROOT

INDICATORS = {r["indicator_id"]: r for r in csv.DictReader(open(ROOT / "data" / "indicators.csv", encoding="utf-8-sig"))}
RATES = [i for i, r in INDICATORS.items() if r["measure"] == "percent"]
MONEY = [i for i, r in INDICATORS.items() if r["measure"] == "current-prices"]
POINTS = {"th": "จุดร้อยละ", "en": "percentage points"}
PRICES = {"th": "ราคาประจำปี", "en": "at current prices"}
# A change (a signed figure, or one after up/down) said in percent: "+2.08 percent", "Up 2.08 percent",
# "เพิ่มขึ้น 2.08 ร้อยละ". "ร้อยละ" inside "จุดร้อยละ" is the right unit.
CHANGE_IN_PERCENT = re.compile(r"(?:[+\-−]\s?[\d.,]+|(?:Up|Down|เพิ่มขึ้น|ลดลง)\s+[\d.,]+)\s*(?:percent\b|(?<!จุด)ร้อยละ)",
                               re.IGNORECASE)


def text_of(path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").get_text(" ", strip=True)


def test_the_real_data_has_rates_and_money_at_current_prices():
    assert {"hotel-occupancy-rate", "forest-cover-percent"} <= set(RATES)
    assert "gpp-current" in MONEY and INDICATORS["gpp-current"]["real_terms"] == "gpp-real-growth"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_page_or_feed_says_a_change_in_percent(built_site, lang):
    found = []
    for path in sorted((built_site / lang).rglob("*.html")) + [built_site / lang / "changes.xml"]:
        text = text_of(path) if path.suffix == ".html" else path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(built_site)}: {m.group()}" for m in CHANGE_IN_PERCENT.finditer(text)]
    assert found == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_rates_changes_are_percentage_points_in_headline_tables_and_trend(built_site, lang):
    latest = BeautifulSoup((built_site / lang / "latest" / "index.html").read_text(encoding="utf-8"), "lxml")
    for indicator in RATES:
        page = BeautifulSoup((built_site / lang / "indicators" / indicator / "index.html").read_text(encoding="utf-8"), "lxml")
        change = page.select_one(".dp-headline__change")
        if change and not change.get("class", []).count("dp-muted"):
            assert POINTS[lang] in change.get_text() and "%" not in change.get_text(), change.get_text()
        for cell in page.select(".dp-table--values td.dp-change"):
            text = cell.get_text(" ", strip=True)
            assert text == "–" or (POINTS[lang] in text and "%" not in text), (indicator, text)
        row = latest.select_one(f"tr#{indicator}")  # none without a value: named once below the table
        changes = [td.get_text(" ", strip=True) for td in row.select("td.dp-num")][1:] if row else []
        assert all(c == "–" or POINTS[lang] in c and "%" not in c for c in changes), (indicator, changes)
    compared = BeautifulSoup((built_site / lang / "indicators/hotel-occupancy-rate/index.html").read_text(encoding="utf-8"),
                             "lxml").select_one("#trend").find_next("p").get_text()
    assert f"+2.08 {POINTS[lang]}" in compared, compared


def test_the_latest_values_download_names_the_unit_of_each_change(built_site):
    with open(built_site / "data" / "latest-values.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["indicator_id"]: r for r in csv.DictReader(f)}
    for indicator, row in rows.items():
        if row["change"] == "":
            assert row["change_unit_en"] == row["change_unit_th"] == ""
        elif indicator in RATES:
            assert (row["change_unit_th"], row["change_unit_en"]) == (POINTS["th"], POINTS["en"])
        else:
            assert (row["change_unit_th"], row["change_unit_en"]) == (row["unit_th"], row["unit_en"])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_money_at_current_prices_says_so_wherever_its_trend_is_shown(built_site, lang):
    shown = 0
    for path in sorted((built_site / lang).rglob("index.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for row in page.select("tr"):
            link = row.select_one("a[href*='indicators/']")
            badge = row.select_one(".dp-trend")
            if not link or not badge or "dp-trend--not_assessed" in badge["class"]:
                continue
            indicator = link["href"].rstrip("/").rsplit("/", 1)[-1]
            if indicator in MONEY:
                shown += 1
                assert PRICES[lang] in row.get_text(), (path, indicator)
    assert shown >= 4
    for indicator in MONEY:
        page = BeautifulSoup((built_site / lang / "indicators" / indicator / "index.html").read_text(encoding="utf-8"), "lxml")
        status = page.select_one(".dp-headline .dp-headline__status")
        if "dp-trend--not_assessed" not in status.select_one(".dp-trend")["class"]:
            assert PRICES[lang] in status.get_text(), indicator


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_indicator_in_real_terms_is_named_even_without_data(built_site, lang):
    page = BeautifulSoup((built_site / lang / "indicators/gpp-current/index.html").read_text(encoding="utf-8"), "lxml")
    link = page.select_one("a[href$='gpp-real-growth/']")
    assert link is not None and link.get_text() == INDICATORS["gpp-real-growth"][f"name_{lang}"]
    assert ("ยังไม่มีข้อมูล" if lang == "th" else "No data yet") in link.parent.get_text()
