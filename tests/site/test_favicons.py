"""Every page of the built site, embed pages and root pages too, names a favicon that exists
(a missing one is a 404 on every visit)."""

from __future__ import annotations

from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from support import ROOT

BASE_PATH = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["devplan"]["base_url"]).path


def test_every_page_has_a_favicon_that_exists(built_site):
    missing = []
    pages = [p for p in sorted(built_site.rglob("*.html")) if "pagefind" not in p.parts]
    assert any("embed" in p.parts for p in pages) and (built_site / "index.html") in pages
    for page in pages:
        icon = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one('link[rel~="icon"]')
        if icon is None:
            missing.append(f"{page.relative_to(built_site)}: no icon")
            continue
        href = urlsplit(icon["href"]).path
        target = built_site / href[len(BASE_PATH):] if href.startswith("/") else (page.parent / href)
        if not target.resolve().is_file():
            missing.append(f"{page.relative_to(built_site)}: {icon['href']}")
    assert missing == []
