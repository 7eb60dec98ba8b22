"""The own area beside the others (render/comparison.py, render/areamap.py) on the tiny
package: Chiang Mai (TH50) with Lamphun (TH51), Chiang Rai (TH57), a group and the country.
visitors 2025: Chiang Rai 2,100,000; Chiang Mai and Lamphun 1,150,000 each (a tie).
pm25 2023 (lower is better): Lamphun 25.0, Chiang Mai 28.0, Chiang Rai 31.5."""

from __future__ import annotations

import csv

import pytest
from support import FIXTURES, copy_package

from devplan.check.tables import read_package
from devplan.model.plan import build_model
from devplan.render import areamap, comparison
from devplan.render.comparison import Comparison, highlight, ordinal


def model_of(package):
    return build_model(read_package(package), "TH50")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return model_of(copy_package(FIXTURES / "tiny", tmp_path_factory.mktemp("tiny") / "pkg"))


def add_rows(package, rows: list[tuple]) -> None:
    """Append observations (indicator, year, value, area) from the fixture's test source."""
    path = package / "observations.csv"
    with path.open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    with path.open("a", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, header, lineterminator="\n")
        for indicator, year, value, area in rows:
            writer.writerow({"indicator_id": indicator, "year": year, "value": value, "status": "final",
                             "source_id": "test-source", "area_id": area})


@pytest.mark.parametrize("n, english", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                                        (13, "13th"), (21, "21st"), (22, "22nd"), (77, "77th")])
def test_ordinals_follow_each_languages_rule(n, english):
    assert ordinal(n, "en") == english
    assert ordinal(n, "th") == f"ที่ {n}"


def test_rank_sentence_says_the_year_the_tie_and_the_direction(tiny_model):
    visitors = Comparison(tiny_model.indicators["visitors"], tiny_model.areas, "en")
    assert visitors.sentence() == ("Chiang Mai: joint 2nd of 3 provinces in 2025 (joint 2nd of 3 in Test province group "
                                   "(invented)). Rank 1 is the highest value.")
    thai = Comparison(tiny_model.indicators["visitors"], tiny_model.areas, "th").sentence()
    assert thai.startswith("เชียงใหม่: อันดับที่ 2 (ร่วม) จาก 3 จังหวัด ใน พ.ศ. 2568")


def test_for_lower_is_better_rank_one_is_the_lowest_value(tiny_model):
    sentence = Comparison(tiny_model.indicators["pm25"], tiny_model.areas, "en").sentence()
    assert sentence.startswith("Chiang Mai: 2nd of 3 provinces in 2023")
    assert "Lower is better here, so rank 1 is the lowest value." in sentence


def test_provinces_without_a_value_are_counted_and_said(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    add_rows(package, [("pm25", 2024, 27.0, "TH50"), ("pm25", 2024, 26.0, "TH51")])  # Chiang Rai has no 2024 value
    model = model_of(package)
    sentence = Comparison(model.indicators["pm25"], model.areas, "en").sentence()
    assert sentence.startswith("Chiang Mai: 2nd of 2 provinces in 2024")
    assert sentence.endswith("1 provinces have no value for that year and are not ranked.")


def test_no_sentence_without_another_provinces_value(tiny_model):
    assert Comparison(tiny_model.indicators["dust-days"], tiny_model.areas, "en").sentence() == ""


def test_table_lists_provinces_by_rank_then_the_country_and_groups(tiny_model):
    provinces, aggregates = Comparison(tiny_model.indicators["visitors"], tiny_model.areas, "en").rows()
    assert [(r.rank, r.name, r.value, r.change, r.own) for r in provinces] == [
        ("1", "Chiang Rai", "2,100,000", "+5.0%", False),
        ("=2", "Chiang Mai", "1,150,000", "+4.5%", True),
        ("=2", "Lamphun", "1,150,000", "+27.8%", False)]
    assert [(r.name, r.value, r.change) for r in aggregates] == [
        ("Thailand", "32,000,000", "+6.7%"), ("Test province group (invented)", "4,400,000", "")]


def test_chart_opens_on_the_group_and_country_in_the_relative_view_when_sizes_differ(tiny_model):
    data = Comparison(tiny_model.indicators["visitors"], tiny_model.areas, "en").chart_data()
    assert data["default"] == ["TH50", "TH51", "TH57", "TH"]
    assert data["view"] == "relative"  # the country is 28 times Chiang Mai
    assert data["since"] == 2024  # the first year every default area has
    assert data["years"] == [2023, 2024, 2025] and data["values"]["TH57"] == [None, 2000000, 2100000]
    assert data["areas"][0] == ["TH-TEST-G", "Test province group (invented)"]  # groups and the country first
    pm25 = Comparison(tiny_model.indicators["pm25"], tiny_model.areas, "th").chart_data()
    assert pm25["view"] == "values" and pm25["labels"] == [2565, 2566]  # Buddhist Era on the Thai page


def test_highlight_names_a_top_place_and_a_change_apart_from_the_countrys(tiny_model):
    assert highlight(tiny_model.indicators["visitors"], tiny_model.areas, "en") == (
        "Chiang Mai ranks joint 2nd of 3 provinces (2025); Chiang Mai +4.5% since 2024, Thailand +6.7%")
    assert highlight(tiny_model.indicators["dust-days"], tiny_model.areas, "en") == ""


def test_highlight_says_nothing_when_nothing_stands_out(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    add_rows(package, [("visitors", 2025, 3_000_000 + k, f"TH{code}") for k, code in enumerate((10, 11, 12))])
    (package / "areas.csv").write_text((package / "areas.csv").read_text(encoding="utf-8") + "".join(
        f"TH{code},province,จังหวัด {code},Province {code},TH,test-source\n" for code in (10, 11, 12)), encoding="utf-8")
    model = model_of(package)
    comparison.APART, saved = 50.0, comparison.APART
    try:
        # 5th of 6 provinces, not first in its group, a change close enough to the country's
        assert highlight(model.indicators["visitors"], model.areas, "en") == ""
    finally:
        comparison.APART = saved


def test_map_has_every_province_coloured_by_stated_bins(tiny_model):
    c = Comparison(tiny_model.indicators["visitors"], tiny_model.areas, "en")
    names = {a.area_id: a.name_en for a in tiny_model.areas.provinces}
    drawn = areamap.province_map(c.map_values(), names, "TH50", 0, "en")
    shapes = [*drawn.shapes, drawn.own]
    assert len(shapes) == 77 and drawn.missing == 74
    assert drawn.own.title == "Chiang Mai: 1,150,000" and drawn.own.fill > 0
    assert next(s for s in shapes if s.code == "TH57").title == "Chiang Rai: 2,100,000"
    assert next(s for s in shapes if s.code == "TH10").title == "TH10: no value" and next(
        s for s in shapes if s.code == "TH10").fill == 0
    assert [b.text for b in drawn.bins] == ["below 2,100,000", "2,100,000 or more"]


def test_an_own_area_without_values_is_left_out_of_the_chart_not_an_error(tmp_path):
    # Built as Lamphun, dust days has values for Chiang Mai only
    model = build_model(read_package(copy_package(FIXTURES / "tiny", tmp_path / "pkg")), "TH51")
    c = Comparison(model.indicators["dust-days"], model.areas, "en")
    assert c.year is None and c.sentence() == ""
    assert c.chart_data()["default"] == ["TH50"]
