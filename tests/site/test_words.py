"""Said in words, once: residents' pages carry no code words (plan, announced, baseline_year)
and no commit hashes (a change links to GitHub for those who want it), and no indicator
without values offers a file of column headers as "the data"."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

# The pages for data users and maintainers name files, columns and codes on purpose.
FOR_DATA_USERS = ("data", "maintainers", "pagefind", "embed")
HASH = re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b")


def residents_pages(site, lang):
    for path in sorted((site / lang).rglob("index.html")):
        if not set(path.relative_to(site / lang).parts) & set(FOR_DATA_USERS):
            yield path


@pytest.mark.parametrize("lang", ["th", "en"])
def test_residents_pages_show_no_code_words_or_commit_hashes(built_site, lang):
    found = []
    for path in residents_pages(built_site, lang):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is None:
            continue
        for link in article.select(".dp-edit"):  # the data behind the page, for maintainers
            link.decompose()
        found += [f"{path.relative_to(built_site)}: <code>{c.get_text()}</code>" for c in article.select("code")]
        found += [f"{path.relative_to(built_site)}: {h}" for h in HASH.findall(article.get_text(" "))]
    assert found == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_change_still_links_to_its_commit(built_site, lang):
    link = BeautifulSoup((built_site / lang / "changes" / "index.html").read_text(encoding="utf-8"),
                         "lxml").select_one(".dp-commit a")
    assert re.search(r"/commit/[0-9a-f]{40}$", link["href"]) and not HASH.search(link.get_text())
