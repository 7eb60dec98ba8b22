"""Counts said in words (render/counts.py): every case of none, one, some and all reads as a
sentence, never "a published target for 0" or "Values for 8 of 8 indicators (0 of them old data)"."""

from __future__ import annotations

import pytest
from devplan.model.summary import Summary
from devplan.render.counts import coverage


@pytest.mark.parametrize("summary, english", [
    (Summary(8, 8, 0, 0), "All 8 indicators have values; no published target."),
    (Summary(3, 1, 0, 1), "1 of 3 indicators has values; a published target for one."),
    (Summary(6, 2, 1, 1), "2 of 6 indicators have values (one of them old data); a published target for one."),
    (Summary(9, 4, 2, 3), "4 of 9 indicators have values (2 of them old data); a published target for 3."),
    (Summary(1, 1, 1, 0), "The one indicator here has values (old data); no published target."),
    (Summary(4, 0, 0, 0), "No indicator has a value yet; no published target."),
    (Summary(5, 3, 3, 5), "3 of 5 indicators have values (all old data); a published target for each."),
    (Summary(2, 2, 0, 1), "Both indicators have values; a published target for one."),
    (Summary(0), "No indicators here yet."),
])
def test_counts_read_as_sentences(summary, english):
    assert coverage(summary, "en") == english
    thai = coverage(summary, "th")
    assert thai and " 0 " not in f" {thai} " and "{" not in thai


def test_no_count_of_nothing_is_said():
    for summary in (Summary(8, 8, 0, 0), Summary(4, 0, 0, 0)):
        for lang in ("th", "en"):
            assert " 0" not in coverage(summary, lang)
