"""Trend and target status, freshness, summaries, status tables, linked goals and the
reporting-status page, read from the built tiny fixture (invented numbers) as a reader would.

Hand-worked from tests/fixtures/tiny (data date 2025-02-01, development plan 2023-2027):
  visitors   1,100,000 (2024) -> 1,150,000 (2025, preliminary): +4.55 %  improving; plan target: off track
  pm25       30.5 -> 28.0 (lower is better): -8.20 %                      improving; plan target: on track
  dust-days  20.0 -> 19.7 (lower is better): -1.50 %, inside 2 %          maintaining; standard 35: meets it
  forest     60.0 (2010, old survey) | 55.0 (2024, new survey)            not assessed: series break; announced target
  income     10,000 (2013) -> 10,500 (2015): +5 %, before the plan (2023) not assessed: old data
  budget-spent: no values, no target                                      not assessed: no data
"""

from __future__ import annotations

from bs4 import BeautifulSoup


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def text(node):
    return node.get_text(" ", strip=True)


def rows(table):
    """Each row's cells as the table shows them."""
    return [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]


def test_headline_shows_target_status_first_and_the_trend_beside_it(tiny_site):
    headline = soup(tiny_site, "en/indicators/visitors").select_one(".dp-headline")
    assert text(headline.select_one(".dp-status")) == "◆ Off track: needs acceleration"
    assert text(headline.select_one(".dp-trend")) == "+ Improving"
    assert "(Target: from the plan's KPI table)" in text(headline)
    # no target: the trend is the headline, and the page says there is no target
    headline = soup(tiny_site, "en/indicators/budget-spent").select_one(".dp-headline")
    assert headline.select_one(".dp-status") is None
    assert text(headline.select_one(".dp-trend")) == "? Not assessed"
    assert "No target published" in text(headline)


def test_trend_explained_with_the_two_values_and_the_rule(tiny_site):
    section = text(soup(tiny_site, "en/indicators/dust-days").find(id="trend").parent)
    assert "Compares 2025 (19.7) with 2024 (20.0)" in section and "-1.50%" in section
    assert "smaller than 2% of the earlier value" in section
    provisional = text(soup(tiny_site, "en/indicators/visitors").find(id="trend").parent)
    assert "+4.55%" in provisional and "preliminary" in provisional
    thai = soup(tiny_site, "th/indicators/dust-days").find(id="trend")
    assert text(thai.select_one(".dp-trend")) == "= ทรงตัว"


def test_series_break_and_old_data_are_not_assessed_and_say_why(tiny_site):
    forest = text(soup(tiny_site, "en/indicators/forest").find(id="trend").parent)
    assert "Not assessed" in forest and "new series" in forest
    income = soup(tiny_site, "en/indicators/income")
    assert text(income.select_one(".dp-headline .dp-old")) == "Old data"
    section = text(income.find(id="trend").parent)
    assert "Old data: between 2013 and 2015 the value changed by +5.00%" in section
    assert "before the plan began (2023)" in section


def test_target_kind_is_said_in_words_wherever_a_target_appears(tiny_site):
    page = soup(tiny_site, "en/indicators/forest")
    values = text(page.find(id="values").find_next("table"))
    assert "Announced aim (said by an official in the news, not the plan's KPI)" in values
    assert "(Announced aim: said by an official in the news" in text(page.select_one(".dp-headline"))
    dust = soup(tiny_site, "en/indicators/dust-days")
    assert text(dust.select_one(".dp-headline .dp-status")) == "✓ Meets the national standard"
    assert "reference level" in text(dust.find(id="target-status").parent)
    thai = text(soup(tiny_site, "th/indicators/forest").select_one(".dp-headline"))
    assert "ประกาศในข่าว" in thai


def test_goal_status_table_and_summary(tiny_site):
    page = soup(tiny_site, "en/goals/g-air")
    summary = text(page.select_one(".dp-summary"))
    assert "3 of 4 indicators have values; a published target for 3." in summary
    assert "Improving 1 · = Maintaining 1 · − Worsening 0 · ? Not assessed 2" in summary
    assert "On track 1" in summary and "Meets the national standard 1" in summary and "Not enough data 1" in summary
    table = page.select_one("table.dp-table--status")
    assert [text(th) for th in table.thead.find_all("th")] == ["Indicator", "Latest value", "Trend", "Against a target or standard"]
    assert rows(table)[0] == ["PM2.5 annual mean", "28.0 µg/m³ (2023, 2 years old)", "+ Improving", "▲ On track (Target: from the plan's KPI table)"]
    # an indicator without any value is named once under the table, not given a row of "no data"
    assert "Budget disbursed" not in text(table)
    assert text(page.select_one(".dp-nodata")) == "No public data yet (1): Budget disbursed"
    # a row without a target leaves its cell empty: a dash in the table, no line in a card
    tourism = rows(soup(tiny_site, "en/goals/g-tourism").select_one("table.dp-table--status"))
    assert next(r for r in tourism if r[0] == "Household income")[3] == ""


def test_status_table_leaves_out_the_target_column_where_nothing_has_a_target(built_site):
    table = soup(built_site, "en/goals/g-econ").select_one("table.dp-table--status")
    assert [text(th) for th in table.thead.find_all("th")] == ["Indicator", "Latest value", "Trend"]


def test_old_data_is_marked_in_lists(tiny_site):
    table = soup(tiny_site, "en/indicators").select_one("table.dp-table--status")
    income = next(r for r in rows(table) if r[0] == "Household income")
    assert income[1] == "10,500 baht (2015, 10 years old) Old data"


def test_home_summarises_both_statuses_and_coverage(tiny_site):
    page = soup(tiny_site, "en")
    summary = text(page.select_one(".dp-summary"))
    # 6 indicators: 5 with values (income old), 4 with a target
    assert "5 of 6 indicators have values (one of them old data); a published target for 4." in summary
    assert "Improving 2 · = Maintaining 1 · − Worsening 0 · ? Not assessed 3" in summary
    areas = [text(s.h3) for s in page.select(".dp-glance__area")]
    assert areas == ["Economy", "Environment"]
    thai = text(soup(tiny_site, "th").select_one(".dp-summary"))
    assert "มีค่าที่วัดได้ 5 จาก 6 ตัวชี้วัด" in thai


def test_linked_strategies_list_their_goals_with_basis_source_and_statuses(tiny_site):
    page = soup(tiny_site, "en/strategies/long-1")
    linked = page.find(id="linked-goals")
    assert linked is not None
    card = page.find(id="linked-g-tourism").parent
    assert "Test link basis (invented)" in text(card) and "Test publisher" in text(card)
    names = [r[0] for r in rows(card.select_one("table.dp-table--status"))]
    assert names == ["Visitors", "Household income"]
    assert "Both indicators have values" in text(page.select_one(".dp-summary"))
    action = soup(tiny_site, "en/strategies/act-1")
    assert action.find(id="linked-g-air") is not None
    # the 20-year plan's page summarises the indicators its strategies are measured by
    assert "Both indicators have values" in text(soup(tiny_site, "en/plans/long").select_one(".dp-summary"))


def test_reporting_status_page(tiny_site):
    page = soup(tiny_site, "en/reporting")
    table = page.select_one("table.dp-table--reporting")
    assert rows(table) == [
        ["Economy", "2", "2", "1", "1"],
        ["Tourism", "2", "2", "1", "1"],
        ["Environment", "4", "3", "3", "3"],
        ["Clean air", "4", "3", "3", "3"],
        ["Total", "6", "5", "4", "4"],
    ]
    # what is missing: no value at all, or only old data (income: 2015, before the plan)
    missing = rows(page.select_one("table.dp-table--missing"))
    assert missing == [
        ["Budget disbursed", "Clean air", "No data yet", "Test agency"],
        ["Household income", "Tourism", "Only old data: the latest is from 2015 (10 years old)", "Test survey agency"],
    ]
    assert "No published target: 2 of 6 indicators." in text(page.find(id="missing").parent)
    nav = soup(tiny_site, "th")
    assert any(a.get_text(strip=True) == "สถานะการรายงานข้อมูล" for a in nav.select("nav a"))


def test_a_standard_is_drawn_as_a_level_not_a_path_to_a_target(tiny_site):
    import json

    page = soup(tiny_site, "en/indicators/dust-days")
    figure = json.loads(page.select_one(".dp-chart")["data-figure"])
    names = [trace["name"] for trace in figure["data"]]
    assert "Path to target" not in names
    standard = next(trace for trace in figure["data"] if trace["name"] == "National standard")
    assert standard["x"] == [2023, 2025] and standard["y"] == [35, 35]  # from 2023 to the last value shown
    forest = json.loads(soup(tiny_site, "en/indicators/forest").select_one(".dp-chart")["data-figure"])
    # an announced aim is drawn and labelled as one (charts.py), a plan target as a path
    assert {"Path to target", "Aim announced in the news (not a plan KPI)"} & {trace["name"] for trace in forest["data"]}
