"""What changed, in words and as an Atom feed, from a real temporary git history."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from types import SimpleNamespace

from devplan.model.history import data_changes
from devplan.render.changelog import atom_feed, by_commit, by_day, sentence
from test_history import commit

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = {"site_url": "https://example.org/site/", "site_name": "Test site", "repo_url": "https://github.com/o/r",
            "publisher": {"th": "ผู้เผยแพร่", "en": "Publisher"}, "data_date": dt.date(2025, 4, 1)}
VISITORS = SimpleNamespace(indicator_id="visitors", name_th="จำนวนผู้เยี่ยมเยือน", name_en="Visitors", decimals=0,
                           unit_th="คน", unit_en="people", year_type="calendar")


def history(tmp_path):
    (tmp_path / "data").mkdir()
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(tmp_path, "visitors,2025,11473206,preliminary,s,,\n", "2025-01-10")
    commit(tmp_path, "visitors,2025,11955249,revised,s,,\nvisitors,2024,10999862,final,s,,\n", "2025-03-01")
    return data_changes(tmp_path / "data", "TH50")


def test_changes_read_as_sentences(tmp_path):
    changes = history(tmp_path)
    revised = next(c for c in changes if c.kind == "revised")
    assert sentence(revised, VISITORS, "th") == \
        "จำนวนผู้เยี่ยมเยือน ปี 2568: ปรับจาก 11,473,206 คน เป็น 11,955,249 คน (ตัวเลขเบื้องต้น → ตัวเลขปรับปรุง)"
    assert sentence(revised, VISITORS, "en") == \
        "Visitors, 2025: revised from 11,473,206 people to 11,955,249 people (Preliminary → Revised)"
    added = next(c for c in changes if c.year == 2024)
    assert sentence(added, VISITORS, "en") == "Visitors, 2024: added 10,999,862 people (Final)"
    assert sentence(added, None, "en").startswith("visitors, 2024: added 10999862")  # an indicator since removed
    days = by_day(by_commit(changes))
    assert [day for day, _ in days] == ["2025-03-01", "2025-01-10"]


def test_feed_is_atom_and_lists_the_change(tmp_path):
    changes = history(tmp_path)
    for lang in ("th", "en"):
        text = atom_feed(changes, {"visitors": VISITORS}, lang, SETTINGS)
        assert text == atom_feed(changes, {"visitors": VISITORS}, lang, SETTINGS)  # same history, same bytes
        feed = ET.fromstring(text.encode("utf-8"))
        assert feed.tag == f"{ATOM}feed"
        assert feed.find(f"{ATOM}updated").text == "2025-03-01T00:00:00Z"
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"https://example.org/site/{lang}/changes.xml"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 2  # one per commit, newest first
        ids = [e.find(f"{ATOM}id").text for e in entries]
        assert len(set(ids)) == 2 and all(i.startswith(f"https://example.org/site/{lang}/changes/#c-") for i in ids)
        assert [e.find(f"{ATOM}updated").text for e in entries] == ["2025-03-01T00:00:00Z", "2025-01-10T00:00:00Z"]
        for entry in entries:
            assert entry.find(f"{ATOM}title").text
            assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").endswith(entry.find(f"{ATOM}id").text[-15:])
            assert entry.find(f"{ATOM}link[@rel='related']").get("href").startswith("https://github.com/o/r/commit/")
        content = entries[0].find(f"{ATOM}content").text
        assert "11,955,249" in content and ("ปรับจาก" in content if lang == "th" else "revised from" in content)


def test_feed_without_history_is_valid_and_empty():
    feed = ET.fromstring(atom_feed(None, {}, "en", SETTINGS).encode("utf-8"))
    assert feed.findall(f"{ATOM}entry") == [] and feed.find(f"{ATOM}updated").text == "2025-04-01T00:00:00Z"


def test_feed_stays_xml_whatever_text_reaches_it():
    """Control characters and noncharacters (in a name, a unit, a site setting) are not XML
    even escaped: the feed leaves them out and stays well-formed."""
    odd = SimpleNamespace(**{**vars(VISITORS), "name_en": "Visi\x01tors\uffff", "unit_en": "peo\x0bple"})
    change = SimpleNamespace(date="2025-03-01", commit="a" * 40, table="observations", indicator_id="visitors", year=2025,
                             kind="added", old_value=None, new_value="5", old_status=None, new_status="final")
    settings = {**SETTINGS, "site_name": "Site\x1b", "publisher": {"en": "\ufffe"}}
    text = atom_feed([change], {"visitors": odd}, "en", settings)
    feed = ET.fromstring(text.encode("utf-8"))
    assert "Visitors" in feed.find(f"{ATOM}entry/{ATOM}content").text
