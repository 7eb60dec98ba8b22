"""What one language of the site is made of: the checked model, the navigation and the
generated pages. Plain functions over plain data, so the engine, scripts and tests share them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

from ..addresses import FEED, preview_path
from ..check.report import failure_summary, listing
from ..check.tables import read_package
from ..model.history import data_changes
from ..model.areas import UnknownArea
from ..model.plan import PlanModel, build_model
from ..render import share
from ..render.labels import display_date, label, language
from ..render.pages import PageWriter, compile_templates, compile_theme, web_address
from . import scratch, search
from .downloads import package_descriptor, write_package_files

HAND_WRITTEN = ("methodology.md", "about.md", "maintainers.md")


class InvalidData(Exception):
    """The data package has problems; the message lists every one of them."""


@lru_cache(maxsize=4)
def _load(path: str, area: str, stamp: tuple) -> PlanModel:
    package = read_package(path)
    if package.problems:
        raise InvalidData("\n".join([*listing(package.problems), failure_summary(package)]))
    try:
        return build_model(package, area)
    except UnknownArea as problem:
        raise InvalidData(str(problem)) from None


def site_area(extra: dict) -> str:
    """The site's own area, `extra.devplan.area` in mkdocs.yml (e.g. TH50): never in code."""
    area = extra.get("devplan", {}).get("area")
    if not isinstance(area, str) or not area:
        raise InvalidData("mkdocs.yml needs extra.devplan.area: the area_id (areas.csv) of the province this site is "
                          "about, e.g. TH50 / mkdocs.yml ต้องมี extra.devplan.area: รหัสพื้นที่ (area_id ใน areas.csv) "
                          "ของจังหวัดที่เว็บไซต์นี้กล่าวถึง เช่น TH50")
    return area


def load_model(data_dir: str | Path, area: str) -> PlanModel:
    """Read, check and model the package once per content and own area (both languages
    reuse it); `area` is the site's own area, from `site_area(config.extra)`."""
    data_dir = Path(data_dir)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file()))
    return _load(str(data_dir), area, stamp)


def settings_from(site_name: str, extra: dict, repo_url: str | None, model: PlanModel) -> dict:
    """Page settings from mkdocs.yml: site name, repository and `extra.devplan` (the
    province-specific part, kept out of code so another province can reuse the code)."""
    devplan = extra.get("devplan", {})
    return {
        "site_name": site_name,
        "repo_url": web_address(repo_url), "edit_branch": devplan.get("branch", "main"),
        "data_folder": devplan.get("data", "data"), "publisher": devplan.get("publisher", {}),
        "site_url": devplan.get("base_url", ""), "data_date": model.data_date,
    }


def navigation(model: PlanModel, lang: str) -> list:
    """Plans > strategies > goals. Indicator pages stay out of the navigation so each page
    carries a small menu however many indicators there are (the build stays linear)."""
    def title(obj, name):  # the theme prints navigation titles unescaped
        return html.escape(getattr(obj, f"{name}_{lang}"))

    plans = []
    for plan in model.plans:
        strategies = [{title(s, "title"): [f"strategies/{s.strategy_id}/index.md",
                                           *[f"goals/{g.goal_id}.md" for g in s.goals]]}
                      for s in plan.strategies]
        plans.append({title(plan, "title"): [f"plans/{plan.plan_id}/index.md", *strategies]})
    return [
        {label("home", lang): "index.md"},
        {label("plans", lang): plans},
        {label("all_indicators", lang): "indicators/index.md"},
        {label("reporting_status", lang): "reporting.md"},
        # Without a project the budget page only says what is missing (linked from the
        # reporting page): a menu entry would promise figures that are not there.
        *([{label("budget", lang): "budget.md"}] if model.projects else []),
        {label("data", lang): ["data.md", "latest.md", "changes.md"]},
        *[{label(name[:-3], lang): name} for name in HAND_WRITTEN],
    ]


def page_writer(model: PlanModel, lang: str, settings: dict) -> PageWriter:
    """What writes one language's pages; its embed pages reuse the charts its pages made."""
    return PageWriter(model, lang, settings)


def generated_pages(writer: PageWriter, data_dir: str | Path) -> dict[str, Callable[[], str]]:
    """{path: a function writing its text} for every generated page of the writer's language."""
    downloads, descriptor, changes = published(writer.model, data_dir, writer.settings["site_url"])
    return writer.all_pages(downloads, descriptor, changes)


def search_facts(model: PlanModel, lang: str) -> dict:
    """What the search index knows of each indicator page besides its text (search.py)."""
    return search.indicator_facts(model, lang, model.topics)


def embed_pages(writer: PageWriter) -> Iterator[tuple[str, str]]:
    """Each indicator's chart as a page for other sites' iframes (plain HTML, no theme)."""
    return share.embed_pages(writer)


def write_embed_pages(writer: PageWriter, site_dir: str | Path) -> None:
    """The embed pages, written into the built language one at a time (given to the engine,
    they would all be held until it writes its files)."""
    for path, content in embed_pages(writer):
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))


def theme_globals(model: PlanModel, lang: str, settings: dict, data_dir: str | Path, site_url: str) -> dict:
    """What the theme's templates (overrides/) print on every page: the footer's texts, the
    preview image of pages that have none of their own, the feed's address."""
    return {"dp_footer": footer(model, lang, settings, data_dir, site_url), "dp_site_preview": preview_path(lang),
            "dp_feed": FEED}


def footer(model: PlanModel, lang: str, settings: dict, data_dir: str | Path, site_url: str) -> dict[str, str]:
    """The texts of the footer on every page (overrides/partials/footer.html), in one language."""
    licence = (package_descriptor(Path(data_dir)).get("licenses") or [{}])[0]
    publisher = settings["publisher"].get(lang, "")
    date = display_date(model.data_date, lang)  # "" for a package with no source yet
    repo = settings["repo_url"].rstrip("/")
    names = ". ".join(dict.fromkeys(filter(None, [publisher, settings["site_name"]])))
    return {
        "publisher_label": label("publisher", lang), "publisher": publisher,
        "licence_label": label("licence", lang), "licence": licence.get("name", ""),
        "licence_url": web_address(licence.get("path")), "licence_note": label("licence_note", lang),
        "date_label": label("updated", lang), "date": date or label("no_data", lang),
        "cite_label": label("how_to_cite", lang),
        # Undated (no source yet), a citation is its names and address: nothing in any language.
        "cite": label("cite_text", lang, names=names, date=date, url=site_url) if date else f"{names}. {site_url}",
        "report": label("report_error", lang), "report_url": f"{repo}/issues/new" if repo else "",
    }


def prepare_jobs(languages: list[str], theme_environments=()) -> None:
    """What each job of a build would otherwise make for itself, made once before they fork:
    the templates compiled (ours, and the theme's in each language's Jinja environment), each
    language's labels read, the Thai word cutter loaded."""
    compile_templates()
    for environment in theme_environments:
        compile_theme(environment)
    for lang in languages:
        language(lang)
    search.load_dictionary()


def published(model: PlanModel, data_dir: str | Path, base_url: str, out_dir: Path | None = None):
    """What both languages describe: the package downloads' sizes and the history of values.
    scripts/build.py makes them once, writing the downloads into the site's out_dir, before
    its jobs fork, and every job shares them; without out_dir (the engine alone, tests) the
    downloads are written to a scratch folder for their sizes."""
    key = (model, str(data_dir), base_url)
    if out_dir is not None or key not in _published:  # a build's site always gets its files
        with nullcontext(out_dir) if out_dir is not None else scratch.folder() as folder:
            sizes = write_package_files(model, Path(data_dir), folder, base_url)
        while len(_published) >= 4:  # a few models, as load_model keeps
            del _published[next(iter(_published))]
        _published[key] = (sizes, package_descriptor(Path(data_dir)), data_changes(data_dir, model.areas.own.area_id))
    return _published[key]


_published: dict[tuple, tuple] = {}
