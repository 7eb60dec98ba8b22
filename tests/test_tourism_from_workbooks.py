"""Every value in data/observations.csv that comes from a source file is what its extraction
script gives when it re-runs on that file, for every province, region and the country.

The 2019-2022 MOTS workbooks are kept in data/documents/, so that comparison always runs.
The other sources are copies of public repositories that are not kept here (sources.csv
cites each file's repository, commit and path; each script checks the copy's sha256): set
DEVPLAN_SOURCE_COPIES to a folder holding, by repository name, copies of
tanpim16/tourism-analysis-project, NongIngTeerANaD/Project_Government_Budget and
DevelopedbyWill/thailand-canonical-admin-names, e.g. COPIES/tourism-analysis-project/...;
without it those comparisons are skipped, saying why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from extraction import published_rows, region_members
from tourism_from_workbooks import HEADINGS, RATE, TOTALS, WORKBOOKS, observation_rows, yearly_values

COPIES = os.environ.get("DEVPLAN_SOURCE_COPIES")
PROVINCES = 77


@pytest.fixture(scope="module")
def values():
    return yearly_values()  # reads the three workbooks once


def copies(repository: str) -> Path:
    if not COPIES:
        pytest.skip("DEVPLAN_SOURCE_COPIES is not set: the copies of the cited repositories are not kept here "
                    "(see this module's docstring)")
    return Path(COPIES) / repository


def assert_published(computed: list[dict]) -> None:
    published = published_rows()
    for row in computed:
        key = (row["indicator_id"], row["area_id"], row["year"])
        assert published.get(key) == row, key


def test_observations_equal_what_the_script_computes_from_the_kept_workbooks(values):
    computed = observation_rows(values)
    assert_published(computed)
    published = published_rows()
    kept = {key for key, row in published.items() if row["source_id"] in WORKBOOKS.values()}
    assert kept == {(r["indicator_id"], r["area_id"], r["year"]) for r in computed}  # and nothing else


def test_the_kept_workbooks_cover_every_province_every_year(values):
    provinces = {v.area_id for v in values if v.area_id.startswith("TH") and v.area_id[2:].isdigit()}
    assert len(provinces) == PROVINCES
    by_year = {}
    for v in values:
        if v.indicator_id == "tourist-arrivals":
            by_year.setdefault(v.year, set()).add(v.area_id)
    assert sorted(by_year) == [2019, 2020, 2021, 2022]
    # the country and six regions printed as their own rows, each year
    assert all({"TH", *TOTALS.values()} <= areas for areas in by_year.values())


def test_a_region_is_its_own_printed_row_summed_over_its_months(values):
    rows = {(r["indicator_id"], r["area_id"], r["year"]): r for r in observation_rows(values)}
    north = rows[("tourist-arrivals", "TH-MOTS-N", "2022")]
    assert north["derivation"] == "sum-of-months" and north["source_id"] == "mots-tourism-2565-monthly"
    assert all((("tourist-arrivals", code, "2022") in rows) for code in region_members()["TH-MOTS-N"])


def test_every_tourism_indicator_has_seven_years_for_the_own_area_and_says_how():
    published = published_rows()
    for indicator in HEADINGS.values():
        years = sorted(int(year) for (i, area, year) in published if i == indicator and area == "TH50")
        assert years == list(range(2019, 2026)), indicator
        for year in range(2019, 2023):
            row = published[(indicator, "TH50", str(year))]
            word_en, word_th = ("Mean of the 12 monthly", "ค่าเฉลี่ย") if indicator == RATE else ("Sum of the 12 monthly", "ผลรวม")
            assert row["note_en"].startswith(word_en) and row["note_th"].startswith(word_th)
            assert row["derivation"] == ("mean-of-months" if indicator == RATE else "sum-of-months")


def test_2019_comes_from_the_revised_column_and_2020_is_its_own_series_except_guests(values):
    by_key = {(v.indicator_id, v.area_id, v.year): v for v in values}
    assert by_key[("tourist-arrivals", "TH50", 2019)].status == "revised"
    assert by_key[("tourist-arrivals", "TH50", 2022)].status == "preliminary"
    rows = {(r["indicator_id"], r["area_id"], r["year"]): r for r in observation_rows(values)}
    assert rows[("tourist-arrivals", "TH57", "2020")]["series"] and not rows[("hotel-guests", "TH57", "2020")]["series"]
    assert not rows[("tourist-arrivals", "TH50", "2021")]["series"]


def test_a_region_total_labelled_only_total_is_read_as_the_region_it_closes():
    """Two sheets print "รวม" where the south (Nov 2020) and the northeast (Dec 2021) total is."""
    from tourism_from_workbooks import row_areas
    from extraction import province_codes

    provinces = province_codes()
    south = [name for name, code in provinces.items() if code in region_members()["TH-MOTS-S"]]
    assert row_areas([*south, "รวม", "รวมทั้งหมด"], provinces, TOTALS)[-2:] == ["TH-MOTS-S", "TH"]


def test_the_workbooks_layout_lists_each_region_as_area_members_does():
    import openpyxl
    from extraction import members_in_layout, province_codes
    from support import ROOT

    book = openpyxl.load_workbook(ROOT / "data" / "documents" / "mots-domestic-tourism-2565.xlsx", read_only=True)
    names = [r[1] for r in book[book.sheetnames[-1]].iter_rows(values_only=True) if len(r) > 1]
    found = members_in_layout(names, TOTALS, province_codes())
    members = region_members()
    assert found and all(found[code] == members[code] for code in found)


def test_2023_to_2025_equal_the_cumulative_sheets_of_the_copies():
    from tourism_cumulative import TOTALS as CUMULATIVE_TOTALS
    from tourism_cumulative import observation_rows as cumulative_rows

    from extraction import members_in_layout, province_codes
    from tourism_cumulative import FOLDER, SHEETS, sheet_rows

    folder = copies("tourism-analysis-project")
    computed = cumulative_rows(folder)
    assert_published(computed)
    for file, _, sheet, *_ in SHEETS:  # each region's provinces, as the sheet lists them above its total
        names = [r[1] for r in sheet_rows(folder / FOLDER / file, sheet) if len(r) > 1]
        found = members_in_layout(names, CUMULATIVE_TOTALS, province_codes())
        assert len(found) == 5 and all(found[code] == region_members()[code] for code in found)
    assert len({r["area_id"] for r in computed}) == PROVINCES + len(set(CUMULATIVE_TOTALS.values()))
    assert {r["year"] for r in computed} == {"2023", "2024", "2025"}


def test_gpp_and_gpp_per_capita_equal_the_nesdc_extract_of_the_copy():
    from gpp_from_nesdc_extract import observation_rows as gpp_rows

    computed = gpp_rows(copies("Project_Government_Budget"))
    assert_published(computed)
    assert len({r["area_id"] for r in computed}) == PROVINCES
    chiang_mai = {(r["indicator_id"], r["year"]): r for r in computed if r["area_id"] == "TH50"}
    # 290,016.172 million baht / 1,791.041 thousand people = 161,926 baht per person (2023)
    assert chiang_mai[("gpp-per-capita", "2023")]["value"] == "161926"
    assert chiang_mai[("gpp-per-capita", "2023")]["derivation"] == "ratio"


def test_areas_equal_the_reference_copy():
    import csv

    from areas_from_reference import area_rows
    from support import ROOT

    areas, members = area_rows(copies("thailand-canonical-admin-names"))
    with (ROOT / "data" / "areas.csv").open(encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == areas
    with (ROOT / "data" / "area_members.csv").open(encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == members
