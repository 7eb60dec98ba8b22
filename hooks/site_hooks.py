"""The only module the engine (ProperDocs, MkDocs 1.6 continued) loads. Each event hands over
to one plain function in devplan/; the engine's own names are imported here and in
scripts/build.py only.

Hooks are not reloaded under `properdocs serve`: restart it after changing Python code.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from properdocs.exceptions import Abort
from properdocs.structure.files import File
from properdocs.structure.toc import get_toc
from zlib_ng import zlib_ng  # packs each page's HTML until it is written: twice zlib's speed

sys.path.insert(0, str(Path(__file__).parent))

from devplan.publish import search  # noqa: E402
from devplan.publish.site import (  # noqa: E402
    InvalidData,
    generated_pages,
    load_model,
    navigation,
    page_writer,
    search_facts,
    settings_from,
    site_area,
    theme_globals,
    write_embed_pages,
)
from devplan.render.pagehtml import to_html  # noqa: E402
from devplan.render.pages import COMPILED  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_search_records: dict[str, list] = {}  # per site_dir: one build can make several languages
_unwritten: dict[str, dict] = {}  # per site_dir: {path: a function writing the page}, until the engine reads it
_packed_html: dict[str, dict[str, bytes]] = {}  # per site_dir, per page: its HTML until the engine writes it
_writers: dict[str, object] = {}  # per site_dir: what writes its pages, until its embed pages are written
_indicator_facts: dict[str, dict] = {}  # per site_dir: an indicator page's value, snippet and topics, for search
DOCS = ROOT / "docs"  # search-words.csv: everyday words readers type, for search
_search_words: dict[str, tuple] = {}  # per site_dir: its (typed, finds) pairs
_in_nav: dict[str, set] = {}  # per site_dir: the pages in the navigation, until the theme's globals are made


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
        _search_words[config.site_dir] = search.read_search_words(DOCS)
    except ValueError as problem:
        raise Abort(str(problem)) from None
    _search_records[config.site_dir] = []
    return config


def on_files(files, config):
    """Add the generated pages of this language and the shared assets. A page's text is
    written only when the engine reads that page (on_pre_page)."""
    model = load_model(_data_dir(config), site_area(config.extra))
    lang = config.theme["language"]
    settings = settings_from(config.site_name, config.extra, config.repo_url, model)
    _packed_html[config.site_dir] = {}
    _indicator_facts[config.site_dir] = search_facts(model, lang)
    writer = _writers[config.site_dir] = page_writer(model, lang, settings)
    pages = _unwritten[config.site_dir] = generated_pages(writer, _data_dir(config))
    for path in list(pages):
        # a page's text comes in on_pre_page; a file such as the feed is written now
        files.append(File.generated(config, path, content="" if path.endswith(".md") else pages.pop(path)()))
    assets = ROOT / "docs" / "assets"
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            files.append(File(str(path.relative_to(ROOT / "docs")), str(ROOT / "docs"), config.site_dir,
                              config.use_directory_urls))
    return files


def on_nav(nav, config, files):
    """Note the pages in the navigation: the pages outside it share their sidebars (DrawnOnce)."""
    _in_nav[config.site_dir] = {page.file.src_uri for page in nav.pages}
    return nav


def on_env(env, config, files):
    """What overrides/ prints on every page: the footer's texts, the default preview image, the
    feed; and what draws the parts many pages share once (DrawnOnce). Its templates are those
    compiled before the build's jobs fork (prepare_jobs), each compiled once."""
    env.bytecode_cache = COMPILED
    model = load_model(_data_dir(config), site_area(config.extra))
    settings = settings_from(config.site_name, config.extra, config.repo_url, model)
    env.globals.update(theme_globals(model, config.theme["language"], settings, _data_dir(config), config.site_url or ""))
    env.globals["dp_once"] = DrawnOnce(_in_nav.pop(config.site_dir))
    return env


class DrawnOnce:
    """Parts of the theme's page drawn once for every page that shares them (overrides/):
    `{% call dp_once(key) %}...{% endcall %}` draws its part the first time a key comes,
    and gives that again for the same key; no key (None), no sharing. The theme drawing the
    sidebars and header of each page was most of its time for a page (measured)."""

    def __init__(self, in_nav: set[str]):
        self.in_nav, self.drawn = in_nav, {}

    def __call__(self, key, caller):
        if key is None:
            return caller()
        if key not in self.drawn:
            self.drawn[key] = caller()
        return self.drawn[key]

    def depth(self, page):
        """The key of a part whose links are relative and that depends on nothing else of the page."""
        return None if page is None else page.url.count("/")

    def sidebars(self, page):
        """A page outside the navigation (every indicator page) marks no item of it as open,
        and its links are relative: pages outside it at the same depth, hiding the same parts
        and with the same headings, get the same navigation and contents sidebars."""
        if page is None or page.file.src_uri in self.in_nav:  # the 404 page has none
            return None
        return ("sidebars", self.depth(page), repr(page.meta.get("hide")), _contents(page.toc))


def _contents(toc) -> tuple:
    return tuple((item.title, item.id, item.level, _contents(item.children)) for item in toc)


def on_pre_page(page, config, files):
    """Write a generated page just before the engine reads it. It is HTML already
    (render/pagehtml.py): the engine reads an empty text, and the page's render is its own."""
    write = _unwritten[config.site_dir].pop(page.file.src_uri, None)
    if write:
        page.render = partial(_render_generated, page, to_html(write(), page.file.src_uri))
    return page


def _render_generated(page, generated, config, files) -> None:
    """In place of the engine's Page.render for a generated page, which would make a Markdown
    converter for an empty text (0.3 ms a page): its front matter, HTML, contents and the
    anchors other pages' links to it are checked against."""
    page.meta = generated.meta
    page.content = generated.html
    page.toc = get_toc([{"level": 2, "id": anchor, "name": title, "children": []} for anchor, title in generated.headings])
    page.present_anchor_ids = {anchor for anchor, _ in generated.headings}


def on_page_content(html, page, config, files):
    """Keep the page's text for the search index. The engine reads every page before it
    writes any: until then the page's HTML waits packed, and its Markdown is let go."""
    if not (page.meta.get("search") or {}).get("exclude"):  # a page listing every indicator (pages.NOT_SEARCHED)
        _search_records[config.site_dir].append(search.record(
            page.url, page.title, html, config.theme["language"], _search_words[config.site_dir],
            _indicator_facts[config.site_dir].get(page.url)))
    page.markdown = ""  # not None: the engine would then take the page for unread
    page.__dict__.pop("render", None)  # _render_generated held the page's HTML: let it go
    _packed_html[config.site_dir][page.file.src_uri] = zlib_ng.compress(html.encode("utf-8"), 1)
    return ""


def on_page_context(context, page, config, nav):
    """The page's HTML, unpacked just before the engine writes the page."""
    page.content = zlib_ng.decompress(_packed_html[config.site_dir].pop(page.file.src_uri)).decode("utf-8")
    return context


def on_post_page(output, page, config):
    page.content = ""  # written: let its HTML go
    return output


def on_post_build(config):
    """The embed pages and the search index, then forget this language's build."""
    write_embed_pages(_writers.pop(config.site_dir), config.site_dir)
    search.write_index(_search_records.pop(config.site_dir), Path(config.site_dir) / "pagefind")
    for held in (_packed_html, _unwritten):
        held.pop(config.site_dir, None)
    _indicator_facts.pop(config.site_dir, None)
    _search_words.pop(config.site_dir, None)
