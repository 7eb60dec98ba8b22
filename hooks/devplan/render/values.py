"""An indicator's values table in one language: every observed value with its changes
(model/changes.py) and every target, formatted once here rather than call by call in the
template (the table was most of an indicator page's rendering time, measured)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.changes import Difference, plan_base_year, value_changes
from ..model.plan import Indicator
from .labels import format_change, format_number, format_percent, label, year_label


@dataclass(frozen=True)
class Cell:
    """A change as the values table shows it: '+1,234', '+4.3%' and, when the year compared
    with is not the obvious one, 'since 2019'."""

    absolute: str
    percent: str
    since: str


@dataclass(frozen=True)
class Row:
    """One row of an indicator's values table, in words and figures of one language."""

    year: str
    kind: str
    kind_note: str  # a target's kind (plan KPI, announced aim, national standard)
    value: str
    changes: tuple[Cell | None, ...]  # observed rows: from the previous value, from the plan's first; targets: ()
    status: str
    source: object
    note_id: str  # the anchor of the row's note, if it has one


def table_rows(indicator: Indicator, lang: str) -> list[Row]:
    """Every value and target of an indicator, observed values first."""
    def when(year: int) -> str:
        return year_label(year, lang, indicator.year_type)

    def cell(d: Difference | None, show_since: bool) -> Cell | None:
        if d is None:
            return None
        return Cell(format_change(d.absolute, indicator.decimals), format_percent(d.relative),
                    label("since_year", lang, year=when(d.since_year)) if show_since else "")

    base, baseline = plan_base_year(indicator), indicator.progress.baseline if indicator.progress else None
    observed, baseline_word = label("observed", lang), f"{label('observed', lang)} ({label('baseline', lang)})"
    rows = []
    changes = value_changes(indicator)
    for o in indicator.observations:
        c = changes[o.year]
        rows.append(Row(when(o.year), baseline_word if baseline and baseline[0] == o.year else observed, "",
                        format_number(o.value, indicator.decimals),
                        (cell(c.previous, c.skips), cell(c.plan_start, bool(c.plan_start) and c.plan_start.since_year != base)),
                        label(o.status, lang), o.source, f"note-{o.year}" if getattr(o, f"note_{lang}") else ""))
    for target in indicator.targets:
        rows.append(Row(when(target.year), label("target", lang), label(f"target_kind_{target.kind}", lang),
                        format_number(target.value, indicator.decimals), (), "", target.source,
                        f"note-target-{target.year}" if getattr(target, f"note_{lang}") else ""))
    return rows
