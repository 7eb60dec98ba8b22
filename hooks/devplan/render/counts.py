"""Counts said in words, once: "All 8 indicators have values; no published target", not
"Values for 8 of 8 indicators (0 of them old data); a published target for 0".

Each part of a sentence has its own label for none, one, some and all, so every language
says each case its own way (labels/<language>.yml); parts that say nothing (no old data)
are left out.
"""

from __future__ import annotations

from ..model.summary import Summary
from .labels import label


def _case(count: int, total: int) -> str:
    return "none" if count == 0 else "all" if count == total else "one" if count == 1 else "some"


def coverage(summary: Summary, lang: str) -> str:
    """How many of a group's indicators have values, old values and a published target."""
    total = summary.total
    if total == 0:
        return label("coverage_empty", lang)
    values = {1: "only", 2: "both"}.get(total, "all") if summary.with_data == total else _case(summary.with_data, total)
    text = label(f"coverage_{values}", lang, with_data=summary.with_data, total=total)
    if summary.old:
        old = "only" if summary.with_data == 1 else _case(summary.old, summary.with_data)
        text += label(f"coverage_old_{old}", lang, old=summary.old)
    return label("coverage_and_targets", lang, values=text,
                 targets=label(f"coverage_targets_{_case(summary.with_target, total)}", lang, with_target=summary.with_target))
