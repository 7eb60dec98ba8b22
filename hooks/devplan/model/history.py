"""What changed in the published numbers, read from the git history of the data folder.

A reporter who downloaded a figure last month sees here that it was revised, when, and
from what, instead of finding a silently different number.
"""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..check.cells import INTEGER, NUMBER

TRACKED = ("observations", "targets")


@dataclass(frozen=True)
class Change:
    date: str  # commit date, YYYY-MM-DD
    commit: str
    table: str  # observations or targets
    indicator_id: str
    year: int
    kind: str  # added, revised or removed
    old_value: str | None
    new_value: str | None
    old_status: str | None = None
    new_status: str | None = None
    target_kind: str | None = None  # a target row's kind (plan, announced, standard), as last published


def _git(data_dir: Path, *args: str) -> bytes | None:
    # Bytes, decoded by the caller: the locale's encoding (say TIS-620) says nothing about
    # what a committed file holds.
    try:
        return subprocess.run(["git", *args], cwd=data_dir, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def published_values(raw: bytes, area: str) -> dict[tuple[str, int], tuple[str, str | None, str | None]] | None:
    """The values of the own area in one committed version, or None for a version that
    cannot have been published (not UTF-8, not CSV, a cell over the CSV size limit, a year or
    a value the validator refuses): it is skipped, and the values before it stay the
    published ones. A version without an area_id column is all the own area's: before areas
    existed, every value was about the site's own province."""
    try:
        values = {}
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True)
        if not {"indicator_id", "year", "value"} <= set(reader.fieldnames or ()):
            return None
        for row in reader:
            if (row.get("area_id") or area).strip() != area:
                continue
            year, value = row["year"].strip(), row["value"].strip()
            if not INTEGER.fullmatch(year) or not NUMBER.fullmatch(value) or not math.isfinite(float(value)):
                return None
            values[(row["indicator_id"].strip(), int(year))] = (value, (row.get("status") or "").strip() or None,
                                                                 (row.get("kind") or "").strip() or None)
        return values
    except (UnicodeDecodeError, csv.Error, KeyError, AttributeError, ValueError):
        return None


def _normalise(value: str) -> str:
    try:
        return repr(float(value))
    except ValueError:
        return value


def _same(old: tuple[str, str | None], new: tuple[str, str | None]) -> bool:
    """The same published figure: the same number (110 is 110.0) and the same status."""
    return _normalise(old[0]) == _normalise(new[0]) and old[1] == new[1]


def compare(previous: dict, current: dict, same=_same):
    """(key, kind, old, new) for each key added, removed or revised between two versions,
    in key order: the one comparison behind the changes page and the workbook import."""
    for key in sorted(set(previous) | set(current)):
        old, new = previous.get(key), current.get(key)
        if old is None:
            yield key, "added", None, new
        elif new is None:
            yield key, "removed", old, None
        elif not same(old, new):
            yield key, "revised", old, new


def value_changes(table: str, previous: dict, current: dict, date: str = "", commit: str = "") -> list[Change]:
    """The changes between two versions of a table's values (see published_values)."""
    return [Change(date, commit, table, key[0], key[1], kind, old and old[0], new and new[0], old and old[1], new and new[1],
                   (new or old)[2])
            for key, kind, old, new in compare(previous, current)]


def data_changes(data_dir: str | Path, area: str) -> list[Change] | None:
    """Every value of the own area `area` added, revised or removed, newest first; None
    outside a git work tree. Other areas' values are context, and their history is git's."""
    data_dir = Path(data_dir).resolve()
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(os.fsdecode(top).strip()).resolve()
    changes: list[Change] = []
    for table in TRACKED:
        relative = (data_dir / f"{table}.csv").relative_to(root).as_posix()
        log = (_git(root, "log", "--reverse", "--format=%H %cs", "--", relative) or b"").decode("ascii")
        previous: dict = {}
        for line in log.splitlines():
            commit, date = line.split()
            raw = _git(root, "show", f"{commit}:{relative}")
            current = published_values(raw, area) if raw is not None else None
            if current is None:
                continue
            changes += value_changes(table, previous, current, date, commit)
            previous = current
    changes.reverse()  # newest commit first; the stable sort keeps that order within a day
    changes.sort(key=lambda c: c.date, reverse=True)
    return changes
