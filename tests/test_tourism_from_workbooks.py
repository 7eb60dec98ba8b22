"""The 2019-2022 tourism values in data/observations.csv are what the kept MOTS workbooks give
when scripts/tourism_from_workbooks.py re-runs on them (anyone can repeat the sums)."""

from __future__ import annotations

import csv

import pytest
from support import ROOT
from tourism_from_workbooks import HEADINGS, RATE, WORKBOOKS, observation_rows, yearly_values


@pytest.fixture(scope="module")
def values():
    return yearly_values()  # reads the three workbooks once


def _published() -> dict[tuple[str, str], dict]:
    with (ROOT / "data" / "observations.csv").open(encoding="utf-8") as f:
        return {(r["indicator_id"], r["year"]): r for r in csv.DictReader(f)}


def test_observations_equal_what_the_script_computes_from_the_kept_workbooks(values):
    published = _published()
    computed = observation_rows(values)
    assert {(r["indicator_id"], r["year"]) for r in computed} == {
        (indicator, str(year)) for indicator in HEADINGS.values() for year in range(2019, 2023)}
    for row in computed:
        assert published[(row["indicator_id"], row["year"])] == row


def test_every_tourism_indicator_has_seven_years_and_says_how_a_year_is_made():
    published = _published()
    for indicator in HEADINGS.values():
        years = sorted(int(year) for (i, year) in published if i == indicator)
        assert years == list(range(2019, 2026)), indicator
        for year in range(2019, 2023):
            row = published[(indicator, str(year))]
            word_en, word_th = ("Mean of the 12 monthly", "ค่าเฉลี่ย") if indicator == RATE else ("Sum of the 12 monthly", "ผลรวม")
            assert row["note_en"].startswith(word_en) and row["note_th"].startswith(word_th)
            assert row["source_id"] in WORKBOOKS.values()


def test_2019_comes_from_the_revised_column_and_2020_is_its_own_series_except_guests(values):
    by_key = {(v.indicator_id, v.year): v for v in values}
    assert by_key[("tourist-arrivals", 2019)].status == "revised"
    assert by_key[("tourist-arrivals", 2022)].status == "preliminary"
    rows = {(r["indicator_id"], r["year"]): r for r in observation_rows(values)}
    assert rows[("tourist-arrivals", "2020")]["series"] and not rows[("hotel-guests", "2020")]["series"]
    assert not rows[("tourist-arrivals", "2021")]["series"]
