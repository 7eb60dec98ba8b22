"""The only module the engine (ProperDocs, MkDocs 1.6 continued) loads. Each event hands over
to one plain function in devplan/; the engine's own names are imported here and in
scripts/build.py only.

Hooks are not reloaded under `properdocs serve`: restart it after changing Python code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from properdocs.exceptions import Abort
from properdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).parent))

from devplan.publish import search  # noqa: E402
from devplan.publish.site import (  # noqa: E402
    InvalidData,
    embed_pages,
    footer,
    generated_pages,
    load_model,
    navigation,
    settings_from,
    site_area,
)
from devplan.render.pages import join_html, split_html  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_search_records: dict[str, list] = {}  # per site_dir: one build can make several languages
_html_blocks: dict[str, dict[str, list[str]]] = {}  # per site_dir, per generated page
_latest_values: dict[str, dict[str, str]] = {}  # per site_dir: shown with search results
SEARCH_WORDS = ROOT / "docs" / "search-words.csv"  # everyday words readers type, for search
_search_words: dict[str, tuple] = {}  # per site_dir: its (typed, finds) pairs


def _data_dir(config) -> Path:
    devplan = config.extra.get("devplan", {})
    return Path(devplan.get("data_dir") or Path(config.config_file_path).parent / devplan.get("data", "data"))


def on_config(config):
    """Check the data before anything is built; stop with every problem listed."""
    try:
        model = load_model(_data_dir(config), site_area(config.extra))
    except InvalidData as problems:
        raise Abort(f"The data has problems / ข้อมูลมีปัญหา:\n{problems}") from None
    config.nav = navigation(model, config.theme["language"])
    try:
        _search_words[config.site_dir] = search.read_search_words(SEARCH_WORDS)
    except ValueError as problem:
        raise Abort(str(problem)) from None
    _search_records[config.site_dir] = []
    return config


def on_files(files, config):
    """Add the generated pages of this language and the shared assets."""
    model = load_model(_data_dir(config), site_area(config.extra))
    lang = config.theme["language"]
    settings = settings_from(config.site_name, config.extra, config.repo_url, model)
    blocks = _html_blocks[config.site_dir] = {}
    _latest_values[config.site_dir] = search.latest_values(model, lang)
    for path, content in generated_pages(model, lang, settings, _data_dir(config)).items():
        if path.endswith(".md"):
            content, blocks[path] = split_html(content)
        files.append(File.generated(config, path, content=content))  # a page, or a file such as the feed
    for path, content in embed_pages(model, lang, settings).items():
        files.append(File.generated(config, path, content=content))
    assets = ROOT / "docs" / "assets"
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            files.append(File(str(path.relative_to(ROOT / "docs")), str(ROOT / "docs"), config.site_dir,
                              config.use_directory_urls))
    return files


def on_env(env, config, files):
    """The footer's texts, for overrides/partials/footer.html."""
    model = load_model(_data_dir(config), site_area(config.extra))
    settings = settings_from(config.site_name, config.extra, config.repo_url, model)
    env.globals["dp_footer"] = footer(model, config.theme["language"], settings, _data_dir(config), config.site_url or "")
    return env


def on_page_content(html, page, config, files):
    """Put back the generated HTML blocks; keep the page's text for the search index."""
    blocks = _html_blocks[config.site_dir].get(page.file.src_uri)
    if blocks:
        html = join_html(html, blocks)
    if (page.meta.get("search") or {}).get("exclude"):
        return html  # a page that lists every indicator (pages.NOT_SEARCHED)
    _search_records[config.site_dir].append(search.record(
        page.url, page.title, html, config.theme["language"], _search_words[config.site_dir],
        _latest_values[config.site_dir].get(page.url, "")))
    return html


def on_post_build(config):
    search.write_index(_search_records.pop(config.site_dir), Path(config.site_dir) / "pagefind")
    _html_blocks.pop(config.site_dir, None)
    _latest_values.pop(config.site_dir, None)
    _search_words.pop(config.site_dir, None)
