"""Sources a journalist can cite: the publisher's own page first and the copy that was read
as "read from", each publisher once in a citation, dates in the page's language and calendar."""

from __future__ import annotations

import csv
import re

import openpyxl
import pytest
from bs4 import BeautifulSoup
from support import ROOT

SOURCES = {r["source_id"]: r for r in csv.DictReader(open(ROOT / "data" / "sources.csv", encoding="utf-8-sig"))}
COPIES = {k: s for k, s in SOURCES.items() if s["publisher_url"]}
INDICATORS = [r["indicator_id"] for r in csv.DictReader(open(ROOT / "data" / "indicators.csv", encoding="utf-8-sig"))]
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
READ_FROM = {"th": "อ่านตัวเลขจาก", "en": "Figures read from"}


def soup(site, lang, path):
    return BeautifulSoup((site / lang / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_real_data_cites_publishers_pages_beside_copies():
    assert len(COPIES) >= 5
    assert all(s["publisher_url"] != s["url"] for s in COPIES.values())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_data_page_links_the_publishers_page_first_and_the_copy_as_read_from(built_site, lang):
    page = soup(built_site, lang, "data")
    for source_id, source in SOURCES.items():
        item = page.select_one(f"#source-{source_id}")
        links = [a["href"] for a in item.select("a") if not a["href"].startswith("../")]  # not the kept copy
        if source_id in COPIES:
            assert links == [source["publisher_url"], source["url"]], source_id
            read_from = item.select("a")[-1].find_previous(string=re.compile(READ_FROM[lang]))
            assert read_from is not None, source_id
        else:
            assert links == ([source["url"]] if source["url"] else []), source_id
            assert READ_FROM[lang] not in item.get_text()
        item.code.decompose()  # the source's id may hold a date
        assert not ISO_DATE.search(item.get_text()), item.get_text()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_each_publisher_is_cited_once_with_a_date_in_the_pages_calendar(built_site, lang):
    for indicator in INDICATORS:
        cite = soup(built_site, lang, f"indicators/{indicator}").select_one(".dp-cite").get_text(" ", strip=True)
        named = cite.rsplit(":", 1)[1].rstrip(".").split(";")
        assert len(named) == len(set(n.strip() for n in named)), cite
        assert not ISO_DATE.search(cite), cite
        if lang == "th":
            assert re.search(r"ข้อมูล ณ วันที่ \d{1,2} \S+ 25\d\d", cite), cite
        else:
            assert re.search(r"data as of \d{1,2} [A-Z][a-z]+ 20\d\d", cite), cite


def test_downloads_name_the_publishers_page_first(built_site):
    about = {k: v for k, v in openpyxl.load_workbook(built_site / "data/indicators/tourist-arrivals.xlsx")["about"]
             .iter_rows(values_only=True) if k}
    mots = next(s for k, s in COPIES.items() if k.startswith("mots-tourism-25") and s["url"] in about["Source 1"])
    text = about["Source 1"]
    assert text.index(mots["publisher_url"]) < text.index(READ_FROM["en"]) < text.index(mots["url"])
    assert not ISO_DATE.search(about["แหล่งข้อมูล 1"]) and not ISO_DATE.search(about["วิธีอ้างอิง"])
    with open(built_site / "data/indicators/tourist-arrivals.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_address = {s["url"]: s["publisher_url"] for s in SOURCES.values() if s["url"]}
    assert all(r["source_publisher_url"] == by_address[r["source_url"]] for r in rows)
    assert any(r["source_publisher_url"] for r in rows)
