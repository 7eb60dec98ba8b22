"""Counts behind the status summaries (home, plan, strategy and goal pages) and the
reporting-status page: how many indicators have values, recent values, a target, and
how their trend and target status stand."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .status import NO_TARGET


@dataclass(frozen=True)
class Summary:
    total: int = 0
    with_data: int = 0
    old: int = 0  # with data, but the latest value is old data
    with_target: int = 0
    trends: Counter = field(default_factory=Counter)  # trend status -> indicators
    progress: Counter = field(default_factory=Counter)  # target status -> indicators with a target

    @property
    def recent(self) -> int:
        return self.with_data - self.old


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
    )


def missing(indicators) -> list[tuple]:
    """(indicator, lacks data, lacks target) for each indicator without data or a target."""
    return [(i, not i.observations, not i.targets) for i in indicators if not i.observations or not i.targets]
