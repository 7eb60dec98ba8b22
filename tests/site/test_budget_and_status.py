"""Budget and status pages built from the tiny fixture, whose numbers are worked by hand."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_budget_totals_by_strategy_and_agency(tiny_site):
    page = soup(tiny_site, "en/budget")
    text = page.get_text(" ", strip=True)
    # projects: 1,500,000 (Agency A) + 250,000.50 (Agency B) = 1,750,000.50 baht
    assert "Total: 1,750,000.50 baht" in text
    agencies = page.find(id="by-agency").find_next("table")
    assert [[td.get_text() for td in tr.find_all(["th", "td"])] for tr in agencies.tbody.find_all("tr")] == [
        ["Agency A", "1,500,000"], ["Agency B", "250,000.50"]]
    figure = json.loads(page.find(id="chart-budget")["data-figure"])
    assert figure["data"][0]["x"] == [1.7500005]  # million baht, one action strategy
    assert "1 October 2024 to 30 September 2025" in text


def test_budget_without_projects_says_what_is_missing_and_where_it_is_published(built_site, tiny_site):
    page = soup(built_site, "en/budget")
    text = page.select_one("article").get_text(" ", strip=True)
    assert "What is missing: the projects of the yearly action plan" in text
    assert "Budget Bureau" in text and "data/projects.csv" in text
    assert page.select_one("article table") is None and page.select_one(".dp-chart") is None
    # no menu entry promises figures that are not there; the reporting page links to it instead
    assert not [a for a in page.select(".md-nav a") if a.get_text(strip=True) == "Project budget"]
    assert soup(built_site, "en/reporting").select_one("article a[href='../budget/']") is not None
    assert [a for a in soup(tiny_site, "en").select(".md-nav a") if a.get_text(strip=True) == "Project budget"]
    assert "สำนักงบประมาณ" in soup(built_site, "th/budget").select_one("article").get_text()


def test_budget_in_thai_uses_buddhist_era_fiscal_years(tiny_site):
    text = soup(tiny_site, "th/budget").get_text(" ", strip=True)
    assert "ปีงบประมาณ พ.ศ. 2568 เริ่ม 1 ตุลาคม 2567 ถึง 30 กันยายน 2568" in text


def test_status_badges_and_their_numbers(tiny_site):
    # visitors: 1,000,000 (2023) -> 1,150,000 (2025), target 1,500,000 in 2027
    # observed (1.15)^(1/2) - 1 = 7.24 % a year; needed (1.5)^(1/4) - 1 = 10.67 %; ratio 0.68
    page = soup(tiny_site, "en/indicators/visitors")
    assert page.select_one(".dp-headline .dp-status").get_text(" ", strip=True) == "◆ Off track: needs acceleration"
    facts = page.find(id="status").find_next("dl").get_text(" ", strip=True)
    assert "+7.24%" in facts and "+10.67%" in facts and "0.68" in facts
    # pm25 (lower is better): 30.5 (2022) -> 28.0 (2023), target 20 in 2027
    # observed 28/30.5 - 1 = -8.20 %; needed (20/30.5)^(1/5) - 1 = -8.09 %; ratio 1.01: on track
    assert "On track" in soup(tiny_site, "en/indicators/pm25").select_one(".dp-headline .dp-status").get_text()
    # budget-spent has no values and no target
    assert "No target published" in soup(tiny_site, "en/indicators/budget-spent").select_one(".dp-headline").get_text()


def test_indicator_without_values_says_no_data_yet(tiny_site):
    page = soup(tiny_site, "th/indicators/budget-spent")
    assert "ยังไม่มีข้อมูล" in page.select_one(".dp-headline").get_text()
    assert "ยังไม่มีข้อมูล" in page.find(id="values").find_next("p").get_text()


def values_table(site, lang, indicator):
    table = soup(site, f"{lang}/indicators/{indicator}").find(id="values").find_next("table")
    return [[cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]


def test_values_table_shows_the_change_worked_by_hand(tiny_site):
    # visitors: 1,000,000 (2023), 1,100,000 (2024), 1,150,000 (2025); the plan starts in 2023.
    # 2024: +100,000 = +10.0 % on both; 2025: +50,000 / 1,100,000 = +4.5 %, +150,000 / 1,000,000 = +15.0 %
    rows = values_table(tiny_site, "en", "visitors")
    assert rows[0][3:5] == ["Change from previous", "Change since 2023"]
    assert rows[1][3:5] == ["–", "–"]
    assert rows[2][3:5] == ["+100,000 +10.0%", "+100,000 +10.0%"]
    assert rows[3][3:5] == ["+50,000 +4.5%", "+150,000 +15.0%"]
    assert rows[4][2].startswith("Target") and rows[4][3:5] == ["", ""]
    # PM2.5, one decimal: 30.5 -> 28.0 is -2.5, -2.5 / 30.5 = -8.2 %; 2022 is before the plan,
    # whose first value (2023) is where the plan column starts
    pm25 = values_table(tiny_site, "th", "pm25")
    assert pm25[0][4] == "เปลี่ยนจาก พ.ศ. 2566"
    assert pm25[2][3:5] == ["-2.5 -8.2%", "–"]
