"""The headline at the top of each indicator page, read from the built HTML: the latest
value with the status of the figure, the change from the previous comparable value, the
year, the publisher, and the trend and target badges."""

from __future__ import annotations

import csv

import pytest
from bs4 import BeautifulSoup
from support import ROOT, site_area


def rows(table: str) -> list[dict]:
    with open(ROOT / "data" / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def headline(site, lang: str, indicator_id: str):
    html = (site / lang / "indicators" / indicator_id / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "lxml").select_one(".dp-headline")


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_indicator_page_has_a_headline_with_publisher_and_badges(built_site, lang):
    sources = {s["source_id"]: s for s in rows("sources")}
    observations = [o for o in rows("observations") if o["area_id"] == site_area()]  # the headline is the own area's
    for indicator in rows("indicators"):
        box = headline(built_site, lang, indicator["indicator_id"])
        assert box is not None and box.select_one(".dp-trend"), indicator["indicator_id"]
        values = sorted((int(o["year"]), o) for o in observations if o["indicator_id"] == indicator["indicator_id"])
        if not values:
            assert ("ยังไม่มีข้อมูล" if lang == "th" else "No data yet") in text(box)
            assert box.select_one(".dp-headline__source") is None
            continue
        latest = values[-1][1]
        publisher = sources[latest["source_id"]][f"publisher_{lang}"]
        assert " ".join(publisher.split()) in text(box.select_one(".dp-headline__source"))
        year = str(int(latest["year"]) + (543 if lang == "th" else 0))
        assert year in text(box.select_one(".dp-headline__value"))


def test_preliminary_figure_and_its_change_in_words(built_site):
    # tourist-arrivals: 2024 revised 11,473,206; 2025 preliminary 11,955,249 (+482,043, +4.20%)
    en = text(headline(built_site, "en", "tourist-arrivals"))
    assert "11,955,249 visitor trips (persons) (2025, preliminary figure)" in en
    assert "Up 482,043 visitor trips (persons) (+4.20%) from 2024 (11,473,206)" in en
    assert "Ministry of Tourism and Sports" in en
    th = text(headline(built_site, "th", "tourist-arrivals"))
    assert "(พ.ศ. 2568, ตัวเลขเบื้องต้น)" in th and "เพิ่มขึ้น 482,043 คน-ครั้ง (+4.20%) จาก พ.ศ. 2567" in th


def test_no_change_across_a_series_break(built_site):
    # forest cover: 2009 (ONEP) is a new series after RFD's 1993-1998: never compared
    en = text(headline(built_site, "en", "forest-cover-percent"))
    assert "Not comparable with the previous value" in en and "Up " not in en and "Down " not in en


def test_part_year_value_says_so(built_site):
    # hotspots 2023 counts 1 January-31 May only
    assert "part of the year" in text(headline(built_site, "en", "hotspots"))
    assert "ครอบคลุมบางช่วงของปี" in text(headline(built_site, "th", "hotspots"))
