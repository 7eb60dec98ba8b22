"""Thai words cut over render/thaiwords.py's dictionary are pythainlp's own cuts."""

from __future__ import annotations

import random

from devplan.render import thaiwords
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

WORDS = sorted(thai_words())
TRIE = Trie(WORDS)
LETTERS = [chr(c) for c in range(0x0E01, 0x0E5C)]
# Texts of dictionary words, stray Thai letters, spaces and digits run together, as pages have them
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(LETTERS), st.sampled_from([" ", "  ", "2568", "PM2.5", "."]))
texts = st.lists(pieces, min_size=1, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_the_cut_is_pythainlps(text, keep_whitespace):
    assert thaiwords.cut(text, keep_whitespace) == word_tokenize(
        text, custom_dict=TRIE, engine="newmm", keep_whitespace=keep_whitespace)


def test_prefixes_are_the_tries_in_order():
    dictionary = thaiwords.dictionary()
    assert len(dictionary) == len(TRIE)
    for word in random.Random(1).sample(WORDS, 500):
        text = word + "การท่องเที่ยว"
        for start in range(len(word)):
            assert dictionary.prefixes(text, start) == TRIE.prefixes(text, start)
