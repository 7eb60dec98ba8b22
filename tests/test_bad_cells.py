"""Numbers, dates and text the validator used to accept and the writers then choked on:
each defect class with its own small case, reported at its FILE:ROW:COLUMN."""

from __future__ import annotations

import datetime as dt

import pytest
from devplan.check.rules import check_rules
from devplan.check.tables import read_package
from test_validate import positions, rewrite

OBSERVATION = "pm25,2022,30.5,final,"  # observations.csv row 5
ACCESSED = ",2025-01-31,"  # sources.csv row 2

CASES = {
    # defect: (file, old, new, expected (file, row, column, code))
    "infinite number": ("observations.csv", OBSERVATION, "pm25,2022,1e309,final,", (5, "value", "inexact-number")),
    "number that becomes zero": ("observations.csv", OBSERVATION, "pm25,2022,1e-400,final,",
                                 (5, "value", "inexact-number")),
    "number with lost digits": ("observations.csv", OBSERVATION, "pm25,2022,30.50000000000000000001,final,",
                                (5, "value", "inexact-number")),
    "thai digits as a number": ("observations.csv", OBSERVATION, "pm25,2022,๓๐.๕,final,", (5, "value", "wrong-type")),
    "thai digits as a year": ("observations.csv", OBSERVATION, "pm25,๒๐๒๒,30.5,final,", (5, "year", "wrong-type")),
    "full-width digits": ("observations.csv", OBSERVATION, "pm25,２０２２,30.5,final,", (5, "year", "wrong-type")),
    "arabic-indic digits": ("observations.csv", OBSERVATION, "pm25,2022,٣٠,final,", (5, "value", "wrong-type")),
    "buddhist era date": ("sources.csv", ACCESSED, ",2568-11-25,", (2, "accessed", "buddhist-era-year")),
    "buddhist era leap day": ("sources.csv", ACCESSED, ",2567-02-29,", (2, "accessed", "buddhist-era-year")),
    "date after zip files end": ("sources.csv", ACCESSED, ",2108-01-01,", (2, "accessed", "out-of-range")),
    "date before zip files begin": ("sources.csv", ACCESSED, ",1979-12-31,", (2, "accessed", "out-of-range")),
    "access date in the future": ("sources.csv", ACCESSED, ",2062-01-31,", (2, "accessed", "future-date")),
    "nul character": ("observations.csv", "Preliminary figure", "Prelim\x00inary", (4, "note_en", "control-character")),
    "escape character": ("sources.csv", "Invented for tests", "Invented \x1b[31m", (2, "note", "control-character")),
    "vertical tab and form feed": ("goals.csv", "Clean air", "Clean\x0b\x0cair", (3, "title_en", "control-character")),
    "c1 control character": ("goals.csv", "Clean air", "Clean\x85air", (3, "title_en", "control-character")),
    "space around an id": ("goals.csv", "g-air,dev-env", "g-air ,dev-env", (3, "goal_id", "extra-spaces")),
    "space around a link": ("indicators.csv", "pm25,g-air,", "pm25, g-air,", (3, "goal_id", "extra-spaces")),
    "space around an allowed value": ("observations.csv", OBSERVATION, "pm25,2022,30.5, final,",
                                      (5, "status", "extra-spaces")),
    "space around a number": ("observations.csv", OBSERVATION, "pm25,2022, 30.5,final,", (5, "value", "extra-spaces")),
    "space around a column name": ("goals.csv", "goal_id,strategy_id,", "goal_id, strategy_id,",
                                   (1, "strategy_id", "extra-spaces")),
    "indicator id of a generated page": ("indicators.csv", "pm25,g-air,", "index,g-air,",
                                         (3, "indicator_id", "reserved-id")),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_cell_is_reported_at_its_place(tiny, case):
    file, old, new, (row, column, code) = case
    rewrite(tiny / file, old, new)
    found = positions(tiny)
    assert (file, row, column, code) in found, found


def test_messages_never_echo_control_characters(tiny):
    rewrite(tiny / "sources.csv", "Invented for tests", "Invented \x1b[31m")
    (problem,) = read_package(tiny).problems
    assert "\x1b" not in str(problem) and "U+001B" in problem.message_en and "U+001B" in problem.message_th


def test_spaces_around_free_text_are_fine(tiny):
    rewrite(tiny / "goals.csv", "Clean air", " Clean air ")
    assert read_package(tiny).problems == []


def test_tabs_and_line_breaks_inside_text_are_fine(tiny):
    rewrite(tiny / "observations.csv", "Preliminary figure", '"Preliminary\tfigure,\nsecond line"')
    assert read_package(tiny).problems == []


def test_rows_are_lines_after_a_multi_line_cell(tiny):
    rewrite(tiny / "observations.csv", "Preliminary figure", '"Preliminary\nfigure\nthird line"')
    rewrite(tiny / "observations.csv", OBSERVATION, "pm25,2022,thirty,final,")
    # visitors 2025 starts on line 4 and spans 3 lines: the pm25 row is line 7, not record 5
    assert ("observations.csv", 7, "value", "wrong-type") in positions(tiny)
    lines = (tiny / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert lines[7 - 1].startswith("pm25,2022,thirty")


def test_the_clock_only_decides_pass_or_fail_with_a_margin(tiny):
    """A date a day ahead of the checking computer (a maintainer east of UTC) passes; the
    clock never changes the model, so what is built is the same on any day."""
    rewrite(tiny / "sources.csv", ACCESSED, ",2030-06-02,")
    package = read_package(tiny)
    assert [p.code for p in check_rules(package, today=dt.date(2030, 6, 1))] == []
    assert [p.code for p in check_rules(package, today=dt.date(2030, 5, 1))] == ["future-date"]


def test_numbers_that_round_trip_are_kept(tiny):
    rewrite(tiny / "observations.csv", OBSERVATION, "pm25,2022,1.5e3,final,")
    package = read_package(tiny)
    assert package.problems == []
    assert [r["value"] for r in package.tables["observations"] if r["indicator_id"] == "pm25"][0] == 1500.0
