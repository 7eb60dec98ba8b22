"""Progress status of an indicator: UN ESCAP's "anticipated progress", as Open SDG applies it.

The observed yearly rate of change since the baseline is compared with the rate needed
to go from the baseline to the target by the target year:

    observed = (latest / baseline) ** (1 / (latest_year - baseline_year)) - 1
    required = (target / baseline) ** (1 / (target_year - baseline_year)) - 1
    ratio    = observed / required

ratio >= 0.95 is on track; 0 <= ratio < 0.95 is off track (acceleration needed); a
negative ratio means the indicator is moving away from its target. Compound rates need
positive values; with a zero or negative value we compare straight-line yearly changes
(latest - baseline) / years instead, and say so on the page. Once the latest value is for
the target year or later, there is nothing left to project: the target is achieved or not.

A national standard (target kind "standard") is a reference level, not a dated goal: the
latest value meets it or does not, using the standard in force in the latest value's year.
"""

from __future__ import annotations

from dataclasses import dataclass

ACHIEVED = "achieved"
ON_TRACK = "on_track"
OFF_TRACK = "off_track"
MOVING_AWAY = "moving_away"
NOT_ACHIEVED = "not_achieved"
MEETS_STANDARD = "meets_standard"
MISSES_STANDARD = "misses_standard"
NOT_ENOUGH_DATA = "not_enough_data"
NO_TARGET = "no_target"
STATUSES = (ACHIEVED, ON_TRACK, OFF_TRACK, MOVING_AWAY, NOT_ACHIEVED, MEETS_STANDARD, MISSES_STANDARD,
            NOT_ENOUGH_DATA, NO_TARGET)
TARGET_KINDS = ("plan", "announced", "standard")  # the plan's KPI, an aim stated in public, a national standard

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
    kind: str | None = None  # the target's kind: plan, announced or standard


def _meets(value: float, target: float, direction: str) -> bool:
    return value >= target if direction == "higher" else value <= target


def _rate(start: float, end: float, years: int, method: str) -> float:
    if method == "compound":
        return (end / start) ** (1 / years) - 1
    return (end - start) / years


def choose_targets(targets: list[tuple[int, float, str]]) -> tuple[list[tuple[int, float]], str | None]:
    """The targets a status is judged against, from (year, value, kind): the plan's own KPI
    targets if it has any, else targets announced in public, else a national standard."""
    for kind in TARGET_KINDS:
        chosen = [(year, value) for year, value, k in targets if k == kind]
        if chosen:
            return chosen, kind
    return [], None


def _against_standard(observations, standards, direction) -> Progress:
    latest = observations[-1]
    in_force = [s for s in standards if s[0] <= latest[0]] or standards[:1]
    standard = max(in_force)
    status = MEETS_STANDARD if _meets(latest[1], standard[1], direction) else MISSES_STANDARD
    return Progress(status, latest=latest, target=standard, kind="standard")


def assess(observations: list[tuple[int, float]], targets: list[tuple[int, float]],
           direction: str, baseline_year: int | None = None, kind: str | None = "plan") -> Progress:
    """Status from (year, value) observations and targets, for 'higher' or 'lower' is better.

    >>> assess([(2020, 100.0), (2022, 121.0)], [(2025, 200.0)], "higher").status
    'off_track'
    """
    observations = sorted(observations)
    targets = sorted(targets)
    if not targets:
        return Progress(NO_TARGET, latest=observations[-1] if observations else None)
    if not observations:
        return Progress(NOT_ENOUGH_DATA, target=targets[-1], kind=kind)
    if kind == "standard":
        return _against_standard(observations, targets, direction)
    target = targets[-1]  # the plan's final target
    latest = observations[-1]
    base = next((o for o in observations if o[0] == baseline_year), observations[0])
    found = dict(baseline=base, latest=latest, target=target, kind=kind)
    if _meets(latest[1], target[1], direction) and latest[0] >= base[0]:
        return Progress(ACHIEVED, **found)
    if latest[0] >= target[0]:  # the target year has come and the target was not met
        return Progress(NOT_ACHIEVED, **found)
    if latest[0] <= base[0]:
        return Progress(NOT_ENOUGH_DATA, **found)
    if target[0] <= base[0]:  # the target year has passed before the baseline: nothing to project
        return Progress(OFF_TRACK, **found)
    positive = min(base[1], latest[1], target[1]) > 0
    method = "compound" if positive else "linear"
    observed = _rate(base[1], latest[1], latest[0] - base[0], method)
    required = _rate(base[1], target[1], target[0] - base[0], method)
    if required == 0 or (required > 0) != (direction == "higher"):
        # The baseline already met the target but the latest value no longer does.
        return Progress(MOVING_AWAY, base, latest, target, observed, required, None, method, kind)
    ratio = observed / required
    if ratio >= ON_TRACK_RATIO:
        status = ON_TRACK
    elif ratio >= 0:
        status = OFF_TRACK
    else:
        status = MOVING_AWAY
    return Progress(status, base, latest, target, observed, required, ratio, method, kind)
