"""Trend status of an indicator, where no target applies, and the age of its latest value.

Like Scotland's National Performance Framework, the trend compares the last two data
points that can be compared, and says whether the indicator is improving, maintaining
or worsening; it is a direction of change, never a judgement against a target:

    change = (latest - earlier) / |earlier|

where `latest` is the newest value and `earlier` the newest value before it of the same
series and the same coverage (whole year, or part of a year): values across a break in
series (a new method, definition or survey) or a part-year figure against a whole year
are never compared. A change smaller than THRESHOLD either way is "maintaining"; a larger
one is improving or worsening according to the indicator's better direction.

Not assessed: no value, a single comparable value, two values more than MAX_GAP years
apart, or an old latest value (see `freshness`). A preliminary latest value is used, and
the trend says it is provisional.
"""

from __future__ import annotations

from dataclasses import dataclass

IMPROVING = "improving"
MAINTAINING = "maintaining"
WORSENING = "worsening"
NOT_ASSESSED = "not_assessed"
TRENDS = (IMPROVING, MAINTAINING, WORSENING, NOT_ASSESSED)

# Why a trend is not assessed (each has a sentence on the indicator page).
NO_DATA, ONE_VALUE, SERIES_BREAK, PART_YEAR, GAP, OLD = "no_data", "one_value", "series_break", "part_year", "gap", "old"

THRESHOLD = 0.02  # a change under 2 % of the earlier value counts as maintaining
MAX_GAP = 5       # years: values further apart say little about the direction now
OLD_AFTER = 5     # years: a latest value older than this (or before its plan) is old data


@dataclass(frozen=True)
class Point:
    """One observed value as the trend sees it (model.Observation has these fields)."""

    year: int
    value: float
    status: str = "final"
    series: str | None = None
    coverage: str | None = None


@dataclass(frozen=True)
class Freshness:
    """How old the latest value is, in years before the data's date, and whether it is old data."""

    year: int | None = None
    age: int | None = None
    old: bool = False
    reason: str | None = None  # "before_plan" or "too_old" when old


@dataclass(frozen=True)
class Trend:
    """A trend status and the two values it was worked out from."""

    status: str
    reason: str | None = None  # why not assessed
    earlier: tuple[int, float] | None = None
    latest: tuple[int, float] | None = None
    change: float | None = None  # (latest - earlier) / |earlier|; None when earlier is 0
    provisional: bool = False  # the latest value is a preliminary figure

    @property
    def years(self) -> int | None:
        return self.latest[0] - self.earlier[0] if self.latest and self.earlier else None


def freshness(latest_year: int | None, plan_start: int | None, reference_year: int | None) -> Freshness:
    """Age of the latest value. Old when it is from before its plan's first year (it
    describes the province before the plan) or more than OLD_AFTER years before the data's
    date (a value from a previous five-year plan period).

    >>> freshness(2013, 2023, 2026).reason
    'before_plan'
    """
    if latest_year is None:
        return Freshness()
    age = max(reference_year - latest_year, 0) if reference_year else None
    if plan_start and latest_year < plan_start:
        return Freshness(latest_year, age, True, "before_plan")
    if age is not None and age > OLD_AFTER:
        return Freshness(latest_year, age, True, "too_old")
    return Freshness(latest_year, age)


def _same_series(a: Point, b: Point) -> bool:
    return (a.series or None) == (b.series or None) and (a.coverage or None) == (b.coverage or None)


def assess_trend(points: list[Point], direction: str, fresh: Freshness | None = None) -> Trend:
    """Trend from observed points, for 'higher' or 'lower' is better.

    >>> assess_trend([Point(2023, 100.0), Point(2024, 110.0)], "higher").status
    'improving'
    """
    points = sorted(points, key=lambda p: p.year)
    if not points:
        return Trend(NOT_ASSESSED, NO_DATA)
    newest = points[-1]
    latest = (newest.year, newest.value)
    provisional = newest.status == "preliminary"
    earlier_points = [p for p in points[:-1] if _same_series(p, newest)]
    if not earlier_points:
        if len(points) == 1:
            reason = ONE_VALUE
        else:
            reason = PART_YEAR if (newest.coverage or points[-2].coverage) else SERIES_BREAK
        return Trend(NOT_ASSESSED, reason, latest=latest, provisional=provisional)
    before = earlier_points[-1]
    earlier = (before.year, before.value)
    change = (newest.value - before.value) / abs(before.value) if before.value else None
    found = dict(earlier=earlier, latest=latest, change=change, provisional=provisional)
    if newest.year - before.year > MAX_GAP:
        return Trend(NOT_ASSESSED, GAP, **found)
    if fresh is not None and fresh.old:
        return Trend(NOT_ASSESSED, OLD, **found)
    difference = newest.value - before.value
    if difference == 0 or (change is not None and abs(change) < THRESHOLD):
        return Trend(MAINTAINING, **found)
    better = difference > 0 if direction == "higher" else difference < 0
    return Trend(IMPROVING if better else WORSENING, **found)
