"""Plotly figures as plain dicts (no graph_objects: 1,000 Figure objects with the default
template cost ~29 s to build), drawn in the browser by docs/assets/js/charts.js.

Colours are Okabe-Ito (safe for colour-blind readers), and every series also differs by
line dash or marker shape, so no meaning rests on colour alone.
"""

from __future__ import annotations

import json

from .labels import display_year, format_number, label, year_label
from .model import Indicator, PlanModel

FONT = "'Noto Sans Thai', 'Noto Sans', sans-serif"
BLUE, VERMILLION, GREEN = "#0072B2", "#D55E00", "#009E73"


def _layout(lang: str, x_title: str, y_title: str, **extra) -> dict:
    layout = {
        "font": {"family": FONT, "size": 14},
        "margin": {"l": 64, "r": 16, "t": 16, "b": 56},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"title": {"text": x_title}, "tickformat": "d", "automargin": True},
        "yaxis": {"title": {"text": y_title}, "separatethousands": True, "automargin": True, "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.25},
        "separators": ".,",
        "hoverlabel": {"font": {"family": FONT}},
    }
    layout.update(extra)
    return layout


def indicator_figure(indicator: Indicator, lang: str) -> dict:
    """Observed values, the target path from the baseline, and the baseline itself."""
    unit = getattr(indicator, f"unit_{lang}")
    decimals = indicator.decimals
    kind = indicator.year_type
    observed = indicator.observations
    points = _with_gaps(observed)
    traces = [{
        "type": "scatter", "mode": "lines+markers", "name": label("observed", lang), "connectgaps": False,
        "x": [int(display_year(o.year, lang)) if o else None for o in points],
        "y": [o.value if o else None for o in points],
        "customdata": [[year_label(o.year, lang, kind), format_number(o.value, decimals), label(o.status, lang),
                        _plain(getattr(o.source, f"title_{lang}"))] if o else None for o in points],
        "hovertemplate": "%{customdata[0]}<br>%{customdata[1]} " + _plain(unit)
                         + "<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        "line": {"color": BLUE, "width": 3}, "marker": {"symbol": "circle", "size": 9},
    }]
    progress = indicator.progress
    dated = [t for t in indicator.targets if t.kind != "standard"]  # a standard is a level, not a path
    if dated:
        start = [progress.baseline] if progress and progress.baseline else []
        points = start + [(t.year, t.value) for t in dated]
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": label("target_path", lang),
            "x": [int(display_year(y, lang)) for y, _ in points], "y": [v for _, v in points],
            "customdata": [[year_label(y, lang, kind), format_number(v, decimals)] for y, v in points],
            "hovertemplate": label("target", lang) + " %{customdata[0]}<br>%{customdata[1]} " + _plain(unit) + "<extra></extra>",
            "line": {"color": VERMILLION, "dash": "dash", "width": 2}, "marker": {"symbol": "diamond", "size": 10},
        })
    traces += _standard_lines(indicator, lang)
    if progress and progress.baseline:
        year, value = progress.baseline
        traces.append({
            "type": "scatter", "mode": "markers", "name": label("baseline", lang),
            "x": [int(display_year(year, lang))], "y": [value],
            "customdata": [[year_label(year, lang, kind), format_number(value, decimals)]],
            "hovertemplate": label("baseline", lang) + " %{customdata[0]}<br>%{customdata[1]} " + _plain(unit) + "<extra></extra>",
            "marker": {"symbol": "square-open", "size": 16, "color": GREEN, "line": {"width": 3}},
        })
    x_title = label("fiscal_year" if kind == "fiscal" else "year", lang) + (" (พ.ศ.)" if lang == "th" else " (C.E.)")
    layout = _layout(lang, x_title, _plain(unit))
    years = {x for trace in traces for x in trace["x"] if x is not None}
    if years and max(years) - min(years) <= 12:
        layout["xaxis"]["dtick"] = 1  # whole years only, never 2566.5
    layout["yaxis"]["tickformat"] = ",." + str(min(decimals, 1)) + "f" if decimals else ","
    return {"data": traces, "layout": layout}


def _standard_lines(indicator: Indicator, lang: str) -> list[dict]:
    """Each national standard as a level line from the year it applies to the last year shown."""
    standards = [t for t in indicator.targets if t.kind == "standard"]
    last = max([o.year for o in indicator.observations] + [t.year for t in indicator.targets], default=0)
    unit = _plain(getattr(indicator, f"unit_{lang}"))
    traces = []
    for n, standard in enumerate(standards):
        end = standards[n + 1].year if n + 1 < len(standards) else max(last, standard.year + 1)
        years = [standard.year, end]
        traces.append({
            "type": "scatter", "mode": "lines", "name": label("national_standard", lang), "showlegend": n == 0,
            "x": [int(display_year(y, lang)) for y in years], "y": [standard.value] * 2,
            "customdata": [[year_label(y, lang, indicator.year_type), format_number(standard.value, indicator.decimals)]
                           for y in years],
            "hovertemplate": label("national_standard", lang) + " %{customdata[0]}<br>%{customdata[1]} " + unit + "<extra></extra>",
            "line": {"color": VERMILLION, "dash": "dot", "width": 2},
        })
    return traces


def _with_gaps(observed: list) -> list:
    """The observations with None where the line must break: across a gap longer than twice
    the series' usual spacing (2013 -> 2019 in a yearly series), where no line should
    suggest values nobody measured. Two-yearly surveys stay joined.
    """
    if len(observed) < 3:
        return list(observed)
    steps = sorted(b.year - a.year for a, b in zip(observed, observed[1:]))
    usual = steps[len(steps) // 2]
    points = [observed[0]]
    for before, after in zip(observed, observed[1:]):
        if after.year - before.year > 2 * usual:
            points.append(None)
        points.append(after)
    return points


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
    layout = _layout(lang, label("million_baht", lang), "")
    layout["yaxis"] = {"automargin": True, "autorange": "reversed"}
    layout["xaxis"]["tickformat"] = ",.0f"
    return {"data": traces, "layout": layout}


def summary(indicator: Indicator, lang: str) -> str:
    """One sentence a screen reader hears instead of the chart."""
    observed = indicator.observations
    if not observed:
        return label("chart_summary_none", lang)
    kind = indicator.year_type
    return label("chart_summary", lang, count=len(observed), first=year_label(observed[0].year, lang, kind),
                 last=year_label(observed[-1].year, lang, kind),
                 value=format_number(observed[-1].value, indicator.decimals), unit=getattr(indicator, f"unit_{lang}"))


def to_attribute(figure: dict) -> str:
    """Figure JSON for a data- attribute: sorted keys so builds are byte-identical.

    The template's autoescape turns quotes and angle brackets into entities.
    """
    return json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
