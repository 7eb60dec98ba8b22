"""Indicators beside other provinces in the built site, read as a reader's browser would:
the rank sentence, the all-areas table, the map and the comparison chart's data, checked
against data/observations.csv and data/areas.csv (the real data) and the tiny package."""

from __future__ import annotations

import json

import pytest
from support import ROOT, page, rows



AREAS = {r["area_id"]: r for r in rows("areas")}
PROVINCES = [code for code, r in AREAS.items() if r["level"] == "province"]
OBSERVATIONS = rows("observations")
COMPARED = sorted({r["indicator_id"] for r in OBSERVATIONS if r["area_id"] != "TH50"})


def values(indicator: str, year: int) -> dict[str, float]:
    return {r["area_id"]: float(r["value"]) for r in OBSERVATIONS if r["indicator_id"] == indicator and r["year"] == str(year)}


def test_the_tourism_and_gpp_indicators_are_compared():
    assert {"tourist-arrivals", "hotel-occupancy-rate", "gpp-current", "gpp-per-capita"} <= set(COMPARED)
    assert len(PROVINCES) == 77


@pytest.mark.parametrize("lang, words", [("en", "Chiang Mai: {rank} of 77 provinces in {year}"),
                                         ("th", "เชียงใหม่: อันดับที่ {rank} จาก 77 จังหวัด ใน พ.ศ. {be}")])
def test_rank_sentence_names_the_place_the_year_and_the_direction(built_site, lang, words):
    for indicator in ("tourist-arrivals", "gpp-per-capita"):
        year = max(int(r["year"]) for r in OBSERVATIONS if r["indicator_id"] == indicator and r["area_id"] == "TH50")
        shown = values(indicator, year)
        place = 1 + sum(v > shown["TH50"] for code, v in shown.items() if code in PROVINCES)  # both are higher-is-better
        rank = {"en": f"{place}{'st' if place % 10 == 1 and place != 11 else 'nd' if place % 10 == 2 and place != 12 else 'rd' if place % 10 == 3 and place != 13 else 'th'}",
                "th": str(place)}[lang]
        sentence = page(built_site, lang, f"indicators/{indicator}").select_one(".dp-rank").get_text()
        assert sentence.startswith(words.format(rank=rank, year=year, be=year + 543)), sentence
        assert ("Rank 1 is the highest value." if lang == "en" else "อันดับ 1 คือค่าสูงที่สุด") in sentence


@pytest.mark.parametrize("lang", ["th", "en"])
def test_areas_table_has_every_province_with_its_value_and_marks_the_own_area(built_site, lang):
    soup = page(built_site, lang, "indicators/tourist-arrivals")
    year = 2025
    shown = values("tourist-arrivals", year)
    rows = soup.select(".dp-table--areas tbody:first-of-type tr")
    assert len(rows) == 77
    names = {AREAS[c][f"name_{lang}"]: v for c, v in shown.items() if c in PROVINCES}
    for row in rows:
        name = row.select_one("th[scope=row]").find(string=True, recursive=False).strip()
        assert row.select("td")[1].get_text() == f"{names[name]:,.0f}", name
    own = soup.select(".dp-table--areas tr.dp-own")
    assert len(own) == 1 and AREAS["TH50"][f"name_{lang}"] in own[0].get_text()
    ranks = [int(r.select_one("td").get_text().lstrip("=")) for r in rows]
    assert ranks == sorted(ranks) and ranks[0] == 1  # by rank, the highest value first
    aggregates = soup.select(".dp-table--areas tbody.dp-areas__aggregates th[scope=row]")
    assert AREAS["TH"][f"name_{lang}"] in [a.get_text() for a in aggregates]  # the country's own published figure


@pytest.mark.parametrize("lang", ["th", "en"])
def test_map_draws_every_province_with_the_tables_numbers_and_its_licence(built_site, lang):
    soup = page(built_site, lang, "indicators/gpp-per-capita")
    titles = [t.get_text() for t in soup.select(".dp-map__svg path > title")]
    assert len(titles) == 77
    shown = values("gpp-per-capita", 2023)
    for code in PROVINCES:
        assert f"{AREAS[code][f'name_{lang}']}: {shown[code]:,.0f}" in titles
    credit = soup.select_one(".dp-map__credit")
    assert "OCHA" in credit.get_text() and credit.a["href"] == "https://creativecommons.org/licenses/by/3.0/igo/"
    data = page(built_site, lang, "data")
    assert "thailand-canonical-admin-names" in data.select_one("#map ~ p").get_text()


def test_comparison_data_beside_the_page_has_every_area_and_year(built_site):
    data = json.loads((built_site / "en" / "indicators" / "tourist-arrivals" / "compare.json").read_text(encoding="utf-8"))
    assert data["years"] == list(range(2019, 2026)) and data["own"] == "TH50"
    assert {code for code, _ in data["areas"]} == {r["area_id"] for r in OBSERVATIONS if r["indicator_id"] == "tourist-arrivals"}
    assert data["values"]["TH57"][-1] == values("tourist-arrivals", 2025)["TH57"]
    assert data["default"][0] == "TH50" and data["default"][-1] == "TH"  # the own area ... the country
    soup = page(built_site, "en", "indicators/tourist-arrivals")
    assert soup.select_one(".dp-compare")["data-source"] == "compare.json"


def test_indicators_without_other_areas_have_no_comparison(built_site):
    alone = next(i["indicator_id"] for i in rows("indicators") if i["indicator_id"] not in COMPARED)
    soup = page(built_site, "en", f"indicators/{alone}")
    assert soup.select_one("#compare") is None and soup.select_one(".dp-map") is None
    assert not (built_site / "en" / "indicators" / alone / "compare.json").exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_and_goal_pages_say_where_the_own_area_stands_by_rule(built_site, lang):
    home = page(built_site, lang, "").select(".dp-highlights li a")
    assert 0 < len(home) <= 5 and all(a["href"].endswith("/#compare") for a in home)
    goal = next(g["goal_id"] for g in rows("goals") if any(
        i["goal_id"] == g["goal_id"] and i["indicator_id"] == "tourist-arrivals" for i in rows("indicators")))
    lines = [li.get_text() for li in page(built_site, lang, f"goals/{goal}").select(".dp-highlights li")]
    assert any(AREAS["TH50"][f"name_{lang}"] in line for line in lines)


def test_the_tiny_package_ranks_with_a_tie(tiny_site):
    sentence = page(tiny_site, "en", "indicators/visitors").select_one(".dp-rank").get_text()
    assert sentence.startswith("Chiang Mai: joint 2nd of 3 provinces in 2025")
    rows = page(tiny_site, "en", "indicators/visitors").select(".dp-table--areas tbody:first-of-type tr")
    assert [r.select_one("td").get_text() for r in rows] == ["1", "=2", "=2"]
