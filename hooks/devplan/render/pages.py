"""Page text for every plan, strategy, goal and indicator, in one language.

Each page is front matter, headings and HTML rendered by Jinja2 with autoescaping, made
the page's HTML without Markdown (pagehtml.py): text from the CSVs never reaches Markdown
syntax (so `{: onclick }`, `[link](...)` or `<script>` in a CSV shows up as literal text).
Headings come only from the label table and carry fixed ids, so links survive re-ordering.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateError, meta

from ..addresses import FEED, embed_path, indicator_downloads, site_xlsx_name, workbook_name
from ..check.cells import URI
from ..model import changes
from ..model.plan import Indicator, PlanModel
from ..model.status import STATUSES
from ..model.summary import missing, summarise
from ..model.trend import MAX_GAP, OLD_AFTER, THRESHOLD, TRENDS
from . import areamap, changelog, charts, comparison, counts, datapage, home, latest, share, values
from .labels import (
    display_date,
    display_year,
    format_baht,
    format_date,
    format_number,
    format_rate,
    label,
    year_label,
)

TEMPLATES = Path(__file__).parent / "templates"
GLANCE_LIMIT = 12  # indicators named per area on the home page: its weight stays flat at any size
HIGHLIGHTS_LIMIT = 5  # lines comparing the own area with others on the home page, for the same reason
# Pages that repeat every indicator's name (the whole-site table, the changes) stay out of
# search, or they would come first for any word and push out the pages about it.
NOT_SEARCHED = {"search": {"exclude": True}}
STATUS_ICONS = {  # shape as well as colour, so status never relies on colour alone
    "achieved": "★", "on_track": "▲", "off_track": "◆", "moving_away": "▼",
    "not_achieved": "■", "meets_standard": "✓", "misses_standard": "✗", "not_enough_data": "○", "no_target": "–",
}
TREND_ICONS = {"improving": "+", "maintaining": "=", "worsening": "−", "not_assessed": "?"}


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a Markdown path: 'goals/x.md' -> 'goals/x/'."""
    if path == "index.md":
        return ""
    stem = path[: -len("index.md")] if path.endswith("/index.md") else path[: -len(".md")] + "/"
    return stem


def web_address(url) -> str:
    """The address if it is a web address (http: or https:), else "": whatever reaches an
    href from the data or the descriptor, a javascript: or data: address never becomes a link."""
    return url if isinstance(url, str) and URI.fullmatch(url) else ""


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath without its two getcwd() calls (a quarter of the links' cost): the
    paths are a language's, so '../' from its root is the site's root (data/, previews/)."""
    to = posixpath.normpath(posixpath.join("/site/lang", target)).split("/")
    here = posixpath.normpath(posixpath.join("/site/lang", start)).split("/")
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def relative(from_path: str, to_path: str) -> str:
    """A link from one page to another (or to a site file), relative so any base URL works."""
    here = page_url(from_path) or "."
    target = page_url(to_path) if to_path.endswith(".md") else to_path
    rel = _relpath(target or ".", here)
    return rel + "/" if to_path.endswith(".md") and rel != "." and not rel.endswith("/") else ("./" if rel == "." else rel)


class _CompiledOnce(BytecodeCache):
    """Each template compiled once per process, whatever the number of writers: compiling
    was most of the time of rendering a small package's pages (measured: 1.5 s of 1.9 s CPU
    for the tiny fixture), and every writer (each language, the embed pages) compiled anew.
    Jinja checks each entry against the template's source, so an edited template is compiled again."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledOnce()


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_one_line,
        auto_reload=False,  # templates never change during a build: skip a file check per include
        bytecode_cache=COMPILED)


def compile_templates() -> None:
    """Compile every template once in this process (COMPILED): a build does it before its
    jobs fork, so each language's job does not compile them again (0.5 s each, measured)."""
    env = _environment()
    for template in sorted(TEMPLATES.glob("*.j2")):
        env.get_template(template.name)


def compile_theme(env: Environment, pages: tuple[str, ...] = ("main.html", "404.html", "sitemap.xml")) -> None:
    """Compile into COMPILED the theme templates these pages extend, include and import (an
    environment that reads COMPILED then only loads them): each language's job compiled the
    same forty templates again (0.6 s of CPU each, measured). A name made at render time is
    not known here and is compiled where it is used."""
    todo, seen = list(pages), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)
            bucket = COMPILED.get_bucket(env, name, filename, source)
            if bucket.code is None or bucket.key not in _referred:
                tree = env.parse(source, name, filename)
                bucket.code = env.compile(tree, name, filename)
                COMPILED.set_bucket(bucket)
                _referred[bucket.key] = [other for other in meta.find_referenced_templates(tree) if other]
        except TemplateError:  # one the theme never uses here (e.g. a plugin's): left to the engine
            continue
        todo += _referred[bucket.key]


_referred: dict[str, list[str]] = {}  # a compiled template's key: the templates it names


class PageWriter:
    """Renders the pages of one language from the model."""

    def __init__(self, model: PlanModel, lang: str, settings: dict):
        self.model = model
        self.lang = lang
        self.settings = settings  # repo_url, edit_branch, data_folder, site name...
        self.env = _environment()
        self.env.globals.update(
            t=lambda key, **kw: label(key, lang, **kw), lang=lang, tr=self.tr,
            year=lambda y: display_year(y, lang), year_label=lambda y, kind="calendar": year_label(y, lang, kind),
            web=web_address, feed=FEED,
            num=format_number, rate=format_rate, baht=format_baht, icons=STATUS_ICONS, statuses=STATUSES, settings=settings,
            trends=TRENDS, trend_icons=TREND_ICONS, threshold_percent=f"{THRESHOLD * 100:g}", max_gap=MAX_GAP, old_after=OLD_AFTER,
            highlight_top=comparison.TOP, highlight_points=f"{comparison.APART:g}")
        self.env.globals.update(date=lambda iso: format_date(iso, lang),
                                day=lambda d: display_date(d, lang), host=lambda url: urlsplit(url).hostname or url,
                                headline_change=lambda i: values.headline_change(i, lang),
                                trend_change=lambda i: values.trend_change(i, lang),
                                change_cell=lambda i, d: values.change_cell(i, d, lang),
                                value_rows=lambda rows, h, note: values.rows_html(rows, h, note, lambda s: self.tr(s, "publisher")),
                                area_rows=lambda provinces, aggregates: comparison.rows_html(provinces, aggregates, lang),
                                coverage=lambda summary: counts.coverage(summary, lang),
                                subject=self._subject, what=lambda c: changelog.what(c, model.indicators.get(c.indicator_id), lang))
        # The shared macros, made once per writer: an {% import %} in each template made them,
        # or compared the names of all globals, again for every page (a tenth of a page's time).
        self.env.globals.update(m=self.env.get_template("_macros.j2").module,
                                mp=self.env.get_template("_map.j2").module)
        self.history: dict[str, list] = {}  # each indicator's changes, set by all_pages
        self._charts: dict[str, str | None] = {}  # each indicator's chart (chart), for its page and embed page
        self.topics_of: dict[str, list] = {}  # the home page's topics (topics.csv) of each indicator, by id
        for topic in model.topics:
            for member in topic.indicators:
                self.topics_of.setdefault(member.indicator_id, []).append(topic)

    def _subject(self, change):
        return changelog.subject(change, self.model.indicators.get(change.indicator_id), self.lang)

    def tr(self, obj, name: str):
        """The Thai or English version of a bilingual field, e.g. tr(goal, 'title')."""
        return getattr(obj, f"{name}_{self.lang}")

    # --- one function per kind of page; each returns the page's markdown ------------------

    def all_pages(self, downloads: dict[str, int], descriptor: dict, changes) -> dict[str, Callable[[], str]]:
        """{path: a function writing that page}: the engine asks for each page's text when it
        reads the page, so a language never holds every page's text at once."""
        self.history = changelog.by_indicator(changes)
        pages = {"index.md": self.home, "indicators/index.md": self.indicator_list, "budget.md": self.budget,
                 "reporting.md": self.reporting,
                 "data.md": partial(self.data, downloads, descriptor), "changes.md": partial(self.changes, changes),
                 "latest.md": self.latest,
                 FEED: partial(changelog.atom_feed, changes, self.model.indicators, self.lang, self.settings)}
        for plan in self.model.plans:
            pages[f"plans/{plan.plan_id}/index.md"] = partial(self.plan, plan)
        for strategy in self.model.strategies.values():
            pages[f"strategies/{strategy.strategy_id}/index.md"] = partial(self.strategy, strategy)
        for goal in self.model.goals.values():
            pages[f"goals/{goal.goal_id}.md"] = partial(self.goal, goal)
        for indicator in self.model.indicators.values():
            pages[f"indicators/{indicator.indicator_id}.md"] = partial(self.indicator, indicator)
            if indicator.compared:  # read by the browser (compare.js): written with the pages
                pages[comparison.data_path(indicator.indicator_id)] = partial(self._comparison_data, indicator)
        return pages

    def _render(self, template: str, path: str, title: str, meta: dict | None = None, **context) -> str:
        # MkDocs and Material print page titles unescaped in <title>, the header and the
        # navigation: the front matter therefore carries the HTML-escaped title. Other
        # front matter (meta: the link preview's text) is raw; overrides/main.html escapes it.
        front = json.dumps(html.escape(title), ensure_ascii=False)
        extra = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in (meta or {}).items())
        link = lambda to: relative(path, to)  # noqa: E731
        body = self.env.get_template(template).render(link=link, path=path, **context)
        return f"---\ntitle: {front}\n{extra}---\n\n{body}"

    def _highlights(self, indicators, limit: int | None = None) -> list[tuple[Indicator, str]]:
        """Lines comparing the own area with others (comparison.highlight), in the given order."""
        lines = []
        for indicator in indicators:
            text = comparison.highlight(indicator, self.model.areas, self.lang) if indicator.compared else ""
            if text:
                lines.append((indicator, text))
                if len(lines) == limit:
                    break
        return lines

    def home(self) -> str:
        return self._render("home.md.j2", "index.md", self.settings["site_name"], plans=self.model.plans,
                            highlights=self._highlights([i for s in self._areas() for i in s.indicators], HIGHLIGHTS_LIMIT),
                            **self._glance(), key_facts=home.key_facts(self._areas()), topics=self.model.topics,
                            change=lambda i: values.short_change(i, self.lang), date=lambda d: display_date(d, self.lang))

    def _glance(self) -> dict:
        """The home page's status block: both statuses per area of the five-year plan."""
        return {"rows": [(s, summarise(s.indicators)) for s in self._areas()],
                "total": summarise(self.model.indicators.values()), "glance_limit": GLANCE_LIMIT}

    def reporting(self) -> str:
        """Reporting status: per area and goal, how many indicators have data, recent data, a
        target; and what is missing (no data, only old data), with the agency to ask."""
        areas = [(s, summarise(s.indicators), [(g, summarise(g.indicators)) for g in s.goals]) for s in self._areas()]
        indicators = self.model.indicators.values()
        return self._render("reporting.md.j2", "reporting.md", label("reporting_status", self.lang), areas=areas,
                            total=summarise(indicators), missing=missing(indicators), projects=self.model.projects)

    def _areas(self):
        """The development plan's strategies: the three areas the home page summarises."""
        development = [p for p in self.model.plans if p.kind == "development"]
        return development[0].strategies if development else []

    def plan(self, plan) -> str:
        return self._render("plan.md.j2", f"plans/{plan.plan_id}/index.md", self.tr(plan, "title"), plan=plan,
                            summary=summarise(plan.measured_by))

    def strategy(self, strategy) -> str:
        return self._render("strategy.md.j2", f"strategies/{strategy.strategy_id}/index.md",
                            self.tr(strategy, "title"), strategy=strategy, plan=strategy.plan,
                            summary=summarise(strategy.measured_by))

    def goal(self, goal) -> str:
        return self._render("goal.md.j2", f"goals/{goal.goal_id}.md", self.tr(goal, "title"),
                            highlights=self._highlights(goal.indicators), goal=goal, strategy=goal.strategy, plan=goal.strategy.plan, summary=summarise(goal.indicators))

    def indicator_list(self) -> str:
        return self._render("indicator_list.md.j2", "indicators/index.md", label("all_indicators", self.lang),
                            plans=self.model.plans)

    def chart(self, indicator: Indicator) -> str | None:
        """The indicator's chart as its page's data attribute, or None without two values:
        made once, for its page and its embed page."""
        if indicator.indicator_id not in self._charts:
            figure = charts.indicator_figure(indicator, self.lang)
            self._charts[indicator.indicator_id] = charts.to_attribute(figure) if figure else None
        return self._charts[indicator.indicator_id]

    def indicator(self, indicator: Indicator) -> str:
        goal = indicator.goal
        compared = self._comparison(indicator)
        return self._render(
            "indicator.md.j2", f"indicators/{indicator.indicator_id}.md", self.tr(indicator, "name"),
            meta=share.indicator_meta(indicator, self.lang), sharing=share.chart_sharing(indicator, self.lang, self.settings),
            i=indicator, goal=goal, strategy=goal.strategy, plan=goal.strategy.plan,
            progress=indicator.progress, chart_json=self.chart(indicator),
            summary=charts.summary(indicator, self.lang), unit=self.tr(indicator, "unit"),
            downloads=indicator_downloads(indicator.indicator_id), embed=embed_path(indicator.indicator_id),
            publishers=share.publishers(indicator, self.lang),
            rows=values.table_rows(indicator, self.lang), plan_start=changes.plan_start(indicator),
            plan_base=changes.plan_base_year(indicator),
            history=self.history.get(indicator.indicator_id, []), topics=self.topics_of.get(indicator.indicator_id, []),
            data_links=self._data_links(indicator), **compared)

    def _comparison_data(self, indicator: Indicator) -> str:
        """The comparison chart's data, a file the page's script reads."""
        return charts.to_attribute(comparison.Comparison(indicator, self.model.areas, self.lang).chart_data())

    def _comparison(self, indicator: Indicator) -> dict:
        """The indicator beside other areas (comparison.py, areamap.py), if any has values."""
        if not indicator.compared:
            return {"c": None}
        c = comparison.Comparison(indicator, self.model.areas, self.lang)
        data = c.chart_data()
        names = {a.area_id: self.tr(a, "name") for a in self.model.areas.provinces}
        path = comparison.data_path(indicator.indicator_id)
        return {"c": c, "compare_data": relative(f"indicators/{indicator.indicator_id}.md", path), "compare_years": [y for y, v in zip(data["years"], data["values"].get(data["own"], [])) if v is not None],
                "compare_sharing": share.comparison_sharing(indicator, self.lang, self.settings),
                "province_map": areamap.province_map(c.map_values(), names, self.model.areas.own.area_id,
                                                     indicator.decimals, self.lang) if c.year else None}

    def _data_links(self, indicator: Indicator) -> dict[str, str]:
        """GitHub links to the rows behind an indicator (its row in indicators.csv, its
        values in observations.csv), the file editor, and a new issue about it."""
        repo = self.settings.get("repo_url", "").rstrip("/")
        branch, folder = self.settings.get("edit_branch", "main"), self.settings.get("data_folder", "data")
        if not repo:
            return {}
        blob = f"{repo}/blob/{branch}/{folder}"
        rows = sorted(o.row for o in indicator.observations if o.row)
        values = f"#L{rows[0]}-L{rows[-1]}" if rows and rows[-1] - rows[0] + 1 == len(rows) else (f"#L{rows[0]}" if rows else "")
        return {
            "indicators": f"{blob}/indicators.csv?plain=1#L{indicator.row}",
            "observations": f"{blob}/observations.csv?plain=1{values}",
            "targets": f"{blob}/targets.csv?plain=1",
            "edit": f"{repo}/edit/{branch}/{folder}/observations.csv",
            "issue": f"{repo}/issues/new?title=" + _quote(f"[{indicator.indicator_id}] "),
        }

    def budget(self) -> str:
        projects = self.model.projects
        by_strategy = _totals(projects, lambda p: p.strategy.strategy_id)
        by_agency = _totals(projects, lambda p: self.tr(p, "agency"))
        figure = charts.budget_by_strategy(self.model, self.lang) if projects else None
        return self._render("budget.md.j2", "budget.md", label("budget", self.lang),
                            plans=[p for p in self.model.plans if p.kind == "action"],
                            by_strategy=by_strategy, by_agency=by_agency,
                            total=sum(p.budget_thb for p in projects),
                            chart_json=charts.to_attribute(figure) if figure else None,
                            sharing=share.budget_sharing(self.model, self.lang, self.settings))

    def data(self, downloads: dict[str, int], descriptor: dict) -> str:
        """The Data page: every download with its size, and the dictionary from the schemas."""
        lang = self.lang
        licence = ", ".join(item.get("name", "") for item in descriptor.get("licenses", []))
        return self._render("data.md.j2", "data.md", label("data", lang), files=datapage.package_files(downloads, descriptor, lang),
                            workbook=site_xlsx_name(descriptor), maintainers_workbook=workbook_name(descriptor), licence=licence,
                            indicators=list(self.model.indicators.values()), resources=datapage.dictionary(descriptor, lang),
                            sources=sorted(self.model.sources.values(), key=lambda s: s.source_id),
                            own_area=self.model.areas.own,
                            other_areas=len({code for i in self.model.indicators.values() for code, values in i.by_area.items()
                                             if values and code != self.model.areas.own.area_id}),
                            map_source=areamap.outline()["source"])

    def latest(self) -> str:
        """The whole-site table: every indicator's latest value and its change (latest.py)."""
        rows = [(i, latest.previous(i)) for i in self.model.indicators.values()]
        return self._render("latest.md.j2", "latest.md", label("latest_table", self.lang), rows=rows,
                            meta={"hide": ["toc"], **NOT_SEARCHED})  # the wide table takes the contents' room

    def changes(self, changes) -> str:
        """What changed, in sentences grouped by date and commit (changelog.py)."""
        days = None if changes is None else changelog.by_day(changelog.by_commit(changes))
        return self._render("changes.md.j2", "changes.md", label("changes", self.lang), days=days, meta=NOT_SEARCHED,
                            indicators=self.model.indicators)


def _one_line(value):
    """Text from the data never breaks a line, so it can never end an HTML block early
    (see pagehtml.py)."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):  # Markup's replace escapes: only when needed
        return value.replace("\r", " ").replace("\n", " ")
    return value


def _totals(projects, key) -> dict:
    totals: dict = {}
    for project in projects:
        totals[key(project)] = totals.get(key(project), 0) + project.budget_thb
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")

