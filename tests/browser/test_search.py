"""Thai search typed into the search box of the built site, in headless Chromium."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from devplan.publish.search import read_search_words
from devplan.publish.site import load_model
from devplan.render.labels import display_year, format_number, label
from support import ROOT, site_area

pytestmark = pytest.mark.browser

SEARCH_WORDS = read_search_words(ROOT / "docs")
# Words measured to fail with the theme's own search (see docs/DECISIONS.md, "Search").
THAI_WORDS = ["ฝุ่นควัน", "ความมั่งคั่ง", "ท่องเที่ยว", "เกษตร", "ไฟป่า"]


def titles(site, lang):
    """URL of every page and its title (the <h1>), read from the built HTML."""
    found = {}
    for path in (site / lang).rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.h1 and not path.parent.name == "pagefind":
            for permalink in soup.h1.select("a.headerlink"):  # the theme's "¶", not part of the title
                permalink.decompose()
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
        # every page titled with the word is among the first ten results, or the ten are all
        # relevant: they have the word, or a word it stands for in docs/search-words.csv
        same = [word, *[finds for typed, finds in SEARCH_WORDS if typed == word]]
        relevant = {url for url in results if any(w in pages.get(url, "") or w in page_text(built_site, url) for w in same)}
        assert relevant == results, (word, results - relevant)
        assert expected & results, (word, expected)
        shown = page.locator(".dp-search__results a").all_inner_texts()
        assert shown == [pages[url] for url in search_urls(page)]  # titles as written, nothing else
    assert tried >= (4 if lang == "th" else 0)


def search_urls(page):
    return [urlsplit(a.get_attribute("href")).path for a in page.locator(".dp-search__results a").all()]


def topic_line(site, url):
    """The topics (topics.csv) an indicator page says it belongs to, or ''."""
    line = BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml").select_one(".dp-topic-line")
    return line.get_text() if line else ""


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


# Everyday words readers type, and words the pages use for the same thing (docs/search-words.csv):
# the indicator pages whose titles use them come first; only a page that has the very word
# typed in its text, or whose title or topic uses the same words (a strategy about "PM2.5
# haze", the hotspots of the topic "Haze and PM2.5"), may rank among them.
EVERYDAY = [
    ("th", "หมอกควัน", ("PM2.5", "ฝุ่นละออง")), ("th", "haze", ("PM2.5", "ฝุ่นละออง")),
    ("en", "haze", ("PM2.5",)), ("en", "smog", ("PM2.5",)),
    ("th", "GDP", ("ผลิตภัณฑ์มวลรวมจังหวัด",)), ("th", "จีดีพี", ("ผลิตภัณฑ์มวลรวมจังหวัด",)),
    ("en", "GDP", ("gross provincial product",)),
    ("th", "นักท่องเที่ยว", ("ผู้เยี่ยมเยือน",)), ("en", "tourists", ("visitors",)),
]


@pytest.mark.parametrize("lang, typed, used", EVERYDAY, ids=[f"{c[0]}-{c[1]}" for c in EVERYDAY])
def test_everyday_words_find_the_indicators_first(page, site_url, built_site, lang, typed, used):
    pages = titles(built_site, lang)
    titled = {url for url, title in pages.items() if any(w.lower() in title.lower() for w in used)}
    expected = {url for url in titled if "/indicators/" in url and url.count("/") == 4}
    assert expected, "the real data has indicators titled with these words"
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    results = search_all(page, typed)
    assert expected <= set(results), results
    above = results[: max(results.index(url) for url in expected)]
    assert all(url in titled or typed.lower() in page_text(built_site, url).lower()
               or any(w.lower() in topic_line(built_site, url).lower() for w in used) for url in above), results


@pytest.mark.parametrize("typed, written", [("ฝุนละออง", "ฝุ่นละออง"), ("ท่องเทียว", "ท่องเที่ยว"),
                                            ("ทองเทียว", "ท่องเที่ยว"), ("ท่องเทีย่ว", "ท่องเที่ยว")])
def test_a_missing_or_misplaced_tone_mark_still_finds_the_word(page, site_url, typed, written):
    page.goto(f"{site_url}th/")
    page.click(".dp-search__toggle")
    right = search_all(page, written)
    assert right and search_all(page, typed)[:5] == right[:5]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_results_say_what_each_page_is_and_an_indicators_latest_value(page, site_url, lang):
    model = load_model(ROOT / "data", site_area())
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    kinds = {label(k, lang) for k in ("indicator", "goal", "strategy", "plan", "page")}
    seen = set()
    for query in ["GDP", "haze", "tourism" if lang == "en" else "ท่องเที่ยว"]:
        search_all(page, query)
        for item in page.locator(".dp-search__results li").all():
            kind = item.locator(".dp-search__kind").inner_text()
            assert kind in kinds
            seen.add(kind)
            url = urlsplit(item.locator("a").get_attribute("href")).path
            assert "¶" not in item.inner_text()
            if kind != label("indicator", lang):
                assert not item.locator(".dp-search__value").count()
                continue
            indicator = model.indicators[url.rstrip("/").rsplit("/", 1)[1]]
            value = item.locator(".dp-search__value").inner_text()
            if indicator.latest is None:
                assert value == label("no_data", lang)
            else:
                assert format_number(indicator.latest.value, indicator.decimals) in value
                assert display_year(indicator.latest.year, lang) in value
    assert {label("indicator", lang), label("goal", lang)} <= seen


# "Dust", "haze" and ฝุ่น: the one haze figure with a value (fire-season hotspots, in the haze
# topic of topics.csv) is among the first three results on both sites.
HAZE = [(lang, query) for lang in ("th", "en") for query in ("ฝุ่น", "haze", "dust")]


@pytest.mark.parametrize("lang, query", HAZE, ids=[f"{lang}-{query}" for lang, query in HAZE])
def test_haze_words_list_an_indicator_with_a_value_in_the_first_three(page, site_url, lang, query):
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    search_all(page, query)
    first = page.locator(".dp-search__results li").all()[:3]
    values = [item.locator(".dp-search__value").inner_text() for item in first if item.locator(".dp-search__value").count()]
    assert any(v != label("no_data", lang) for v in values), values


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_indicators_snippet_is_not_its_badges(page, site_url, lang):
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    search_all(page, "PM2.5")
    badges = tuple(f"{icon} " for icon in "?+=−○–★▲◆▼■✓✗") + (label("trend_not_assessed", lang), label("no_target_text", lang))
    for item in page.locator(".dp-search__results li").all():
        if item.locator(".dp-search__kind").inner_text() == label("indicator", lang):
            snippet = item.locator("p").last.inner_text()
            assert snippet and not snippet.startswith(badges), snippet


@pytest.mark.parametrize("lang, typed", [("th", "tourists"), ("en", "นักท่องเที่ยว"), ("th", "wildfire"), ("en", "ไฟป่า")])
def test_everyday_words_work_on_the_other_languages_site(page, site_url, lang, typed):
    page.goto(f"{site_url}{lang}/")
    page.click(".dp-search__toggle")
    results = search_all(page, typed)
    assert any("/indicators/" in url and url.count("/") == 4 for url in results[:3]), results
