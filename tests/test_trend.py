"""Trend status and freshness on hand-worked examples (each expected number is worked in
the comment beside it, not taken from the program)."""

from __future__ import annotations

import pytest
from devplan.model.trend import Freshness, Point, assess_trend, freshness


def test_higher_is_better_rising_is_improving():
    # (110 - 100) / 100 = +10 % >= 2 %
    t = assess_trend([Point(2023, 100.0), Point(2024, 110.0)], "higher")
    assert (t.status, t.earlier, t.latest) == ("improving", (2023, 100.0), (2024, 110.0))
    assert t.change == pytest.approx(0.10)


def test_lower_is_better_falling_is_improving():
    # PM2.5 30.5 -> 28.0: (28.0 - 30.5) / 30.5 = -8.2 %, lower is better
    t = assess_trend([Point(2022, 30.5), Point(2023, 28.0)], "lower")
    assert t.status == "improving"
    assert t.change == pytest.approx(-0.08197, abs=1e-5)


def test_lower_is_better_rising_is_worsening():
    # road deaths 400 -> 420: +5 %, lower is better
    assert assess_trend([Point(2022, 400.0), Point(2023, 420.0)], "lower").status == "worsening"


def test_higher_is_better_falling_is_worsening():
    # 200 -> 190: -5 %
    assert assess_trend([Point(2022, 200.0), Point(2023, 190.0)], "higher").status == "worsening"


def test_a_single_value_is_not_assessed():
    t = assess_trend([Point(2023, 13094.0)], "lower")
    assert (t.status, t.reason, t.latest) == ("not_assessed", "one_value", (2023, 13094.0))


def test_no_values_is_not_assessed():
    assert assess_trend([], "higher").reason == "no_data"


def test_two_equal_values_are_maintaining():
    t = assess_trend([Point(2022, 50.0), Point(2023, 50.0)], "higher")
    assert (t.status, t.change) == ("maintaining", 0.0)


def test_change_inside_the_threshold_is_maintaining():
    # 0.313 -> 0.316: +0.96 %, under 2 % either way
    assert assess_trend([Point(2019, 0.313), Point(2021, 0.316)], "lower").status == "maintaining"
    # 100 -> 98.5: -1.5 %
    assert assess_trend([Point(2022, 100.0), Point(2023, 98.5)], "higher").status == "maintaining"
    # 100 -> 102: exactly +2 % is a change
    assert assess_trend([Point(2022, 100.0), Point(2023, 102.0)], "higher").status == "improving"


def test_only_the_last_two_comparable_values_count():
    # 2021 -> 2022 fell sharply, but the trend compares 2022 (80) with 2023 (90): +12.5 %
    t = assess_trend([Point(2021, 150.0), Point(2022, 80.0), Point(2023, 90.0)], "higher")
    assert (t.status, t.earlier) == ("improving", (2022, 80.0))


def test_series_break_is_never_compared():
    # forest cover: old survey 69.93 (1998); new series starts 2009 at 82.61: not comparable
    t = assess_trend([Point(1998, 69.93, series="rfd-old"), Point(2009, 82.61, series="rfd-new")], "higher")
    assert (t.status, t.reason, t.earlier) == ("not_assessed", "series_break", None)


def test_series_break_compares_within_the_newest_series():
    # new series 2009 (82.61) and 2011 (80.0): -3.2 %; the 1998 old-series value is skipped
    points = [Point(1998, 69.93, series="old"), Point(2009, 82.61, series="new"), Point(2011, 80.0, series="new")]
    t = assess_trend(points, "higher")
    assert (t.status, t.earlier) == ("worsening", (2009, 82.61))


def test_part_year_is_not_compared_with_a_whole_year():
    points = [Point(2023, 13094.0), Point(2024, 5000.0, coverage="part-year")]
    assert assess_trend(points, "lower").reason == "part_year"
    # part-year with the same part of the year (same series) is compared: 5000 -> 4000, -20 %
    points += [Point(2025, 4000.0, coverage="part-year")]
    assert assess_trend(points, "lower").status == "improving"


def test_gap_of_many_years_is_not_assessed():
    # 2009 and 2015 are 6 years apart, more than 5; the change (+20 %) is still reported
    t = assess_trend([Point(2009, 100.0), Point(2015, 120.0)], "higher")
    assert (t.status, t.reason, t.years) == ("not_assessed", "gap", 6)
    assert t.change == pytest.approx(0.20)
    # 5 years apart is still compared
    assert assess_trend([Point(2010, 100.0), Point(2015, 120.0)], "higher").status == "improving"


def test_preliminary_latest_value_gives_a_provisional_trend():
    # visitors 11,473,206 (2024, revised) -> 11,955,249 (2025, preliminary): +4.2 %
    t = assess_trend([Point(2024, 11473206.0, "revised"), Point(2025, 11955249.0, "preliminary")], "higher")
    assert (t.status, t.provisional) == ("improving", True)
    assert t.change == pytest.approx(0.04201, abs=1e-5)
    assert not assess_trend([Point(2024, 1.0, "revised"), Point(2025, 2.0, "final")], "higher").provisional


def test_old_data_is_not_assessed_but_keeps_its_change():
    # household income 14,392.7 (2013) -> 14,950.4 (2015): +3.9 %, but from before a 2023 plan
    fresh = freshness(2015, 2023, 2025)
    t = assess_trend([Point(2013, 14392.7), Point(2015, 14950.4)], "higher", fresh)
    assert (t.status, t.reason) == ("not_assessed", "old")
    assert t.change == pytest.approx(0.03875, abs=1e-5)


def test_zero_earlier_value_has_no_percentage():
    t = assess_trend([Point(2022, 0.0), Point(2023, 3.0)], "lower")
    assert (t.status, t.change) == ("worsening", None)


def test_negative_earlier_value_uses_its_size():
    # growth -6.0 % -> +3.0 %: (3 - -6) / 6 = +150 %, higher is better
    t = assess_trend([Point(2020, -6.0), Point(2021, 3.0)], "higher")
    assert t.status == "improving" and t.change == pytest.approx(1.5)


def test_freshness_before_the_plan_is_old():
    assert freshness(2013, 2023, 2025) == Freshness(2013, 12, True, "before_plan")


def test_freshness_recent_value_is_not_old():
    assert freshness(2024, 2023, 2025) == Freshness(2024, 1, False, None)


def test_freshness_more_than_five_years_is_old():
    # a 2031 value read in 2037 is 6 years old, inside a plan that began in 2028
    assert freshness(2031, 2028, 2037) == Freshness(2031, 6, True, "too_old")
    assert not freshness(2032, 2028, 2037).old  # exactly 5 years


def test_freshness_without_a_value():
    assert freshness(None, 2023, 2025) == Freshness()
