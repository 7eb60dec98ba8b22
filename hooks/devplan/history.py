"""What changed in the published numbers, read from the git history of the data folder.

A reporter who downloaded a figure last month sees here that it was revised, when, and
from what, instead of finding a silently different number.
"""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

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


def _git(data_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=data_dir, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def _values(text: str) -> dict[tuple[str, int], tuple[str, str | None]]:
    values = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        try:
            key = (row["indicator_id"].strip(), int(row["year"]))
            values[key] = (row["value"].strip(), (row.get("status") or "").strip() or None)
        except (KeyError, ValueError, AttributeError):
            continue  # a broken historical version: skip the row, keep the rest
    return values


def _normalise(value: str) -> str:
    try:
        return repr(float(value))
    except ValueError:
        return value


def data_changes(data_dir: str | Path) -> list[Change] | None:
    """Every value added, revised or removed, newest first; None outside a git work tree."""
    data_dir = Path(data_dir).resolve()
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(top.strip()).resolve()
    changes: list[Change] = []
    for table in TRACKED:
        relative = (data_dir / f"{table}.csv").relative_to(root).as_posix()
        log = _git(root, "log", "--reverse", "--format=%H %cs", "--", relative) or ""
        previous: dict = {}
        for line in log.splitlines():
            commit, date = line.split()
            text = _git(root, "show", f"{commit}:{relative}")
            current = _values(text) if text is not None else {}
            for key in sorted(set(previous) | set(current)):
                old, new = previous.get(key), current.get(key)
                if old == new:
                    continue
                if old is None:
                    kind = "added"
                elif new is None:
                    kind = "removed"
                elif _normalise(old[0]) != _normalise(new[0]) or old[1] != new[1]:
                    kind = "revised"
                else:
                    continue
                changes.append(Change(date, commit, table, key[0], key[1], kind, old and old[0], new and new[0],
                                      old and old[1], new and new[1]))
            previous = current
    changes.reverse()  # newest commit first; the stable sort keeps that order within a day
    changes.sort(key=lambda c: c.date, reverse=True)
    return changes
