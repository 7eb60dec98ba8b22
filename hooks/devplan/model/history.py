"""What changed in the published numbers, read from the git history of the data folder.

A reporter who downloaded a figure last month sees here that it was revised, when, and
from what, instead of finding a silently different number.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..check.cells import Patterns, check_cell
from ..check.sitetables import pinned_field

TRACKED = ("observations", "targets")
# What a committed row must pass to be listed: the cells the changes show, held to what the
# site pins for them (an id, a year in range, a finite bounded number, a known status).
CHECKED = {table: [pinned_field(table, name) for name in ("indicator_id", "year", "value", "status")
                   if table == "observations" or name != "status"] for table in TRACKED}
AREA = pinned_field("observations", "area_id")  # checked too in versions that have the column
KIND = pinned_field("targets", "kind")  # the same: a target's kind (plan, announced, standard) is said


@dataclass(frozen=True)
class Change:
    date: str  # commit date, YYYY-MM-DD (never after a later commit's: see data_changes)
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


def published_values(raw: bytes, area: str, table: str = "observations",
                     valid: set | None = None) -> dict[tuple[str, int], tuple[str, str | None, str | None]] | None:
    """The values of the own area in one committed version, or None for a version that
    cannot have been published (not UTF-8, not CSV, a cell over the CSV size limit, any cell
    of a row the validator would refuse: a year out of range, 1e309, a status it does not
    know, a control character): it is skipped, and the values before it stay the published
    ones. A version without an area_id column is all the own area's: before areas existed,
    every value was about the site's own province. `valid` holds the rows already found
    valid in earlier versions (each is checked once)."""
    valid = set() if valid is None else valid
    try:
        values = {}
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True)
        columns = reader.fieldnames or ()
        specs = CHECKED[table] + ([AREA] if table == "observations" and "area_id" in columns else []) + \
            ([KIND] if table == "targets" and "kind" in columns else [])
        names = [spec["name"] for spec in specs]
        if not set(names) <= set(reader.fieldnames or ()):
            return None
        for row in reader:
            cells = tuple(row[name] for name in names)
            if cells not in valid:
                if None in cells or not _would_validate(cells, specs):
                    return None
                valid.add(cells)
            if (row.get("area_id") or area) == area:
                values[(cells[0], int(cells[1]))] = (cells[2], cells[3] if table == "observations" else None,
                                                     (row.get("kind") or None) if table == "targets" else None)
        return values
    except (UnicodeDecodeError, csv.Error):
        return None


def _would_validate(cells: tuple[str, ...], specs: list[dict]) -> bool:
    refused = []
    patterns = Patterns()
    for raw, spec in zip(cells, specs):
        check_cell(raw, spec, 0, lambda *problem: refused.append(problem), patterns)
    return not refused


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


def _commit_dates(root: Path, paths: list[str]) -> dict[str, str]:
    """Each commit's date, never later than a later commit's (or HEAD's): a commit made on a
    computer whose clock said 2099 would otherwise date the feed 2099 until 2099."""
    head = (_git(root, "log", "-1", "--format=%cs", "HEAD") or b"").decode("ascii").strip()
    log = (_git(root, "log", "--topo-order", "--format=%H %cs", "--", *paths) or b"").decode("ascii")
    dates, ceiling = {}, head or "9999-12-31"
    for line in log.splitlines():  # newest first
        commit, date = line.split()
        ceiling = dates[commit] = min(date, ceiling)
    return dates


def data_changes(data_dir: str | Path, area: str) -> list[Change] | None:
    """Every value of the own area `area` added, revised or removed, newest first; None
    outside a git work tree. Other areas' values are context, and their history is git's."""
    data_dir = Path(data_dir).resolve()
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(os.fsdecode(top).strip()).resolve()
    relative = {table: (data_dir / f"{table}.csv").relative_to(root).as_posix() for table in TRACKED}
    dates = _commit_dates(root, list(relative.values()))
    changes: list[Change] = []
    for table in TRACKED:
        log = (_git(root, "log", "--topo-order", "--reverse", "--format=%H", "--", relative[table]) or b"").decode("ascii")
        previous: dict = {}
        valid: set = set()
        for commit in log.split():
            raw = _git(root, "show", f"{commit}:{relative[table]}")
            current = published_values(raw, area, table, valid) if raw is not None else None
            if current is None:
                continue
            changes += value_changes(table, previous, current, dates[commit], commit)
            previous = current
    changes.reverse()  # newest commit first; the stable sort keeps that order within a day
    changes.sort(key=lambda c: c.date, reverse=True)
    return changes
