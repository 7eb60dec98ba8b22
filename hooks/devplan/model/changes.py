"""How much each observed value changed, like the table tab of Our World in Data's grapher:
from the previous comparable value, and from the first comparable value of the plan period.

Only comparable values are compared, by the rule the trend uses (trend.py): the same
series (a new method, definition or survey starts a new one) and the same coverage, so a
part-year value is never compared with a whole year.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Indicator, Observation


@dataclass(frozen=True)
class Difference:
    """The change from an earlier value (`since_year`) to a later one."""

    since_year: int
    since_value: float
    absolute: float
    relative: float | None  # None when the earlier value is zero or negative


@dataclass(frozen=True)
class Changes:
    """An observed value's changes; None where no comparable earlier value exists."""

    previous: Difference | None
    plan_start: Difference | None
    skips: bool = False  # the previous comparable value is not the row just above


def comparable(a: Observation, b: Observation) -> bool:
    return (a.series or None) == (b.series or None) and (a.coverage or None) == (b.coverage or None)


def difference(earlier: Observation, later: Observation) -> Difference:
    relative = (later.value - earlier.value) / earlier.value if earlier.value > 0 else None
    return Difference(earlier.year, earlier.value, later.value - earlier.value, relative)


def plan_start(indicator: Indicator) -> int | None:
    """The first year of the plan the indicator measures."""
    goal = indicator.goal
    return goal.strategy.plan.start_year if goal and goal.strategy and goal.strategy.plan else None


def plan_base_year(indicator: Indicator) -> int | None:
    """The year most plan-period changes are counted from: the first observed year in the plan."""
    start = plan_start(indicator)
    return next((o.year for o in indicator.observations if start is not None and o.year >= start), None)


def value_changes(indicator: Indicator) -> dict[int, Changes]:
    """Each observed year's changes, by year.

    The base of the plan-period change is the first value of the same series in or after
    the plan's first year, so a series that starts during the plan is compared within itself.
    """
    start = plan_start(indicator)
    result = {}
    last, first_in_plan = {}, {}  # by kind of value (series, coverage): the latest so far, the plan's first
    observations = indicator.observations  # sorted by year
    for n, later in enumerate(observations):
        kind = (later.series or None, later.coverage or None)  # comparable() as a key
        earlier, base = last.get(kind), first_in_plan.get(kind)
        result[later.year] = Changes(difference(earlier, later) if earlier else None,
                                     difference(base, later) if base and later.year >= start else None,
                                     earlier is not None and earlier is not observations[n - 1])
        last[kind] = later
        if start is not None and later.year >= start:
            first_in_plan.setdefault(kind, later)
    return result
