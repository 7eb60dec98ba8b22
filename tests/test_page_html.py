"""Generated pages become HTML without Markdown (render/pagehtml.py), exactly as Markdown made them."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
import yaml
from devplan.check.tables import read_package
from devplan.model.plan import build_model
from devplan.publish.site import generated_pages, page_writer, settings_from
from devplan.render.pagehtml import to_html
from support import ROOT, hostile_package, site_area


EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def _markdown_of_the_config() -> markdown.Markdown:
    """Python-Markdown with mkdocs.yml's extensions, as the engine converts a page."""
    names = [next(iter(e)) if isinstance(e, dict) else e for e in EXTENSIONS]
    options = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=options)


class _Tokens(HTMLParser):
    """A document as its tags and texts, whitespace between tags aside."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.tokens = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, attrs))

    def handle_endtag(self, tag):
        self.tokens.append(("</", tag))

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(("text", data))

    def handle_entityref(self, name):
        self.tokens.append(("&", name))

    def handle_charref(self, name):
        self.tokens.append(("&#", name))


def _tokens(text: str) -> list:
    return _Tokens(text).tokens


def _front_matter_and_body(text: str) -> tuple[dict, str]:
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


@pytest.mark.parametrize("package", ["real", "hostile"])
def test_every_generated_page_is_what_markdown_made_of_it(package, tmp_path):
    folder = ROOT / "data" if package == "real" else hostile_package(tmp_path / "pkg")
    model = build_model(read_package(folder), site_area())
    checked = 0
    for lang in ("th", "en"):
        settings = settings_from("Site", {"devplan": {"publisher": {"th": "ก", "en": "A"}}}, "", model)
        for path, write in generated_pages(page_writer(model, lang, settings), folder).items():
            if not path.endswith(".md"):
                continue
            text = write()
            page = to_html(text, path)
            meta, body = _front_matter_and_body(text)
            md = _markdown_of_the_config()
            assert _tokens(page.html) == _tokens(md.convert(body)), path
            assert page.meta == meta, path
            assert page.headings == [(token["id"], token["name"]) for token in md.toc_tokens], path
            assert all(not token["children"] for token in md.toc_tokens)
            checked += 1
    assert checked >= 40  # both languages, every kind of page


@pytest.mark.parametrize("line", ["Some *Markdown* between blocks.", "### A third level { #third }", "## No id"])
def test_a_line_that_is_neither_heading_nor_html_stops_the_page(line):
    text = f'---\ntitle: "T"\n---\n\n## Chart {{ #chart }}\n\n<div>x</div>\n\n{line}\n'
    with pytest.raises(ValueError, match="goals/g1.md: a line that is neither a heading nor HTML"):
        to_html(text, "goals/g1.md")


def test_html_blocks_run_over_blank_lines_and_keep_their_own_lines():
    text = ('---\ntitle: "A &amp; B"\nhide: ["toc"]\n---\n\n<figure>\n<div id="c"></div></figure>\n\n'
            '<div>*not emphasis*</div>\ncontinued line\n\n## Values { #values }\n\n<table></table>\n')
    page = to_html(text, "x.md")
    assert page.meta == {"title": "A &amp; B", "hide": ["toc"]}
    assert page.html == ('<figure>\n<div id="c"></div></figure>\n<div>*not emphasis*</div>\ncontinued line\n'
                         '<h2 id="values">Values<a class="headerlink" href="#values" title="Permanent link">&para;</a></h2>\n'
                         "<table></table>")
    assert page.headings == [("values", "Values")]
