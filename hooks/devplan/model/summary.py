"""Counts behind the status summaries (home, plan, strategy and goal pages) and the
reporting-status page: how many indicators have values, recent values, a target, and
how their trend and target status stand; for the home page's first sentence, which of
those targets are the plan's own and which are something else (an aim stated in the news,
a national standard)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .status import NO_TARGET
from .trend import NOT_ASSESSED


@dataclass(frozen=True)
class Summary:
    total: int = 0
    with_data: int = 0
    old: int = 0  # with data, but the latest value is old data
    with_target: int = 0
    trends: Counter = field(default_factory=Counter)  # trend status -> indicators
    progress: Counter = field(default_factory=Counter)  # target status -> indicators with a target
    plan_progress: Counter = field(default_factory=Counter)  # the same, for targets from the plan itself
    other_targets: tuple = ()  # indicators judged against an announced aim or a standard, not the plan

    @property
    def recent(self) -> int:
        return self.with_data - self.old

    @property
    def assessed(self) -> int:
        """Indicators whose trend could be worked out (improving, maintaining or worsening)."""
        return self.total - self.trends.get(NOT_ASSESSED, 0)

    @property
    def with_plan_target(self) -> int:
        return sum(self.plan_progress.values())


def summarise(indicators) -> Summary:
    indicators = list(indicators)
    with_target = [i for i in indicators if i.targets]
    return Summary(
        total=len(indicators),
        with_data=sum(1 for i in indicators if i.observations),
        old=sum(1 for i in indicators if i.freshness.old),
        with_target=len(with_target),
        trends=Counter(i.trend.status for i in indicators),
        progress=Counter(i.progress.status for i in with_target if i.progress.status != NO_TARGET),
        plan_progress=Counter(i.progress.status for i in with_target if i.progress.kind == "plan"),
        other_targets=tuple(i for i in with_target if i.progress.kind != "plan"),
    )


def missing(indicators) -> list[tuple]:
    """(indicator, lacks data) for each indicator without recent data: no value at all, or
    only old data (trend.freshness: from before its plan, or too old to say how it is now)."""
    return [(i, not i.observations) for i in indicators if not i.observations or i.freshness.old]
