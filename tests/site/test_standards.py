"""A national standard is a reference level, never called a target: not on its indicator's
page, not on the changes page or in the feed, not in the downloads, nowhere on the site."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup
from support import ROOT

TARGETS = list(csv.DictReader(open(ROOT / "data" / "targets.csv", encoding="utf-8-sig")))
STANDARDS = {(t["indicator_id"], int(t["year"])) for t in TARGETS if t["kind"] == "standard"}
ONLY_STANDARDS = sorted({i for i, _ in STANDARDS} - {t["indicator_id"] for t in TARGETS if t["kind"] != "standard"})
TARGET_WORD = re.compile(r"target|เป้าหมาย", re.IGNORECASE)
# Saying what a standard is not is fine: "a national standard, not a target of the plan".
NOT_A_TARGET = re.compile(r"not (?:a|the plan's) target|not a judgement against a target"
                          r"|ไม่ใช่(?:การประเมินเทียบกับ)?ค่าเป้าหมาย|ไม่ใช่เป้าหมาย", re.IGNORECASE)
# "Target: national standard", "ค่าเป้าหมาย: มาตรฐาน...", "ค่าเป้าหมายปี 2566 ... มาตรฐาน" said of one value.
TARGET_CALLED_STANDARD = re.compile(r"targets?\s*[:(]\s*(?:a |the )?(?:national )?standard"
                                    r"|ค่าเป้าหมาย\s*(?:ปี\s*\d+\s*)?[:(]?\s*มาตรฐาน", re.IGNORECASE)
STANDARD_WORD = {"th": "มาตรฐานระดับประเทศ", "en": "national standard"}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_the_real_data_has_an_indicator_judged_against_a_standard_only():
    assert "pm25-annual-mean" in ONLY_STANDARDS


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_indicator_with_only_a_standard_never_says_target(built_site, lang):
    for indicator in ONLY_STANDARDS:
        article = soup(built_site / lang / "indicators" / indicator / "index.html").select_one("article")
        for link in article.select("a[href*='targets.csv']"):  # the file's name, for maintainers
            link.decompose()
        text = NOT_A_TARGET.sub("", article.get_text(" ", strip=True))
        assert not TARGET_WORD.search(text), TARGET_WORD.findall(text)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_changes_and_feed_call_a_standard_a_standard(built_site, lang):
    names = {r["indicator_id"]: r[f"name_{lang}"]
             for r in csv.DictReader(open(ROOT / "data" / "indicators.csv", encoding="utf-8-sig"))}
    items = [li.get_text(" ", strip=True) for li in soup(built_site / lang / "changes" / "index.html").select(".dp-changes li")]
    feed = (built_site / lang / "changes.xml").read_text(encoding="utf-8")
    checked = 0
    for indicator, year in STANDARDS:
        shown = str(year + (543 if lang == "th" else 0))
        about = [i for i in items if i.startswith(names[indicator]) and shown in i.split(":")[0]]
        checked += len(about)
        assert all(STANDARD_WORD[lang] in i and not TARGET_WORD.search(i.split(":")[0]) for i in about), about
        assert not TARGET_CALLED_STANDARD.search(feed)
    assert checked, "the git history has the standard's row"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_page_calls_a_standard_a_target(built_site, lang):
    found = []
    for path in sorted((built_site / lang).rglob("*.html")):
        text = soup(path).get_text(" ", strip=True)
        found += [f"{path.relative_to(built_site)}: {m.group()}" for m in TARGET_CALLED_STANDARD.finditer(text)]
    assert found == []


def test_downloads_call_a_standard_a_national_standard(built_site):
    with open(built_site / "data/indicators/pm25-annual-mean.csv", encoding="utf-8-sig", newline="") as f:
        kinds = {(r["kind"], r["year_ce"]) for r in csv.DictReader(f)}
    assert {("national_standard", str(year)) for i, year in STANDARDS if i == "pm25-annual-mean"} <= kinds
    assert not any(kind == "target" for kind, _ in kinds)
