"""Thai search typed into the search box of the built site, in headless Chromium."""

from __future__ import annotations

import csv
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

# Words measured to fail with the theme's own search (see docs/DECISIONS.md, "Search").
THAI_WORDS = ["ฝุ่นควัน", "ความมั่งคั่ง", "ท่องเที่ยว", "เกษตร", "ไฟป่า"]


def titles(site, lang):
    """URL of every page and its title (the <h1>), read from the built HTML."""
    found = {}
    for path in (site / lang).rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.h1 and not path.parent.name == "pagefind":
            url = "/" + lang + "/" + path.parent.relative_to(site / lang).as_posix().strip(".") + "/"
            found[re.sub("/+", "/", url)] = soup.h1.get_text(" ", strip=True)
    return found


def search_all(page, query):
    """Every result URL for a query, through the site's own search code path."""
    page.fill(".dp-search__input", "")
    page.type(".dp-search__input", query)
    page.keyboard.press("End")  # Thai typed by Playwright needs a final key press to fire input
    page.locator(f'.dp-search__results[data-query="{query}"]').wait_for(state="attached")
    return search_urls(page)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_thai_words_inside_thai_text_are_found(page, site_url, built_site, lang):
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    pages = titles(built_site, lang)
    tried = 0
    for word in THAI_WORDS:
        expected = {url for url, title in pages.items() if word in title}
        if not expected:
            continue  # the English site has few Thai titles
        tried += 1
        results = set(search_all(page, word))
        assert results, word
        # every page titled with the word is among the first ten results, or the ten are all relevant
        relevant = {url for url in results if word in pages.get(url, "") or word in page_text(built_site, url)}
        assert relevant == results, (word, results - relevant)
        assert expected & results, (word, expected)
        shown = page.locator(".dp-search__results a").all_inner_texts()
        assert shown == [pages[url] for url in search_urls(page)]  # titles as written, nothing else
    assert tried >= (4 if lang == "th" else 0)


def search_urls(page):
    return [urlsplit(a.get_attribute("href")).path for a in page.locator(".dp-search__results a").all()]


def page_text(site, url):
    return BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml").get_text()


def test_english_words_keep_working(page, site_url):
    page.goto(f"{site_url}en/indicators/")
    page.click(".dp-search__toggle")
    assert "/en/goals/g-tourism/" in search_all(page, "tourism")
    page.goto(f"{site_url}th/")
    page.click(".dp-search__toggle")
    assert any("pm25" in url for url in search_all(page, "PM"))


def test_search_downloads_nothing_until_the_reader_types(page, site_url):
    page.goto(f"{site_url}th/indicators/tourist-arrivals/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requests if "/pagefind/" in url]
    page.click(".dp-search__toggle")
    search_all(page, "ท่องเที่ยว")
    assert [url for url in page.requests if "/pagefind/" in url]
