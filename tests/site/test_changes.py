"""The what-changed page, each indicator's history and the Atom feed, in the built site
(the repository's own git history of data/)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from support import page

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_head_links_the_feed_of_its_language(built_site, lang):
    feed = built_site / lang / "changes.xml"
    root = ET.fromstring(feed.read_bytes())
    assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for url in ["", "data", "changes", "latest", "indicators/tourist-arrivals"]:
        soup = page(built_site, lang, url)
        link = soup.head.find("link", type="application/atom+xml")
        assert "alternate" in link["rel"]
        assert (built_site / lang / url / link["href"]).resolve() == feed.resolve()
        # The theme fetches a sitemap for every link whose rel is exactly "alternate".
        assert soup.head.select("link[rel=alternate]") == []
    data = page(built_site, lang, "data")
    assert any((built_site / lang / "data" / a["href"]).resolve() == feed.resolve()
               for a in data.select("article a[type='application/atom+xml']"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_feed_entries_match_the_changes_page(built_site, lang):
    root = ET.fromstring((built_site / lang / "changes.xml").read_bytes())
    entries = root.findall(f"{ATOM}entry")
    assert entries, "the repository's history has changes"
    soup = page(built_site, lang, "changes")
    for entry in entries:
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text.endswith("T00:00:00Z")
        anchor = entry.find(f"{ATOM}link[@rel='alternate']").get("href").split("#")[1]
        block = soup.find(id=anchor)
        assert block is not None, anchor
        items = [li.get_text(" ", strip=True) for li in block.find_all("li")]
        assert len(items) == entry.find(f"{ATOM}content").text.count("<li>")


def test_changes_read_as_sentences_grouped_by_date(built_site):
    soup = page(built_site, "th", "changes")
    days = soup.select("article h2[id^=d-]")
    assert days and all(" 25" in h.get_text() or "25" in h.get_text() for h in days[:1])
    first = soup.select_one("ul.dp-changes li")
    text = first.get_text(" ", strip=True)
    assert "ปี 25" in text and ("เพิ่มค่า" in text or "ปรับจาก" in text or "ลบค่า" in text)
    assert first.find("a")["href"].startswith("../indicators/")
    commit = soup.select_one(".dp-commit p a")
    assert commit["href"].startswith("https://github.com/") and "/commit/" in commit["href"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_indicator_page_shows_its_own_history(built_site, lang):
    soup = page(built_site, lang, "indicators/tourist-arrivals")
    items = soup.find(id="history").find_next("ul").find_all("li")
    name = soup.find("h1").get_text(strip=True)
    assert items and all(name in li.get_text() for li in items)
    for li in items:
        href = li.find("a")["href"]
        assert href.startswith("../../changes/#c-")
        anchor = href.split("#")[1]
        assert page(built_site, lang, "changes").find(id=anchor) is not None
