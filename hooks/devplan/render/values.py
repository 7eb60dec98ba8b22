"""An indicator's values and their changes in words of one language: the values table
(every observed value with its changes, model/changes.py, and every target, formatted once
here rather than call by call in the template: the table was most of an indicator page's
rendering time, measured) and the sentences that say how much a value changed.

A change of a rate or share in percent (`measure` percent) is said in percentage points,
never in percent: occupancy going from 74.66% to 76.74% is up 2.08 percentage points (its
change relative to the earlier value, +2.79%, is another number, shown only where the
trend's threshold needs it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..check.cells import URI
from ..model.changes import Difference, plan_base_year, value_changes
from ..model.plan import Indicator
from .labels import format_change, format_number, format_percent, label, year_label


@dataclass(frozen=True)
class Cell:
    """A change as a table shows it: '+1,234' over '+4.3%' (or over 'percentage points' for
    a rate in percent) and, when the year compared with is not the obvious one, 'since 2019'."""

    absolute: str
    detail: str
    since: str = ""


def in_points(indicator: Indicator) -> bool:
    """A rate or share in percent: its changes are percentage points."""
    return indicator.measure == "percent"


def change_cell(indicator: Indicator, d: Difference | None, lang: str, since: str = "") -> Cell | None:
    if d is None:
        return None
    detail = label("percentage_points", lang) if in_points(indicator) else format_percent(d.relative)
    return Cell(format_change(d.absolute, indicator.decimals), detail, since)


def relative(fraction: float | None) -> str:
    """A change relative to the earlier value, two decimals: 0.04201 -> '+4.20%'."""
    return "–" if fraction is None else f"{fraction * 100:+.2f}%"


def headline_change(indicator: Indicator, lang: str) -> str:
    """'Up 482,043 visitor trips (+4.20%) from 2024 (11,473,206)', 'Up 2.08 percentage points
    from 2024 (74.66)' for a rate in percent: the latest value against the previous comparable
    one (the trend's), or '' when there is none."""
    trend = indicator.trend
    if not trend or not trend.earlier:
        return ""
    year = year_label(trend.earlier[0], lang, indicator.year_type)
    difference = trend.latest[1] - trend.earlier[1]
    if difference == 0:
        return label("change_none", lang, year=year)
    if in_points(indicator):
        unit, percent = label("percentage_points", lang), ""
    else:
        unit = getattr(indicator, f"unit_{lang}")
        percent = f" ({relative(trend.change)})" if trend.change is not None else ""
    return label("change_up" if difference > 0 else "change_down", lang, amount=format_number(abs(difference), indicator.decimals),
                 unit=unit, percent=percent, year=year, earlier=format_number(trend.earlier[1], indicator.decimals))


def trend_change(indicator: Indicator, lang: str) -> str:
    """The change the trend was judged on: '+4.20%', or for a rate in percent '+2.08
    percentage points (+2.79% of the earlier value)': the threshold is relative."""
    trend = indicator.trend
    if not in_points(indicator) or not trend.earlier:
        return relative(trend.change)
    return label("points_and_relative", lang, points=format_change(trend.latest[1] - trend.earlier[1], indicator.decimals),
                 percent=relative(trend.change))


def short_change(indicator: Indicator, lang: str) -> str:
    """'+481,206 (+4.2%) from 2024' or '+2.08 percentage points from 2024' (a rate): the
    latest value against the previous comparable one, or '' when there is none."""
    trend = indicator.trend
    if not trend or not trend.earlier or not trend.latest:
        return ""
    text = format_change(trend.latest[1] - trend.earlier[1], indicator.decimals)
    if in_points(indicator):
        text += " " + label("percentage_points", lang)
    elif trend.change is not None:
        text += f" ({trend.change * 100:+.1f}%)"
    return label("change_from", lang, change=text, year=year_label(trend.earlier[0], lang, indicator.year_type))


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
        return change_cell(indicator, d, lang, label("since_year", lang, year=when(d.since_year)) if d and show_since else "")

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
        rows.append(Row(when(target.year), label(f"reference_{target.kind}", lang), label(f"target_kind_{target.kind}", lang),
                        format_number(target.value, indicator.decimals), (), "", target.source,
                        f"note-target-{target.year}" if getattr(target, f"note_{lang}") else ""))
    return rows


def printed(value) -> str:
    """As the templates print a value: escaped, on one line (pages._one_line)."""
    return str(escape(value.replace("\r", " ").replace("\n", " ") if isinstance(value, str) else value))


def rows_html(rows: list[Row], headings: list[str], note_word: str, publisher: Callable) -> Markup:
    """The values table's body rows (templates/indicator.md.j2), one <tr> a line: written
    here, not in the template, where they were a third of an indicator page's rendering."""
    h = [printed(heading) for heading in headings]
    note = printed(note_word)
    lines = []
    for r in rows:
        year = printed(r.year)
        kind = printed(r.kind) + (f' <span class="dp-muted">({printed(r.kind_note)})</span>' if r.kind_note else "")
        if r.changes:
            changes = "".join(
                f'<td data-label="{h[3 + n]}" class="dp-change">'
                + (printed(d.absolute) + (f' <span class="dp-muted">{printed(d.detail)}</span>' if d.detail else "")
                   + (f' <span class="dp-muted">{printed(d.since)}</span>' if d.since else "")
                   if d else '<span class="dp-muted">–</span>') + "</td>"
                for n, d in enumerate(r.changes))
        else:
            changes = f'<td data-label="{h[3]}"></td><td data-label="{h[4]}"></td>'
        page, name = r.source.page, printed(publisher(r.source))
        source = f'<a href="{printed(page)}" rel="noopener">{name}</a>' if isinstance(page, str) and URI.fullmatch(page) else name
        if r.note_id:
            source += f' <a href="#{printed(r.note_id)}" aria-label="{note} {year}">[{note}]</a>'
        lines.append(f'<tr><th scope="row">{year}</th><td data-label="{h[1]}">{printed(r.value)}</td>'
                     f'<td data-label="{h[2]}">{kind}</td>{changes}<td data-label="{h[5]}">{printed(r.status)}</td>'
                     f'<td data-label="{h[6]}">{source}</td></tr>')
    return Markup("\n".join(lines))
