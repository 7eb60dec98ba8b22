"""ESCAP anticipated-progress status on worked examples; every expected number was
computed by hand (shown in the comments), not taken from the program."""

from __future__ import annotations

import pytest
from devplan.model.status import assess


def test_higher_is_better_but_too_slow():
    # observed: (121/100)^(1/2) - 1 = 0.10; needed: (200/100)^(1/5) - 1 = 0.1487; ratio 0.672
    p = assess([(2020, 100.0), (2022, 121.0)], [(2025, 200.0)], "higher")
    assert p.status == "off_track"
    assert p.observed_rate == pytest.approx(0.10)
    assert p.required_rate == pytest.approx(0.148698, abs=1e-6)
    assert p.ratio == pytest.approx(0.6725, abs=1e-4)
    assert p.method == "compound"


def test_higher_is_better_on_track():
    # observed: (144/100)^(1/2) - 1 = 0.20; needed 0.1487; ratio 1.345 >= 0.95
    assert assess([(2020, 100.0), (2022, 144.0)], [(2025, 200.0)], "higher").status == "on_track"


def test_ratio_just_below_the_on_track_threshold():
    # needed: (121/100)^(1/2) - 1 = 0.10 a year to 2022; observed over one year: 109/100 - 1 = 0.09; ratio 0.9
    assert assess([(2020, 100.0), (2021, 109.0)], [(2022, 121.0)], "higher").status == "off_track"


def test_target_already_met():
    p = assess([(2020, 100.0), (2023, 210.0)], [(2025, 200.0)], "higher")
    assert p.status == "achieved"
    assert p.latest == (2023, 210.0) and p.target == (2025, 200.0)


def test_lower_is_better_falling_too_slowly():
    # observed: (40.5/50)^(1/2) - 1 = -0.10; needed: (25/50)^(1/5) - 1 = -0.1294; ratio 0.7725
    p = assess([(2020, 50.0), (2022, 40.5)], [(2025, 25.0)], "lower")
    assert p.status == "off_track"
    assert p.ratio == pytest.approx(0.7725, abs=1e-4)


def test_lower_is_better_rising_is_moving_away():
    # observed: (55/50)^(1/2) - 1 = +0.0488 while -0.1294 is needed: ratio -0.377
    p = assess([(2020, 50.0), (2022, 55.0)], [(2025, 25.0)], "lower")
    assert p.status == "moving_away"
    assert p.ratio == pytest.approx(-0.3771, abs=1e-4)


def test_lower_is_better_target_reached():
    assert assess([(2020, 50.0), (2024, 24.0)], [(2025, 25.0)], "lower").status == "achieved"


def test_one_value_only_is_not_enough():
    assert assess([(2022, 10.0)], [(2025, 50.0)], "higher").status == "not_enough_data"


def test_no_values_at_all_is_not_enough():
    assert assess([], [(2025, 50.0)], "higher").status == "not_enough_data"


def test_zero_baseline_uses_straight_line_change():
    # observed: (10 - 0) / 2 = 5 a year; needed: (50 - 0) / 5 = 10 a year; ratio 0.5
    p = assess([(2020, 0.0), (2022, 10.0)], [(2025, 50.0)], "higher")
    assert (p.status, p.method) == ("off_track", "linear")
    assert (p.observed_rate, p.required_rate, p.ratio) == (5.0, 10.0, 0.5)
    # (20 - 0) / 2 = 10 a year: exactly the pace needed
    assert assess([(2020, 0.0), (2022, 20.0)], [(2025, 50.0)], "higher").status == "on_track"


def test_no_target_published():
    p = assess([(2020, 1.0), (2021, 2.0)], [], "higher")
    assert p.status == "no_target"
    assert p.latest == (2021, 2.0)


def test_baseline_met_target_then_slipped_is_moving_away():
    # lower is better: 20 met the target of 25 at baseline; 30 no longer does
    assert assess([(2020, 20.0), (2022, 30.0)], [(2025, 25.0)], "lower").status == "moving_away"


def test_baseline_year_chooses_the_starting_point():
    # from 2021 (110) to 2023 (133.1): (1.21)^(1/2) - 1 = 0.10
    p = assess([(2019, 50.0), (2021, 110.0), (2023, 133.1)], [(2025, 200.0)], "higher", baseline_year=2021)
    assert p.baseline == (2021, 110.0)
    assert p.observed_rate == pytest.approx(0.10)


def test_the_final_target_is_used():
    p = assess([(2020, 100.0), (2022, 121.0)], [(2023, 130.0), (2027, 300.0)], "higher")
    assert p.target == (2027, 300.0)


def test_target_year_reached_but_not_met_is_not_achieved():
    # 11,955,249 visitors in 2025 against an aim of 12,000,000 for 2025: the year has come
    p = assess([(2019, 10_000_000.0), (2025, 11_955_249.0)], [(2025, 12_000_000.0)], "higher", kind="announced")
    assert (p.status, p.kind) == ("not_achieved", "announced")


def test_standard_is_met_or_not_by_the_latest_value():
    # annual mean PM2.5 (lower is better) against the 15 µg/m³ standard in force from 2023
    assert assess([(2023, 22.4)], [(2023, 15.0)], "lower", kind="standard").status == "misses_standard"
    p = assess([(2023, 22.4), (2024, 14.0)], [(2023, 15.0)], "lower", kind="standard")
    assert (p.status, p.target, p.kind) == ("meets_standard", (2023, 15.0), "standard")


def test_standard_in_force_in_the_latest_year_is_used():
    # 25 until 2022, 15 from 2023: 20 in 2022 met the old standard
    standards = [(2010, 25.0), (2023, 15.0)]
    assert assess([(2022, 20.0)], standards, "lower", kind="standard").status == "meets_standard"
    assert assess([(2022, 20.0), (2023, 20.0)], standards, "lower", kind="standard").status == "misses_standard"


def test_plan_targets_come_before_announced_ones_and_standards():
    from devplan.model.status import choose_targets

    targets = [(2023, 15.0, "standard"), (2025, 12.0, "announced"), (2027, 10.0, "plan")]
    assert choose_targets(targets) == ([(2027, 10.0)], "plan")
    assert choose_targets(targets[:2]) == ([(2025, 12.0)], "announced")
    assert choose_targets(targets[:1]) == ([(2023, 15.0)], "standard")
    assert choose_targets([]) == ([], None)
