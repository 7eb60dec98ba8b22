"""The search index: Pagefind, fed with Thai text cut into words at build time.

Why (measured, see docs/DECISIONS.md "Search"): the theme's lunr search finds no Thai word
inside Thai text and downloads its whole index on every first visit. Pagefind loads only
the index fragments a query needs, but (1) it indexes Thai runs as one long token, so
ท่องเที่ยว inside การท่องเที่ยว is not found, and (2) pagefind.js 1.5.2 strips Unicode marks
from the query (its "diacritics", which in Thai are vowels and tone marks) before picking
the index chunk to load, so once the index has several chunks Thai words land in the
wrong one and are missed. So we cut Thai into words with pythainlp (newmm), add the parts
of common compounds, and index each Thai word spelled in plain Latin letters (`thai_key`);
assets/js/search.js spells the reader's query the same way. Pagefind then only ever sees
mark-free words, and the original text is kept for titles and summaries.

Readers type everyday words the pages do not use (หมอกควัน, GDP, นักท่องเที่ยว): the list in
docs/search-words.csv, which maintainers extend, adds each such word to every page whose
text has the word it stands for, in the title when the title has it (so those pages rank
first). Words linked by a row are one group, so a word typed on either language's site
finds the pages of that site ("tourists" on the Thai site finds ผู้เยี่ยมเยือน). Thai words are
also indexed without tone marks, so a word typed with a missing or misplaced tone mark is
still found.

An indicator page is indexed with the titles of its topics (topics.csv) as part of its
title, so the one haze figure with a value is found by "haze" although its name says
hotspots; a page with a value weighs its title more than a page without one, so for the
same match it ranks first; and its snippet is what it says, not the badges every page has:
the change from the previous comparable value, then what it measures.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..check.report import failure_summary, listing
from ..check.tables import read_search_words as check_search_words
from ..render import thaiwords
from ..render.labels import format_number, label, year_label
from ..render.values import headline_change
from . import processes, scratch

THAI = re.compile(r"[\u0e00-\u0e7f]+")
THAI_OR_SPACE = re.compile(r"[\u0e00-\u0e7f]+|\s+|[^\s\u0e00-\u0e7f]+")
TONE_MARKS = re.compile(r"[\u0e48-\u0e4b]")  # mai ek, tho, tri, chattawa
TAG = re.compile(r"<[^>]+>")
# Scripts, styles, chart drawings and the theme's "¶" heading permalinks are not page text;
# nor is what a template marks data-search="skip" (an indicator's table of every value, its
# embed code and citation): words repeated on every indicator page, which only bury the
# words that tell pages apart and made the index three times the work (measured). The mark
# may stand anywhere in the tag (the table component writes it after its class), and a marked
# element must not hold another of its own tag: what is left out ends at the first closing tag
# of its kind, found by a plain search (skipped). The opening tags (a look ahead for the mark):
SKIP_OPENING = re.compile(r'<(script|style|svg)\b|<a class="headerlink"[^>]*>'
                          r'|<(\w+)\b(?=[^>]*\sdata-search="skip")[^>]*>')
SKIP_STARTS = ("<script", "<style", "<svg", '<a class="headerlink"')  # where an opening can start, besides
SKIP_MARK = 'data-search="skip"'  # the start of a tag that carries this


def skipped(content_html: str) -> str:
    """The page's HTML without what the index leaves out (SKIP_OPENING to its closing tag),
    each left out part a space. The openings are tried only where one can start (the tags
    named and the start of a tag carrying the mark, found by a plain search), and each end
    found by a plain search for its closing tag: one expression tried at every "<" of a page,
    then letter by letter to the end of a long table, was a third of the search record's
    time (measured; tests/test_search_index.py holds this to that expression)."""
    starts = set()
    for marker in SKIP_STARTS:
        at = content_html.find(marker)
        while at != -1:
            starts.add(at)
            at = content_html.find(marker, at + 1)
    at = content_html.find(SKIP_MARK)
    while at != -1:
        starts.add(content_html.rfind("<", 0, at))  # the tag it is in (text from data has no raw "<")
        at = content_html.find(SKIP_MARK, at + 1)
    parts, end = [], 0
    for start in sorted(starts):
        if start < end:  # inside what was just left out
            continue
        opening = SKIP_OPENING.match(content_html, start)
        if not opening:
            continue
        closing = f"</{opening.group(1) or opening.group(2) or 'a'}>"
        stop = content_html.find(closing, opening.end())
        if stop == -1:  # no closing tag of its kind: nothing left out here
            continue
        parts += (content_html[end:start], " ")
        end = stop + len(closing)
    parts.append(content_html[end:])
    return "".join(parts)
SPACE = re.compile(r"\s+")
LETTERED = re.compile(r"\S*[^\W\d_]\S*")  # a word with a letter in it
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# A result shows the title, kind and an indicator's latest value apart (a snippet repeating
# the value said nothing more); breadcrumbs and table headers say little alone.
NOT_SUMMARY = re.compile(r'<h1[^>]*>.*?</h1>|<nav\b.*?</nav>|<thead>.*?</thead>|<p class="dp-headline__value">.*?</p>',
                         re.S)


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the language's root, e.g. "indicators/pm25-annual-mean/"
    title: str
    content: str  # what the index reads: the words other than Thai, and each Thai word's key
    language: str
    summary: str = ""
    title_keys: str = ""  # in the heading, where Pagefind ranks matches highest
    kind: str = ""  # what the page is (indicator, goal...), in the page's language
    value: str = ""  # an indicator's latest value, as its page states it
    measured: bool = False  # an indicator with a value: its title weighs more (TITLE_WEIGHT)


@dataclass(frozen=True)
class IndicatorFacts:
    """What the index knows of an indicator page besides its text (indicator_facts)."""

    value: str  # the latest value as the page states it, or "No data yet"
    summary: str  # the snippet: the change from the previous comparable value, then what it measures
    topics: str = ""  # the titles of the topics it belongs to (topics.csv), read as part of its title
    measured: bool = False


# Pagefind weighs an <h1> 7 and the most an element may weigh is 10: an indicator with a value
# weighs its title (its name and its topics) 10, so it ranks above a page without one that
# matches the same words there.
TITLE_WEIGHT = 10
WEIGHTED = f' data-pagefind-weight="{TITLE_WEIGHT}"'


# Compound prefixes whose remainder is a word a reader may type on its own.
COMPOUND_PREFIXES = ("การ", "ความ", "นัก", "ผู้", "ชาว", "เครื่อง")


def thai_key(word: str) -> str:
    """A Thai word spelled in mark-free Latin letters, two per Thai character, after 'q'.

    Prefixes stay prefixes, so typing the start of a word still finds it.
    >>> thai_key("ป่า")
    'qbbcuby'
    """
    return "q" + "".join(chr(97 + (ord(c) - 0x0E00) // 26) + chr(97 + (ord(c) - 0x0E00) % 26) for c in word)


def _parts(word: str) -> list[str]:
    """การท่องเที่ยว -> [การ, ท่องเที่ยว]: common compound prefixes split off, or []."""
    for prefix in COMPOUND_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest in thaiwords.dictionary():
            return [prefix, rest]
    return []


@lru_cache(maxsize=200_000)
def _tokens(run: str) -> tuple[str, ...]:
    return tuple(word for word in thaiwords.cut(run) if word.strip())


@lru_cache(maxsize=200_000)
def _cut(run: str) -> tuple[str, ...]:
    words: list[str] = []
    for word in _tokens(run):
        words.append(word)
        words.extend(_parts(word))
    return tuple(words)


def load_dictionary() -> None:
    """Load the Thai dictionary and word cutter now (about 0.4 s of CPU): the build does it
    once before its jobs fork, instead of each page and preview job doing it again."""
    _cut("การท่องเที่ยว")


def thai_words(text: str) -> list[str]:
    """Every Thai word of a text, compounds followed by their parts.

    >>> thai_words("ฝุ่นควันและไฟป่า PM2.5 การท่องเที่ยว")
    ['ฝุ่น', 'ควัน', 'และ', 'ไฟป่า', 'การท่องเที่ยว', 'การ', 'ท่องเที่ยว']
    """
    return [word for run in THAI.findall(text) for word in _cut(run)]


def joined_pairs(text: str) -> list[str]:
    """Each two neighbouring Thai words as one: a reader types ฝุ่นควัน as one run, which the
    cutter makes two words. Used for titles only, where such a match matters most."""
    pairs = []
    for run in THAI.findall(text):
        words = _tokens(run)
        pairs += [a + b for a, b in zip(words, words[1:])]
    return pairs


def page_text(content_html: str) -> str:
    """Readable text of a page's content HTML (no scripts, styles, chart data or "¶")."""
    return _text(skipped(content_html))


def _text(kept_html: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", kept_html))).strip()


def word_keys(words: list[str]) -> list[str]:
    """Index keys of Thai words: each spelled as written, and also without tone marks
    when it has any, so a reader's missing or misplaced tone mark still finds it."""
    return [key for word in words for key in _keys(word)]


@lru_cache(maxsize=200_000)  # a page's words are mostly words other pages have
def _keys(word: str) -> tuple[str, ...]:
    bare = TONE_MARKS.sub("", word)
    return (thai_key(word),) if bare == word else (thai_key(word), thai_key(bare))


def typed_keys(typed: str) -> list[str]:
    """Index keys for an everyday word from docs/search-words.csv: a Thai word as typed
    (a reader types หมอกควัน as one run, which the word cutter splits) and its parts."""
    latin = THAI.sub(" ", typed).split()
    runs = THAI.findall(typed)
    return latin + word_keys(runs) + word_keys([w for run in runs for w in _cut(run) if w != run])


def read_search_words(folder: str | Path) -> tuple[tuple[str, str], ...]:
    """The (typed, finds) pairs of the docs folder's search-words.csv, checked like a table
    of the package, each typed word with every word its group finds (word_groups); raises ValueError listing every problem, in English and Thai."""
    words = check_search_words(folder)
    if words.problems:
        raise ValueError("\n".join([*listing(words.problems), failure_summary(words)]))
    return word_groups([(row["typed"].strip(), row["finds"].strip()) for row in words.tables["search-words"]])


def word_groups(pairs) -> tuple[tuple[str, str], ...]:
    """Rows that share a word are one group, and each typed word finds every word its group
    finds: with (นักท่องเที่ยว, ผู้เยี่ยมเยือน), (นักท่องเที่ยว, visitors) and (tourists, visitors),
    "tourists" also finds ผู้เยี่ยมเยือน, so it works on the Thai site as on the English one.

    >>> ("tourists", "ผู้เยี่ยมเยือน") in word_groups([("นักท่องเที่ยว", "ผู้เยี่ยมเยือน"), ("นักท่องเที่ยว", "visitors"), ("tourists", "visitors")])
    True
    """
    group: dict[str, int] = {}  # word -> its group's number
    members: dict[int, set[str]] = {}
    for typed, finds in pairs:
        joined = {group[w] for w in (typed, finds) if w in group}
        number = min(joined) if joined else len(members)
        words = {typed, finds}.union(*(members.pop(n) for n in joined))
        members[number] = words
        for word in words:
            group[word] = number
    finds_of: dict[int, list[str]] = {}
    for _, finds in pairs:
        finds_of.setdefault(group[finds], [])
        if finds not in finds_of[group[finds]]:
            finds_of[group[finds]].append(finds)
    typed_words = list(dict.fromkeys(typed for typed, _ in pairs))
    return tuple((typed, finds) for typed in typed_words for finds in finds_of[group[typed]])


# What each kind of generated page is, from its address; any other page is a "page".
KINDS = (("indicators/", "indicator"), ("goals/", "goal"), ("strategies/", "strategy"), ("plans/", "plan"))


def page_kind(url: str) -> str:
    """The label key of a page's kind: 'indicators/pm25/' -> 'indicator'."""
    for prefix, kind in KINDS:
        if url.startswith(prefix) and url != prefix:
            return kind
    return "page"


def indicator_facts(model, lang: str, topics=()) -> dict[str, IndicatorFacts]:
    """Each indicator page's facts for the index, by page address: its latest value as the
    page states it ('11,955,249 visitor trips (persons) (2025, Preliminary)', or 'No data
    yet'), its snippet, and the titles of its topics."""
    topic_titles: dict[str, list[str]] = {}
    for topic in topics:
        for indicator in topic.indicators:
            topic_titles.setdefault(indicator.indicator_id, []).append(getattr(topic, f"title_{lang}"))
    facts = {}
    for indicator in model.indicators.values():
        latest = indicator.latest
        method = getattr(indicator, f"method_{lang}")
        if latest is None:
            value, summary = label("no_data", lang), method
        else:
            unit = getattr(indicator, f"unit_{lang}")
            when = year_label(latest.year, lang, indicator.year_type)
            if latest.status == "preliminary":
                when += ", " + label("preliminary", lang)
            value = f"{format_number(latest.value, indicator.decimals)} {unit} ({when})"
            change = headline_change(indicator, lang)
            summary = f"{change}. {method}" if change else method
        facts[f"indicators/{indicator.indicator_id}/"] = IndicatorFacts(
            value, summary, " · ".join(topic_titles.get(indicator.indicator_id, [])), latest is not None)
    return facts


def excerpt(text: str, limit: int = 160) -> str:
    """The start of a text, ended between two words (Thai words too), never inside one."""
    if len(text) <= limit:
        return text
    # Words are cut from a window well past the limit: cut at the limit, the text's last
    # word would be cut differently (or in half). Thai runs are cut by the same cached
    # cutter as the index; other text breaks at spaces.
    kept = ""
    for token in _words_and_spaces(text[: limit + 40]):
        if len(kept) + len(token) > limit:
            break
        kept += token
    return kept.rstrip(" ,;:(") + "…"


def _words_and_spaces(text: str):
    for part in THAI_OR_SPACE.findall(text):
        yield from _tokens(part) if THAI.fullmatch(part) else (part,)


def record(url: str, title: str, content_html: str, language: str,
           words: tuple[tuple[str, str], ...] = (), facts: IndicatorFacts | None = None) -> SearchRecord:
    """What the index knows of a page; its title is the page's heading, as readers see it.

    `words` are the (typed, finds) pairs of docs/search-words.csv; `facts` an indicator
    page's value, snippet and topics (indicator_facts). The result shows the page's kind and
    an indicator's latest value."""
    kept = skipped(content_html)
    text = _text(kept)
    heading = H1.search(content_html)
    plain_title = page_text(heading.group(1)) if heading else html.unescape(TAG.sub("", title or ""))
    titled = f"{plain_title} {facts.topics}" if facts and facts.topics else plain_title  # a topic names what it is about
    title_keys = word_keys(thai_words(titled) + joined_pairs(titled))
    if titled != plain_title:
        title_keys += THAI.sub(" ", facts.topics).split()  # the topics' words other than Thai
    # Each key once: the indexer holds 0.1-0.2 MB per page (measured), and repeated keys
    # (the same Thai words on every row of a list) were a quarter of that at 5,000 indicators.
    keys = list(dict.fromkeys(word_keys(thai_words(text))))
    folded_title, folded_text = titled.casefold(), text.casefold()
    for typed, finds in words:
        if finds.casefold() in folded_title:
            title_keys += typed_keys(typed)
        elif finds.casefold() in folded_text:
            keys += typed_keys(typed)
    body = facts.summary if facts else _text(NOT_SUMMARY.sub(" ", kept))
    # Pagefind would index each Thai run as one long word that no query can match (search.js
    # sends Thai as keys), and that text was half the indexer's work (measured): only the
    # keys stand for Thai. Nor does a number alone reach it from the text (years, values,
    # percentages: every page has many, so a query for one finds them all); a title keeps its
    # numbers, a word its digits (PM2.5). At 5,000 indicators those numbers were a sixth of the
    # Thai indexer's memory and a quarter of its time (measured). Each other word once, as each
    # key: an English page's words were half repeats (a third of its indexing time). Results
    # show the title and summary, kept whole in the metadata.
    other = " ".join(dict.fromkeys(LETTERED.findall(THAI.sub(" ", text))))
    return SearchRecord(url, plain_title, f"{other}\n{' '.join(keys)}" if keys else other, language,
                        excerpt(body), " ".join(title_keys), label(page_kind(url), language),
                        facts.value if facts else "", bool(facts and facts.measured))


def corpus_page(item: SearchRecord) -> str:
    """A minimal HTML page of one record, for Pagefind's indexer to read (never published)."""
    meta = "".join(f'<p data-pagefind-meta="{name}">{html.escape(text)}</p>'
                   for name, text in (("title", item.title), ("summary", item.summary),
                                      ("kind", item.kind), ("value", item.value)) if text)
    return (f'<!doctype html><html lang="{item.language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(item.title)}</title></head><body>"
            f"<h1{WEIGHTED if item.measured else ''}>"
            f"{html.escape(THAI.sub(' ', item.title))} {item.title_keys}</h1>"
            f"{meta}<p>{html.escape(item.content)}</p></body></html>")


def write_index(records: list[SearchRecord], out_dir: Path) -> None:
    """Write the Pagefind bundle (index fragments, pagefind.js, its WebAssembly) to out_dir.

    Pagefind's Python API answers one record per 0.1 s (measured: 5.2 s for 50), so the
    records go to a temporary folder of small pages that its command-line indexer reads
    in one pass.
    """
    # The corpus only lives until the indexer has read it: in memory where the system offers
    # a memory file system (scratch.py); the indexer dies with the job that starts it.
    with scratch.folder() as corpus:
        for item in records:
            path = corpus / item.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(corpus_page(item), encoding="utf-8")
        indexer = subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(corpus),
                                  "--output-path", str(out_dir), "--silent"], preexec_fn=processes.dying_with_me())
    if indexer.returncode != 0:
        raise RuntimeError(f"the search indexer failed: {indexer.args}")
