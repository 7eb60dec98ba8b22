"""Progress status of an indicator: UN ESCAP's "anticipated progress", as Open SDG applies it.

The observed yearly rate of change since the baseline is compared with the rate needed
to go from the baseline to the target by the target year:

    observed = (latest / baseline) ** (1 / (latest_year - baseline_year)) - 1
    required = (target / baseline) ** (1 / (target_year - baseline_year)) - 1
    ratio    = observed / required

ratio >= 0.95 is on track; 0 <= ratio < 0.95 is off track (acceleration needed); a
negative ratio means the indicator is moving away from its target. Compound rates need
positive values; with a zero or negative value we compare straight-line yearly changes
(latest - baseline) / years instead, and say so on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

ACHIEVED = "achieved"
ON_TRACK = "on_track"
OFF_TRACK = "off_track"
MOVING_AWAY = "moving_away"
NOT_ENOUGH_DATA = "not_enough_data"
NO_TARGET = "no_target"
STATUSES = (ACHIEVED, ON_TRACK, OFF_TRACK, MOVING_AWAY, NOT_ENOUGH_DATA, NO_TARGET)

ON_TRACK_RATIO = 0.95


@dataclass(frozen=True)
class Progress:
    """A status and the numbers it was worked out from (shown beside every badge)."""

    status: str
    baseline: tuple[int, float] | None = None
    latest: tuple[int, float] | None = None
    target: tuple[int, float] | None = None
    observed_rate: float | None = None
    required_rate: float | None = None
    ratio: float | None = None
    method: str | None = None  # "compound" or "linear"


def _meets(value: float, target: float, direction: str) -> bool:
    return value >= target if direction == "higher" else value <= target


def _rate(start: float, end: float, years: int, method: str) -> float:
    if method == "compound":
        return (end / start) ** (1 / years) - 1
    return (end - start) / years


def assess(observations: list[tuple[int, float]], targets: list[tuple[int, float]],
           direction: str, baseline_year: int | None = None) -> Progress:
    """Status from (year, value) observations and targets, for 'higher' or 'lower' is better.

    >>> assess([(2020, 100.0), (2022, 121.0)], [(2025, 200.0)], "higher").status
    'off_track'
    """
    observations = sorted(observations)
    if not targets:
        return Progress(NO_TARGET, latest=observations[-1] if observations else None)
    target = max(targets)  # the plan's final target
    if not observations:
        return Progress(NOT_ENOUGH_DATA, target=target)
    latest = observations[-1]
    base = next((o for o in observations if o[0] == baseline_year), observations[0])
    if _meets(latest[1], target[1], direction) and latest[0] >= base[0]:
        return Progress(ACHIEVED, baseline=base, latest=latest, target=target)
    if latest[0] <= base[0]:
        return Progress(NOT_ENOUGH_DATA, baseline=base, latest=latest, target=target)
    if target[0] <= base[0]:  # the target year has passed before the baseline: nothing to project
        return Progress(OFF_TRACK, baseline=base, latest=latest, target=target)
    positive = min(base[1], latest[1], target[1]) > 0
    method = "compound" if positive else "linear"
    observed = _rate(base[1], latest[1], latest[0] - base[0], method)
    required = _rate(base[1], target[1], target[0] - base[0], method)
    if required == 0 or (required > 0) != (direction == "higher"):
        # The baseline already met the target but the latest value no longer does.
        return Progress(MOVING_AWAY, base, latest, target, observed, required, None, method)
    ratio = observed / required
    if ratio >= ON_TRACK_RATIO:
        status = ON_TRACK
    elif ratio >= 0:
        status = OFF_TRACK
    else:
        status = MOVING_AWAY
    return Progress(status, base, latest, target, observed, required, ratio, method)
