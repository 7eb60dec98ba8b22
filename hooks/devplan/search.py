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
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

THAI = re.compile(r"[\u0e00-\u0e7f]+")
TAG = re.compile(r"<[^>]+>")
SKIP = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)
SPACE = re.compile(r"\s+")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the language's root, e.g. "indicators/pm25-annual-mean/"
    title: str
    content: str
    language: str
    summary: str = ""
    title_keys: str = ""  # in the heading, where Pagefind ranks matches highest


# Compound prefixes whose remainder is a word a reader may type on its own.
COMPOUND_PREFIXES = ("การ", "ความ", "นัก", "ผู้", "ชาว", "เครื่อง")


def thai_key(word: str) -> str:
    """A Thai word spelled in mark-free Latin letters, two per Thai character, after 'q'.

    Prefixes stay prefixes, so typing the start of a word still finds it.
    >>> thai_key("ป่า")
    'qbbcuby'
    """
    return "q" + "".join(chr(97 + (ord(c) - 0x0E00) // 26) + chr(97 + (ord(c) - 0x0E00) % 26) for c in word)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words  # imported late: it loads a dictionary

    return frozenset(thai_words())


def _parts(word: str) -> list[str]:
    """การท่องเที่ยว -> [การ, ท่องเที่ยว]: common compound prefixes split off, or []."""
    for prefix in COMPOUND_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest in _dictionary():
            return [prefix, rest]
    return []


@lru_cache(maxsize=200_000)
def _cut(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    words: list[str] = []
    for word in word_tokenize(run, engine="newmm", keep_whitespace=False):
        if word.strip():
            words.append(word)
            words.extend(_parts(word))
    return tuple(words)


def thai_words(text: str) -> list[str]:
    """Every Thai word of a text, compounds followed by their parts.

    >>> thai_words("ฝุ่นควันและไฟป่า PM2.5 การท่องเที่ยว")
    ['ฝุ่น', 'ควัน', 'และ', 'ไฟป่า', 'การท่องเที่ยว', 'การ', 'ท่องเที่ยว']
    """
    return [word for run in THAI.findall(text) for word in _cut(run)]


def page_text(content_html: str) -> str:
    """Readable text of a page's content HTML (no scripts, styles or chart data)."""
    text = TAG.sub(" ", SKIP.sub(" ", content_html))
    return SPACE.sub(" ", html.unescape(text)).strip()


def record(url: str, title: str, content_html: str, language: str) -> SearchRecord:
    """What the index knows of a page; its title is the page's heading, as readers see it."""
    text = page_text(content_html)
    heading = H1.search(content_html)
    plain_title = page_text(heading.group(1)).rstrip("¶ ") if heading else html.unescape(TAG.sub("", title or ""))
    keys = " ".join(thai_key(word) for word in thai_words(text))
    title_keys = " ".join(thai_key(word) for word in thai_words(plain_title))
    return SearchRecord(url, plain_title, f"{text}\n{keys}" if keys else text, language, text[:200], title_keys)


def corpus_page(item: SearchRecord) -> str:
    """A minimal HTML page of one record, for Pagefind's indexer to read (never published)."""
    return (f'<!doctype html><html lang="{item.language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(item.title)}</title></head><body><h1>{html.escape(item.title)} {item.title_keys}</h1>"
            f'<p data-pagefind-meta="title">{html.escape(item.title)}</p>'
            f'<p data-pagefind-meta="summary">{html.escape(item.summary)}</p>'
            f"<p>{html.escape(item.content)}</p></body></html>")


_pending: list[tuple[subprocess.Popen, tempfile.TemporaryDirectory]] = []


def write_index(records: list[SearchRecord], out_dir: Path, background: bool = False) -> None:
    """Write the Pagefind bundle (index fragments, pagefind.js, its WebAssembly) to out_dir.

    Pagefind's Python API answers one record per 0.1 s (measured: 5.2 s for 50), so the
    records go to a temporary folder of small pages that its command-line indexer reads
    in one pass. With background=True the indexer runs while the caller goes on (the next
    language builds on the other core); `wait()` then collects it.
    """
    corpus = tempfile.TemporaryDirectory()
    for item in records:
        path = Path(corpus.name) / item.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(corpus_page(item), encoding="utf-8")
    indexer = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", corpus.name,
                                "--output-path", str(out_dir), "--silent"])
    _pending.append((indexer, corpus))
    if not background:
        wait()


def wait() -> None:
    """Wait for every index still being written; fail if any indexer failed."""
    failed = []
    while _pending:
        indexer, corpus = _pending.pop()
        if indexer.wait() != 0:
            failed.append(indexer.args)
        corpus.cleanup()
    if failed:
        raise RuntimeError(f"the search indexer failed: {failed}")


def wait_quietly() -> None:
    """After another failure: let every indexer finish, without raising."""
    try:
        wait()
    except RuntimeError:
        pass
