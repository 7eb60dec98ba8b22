"""Thai words: pythainlp's newmm word cutter over pythainlp's Thai dictionary, loaded fast.

Thai has no spaces between words: the search index (publish/search.py) holds each word, and
link-preview images (previews.py) break lines between words. newmm asks its dictionary one
question, which of its words start at a place in a text (`prefixes`). pythainlp answers it
with a trie of its 62,000 words that took ~1 s to build, before any job of a build could
start (measured); a set of the words and a set of their beginnings answer the same, in the
same order, made in a third of the time. A test holds the two to the same cuts.
"""

from __future__ import annotations

from functools import lru_cache


class Dictionary:
    """Words, and every beginning of a word: `prefixes` walks a text while it is a beginning."""

    def __init__(self, words):
        words = {word.strip() for word in words} - {""}  # as pythainlp's Trie adds them
        self.words = frozenset(words)
        self.beginnings = frozenset(word[:end] for word in words for end in range(1, len(word) + 1))

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that start at `start` in text, shortest first (pythainlp.util.Trie's)."""
        found = []
        for end in range(start + 1, len(text) + 1):
            part = text[start:end]
            if part not in self.beginnings:
                break
            if part in self.words:
                found.append(part)
        return found


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    from pythainlp.corpus import thai_words  # imported late: it reads the word list

    return Dictionary(thai_words())


def cut(text: str, keep_whitespace: bool = False) -> list[str]:
    """newmm's words of a text, as pythainlp's word_tokenize(engine="newmm") gives them."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, custom_dict=dictionary(), engine="newmm", keep_whitespace=keep_whitespace)
