"""Areas in the data package: the validator's located errors (both languages), the model's
own area and peer groups, and ranks worked by hand on the tiny fixture's invented values.

The fixture (tests/fixtures/tiny): visitors 2025 = TH50 1,150,000; TH51 1,150,000;
TH57 2,100,000; TH (the country) 32,000,000; group TH-TEST-G = TH50 + TH51 + TH57.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from devplan.check.tables import read_package
from devplan.model.areas import comparable_year, rank, values_in
from devplan.publish.site import InvalidData, load_model
from support import site_area
from test_validate import positions, rewrite


def problems_at(package: Path, file: str, row: int, column: str) -> list:
    return [p for p in read_package(package).problems if Path(p.file).name == file and (p.row, p.column) == (row, column)]


def test_unknown_area_code_is_located_in_both_languages(tiny):
    rewrite(tiny / "observations.csv", "visitors,2023,800000,final,test-source,,,,,TH51,", "visitors,2023,800000,final,test-source,,,,,TH99,")
    (problem,) = problems_at(tiny, "observations.csv", 13, "area_id")
    assert problem.code == "unknown-reference"
    assert "'TH99' is not a area_id in areas.csv" in problem.message_en and "ไม่พบ 'TH99'" in problem.message_th


def test_duplicate_indicator_area_year_is_located(tiny):
    rewrite(tiny / "observations.csv", "visitors,2023,800000,final,test-source,,,,,TH51,", "visitors,2023,800000,final,test-source,,,,,TH50,")
    (problem,) = problems_at(tiny, "observations.csv", 13, "year")
    assert problem.code == "duplicate-key"
    assert "'visitors, TH50, 2023' appears twice (first in row 2)" in problem.message_en
    assert "ซ้ำกัน (ครั้งแรกที่แถว 2)" in problem.message_th


def test_the_same_year_in_two_areas_is_no_duplicate(tiny):
    assert read_package(tiny).problems == []  # visitors 2023 for TH50 and TH51


def test_area_without_a_name_is_located(tiny):
    rewrite(tiny / "areas.csv", "TH51,province,ลำพูน,Lamphun,", "TH51,province,,Lamphun,")
    (problem,) = problems_at(tiny, "areas.csv", 5, "name_th")
    assert problem.code == "missing-text" and problem.message_en and problem.message_th


def test_unknown_member_and_members_of_a_province(tiny):
    rewrite(tiny / "area_members.csv", "TH-TEST-G,TH57", "TH50,TH57\nTH-TEST-G,TH98")
    found = positions(tiny)
    assert ("area_members.csv", 4, "area_id", "members-of-non-group") in found
    assert ("area_members.csv", 5, "member_id", "unknown-reference") in found


def test_a_derived_value_says_how(tiny):
    rewrite(tiny / "observations.csv", "ผลรวมของสามจังหวัดในกลุ่ม (สมมติ),Sum of the group's three provinces (invented)", ",")
    found = positions(tiny)
    assert ("observations.csv", 22, "note_th", "derived-without-note") in found


def test_a_sum_of_areas_is_the_sum_of_every_member(tiny):
    assert read_package(tiny).problems == []
    rewrite(tiny / "observations.csv", "visitors,2025,4400000,", "visitors,2025,4400100,")
    assert ("observations.csv", 22, "value", "sum-mismatch") in positions(tiny)
    rewrite(tiny / "observations.csv", "visitors,2025,2100000,final,test-source,,,,,TH57,\n", "")
    assert ("observations.csv", 21, "derivation", "incomplete-sum") in positions(tiny)


def test_a_published_region_total_is_not_checked_against_its_provinces(tiny):
    rewrite(tiny / "observations.csv", ",TH-TEST-G,sum-of-areas", ",TH-TEST-G,")
    rewrite(tiny / "observations.csv", "visitors,2025,4400000,", "visitors,2025,5000000,")
    assert read_package(tiny).problems == []


def test_own_area_comes_from_configuration(tiny):
    chiang_mai = load_model(tiny, "TH50")
    lamphun = load_model(tiny, "TH51")
    assert chiang_mai.areas.own.name_en == "Chiang Mai" and lamphun.areas.own.name_th == "ลำพูน"
    assert [o.value for o in lamphun.indicators["visitors"].observations] == [800000, 900000, 1150000]
    assert [o.value for o in chiang_mai.indicators["visitors"].observations] == [1000000, 1100000, 1150000]
    # trend and status stay about the own area: Lamphun's 2023 -> 2025 differs from Chiang Mai's
    assert lamphun.indicators["visitors"].trend != chiang_mai.indicators["visitors"].trend or \
        lamphun.indicators["visitors"].progress != chiang_mai.indicators["visitors"].progress
    with pytest.raises(InvalidData, match="TH77.*not an area_id in areas.csv"):
        load_model(tiny, "TH77")


def test_by_area_holds_every_area_and_the_own_list_is_observations(tiny):
    model = load_model(tiny, "TH50")
    visitors = model.indicators["visitors"]
    assert visitors.by_area["TH50"] is visitors.observations
    assert [o.year for o in visitors.by_area["TH57"]] == [2024, 2025]
    assert visitors.by_area["TH"][0].area is model.areas["TH"]
    assert visitors.compared and not model.indicators["dust-days"].compared
    assert visitors.by_area["TH-TEST-G"][0].derivation == "sum-of-areas"


def test_peer_groups_and_provinces(tiny):
    model = load_model(tiny, "TH50")
    areas = model.areas
    assert [a.area_id for a in areas.provinces] == ["TH50", "TH51", "TH57"]
    assert [g.area_id for g in areas.peer_groups()] == ["TH-TEST-G"]
    assert [m.area_id for m in areas["TH-TEST-G"].members] == ["TH50", "TH51", "TH57"]
    assert areas["TH51"].parent is areas["TH"] and areas["TH"].parent is None


def test_rank_with_a_tie_and_a_missing_province(tiny):
    model = load_model(tiny, "TH50")
    visitors, areas = model.indicators["visitors"], model.areas
    # 2025: TH57 2.1 m first; TH50 and TH51 both 1.15 m share second; 3 provinces ranked
    r = rank(visitors, 2025, areas.provinces, areas.own)
    assert (r.position, r.of, r.tied, r.lowest_first, r.missing) == (2, 3, 2, False, ())
    # 2023: TH57 has no value: Chiang Mai 1.0 m beats Lamphun 0.8 m, 1st of 2, TH57 said missing
    r = rank(visitors, 2023, areas.provinces, areas.own)
    assert (r.position, r.of, r.tied, [a.area_id for a in r.missing]) == (1, 2, 1, ["TH57"])
    assert comparable_year(visitors, areas.provinces, areas.own) == 2025


def test_lower_is_better_ranks_the_lowest_first(tiny):
    model = load_model(tiny, "TH50")
    pm25, areas = model.indicators["pm25"], model.areas
    # 2023: TH51 25.0 < TH50 28.0 < TH57 31.5: Chiang Mai is 2nd, lowest first
    r = rank(pm25, 2023, areas.provinces, areas.own)
    assert (r.position, r.of, r.lowest_first) == (2, 3, True)
    # 2022: only Chiang Mai has a value: 1st of 1, the two others missing
    r = rank(pm25, 2022, areas.provinces, areas.own)
    assert (r.position, r.of, len(r.missing)) == (1, 1, 2)


def test_values_of_another_series_are_not_compared(tiny):
    rewrite(tiny / "observations.csv", "visitors,2025,2100000,final,test-source,,,,,TH57,",
            "visitors,2025,2100000,final,test-source,,,new-count,,TH57,")
    model = load_model(tiny, "TH50")
    pairs = dict((a.area_id, o) for a, o in values_in(model.indicators["visitors"], 2025, model.areas.provinces,
                                                      model.areas.own))
    assert pairs["TH57"] is None and pairs["TH51"].value == 1150000


def test_the_site_area_is_configured():
    assert site_area() == "TH50"


@pytest.mark.parametrize("area, names", [("TH51", ("ลำพูน", "Lamphun")), ("TH57", ("เชียงราย", "Chiang Rai"))])
def test_the_fixture_configured_as_another_province_names_it(tiny, area, names):
    """Nothing about Chiang Mai is in code: the same package configured as another province
    says so on its pages, in both languages, and never names Chiang Mai as its own."""
    from devplan.publish.site import generated_pages, page_writer, settings_from

    model = load_model(tiny, area)
    publisher = {"th": "ผู้เผยแพร่", "en": "Publisher"}
    settings = settings_from("Site", {"devplan": {"languages": ["th", "en"], "area": area, "publisher": publisher}}, "", model)
    for lang, name in zip(("th", "en"), names):
        page = generated_pages(page_writer(model, lang, settings), tiny)["data.md"]()
        assert f"{name} ({area})" in page
        assert "(TH50)" not in page
        assert ("อีก 4 แห่ง" if lang == "th" else "values of 4 other areas") in page  # TH, TH50, TH57 or TH51, the group
