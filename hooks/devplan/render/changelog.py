"""What changed in the published numbers, said in words (history.py reads the changes from
git): a sentence per change, the changes grouped by commit, and an Atom feed a newsroom
can subscribe to. The feed's bytes depend only on the history (dates come from the
commits), so the same history gives the same feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from xml.sax import saxutils

from ..addresses import FEED
from ..model.history import Change
from ..model.plan import Indicator
from .labels import display_year, format_date, format_number, label

FEED_ENTRIES = 50  # the newest commits; the changes page has all of them
# What XML 1.0 cannot hold at all, even escaped (control characters, U+FFFE, U+FFFF): a feed
# with one of these is not XML, and readers drop it whole. The data cannot hold them either;
# this keeps the feed well-formed whatever reaches it (labels, settings, an old commit).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    return saxutils.escape(NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(NOT_XML.sub("", text))
FIGURE_STATUSES = ("preliminary", "revised", "final")


@dataclass(frozen=True)
class Commit:
    """The changes one commit made to the published values."""

    commit: str
    date: str  # YYYY-MM-DD, the commit's date
    changes: list[Change]

    @property
    def anchor(self) -> str:
        return f"c-{self.commit[:12]}"


def by_commit(changes: list[Change]) -> list[Commit]:
    """Changes (newest first) grouped by commit, keeping that order."""
    return [Commit(commit, items[0].date, items)
            for commit, group in groupby(changes, key=lambda c: c.commit) for items in [list(group)]]


def by_day(commits: list[Commit]) -> list[tuple[str, list[Commit]]]:
    """Commits grouped by their date, newest first."""
    return [(day, list(group)) for day, group in groupby(commits, key=lambda c: c.date)]


def by_indicator(changes: list[Change] | None) -> dict[str, list[Change]]:
    grouped: dict[str, list[Change]] = {}
    for change in changes or []:
        grouped.setdefault(change.indicator_id, []).append(change)
    return grouped


def subject(change: Change, indicator: Indicator | None, lang: str) -> str:
    """Which value: 'จำนวนผู้เยี่ยมเยือน ปี 2568' or 'Visitors, target for 2027'."""
    name = getattr(indicator, f"name_{lang}") if indicator else change.indicator_id
    fiscal = indicator is not None and indicator.year_type == "fiscal"
    if change.table == "targets":  # a standard is never called a target
        key = {"announced": "change_subject_announced", "standard": "change_subject_standard"}.get(change.target_kind,
                                                                                                    "change_subject_target")
    else:
        key = "change_subject_fiscal" if fiscal else "change_subject"
    return label(key, lang, name=name, year=display_year(change.year, lang))


def what(change: Change, indicator: Indicator | None, lang: str) -> str:
    """What happened to it: 'ปรับจาก 11,473,206 เป็น 11,955,249 คน (ตัวเลขเบื้องต้น → ตัวเลขปรับปรุง)'."""
    old, new = _value(change.old_value, indicator, lang), _value(change.new_value, indicator, lang)
    if change.kind == "added":
        text = label("change_added", lang, new=new)
    elif change.kind == "removed":
        text = label("change_removed", lang, old=old)
    elif old == new:
        text = label("change_status_only", lang, new=new)
    else:
        text = label("change_revised", lang, old=old, new=new)
    statuses = [_status(s, lang) for s in (change.old_status, change.new_status) if s]
    if change.kind == "revised" and change.old_status != change.new_status and len(statuses) == 2:
        text += f" ({statuses[0]} → {statuses[1]})"
    elif change.kind != "revised" and statuses:
        text += f" ({statuses[0]})"
    return text


def sentence(change: Change, indicator: Indicator | None, lang: str) -> str:
    return f"{subject(change, indicator, lang)}: {what(change, indicator, lang)}"


def _value(value: str | None, indicator: Indicator | None, lang: str) -> str:
    """A value in the indicator's decimals and unit; as written when the indicator is gone."""
    if value is None or indicator is None:
        return value or ""
    try:
        number = format_number(float(value), indicator.decimals)
    except ValueError:
        return value
    return f"{number} {getattr(indicator, f'unit_{lang}')}"


def _status(status: str, lang: str) -> str:
    return label(status, lang) if status in FIGURE_STATUSES else status


def atom_feed(changes: list[Change] | None, indicators: dict[str, Indicator], lang: str, settings: dict) -> str:
    """The Atom feed (RFC 4287) of one language: an entry per commit, newest first."""
    base = f"{settings.get('site_url', '')}{lang}/"
    page = f"{base}changes/"
    commits = by_commit(changes or [])[:FEED_ENTRIES]
    data_date = settings.get("data_date")
    updated = commits[0].date if commits else (data_date.isoformat() if data_date else "2000-01-01")
    title = f"{settings.get('site_name', '')}: {label('changes', lang)}"
    repo = settings.get("repo_url", "").rstrip("/")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
             f"<title>{escape(title)}</title>",
             f"<subtitle>{escape(label('changes_intro', lang))}</subtitle>",
             f"<id>{escape(page)}</id>",
             f'<link rel="self" type="application/atom+xml" href={quoteattr(base + FEED)}/>',
             f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>',
             f"<updated>{updated}T00:00:00Z</updated>",
             f"<author><name>{escape(settings.get('publisher', {}).get(lang, ''))}</name></author>"]
    for commit in commits:
        items = "".join(f"<li>{escape(sentence(c, indicators.get(c.indicator_id), lang))}</li>" for c in commit.changes)
        lines += ["<entry>",
                  f"<title>{escape(label('changes_on', lang, date=format_date(commit.date, lang), n=len(commit.changes)))}</title>",
                  f"<id>{escape(page)}#{commit.anchor}</id>",
                  f"<updated>{commit.date}T00:00:00Z</updated>",
                  f'<link rel="alternate" type="text/html" href={quoteattr(f"{page}#{commit.anchor}")}/>',
                  *([f'<link rel="related" type="text/html" href={quoteattr(f"{repo}/commit/{commit.commit}")}/>']
                    if repo else []),
                  f'<content type="html">{escape(f"<ul>{items}</ul>")}</content>',
                  "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
