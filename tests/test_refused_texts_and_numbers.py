"""Cells the validator used to accept and a writer then choked on (numbers that overflow
what is derived from them, names a page or an image cannot hold), and how the validator
speaks about them: each defect class on its own small case, reported at FILE:ROW:COLUMN."""

from __future__ import annotations

import math

import pytest
from devplan.check.cells import PLAIN_NUMBER, _exact
from devplan.check.report import SHOWN_PER_KIND, listing
from devplan.check.tables import read_package
from devplan.check.texts import check_text
from devplan.model.changes import value_changes
from devplan.model.plan import build_model
from devplan.render.charts import value_ticks
from hypothesis import given
from hypothesis import strategies as st
from support import ROOT, site_area
from test_validate import positions, rewrite

OBSERVATION = "pm25,2022,30.5,final,"  # observations.csv row 5
NAME = "ค่าเฉลี่ยฝุ่น PM2.5,PM2.5 annual mean"  # indicators.csv row 3

CASES = {
    # defect: (file, old, new, expected (row, column, code))
    "number-beyond-decimal-exponents": ("observations.csv", OBSERVATION, "pm25,2022,1e99999999999999999999,final,",
                                        (5, "value", "inexact-number")),
    "number-too-large-for-changes": ("observations.csv", OBSERVATION, "pm25,2022,1e300,final,",
                                     (5, "value", "extreme-number")),
    "largest-double": ("observations.csv", OBSERVATION, "pm25,2022,-1.7e308,final,", (5, "value", "extreme-number")),
    "number-too-close-to-zero": ("observations.csv", OBSERVATION, "pm25,2022,1e-300,final,",
                                 (5, "value", "extreme-number")),
    "line-feed-in-a-name": ("indicators.csv", NAME, '"ค่าเฉลี่ย\nฝุ่น",PM2.5 annual mean', (3, "name_th", "line-break")),
    "carriage-return-in-a-name": ("indicators.csv", NAME, '"ค่าเฉลี่ย\rฝุ่น",PM2.5 annual mean',
                                  (3, "name_th", "line-break")),
    "paragraph-separator-in-a-name": ("indicators.csv", NAME, "ค่าเฉลี่ยฝุ่น,PM2.5\u2029annual mean",
                                      (3, "name_en", "line-break")),
    "line-separator-in-a-unit": ("indicators.csv", "ไมโครกรัมต่อลูกบาศก์เมตร,", "ไมโครกรัม\u2028ต่อลูกบาศก์เมตร,",
                                 (3, "unit_th", "line-break")),
    "noncharacter-fffe": ("indicators.csv", NAME, "ค่าเฉลี่ยฝุ่น\ufffe,PM2.5 annual mean", (3, "name_th", "noncharacter")),
    "noncharacter-ffff-in-a-note": ("observations.csv", "Preliminary figure", "Preliminary\uffff",
                                    (4, "note_en", "noncharacter")),
    "noncharacter-of-another-plane": ("goals.csv", "Clean air", "Clean \U0001fffe air", (3, "title_en", "noncharacter")),
    "stacked-tone-marks": ("indicators.csv", NAME, "ค่าเฉลี่ยฝุ่น" + "\u0e48" * 3000 + ",PM2.5 annual mean",
                           (3, "name_th", "stacked-marks")),
    "name-of-zero-width-spaces": ("indicators.csv", NAME, "\u200b\u200b\u200b,PM2.5 annual mean",
                                  (3, "name_th", "invisible-text")),
    "note-of-a-byte-order-mark": ("observations.csv", "Preliminary figure", "\ufeff\u2060", (4, "note_en", "invisible-text")),
    "cell-longer-than-excel": ("goals.csv", "Clean air", "x" * 32_768, (3, "title_en", "cell-too-long")),
    "cell-longer-than-the-csv-reader": ("goals.csv", "Clean air", "x" * 140_000, (3, None, "cell-too-long")),
    "two-strategies-in-one-place": ("strategies.csv", "dev-env,dev,2,", "dev-env,dev,1,",
                                    (3, "order", "duplicate-order")),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_refused_at_its_place(tiny, case):
    file, old, new, (row, column, code) = case
    rewrite(tiny / file, old, new)
    found = positions(tiny)
    assert (file, row, column, code) in found, found
    assert all(p.message_en and p.message_th for p in read_package(tiny).problems)


ACCEPTED = {
    "largest-number": "1e15", "smallest-number": "0.000001", "negative-largest": "-1000000000000000", "zero": "0",
}


@pytest.mark.parametrize("value", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_numbers_at_the_bounds_pass(tiny, value):
    rewrite(tiny / "observations.csv", OBSERVATION, f"pm25,2022,{value},final,")
    assert read_package(tiny).problems == []


def test_numbers_at_opposite_bounds_keep_every_derived_figure_finite(tiny):
    """1e-300 and 1e300 in one series overflowed changes and chart ticks to infinity: at
    the bounds that pass, every ratio, rate and tick is a finite number."""
    rewrite(tiny / "observations.csv", OBSERVATION, "pm25,2022,0.000001,final,")
    rewrite(tiny / "observations.csv", "pm25,2023,28.0,", "pm25,2023,1e15,")
    rewrite(tiny / "targets.csv", "pm25,2027,20,", "pm25,2027,0.000002,")
    package = read_package(tiny)
    assert package.problems == []
    indicator = build_model(package, site_area()).indicators["pm25"]
    progress, trend = indicator.progress, indicator.trend
    differences = [d for c in value_changes(indicator).values() for d in (c.previous, c.plan_start) if d]
    figures = [trend.change, progress.observed_rate, progress.required_rate, progress.ratio,
               *[x for d in differences for x in (d.absolute, d.relative)],
               *value_ticks(-1e15, 1e15)[0], *value_ticks(0.000001, 0.000001)[0]]
    assert differences and trend.change
    assert all(math.isfinite(f) for f in figures if f is not None), figures


def test_a_message_quoting_a_line_break_stays_on_one_line(tiny):
    rewrite(tiny / "goals.csv", "g-air,dev-env", '"g-\nair",dev-env')
    lines = listing(read_package(tiny).problems)
    assert lines and all("\n" not in line and "\r" not in line for line in lines)
    assert any("g-\\nair" in line for line in lines)


def test_a_message_quoting_a_direction_override_cannot_reorder_the_line(tiny):
    rewrite(tiny / "observations.csv", OBSERVATION, "pm25,2022,3\u202e0.5,final,")
    (problem,) = read_package(tiny).problems
    assert "\u202e" not in str(problem) and "\\u202e" in problem.message_en


def test_a_flood_of_one_problem_is_counted_not_listed(tiny):
    """100,000 duplicate rows printed 99,999 lines: a few are listed, the rest counted."""
    copies = 2_000
    with (tiny / "observations.csv").open("a", encoding="utf-8") as file:
        file.write("pm25,2022,30.5,final,test-source,,,,,TH50,\n" * copies)
    problems = read_package(tiny).problems
    lines = listing(problems)
    assert len(problems) == copies
    assert len(lines) == SHOWN_PER_KIND + 1
    assert f"{copies - SHOWN_PER_KIND:,} more 'duplicate-key'" in lines[-1] and "อีก" in lines[-1]


def test_a_pattern_that_runs_away_is_reported_in_bounded_time(tiny):
    """A user pattern like (a+)+$ held the validator for minutes: each pattern has a time
    limit per cell, and past it is reported once, at the first cell it gave up on."""
    import time

    import yaml

    path = tiny / "datapackage.yaml"
    descriptor = yaml.safe_load(path.read_text(encoding="utf-8"))
    goals = next(r for r in descriptor["resources"] if r["name"] == "goals")
    title = next(f for f in goals["schema"]["fields"] if f["name"] == "title_en")
    title["constraints"]["pattern"] = "(a|aa)+$"
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for title_en in ("Clean air", "Tourism"):
        rewrite(tiny / "goals.csv", title_en, "a" * 5000 + "!")
    start = time.perf_counter()
    found = positions(tiny)
    assert time.perf_counter() - start < 30  # a second's limit, on a machine that may be busy
    assert [p for p in found if p[3] == "slow-pattern"] == [("goals.csv", 2, "title_en", "slow-pattern")], found


def test_a_sane_pattern_passes_however_many_rows_on_a_busy_machine(monkeypatch):
    """A time budget over all of a table's cells stopped the real data's build on a busy
    machine (thousands of observation rows): the limit holds per cell, so the real package
    passes even when the limit is a hundredth of a second."""
    from devplan.check import cells

    monkeypatch.setattr(cells, "PATTERN_SECONDS", 0.01)
    assert read_package(ROOT / "data").problems == []


@given(st.from_regex(PLAIN_NUMBER, fullmatch=True))
def test_a_plain_number_passes_the_checks_it_skips(text):
    # check_cell takes a plain number (PLAIN_NUMBER) without the text rules and the exactness
    # check: it must be a text they would pass.
    problems = []
    assert check_text(text, 2, "value", lambda *problem: problems.append(problem)) and problems == []
    assert _exact(text, float(text))
    if "." not in text:  # as an integer column reads it
        assert _exact(text, int(text))


@pytest.mark.parametrize("text", ["1234567890123456", "0.0000000000000001", "12345678901234567.5", "1,234", "๑๒"])
def test_a_number_beyond_plain_is_checked_in_full(text):
    assert PLAIN_NUMBER.fullmatch(text) is None
