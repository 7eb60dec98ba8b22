"""The search index's words: everyday synonyms, tone marks, result kinds and snippets."""

from __future__ import annotations

import re

import pytest
from devplan.publish import search
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize
from support import ROOT, site_area

PAGE = ('<h1 id="t">ค่าเฉลี่ยรายปีของฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน<a class="headerlink" href="#t">¶</a></h1>'
        '<nav class="dp-crumbs"><ol><li>เป้าประสงค์: สร้างอากาศสะอาด</li></ol></nav>'
        '<h2 id="c">แผนภูมิ<a class="headerlink" href="#c">¶</a></h2><p>จำนวนผู้เยี่ยมเยือน และ PM2.5</p>')
WORDS = (("หมอกควัน", "ฝุ่นละออง"), ("haze", "PM2.5"), ("นักท่องเที่ยว", "ผู้เยี่ยมเยือน"), ("GDP", "มวลรวม"))


@pytest.fixture(scope="module")
def built_model():
    from devplan.publish.site import load_model

    return load_model(ROOT / "data", site_area())


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
    facts = search.IndicatorFacts("24.5 µg/m³ (พ.ศ. 2567)", "วัดจากสถานี", measured=True)  # invented value and method
    item = search.record("indicators/pm25/", "", PAGE, "th", facts=facts)
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
    pairs = search.read_search_words(ROOT / "docs")
    assert ("หมอกควัน", "PM2.5") in pairs and ("GDP", "gross provincial product") in pairs
    (tmp_path / "search-words.csv").write_text("typed,finds\nฝุ่น,PM2.5\nsmog,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"search-words.csv:3:finds: 'finds' must not be empty / .*ต้องไม่ว่าง"):
        search.read_search_words(tmp_path)


SEARCH_WORD_CASES = {
    # defect: (file bytes, expected (row, column, code))
    "not-utf8": ("typed,finds\nหมอกควัน,PM2.5\n".encode("cp874"), (2, None, "not-utf8")),
    "duplicate-pair": ("typed,finds\nhaze,PM2.5\nhaze,PM2.5\n".encode(), (3, "finds", "duplicate-key")),
    "control-character": ("typed,finds\nha\x00ze,PM2.5\n".encode(), (2, "typed", "control-character")),
    "unclosed-quote": ('typed,finds\n"haze,PM2.5\n'.encode(), (2, None, "unparsable-csv")),
    "renamed-column": ("typed,find\nhaze,PM2.5\n".encode(), (1, "find", "renamed-column")),
}


@pytest.mark.parametrize("content,expected", SEARCH_WORD_CASES.values(), ids=SEARCH_WORD_CASES.keys())
def test_a_broken_search_words_list_is_checked_like_a_table(tmp_path, content, expected):
    from devplan.check.tables import read_search_words

    (tmp_path / "search-words.csv").write_bytes(content)
    found = {(p.row, p.column, p.code) for p in read_search_words(tmp_path).problems}
    assert expected in found, found
    assert all(p.message_en and p.message_th for p in read_search_words(tmp_path).problems)


def test_a_linked_search_words_list_is_never_read(tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("typed,finds\nSECRET,SECRET\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "search-words.csv").symlink_to(outside)
    with pytest.raises(ValueError) as failure:
        search.read_search_words(tmp_path / "docs")
    assert "SECRET" not in str(failure.value) and "ลิงก์" in str(failure.value)


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


@pytest.mark.parametrize("lang", ["th", "en"])
def test_page_text_reaches_the_index_as_words_with_a_letter_each_once(lang):
    html = ('<h1>PM2.5 2566-2570 ปี 2568</h1><p>พ.ศ. 2568: 11,955,249 คน-ครั้ง (+4.2%) ▼ = KPI COVID-19 5G '
            'FY 2025: 3,383,712 visitor trips (persons), syn-goal-014. KPI</p>')
    item = search.record("indicators/x/", "", html, lang)
    words = item.content.split()
    assert {"KPI", "COVID-19", "5G", "FY", "visitor", "trips", "(persons),", "syn-goal-014."} <= set(words)
    assert not [w for w in words if not any(c.isalpha() for c in w)]  # 2568, 11,955,249, (+4.2%), ▼, =
    assert len(words) == len(set(words))  # each word once, as each Thai key
    assert "2566-2570" in item.title and "2568" in item.title  # a query for the plan's years still finds it


def test_an_indicator_pages_table_of_every_value_stays_out_of_the_index(built_model):
    """The values table (the table component marks it after its class) was indexed whole:
    twenty years of numbers per page, most of what the indexer held at 5,000 indicators."""
    from devplan.publish.site import settings_from
    from devplan.render.labels import format_number
    from devplan.render.pages import PageWriter

    indicator = built_model.indicators["tourist-arrivals"]
    settings = settings_from("site", {"devplan": {"publisher": {"th": "", "en": ""}}}, None, built_model)
    page = PageWriter(built_model, "en", settings).indicator(indicator)
    first = format_number(indicator.observations[0].value, indicator.decimals)
    assert f">{first}<" in page  # the table shows the earliest value ...
    item = search.record("indicators/tourist-arrivals/", "", page, "en")
    assert first not in item.content  # ... and the index does not


def test_an_indicators_snippet_is_its_change_and_what_it_measures_not_its_badges(built_model):
    facts = search.indicator_facts(built_model, "en")
    occupancy = facts["indicators/hotel-occupancy-rate/"]
    assert occupancy.value == "76.74 percent (2025, Preliminary)" and occupancy.measured
    assert occupancy.summary.startswith("Up 2.08 percentage points from 2024 (74.66). Rooms occupied")
    nothing = facts["indicators/pm25-annual-mean/"]
    assert nothing.value == "No data yet" and not nothing.measured
    assert nothing.summary == built_model.indicators["pm25-annual-mean"].method_en  # what it measures
    html = '<h1>Annual mean PM2.5 concentration</h1><p><span class="dp-trend">? Not assessed</span> No target published</p>'
    item = search.record("indicators/pm25-annual-mean/", "", html, "en", facts=nothing)
    assert item.summary.startswith("Annual average") and "Not assessed" not in item.summary
    assert "Not assessed" in item.content or "assessed" in item.content  # the page's text is still indexed


def test_a_topic_names_what_its_indicators_are_about(built_model):
    hotspots = search.indicator_facts(built_model, "th", built_model.topics)["indicators/hotspots/"]
    assert "หมอกควันและฝุ่น PM2.5" in hotspots.topics
    item = search.record("indicators/hotspots/", "", "<h1>จำนวนจุดความร้อนสะสม</h1>", "th",
                         search.read_search_words(ROOT / "docs"), hotspots)
    assert {search.thai_key("ฝุ่น"), "haze", "dust"} <= keys(item.title_keys)


def test_an_indicator_with_a_value_weighs_its_title_more():
    with_value = search.record("indicators/a/", "", "<h1>A</h1>", "en", facts=search.IndicatorFacts("1 t", "m", measured=True))
    without = search.record("indicators/b/", "", "<h1>B</h1>", "en", facts=search.IndicatorFacts("No data yet", "m"))
    assert f'<h1 data-pagefind-weight="{search.TITLE_WEIGHT}">' in search.corpus_page(with_value)
    assert "<h1>" in search.corpus_page(without)


def test_a_word_typed_on_either_sites_finds_its_groups_words():
    pairs = search.read_search_words(ROOT / "docs")
    finds = {}
    for typed, word in pairs:
        finds.setdefault(typed, set()).add(word)
    assert {"ผู้เยี่ยมเยือน", "visitors"} <= finds["tourists"] and {"ผู้เยี่ยมเยือน", "visitors"} <= finds["นักท่องเที่ยว"]
    assert {"PM2.5", "ฝุ่นละออง"} <= finds["dust"] and {"PM2.5", "ฝุ่นละออง"} <= finds["haze"]
    for typed, words in finds.items():  # every typed word finds a Thai word and a word in Latin letters
        assert any(search.THAI.search(w) for w in words) and any(not search.THAI.search(w) for w in words), typed


FRAGMENTS = ["<script>", "</script>", "<style>", "</style>", "<svg ", "<svgs>", "</svg>", "<svg>",
             '<a class="headerlink" href="#x">', "<a>", "</a>", '<div data-search="skip">', '<div class="x"\tdata-search="skip">',
             '<div data-search="skip" class="x">', "</div>", "<div>", '<table data-search="skip"><tr>', "</table>",
             '<p data-search="skip">', "</p>", "<p>", "ฝุ่น ", "PM2.5", ">", "<", " ", "\n", 'data-search="skip"', "¶"]


# What the index leaves out, as one expression: what skipped() did before it found each part's
# end by a plain search.
SKIP = re.compile(r'<(script|style|svg)\b.*?</\1>|<a class="headerlink"[^>]*>.*?</a>'
                  r'|<(\w+)\b(?=[^>]*\sdata-search="skip")[^>]*>.*?</\2>', re.S)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_what_the_index_leaves_out_is_what_the_expression_leaves_out(parts):
    # skipped() tries the openings only where one can start and finds each end by a plain
    # search: the same text as SKIP.sub, on well-formed and broken HTML alike
    html = "".join(parts)
    assert search.skipped(html) == SKIP.sub(" ", html)
