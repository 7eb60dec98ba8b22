"""A javascript: (or data:) address never becomes a link: a source's url, the licence's path
and the repository address reach an href only as web addresses (http:, https:). The validator
refuses such addresses first (tests/test_descriptor.py); these tests take that guard away
and check the pages' own, as a descriptor edit once did."""

from __future__ import annotations

import re

import pytest
from devplan.check.tables import read_package
from devplan.model.plan import build_model
from devplan.publish.site import footer, generated_pages, page_writer, settings_from
from devplan.render.pages import web_address
from support import site_area

SCRIPT_ADDRESSES = ["javascript:window.__xss=1", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x",
                    "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "https:", "https://"]
HREF = re.compile(r"""href\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)


@pytest.mark.parametrize("address", SCRIPT_ADDRESSES)
def test_only_web_addresses_are_links(address):
    assert web_address(address) == ""


def test_web_addresses_stay_links():
    assert web_address("https://www.mots.go.th/news/category/411") == "https://www.mots.go.th/news/category/411"
    assert web_address(None) == web_address(5) == ""


def test_no_page_links_a_script_address_from_the_data(tiny):
    model = build_model(read_package(tiny), site_area())
    for source in model.sources.values():
        source.url = "javascript:window.__xss=1"
    extra = {"devplan": {"base_url": "https://example.org/site/", "publisher": {"th": "ก", "en": "A"}}}
    for lang in ("th", "en"):
        settings = settings_from("Site", extra, "javascript:window.__xss=2//", model)
        pages = {path: write() for path, write in generated_pages(page_writer(model, lang, settings), tiny).items()}
        links = [link for text in pages.values() for link in HREF.findall(text)]
        assert links and not [link for link in links if "script" in link.lower()], links


def test_the_footer_links_the_licence_only_at_a_web_address(tiny):
    model = build_model(read_package(tiny), site_area())
    descriptor = tiny / "datapackage.yaml"
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace("path: https://creativecommons.org/licenses/by/4.0/",
                                       "path: javascript:window.__xss=1"), encoding="utf-8")
    assert [p.code for p in read_package(tiny).problems] == ["descriptor-structure"]  # the validator refuses it
    settings = settings_from("Site", {}, "", model)
    texts = footer(model, "th", settings, tiny, "https://example.org/site/th/")
    assert texts["licence_url"] == "" and texts["licence"] == "CC-BY-4.0"
