"""Change columns of the values table, on hand-worked examples (expected numbers worked in
the comments, not taken from the program)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from devplan.model.changes import Changes, comparable, difference, value_changes
from devplan.model.plan import Indicator, Observation, Source

SOURCE = Source("s", "ท", "t", "ผ", "p", None, None, dt.date(2025, 1, 1), "ล", "l")


def indicator(*values, start=2023) -> Indicator:
    """An indicator of a plan starting in `start`, with (year, value[, series[, coverage]]) values."""
    plan = SimpleNamespace(start_year=start)
    goal = SimpleNamespace(strategy=SimpleNamespace(plan=plan))
    i = Indicator("x", "x", "x", "u", "u", 0, "higher", "calendar", None, "a", "a", "m", "m", SOURCE, goal=goal)
    i.observations = [Observation(v[0], v[1], "final", SOURCE, series=v[2] if len(v) > 2 else None,
                                  coverage=v[3] if len(v) > 3 else None) for v in values]
    return i


def test_change_from_previous_and_from_the_plans_first_value():
    changes = value_changes(indicator((2021, 80.0), (2023, 100.0), (2024, 110.0), (2025, 99.0)))
    assert changes[2021].previous is None and changes[2021].plan_start is None
    # 2023: previous is 2021 (80 -> 100: +20, +25 %), a skipped row; 2023 is the plan's first value
    assert (changes[2023].previous.absolute, changes[2023].previous.relative) == (20.0, 0.25)
    assert changes[2023].skips is False and changes[2023].plan_start is None
    # 2025: 110 -> 99 is -11 (-10 %); since 2023, 100 -> 99 is -1 (-1 %)
    assert changes[2025].previous.absolute == pytest.approx(-11.0)
    assert changes[2025].previous.relative == pytest.approx(-0.10)
    assert (changes[2025].plan_start.since_year, changes[2025].plan_start.absolute) == (2023, -1.0)
    assert changes[2025].plan_start.relative == pytest.approx(-0.01)


def test_never_across_a_series_break():
    changes = value_changes(indicator((2023, 50.0, "old"), (2024, 60.0, "new"), (2025, 66.0, "new")))
    assert changes[2024].previous is None and changes[2024].plan_start is None
    # the new series is compared within itself: 60 -> 66 is +6 (+10 %), since its first value 2024
    assert changes[2025].previous.since_year == 2024 and changes[2025].plan_start.since_year == 2024
    assert changes[2025].previous.relative == pytest.approx(0.10)


def test_never_a_part_year_against_a_whole_year():
    changes = value_changes(indicator((2023, 100.0), (2024, 40.0, None, "part-year"), (2025, 120.0)))
    assert changes[2024].previous is None and changes[2024].plan_start is None
    # 2025 skips the part-year 2024 and compares with 2023: +20 (+20 %)
    assert (changes[2025].previous.since_year, changes[2025].previous.absolute, changes[2025].skips) == (2023, 20.0, True)


def test_no_percentage_from_zero_or_a_negative_value():
    changes = value_changes(indicator((2023, 0.0), (2024, 5.0), (2025, -2.0), (2026, 1.0)))
    assert changes[2024].previous.absolute == 5.0 and changes[2024].previous.relative is None
    assert changes[2026].previous.absolute == 3.0 and changes[2026].previous.relative is None


def pairwise(i: Indicator) -> dict:
    """The definition, pair by pair: each value against every earlier comparable one."""
    start, result, values = i.goal.strategy.plan.start_year, {}, i.observations
    for n, later in enumerate(values):
        earlier = [o for o in values[:n] if comparable(o, later)]
        in_plan = [o for o in earlier if o.year >= start]
        result[later.year] = Changes(difference(earlier[-1], later) if earlier else None,
                                     difference(in_plan[0], later) if in_plan and later.year >= start else None,
                                     bool(earlier) and earlier[-1] is not values[n - 1])
    return result


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(-100, 100, allow_nan=False), st.sampled_from([None, "", "old", "new"]),
                          st.sampled_from([None, "", "part-year"])), max_size=12),
       st.integers(2018, 2030))
def test_changes_match_the_pairwise_definition(rows, start):
    """value_changes keeps the latest and the plan's first value of each kind as it goes; it
    gives what comparing every pair of values gives."""
    i = indicator(*[(2015 + n, v, series, coverage) for n, (v, series, coverage) in enumerate(rows)], start=start)
    assert value_changes(i) == pairwise(i)
