"""What lets a page or a chart leave the site: the link-preview text of each page (Open
Graph and Twitter-card tags, printed by overrides/main.html from the page's front matter)
and each indicator's embed page, a chart with its source and a link back, for an iframe.

The embed page is plain HTML (no theme, no menu), so a newsroom's iframe shows the chart
and nothing else; it loads only the site's own files, as every page does.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..addresses import embed_path, preview_path
from ..model.plan import Indicator
from . import charts, comparison
from .labels import display_date, format_number, label, year_label

EMBED_HEIGHT = 520  # px: the title, a chart tall enough to read and the source line


def description(indicator: Indicator, lang: str) -> str:
    """One line for a link card: the latest value with its year, and the status."""
    status = label(f"status_{indicator.progress.status}", lang) if indicator.progress else ""
    latest = indicator.latest
    if not latest:
        return f"{label('no_data', lang)} · {status}"
    unit = getattr(indicator, f"unit_{lang}")
    value = format_number(latest.value, indicator.decimals)
    when = year_label(latest.year, lang, indicator.year_type)
    publisher = getattr(latest.source, f"publisher_{lang}")
    return (f"{label('latest_value', lang)}: {value} {unit} ({when}, {label(latest.status, lang)})"
            f" · {status} · {label('source', lang)}: {publisher}")


def indicator_meta(indicator: Indicator, lang: str) -> dict[str, str]:
    """Front matter for the indicator page's link preview."""
    return {"description": description(indicator, lang), "preview": preview_path(lang, indicator.indicator_id)}


def publishers(indicator: Indicator, lang: str) -> str:
    """Who published the indicator's figures, each once, main source first."""
    return "; ".join(dict.fromkeys(getattr(s, f"publisher_{lang}") for s in indicator.sources))


def page_address(settings: dict, lang: str, path: str) -> str:
    """The absolute, stable address of a page of this site (site_url from mkdocs.yml)."""
    return f"{settings['site_url']}{lang}/{path}"


def iframe(indicator: Indicator, lang: str, settings: dict) -> str:
    """The snippet a newsroom pastes into its article."""
    src = page_address(settings, lang, f"embed/{indicator.indicator_id}/")
    title = html.escape(getattr(indicator, f"name_{lang}"))  # the page escapes the snippet once more
    return f'<iframe src="{src}" title="{title}" width="100%" height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'


def chart_sharing(indicator: Indicator, lang: str, settings: dict) -> dict[str, str]:
    """What the indicator page's share buttons need: the chart's stable address, the lines
    drawn into a downloaded image, and the iframe snippet."""
    return {**_sharing(f"indicators/{indicator.indicator_id}/#chart", publishers(indicator, lang), lang, settings),
            "iframe": iframe(indicator, lang, settings)}


def comparison_sharing(indicator: Indicator, lang: str, settings: dict) -> dict[str, str]:
    """The same for the comparison chart: its address carries the reader's choice, which
    compare.js adds as the reader changes it."""
    return {**_sharing(f"indicators/{indicator.indicator_id}/#compare-chart", publishers(indicator, lang), lang, settings),
            "iframe": iframe(indicator, lang, settings)}


def budget_sharing(model, lang: str, settings: dict) -> dict[str, str]:
    """The same for the budget page's chart: its sources are the projects' sources."""
    sources = "; ".join(dict.fromkeys(getattr(p.source, f"publisher_{lang}") for p in model.projects))
    return _sharing("budget/#by-strategy", sources, lang, settings)


def _sharing(path: str, sources: str, lang: str, settings: dict) -> dict[str, str]:
    date = settings.get("data_date")
    return {"page": page_address(settings, lang, path), "source": f"{label('source', lang)}: {sources}",
            "date": f"{label('data_version', lang)} {display_date(date, lang)}" if date else ""}


def embed_pages(writer) -> Iterator[tuple[str, str]]:
    """(path, html) of every indicator's embed page in the writer's language, one at a time."""
    template = writer.env.get_template("embed.html.j2")
    lang = writer.lang
    for indicator in writer.model.indicators.values():
        yield embed_path(indicator.indicator_id), template.render(
            i=indicator, unit=writer.tr(indicator, "unit"),
            chart_json=writer.chart(indicator),  # None without two values: the page says so
            summary=charts.summary(indicator, lang), link=lambda to: "../../" + to,
            publishers=publishers(indicator, lang),
            compare_data="../../" + comparison.data_path(indicator.indicator_id) if indicator.compared else None,
            page=page_address(writer.settings, lang, f"indicators/{indicator.indicator_id}/"))
