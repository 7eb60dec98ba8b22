"""The search index's words: everyday synonyms, tone marks, result kinds and snippets."""

from __future__ import annotations

import pytest
from devplan.publish import search
from pythainlp.tokenize import word_tokenize
from support import ROOT

PAGE = ('<h1 id="t">ค่าเฉลี่ยรายปีของฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน<a class="headerlink" href="#t">¶</a></h1>'
        '<nav class="dp-crumbs"><ol><li>เป้าประสงค์: สร้างอากาศสะอาด</li></ol></nav>'
        '<h2 id="c">แผนภูมิ<a class="headerlink" href="#c">¶</a></h2><p>จำนวนผู้เยี่ยมเยือน และ PM2.5</p>')
WORDS = (("หมอกควัน", "ฝุ่นละออง"), ("haze", "PM2.5"), ("นักท่องเที่ยว", "ผู้เยี่ยมเยือน"), ("GDP", "มวลรวม"))


def keys(text: str) -> set[str]:
    return set(text.split())


def test_everyday_words_are_indexed_where_the_word_they_stand_for_is():
    item = search.record("indicators/pm25/", "", PAGE, "th", WORDS)
    # in the title: the title holds ฝุ่นละออง, so the page ranks as if its title said หมอกควัน
    assert search.thai_key("หมอกควัน") in keys(item.title_keys)
    # the words the cutter makes of it too, so หมอก alone also finds the page
    assert {search.thai_key("หมอก"), search.thai_key("ควัน")} <= keys(item.title_keys)
    assert {"haze", search.thai_key("นักท่องเที่ยว")} <= keys(item.content)
    assert "GDP" not in item.content and "GDP" not in item.title_keys  # มวลรวม is not on the page


def test_thai_words_are_also_indexed_without_tone_marks():
    item = search.record("goals/g/", "", "<h1>การท่องเที่ยว</h1><p>ป่าไม้</p>", "th")
    assert {search.thai_key("ท่องเที่ยว"), search.thai_key("ทองเทียว")} <= keys(item.title_keys)
    assert {search.thai_key("ป่าไม้"), search.thai_key("ปาไม")} <= keys(item.content)


def test_results_know_the_kind_of_page_and_carry_no_permalink_sign():
    item = search.record("indicators/pm25/", "", PAGE, "th", value="24.5 µg/m³ (พ.ศ. 2567)")  # invented value
    assert item.title == "ค่าเฉลี่ยรายปีของฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน"
    assert item.kind == "ตัวชี้วัด"
    assert "¶" not in item.summary + item.content + item.title
    assert not item.summary.startswith(("ค่าเฉลี่ย", "เป้าประสงค์"))  # title and breadcrumb are shown apart
    corpus = search.corpus_page(item)
    assert 'data-pagefind-meta="kind">ตัวชี้วัด<' in corpus and "24.5 µg/m³ (พ.ศ. 2567)" in corpus
    kinds = {url: search.record(url, "", "<h1>x</h1>", "en").kind
             for url in ["goals/g/", "strategies/s/", "plans/p/", "indicators/", "about/", ""]}
    assert kinds == {"goals/g/": "Goal", "strategies/s/": "Strategy", "plans/p/": "Plan",
                     "indicators/": "Page", "about/": "Page", "": "Page"}


@pytest.mark.parametrize("limit", range(10, 90, 7))
def test_snippets_end_between_words(limit):
    text = "ด้านการพัฒนาเศรษฐกิจสร้างสรรค์มูลค่าสูง and the economy " * 10
    boundaries, offset = set(), 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        offset += len(word)
        boundaries.add(offset)
    snippet = search.excerpt(text, limit)
    kept = snippet.removesuffix("…")
    assert snippet.endswith("…") and len(snippet) <= limit + 1 and text.startswith(kept)
    assert len(kept) in boundaries, snippet


def test_the_search_words_list_reads_and_a_bad_row_is_located(tmp_path):
    pairs = search.read_search_words(ROOT / "docs" / "search-words.csv")
    assert ("หมอกควัน", "PM2.5") in pairs and ("GDP", "gross provincial product") in pairs
    bad = tmp_path / "search-words.csv"
    bad.write_text("typed,finds\nฝุ่น,PM2.5\nsmog,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"search-words.csv:3: .*finds"):
        search.read_search_words(bad)


def test_two_words_typed_as_one_run_find_a_title_that_has_them():
    item = search.record("strategies/s/", "", "<h1>ลดฝุ่นควัน PM2.5</h1>", "th")
    assert search.thai_key("ฝุ่นควัน") in keys(item.title_keys)  # newmm cuts it ฝุ่น + ควัน


def test_marked_parts_and_thai_runs_stay_out_of_what_the_indexer_reads():
    html = ('<h1>อัตราการเข้าพัก</h1><p>วิธีการวัด: ค่าเฉลี่ย occupancy</p>'
            '<div data-search="skip" class="dp-table-wrap"><table><tr><td>ตัวเลขสุดท้าย 12,345</td></tr></table></div>'
            '<blockquote data-search="skip"><p>How to cite</p></blockquote><p>หน่วยงาน</p>')
    item = search.record("indicators/x/", "", html, "th")
    words = keys(item.content)
    assert {search.thai_key("วิธีการ"), search.thai_key("ค่าเฉลี่ย"), "occupancy", search.thai_key("หน่วยงาน")} <= words
    assert search.thai_key("สุดท้าย") not in words and "12,345" not in item.content and "cite" not in item.content
    assert not search.THAI.search(item.content)  # Thai is there only as keys (search.js sends keys)
    assert item.title == "อัตราการเข้าพัก"  # results still show the Thai title


def test_an_indicators_snippet_goes_on_from_its_latest_value_instead_of_repeating_it():
    html = ('<h1>Visitors</h1><div class="dp-headline"><p class="dp-headline__value">Latest value: <strong>12 persons'
            '</strong></p><p class="dp-headline__change">Up 2 persons (+20%) from 2024</p></div>')  # invented figures
    item = search.record("indicators/visitors/", "", html, "en", value="12 persons (2025)")
    assert item.summary.startswith("Up 2 persons") and "Latest value" not in item.summary
    assert "12" in item.content  # still indexed
