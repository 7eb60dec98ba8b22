"""Plotly figures as plain dicts (no graph_objects: 1,000 Figure objects with the default
template cost ~29 s to build), drawn in the browser by docs/assets/js/charts.js.

Colours are Okabe-Ito (safe for colour-blind readers), and every series also differs by
line dash or marker shape, so no meaning rests on colour alone. charts.js swaps each
colour for a lighter one of the same family in the dark scheme.

Axis ticks are chosen here, not by Plotly: Plotly's labels follow one number format, so a
Gini coefficient of 0.25-0.32 read "0.3, 0.3, 0.2" with one decimal, and its year labels
stand on end on a phone. Here every label is a round value with the decimals its step
needs, and years come at most MAX_YEAR_TICKS to an axis, upright.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

from ..model.plan import Indicator, PlanModel
from .labels import display_year, format_number, label, language, year_label

FONT = "'Noto Sans Thai', 'Noto Sans', sans-serif"
BLUE, VERMILLION, GREEN, GREY = "#0072B2", "#D55E00", "#009E73", "#555555"
VALUE_TICKS = 5  # about this many labels on the value axis
MAX_YEAR_TICKS = 7  # upright year labels that fit side by side on a 390 px phone


def base_layout(x_title: str, y_title: str, **extra) -> dict:
    """The house style of every chart: fonts, margins, transparent paper, upright years, the legend above."""
    layout = {
        "font": {"family": FONT, "size": 14},
        "margin": {"l": 64, "r": 16, "t": 16, "b": 56},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"title": {"text": x_title}, "automargin": True, "tickangle": 0},
        "yaxis": {"title": {"text": y_title}, "automargin": True},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},  # above: clear of the year axis
        "separators": ".,",
        "hoverlabel": {"font": {"family": FONT}},
    }
    layout.update(extra)
    return layout


def year_axis_title(year_type: str, lang: str) -> str:
    """'Year (C.E.)', 'ปีงบประมาณ (พ.ศ.)': what the year axis counts, in which era."""
    return label("fiscal_year" if year_type == "fiscal" else "year", lang) + f" ({language(lang)['calendar']['era']})"


def value_ticks(low: float, high: float, count: int = VALUE_TICKS) -> tuple[list[float], list[str], list[float]]:
    """Round tick values from zero (or below) to above `high`, their labels, and the axis range.

    Every label differs from its neighbours because it carries the decimals of the step:
    a Gini coefficient of 0.25-0.32 gives 0.0, 0.1, ..., 0.4, and 0.1 alone 0.00, 0.02, ...

    >>> value_ticks(0.02, 0.1)[1]
    ['0.00', '0.02', '0.04', '0.06', '0.08', '0.10', '0.12']
    """
    low, high = min(low, 0.0), max(high, 0.0)  # values are read against zero
    if high == low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))
    decimals = max(0, -Decimal(repr(round(step, 12))).normalize().as_tuple().exponent)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    if last * step - high < step * 0.05 and high > 0:
        last += 1  # room above the highest marker
    values = [round(k * step, decimals) for k in range(first, last + 1)]
    return values, [format_number(v, decimals) for v in values], [values[0], values[-1]]


def year_ticks(years: list[int]) -> tuple[list[int], list[float]]:
    """Year labels every 1, 2, 5, 10... years, at most MAX_YEAR_TICKS, and the axis range
    with room at both ends, so the first year stands clear of the value axis's "0"."""
    first, last = min(years), max(years)
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last - first) // s + 1 <= MAX_YEAR_TICKS)
    ticks = list(range(math.ceil(first / step) * step, last + 1, step))
    pad = max(0.5, (last - first) * 0.1)
    return ticks, [first - pad, last + pad]


def indicator_figure(indicator: Indicator, lang: str) -> dict | None:
    """Observed values (preliminary ones hollow, reached by a dotted line), the target path
    from the baseline, and the baseline itself. None when there is nothing to draw: no
    value, or one value and no target (the page then says so in words).

    Values that cannot be compared with the latest (another series, or part of a year) are
    a series of their own whose legend entry says so in words ("2020: counted differently,
    not comparable"), so a jump between surveys never reads as growth. A target drawn in a
    year that has a value stands a little to the right of it, so neither hides the other."""
    observed = indicator.observations
    if not observed or (len(observed) == 1 and not indicator.targets):
        return None
    unit = _plain(getattr(indicator, f"unit_{lang}"))
    decimals, kind = indicator.decimals, indicator.year_type

    def point(x, y, text):  # one point's hover text: year, value and unit, what it is
        return [year_label(x, lang, kind), f"{format_number(y, decimals)} {unit}", text]

    def trace(name, points, hover_text, **style):
        return {"type": "scatter", "name": name, "connectgaps": False,
                "x": [int(display_year(p[0], lang)) if p else None for p in points],
                "y": [p[1] if p else None for p in points],
                "customdata": [point(p[0], p[1], hover_text(p)) if p else None for p in points],
                "hovertemplate": "%{customdata[0]}: %{customdata[1]}<br>%{customdata[2]}<extra></extra>", **style}

    status_text = lambda p: label(p[2], lang)  # noqa: E731
    latest_kind = _kind(observed[-1])
    firm, provisional = _split_preliminary(_joined([o for o in observed if _kind(o) == latest_kind], observed))
    traces = []
    if any(firm):
        traces.append(trace(label("observed", lang), firm, status_text, mode="lines+markers",
                            line={"color": BLUE, "width": 3}, marker={"symbol": "circle", "size": 9, "color": BLUE}))
    if provisional:
        # Every marker hollow, so the legend shows a hollow one; the joint's ring sits on its filled twin.
        sizes = [11 if p and p[2] == "preliminary" else 9 for p in provisional]
        traces.append(trace(label("preliminary", lang), provisional, status_text, mode="lines+markers",
                            line={"color": BLUE, "width": 3, "dash": "dot"},
                            marker={"symbol": "circle-open", "size": sizes, "color": BLUE, "line": {"width": 2.5, "color": BLUE}}))
    for other, others in _other_kinds(observed, latest_kind):
        years = f"{display_year(others[0].year, lang)}-{display_year(others[-1].year, lang)}" \
            if others[-1].year != others[0].year else display_year(others[0].year, lang)
        key = "other_series" if other[0] != latest_kind[0] else "other_part_year" if other[1] else "other_whole_year"
        name = label(key, lang, years=years)
        traces.append(trace(name, _joined(others, observed), status_text, mode="lines+markers",
                            line={"color": GREY, "width": 2, "dash": "dashdot"},
                            marker={"symbol": "square", "size": 9, "color": GREY}))
    progress = indicator.progress
    baseline = progress.baseline if progress else None
    kinds = {kind: [(t.year, t.value) for t in indicator.targets if t.kind == kind] for kind in ("plan", "announced", "standard")}
    aims = []
    if kinds["plan"]:
        path = ([baseline] if baseline else []) + kinds["plan"]
        aims.append(trace(label("target_path", lang), path, lambda p: label("target", lang), mode="lines+markers",
                          line={"color": VERMILLION, "dash": "dash", "width": 2},
                          marker={"symbol": "diamond", "size": 10, "color": VERMILLION}))
    if kinds["announced"]:  # an aim said in public: points, not a path the plan set
        aims.append(trace(label("target_announced", lang), kinds["announced"], lambda p: label("target_announced", lang),
                          mode="markers", marker={"symbol": "diamond-open", "size": 12, "color": VERMILLION,
                                                  "line": {"width": 2.5, "color": VERMILLION}}))
    traces += aims
    if baseline:
        traces.append(trace(label("baseline", lang), [baseline], lambda p: label("baseline", lang), mode="markers",
                            marker={"symbol": "square-open", "size": 16, "color": GREEN, "line": {"width": 3, "color": GREEN}}))
    layout = base_layout(year_axis_title(kind, lang), unit)
    years = [x for t in traces for x in t["x"] if x is not None]
    values = [y for t in traces for y in t["y"] if y is not None]
    layout["xaxis"]["tickvals"], layout["xaxis"]["range"] = year_ticks(years)
    offset = _step_aside(aims, {o.year for o in observed}, lang, first_is_baseline=bool(kinds["plan"] and baseline))
    moved = [x for aim in aims for x in aim["x"] if x is not None]
    if moved:  # room for a marker stepped aside at the last year
        layout["xaxis"]["range"][1] = max(layout["xaxis"]["range"][1], max(moved) + offset)
    if kinds["standard"]:  # a reference level: a level line from the year it applies
        x, y = _levels(kinds["standard"], [min(years), max(years)], lang)
        traces.append({"type": "scatter", "mode": "lines", "name": label("standard", lang), "x": x, "y": y,
                       "customdata": [[label("standard", lang), f"{format_number(v, decimals)} {unit}", ""] if v is not None
                                      else None for v in y],
                       "hovertemplate": "%{customdata[0]}: %{customdata[1]}<extra></extra>",
                       "line": {"color": GREY, "dash": "dot", "width": 2}})
        values += [v for _, v in kinds["standard"]]
    layout["xaxis"]["ticktext"] = [str(y) for y in layout["xaxis"]["tickvals"]]
    layout["yaxis"]["tickvals"], layout["yaxis"]["ticktext"], layout["yaxis"]["range"] = value_ticks(min(values), max(values))
    layout["height"] = 300 + 22 * len(traces)  # the legend's rows (one a series on a phone) above the same plot
    layout["showlegend"] = True  # a one-series chart says what its line is, too
    return {"data": traces, "layout": layout}


def _kind(observation) -> tuple:
    """What makes values comparable: the same series and the same coverage of the year."""
    return (observation.series or None, observation.coverage or None)


def _other_kinds(observed: list, latest_kind: tuple) -> list[tuple[tuple, list]]:
    """The values not comparable with the latest, kind by kind, in the order they first appear."""
    kinds: dict[tuple, list] = {}
    for o in observed:
        if _kind(o) != latest_kind:
            kinds.setdefault(_kind(o), []).append(o)
    return list(kinds.items())


def _joined(some: list, observed: list) -> list:
    """(year, value, status) of `some` of the observations, with None where their line must
    break: where a value of another kind lies between two of them, and across a gap longer
    than twice the usual spacing (2013 -> 2019 in a yearly series), where no line should
    suggest values nobody measured. Two-yearly surveys stay joined."""
    position = {id(o): n for n, o in enumerate(observed)}
    steps = sorted(b.year - a.year for a, b in zip(some, some[1:]))
    usual = steps[len(steps) // 2] if len(steps) >= 2 else None
    points: list = []
    for before, o in zip([None, *some], some):
        if before is not None and (position[id(o)] - position[id(before)] > 1 or (usual and o.year - before.year > 2 * usual)):
            points.append(None)
        points.append((o.year, o.value, o.status))
    return points


def _step_aside(aims: list, observed_years: set, lang: str, first_is_baseline: bool) -> float:
    """Move each target marker that shares a year with an observed value a little to the
    right (its hover still says its year), so that neither marker hides the other: about 7%
    of the plot's width, inside the room year_ticks leaves at the ends. The plan's path
    starts on the observed baseline on purpose and keeps that point."""
    shown = {int(display_year(year, lang)) for year in observed_years}
    offset = round(0.1 * max(max(shown) - min(shown), 6), 2) if shown else 0
    for n, aim in enumerate(aims):
        keep = 1 if n == 0 and first_is_baseline else 0
        aim["x"] = aim["x"][:keep] + [x + offset if x in shown else x for x in aim["x"][keep:]]
    return offset


def _levels(standards: list, axis: list, lang: str) -> tuple[list, list]:
    """x and y of a level line per standard, from the year it applies to the next standard
    (or the last year shown), broken by None between standards."""
    starts = [int(display_year(year, lang)) for year, _ in standards]  # before the axis: clipped by it
    x: list = []
    y: list = []
    for start, end, (_, value) in zip(starts, starts[1:] + [axis[1]], standards):
        x += ([None] if x else []) + [start, end]
        y += ([None] if y else []) + [value, value]
    return x, y


def _split_preliminary(points: list) -> tuple[list, list]:
    """The points in two lines: firm figures, and preliminary ones joined to the firm
    figures before and after them (2022 preliminary -> 2023 revised is one line, dotted)."""
    firm = [p if p and p[2] != "preliminary" else None for p in points]
    provisional: list = []
    for before, p, after in zip([None] + points, points, points[1:] + [None]):
        if not p or p[2] != "preliminary":
            continue
        if not provisional or provisional[-1] is not before:
            if provisional:
                provisional.append(None)
            if before:
                provisional.append(before)
        provisional.append(p)
        if after and after[2] != "preliminary":
            provisional.append(after)
    return firm, provisional


def _plain(text: str) -> str:
    # Plotly renders hover text as HTML-like markup: keep unit text literal.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def budget_by_strategy(model: PlanModel, lang: str) -> dict:
    strategies = [s for s in model.strategies.values() if s.projects]
    names = [_plain(getattr(s, f"title_{lang}")) for s in strategies]
    totals = [sum(p.budget_thb for p in s.projects) / 1e6 for s in strategies]
    traces = [{
        "type": "bar", "orientation": "h", "y": names, "x": totals, "name": label("budget", lang),
        "marker": {"color": BLUE}, "customdata": [format_number(t, 2) for t in totals],
        "hovertemplate": "%{y}<br>%{customdata} " + label("million_baht", lang) + "<extra></extra>",
    }]
    layout = base_layout(label("million_baht", lang), "")
    layout["yaxis"] = {"automargin": True, "autorange": "reversed"}
    layout["xaxis"]["tickvals"], layout["xaxis"]["ticktext"], layout["xaxis"]["range"] = value_ticks(min(totals), max(totals))
    return {"data": traces, "layout": layout}


def summary(indicator: Indicator, lang: str) -> str:
    """One sentence a screen reader hears instead of the chart."""
    observed = indicator.observations
    if not observed:
        return label("chart_summary_none", lang)
    kind = indicator.year_type
    if len(observed) == 1:  # beside a target: "One observed value, for 2023: ..."
        return label("chart_summary_one", lang, last=year_label(observed[0].year, lang, kind),
                     value=format_number(observed[0].value, indicator.decimals), unit=getattr(indicator, f"unit_{lang}"))
    return label("chart_summary", lang, count=len(observed), first=year_label(observed[0].year, lang, kind),
                 last=year_label(observed[-1].year, lang, kind),
                 value=format_number(observed[-1].value, indicator.decimals), unit=getattr(indicator, f"unit_{lang}"))


def to_attribute(figure: dict) -> str:
    """Figure JSON for a data- attribute: sorted keys so builds are byte-identical.

    The template's autoescape turns quotes and angle brackets into entities.
    """
    return json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

