"""What an imported workbook changes, in the words of the site's changes page: a sentence
per value added, revised or removed (model/history.py compares, render/changelog.py says
it), and a line per other row added, removed or edited, by table and key."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.problems import Package
from ..model.history import TRACKED, Change, compare, published_values, value_changes
from ..model.plan import Indicator
from ..render.changelog import sentence
from ..render.labels import label
from . import layout
from .csvfiles import read_csv

FIGURE = ("value", "status")  # what a value's sentence already says


@dataclass(frozen=True)
class RowChange:
    sheet: str
    key: str  # the row's key, e.g. "tourist-arrivals" or "pm25, 2024"
    kind: str  # added, removed or revised
    columns: tuple[str, ...] = ()  # the columns a revised row changed


@dataclass
class Changes:
    values: list[Change] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.values or self.rows)


def what_changed(before: Package, after: Package, descriptor: dict, area: str) -> Changes:
    """Every difference between two versions of the package's tables; a value of the own
    area `area` is said as the changes page says it, another area's as a row."""
    changes = Changes()
    for resource in descriptor["resources"]:
        name, path = resource["name"], resource["path"]
        old, new = read_csv(before.base / path), read_csv(after.base / path)
        tracked = name in TRACKED
        if tracked:
            old_values = published_values(old.raw, area, name) if old else {}
            new_values = published_values(new.raw, area, name) if new else {}
            changes.values += value_changes(name, old_values or {}, new_values or {})
        key = layout.primary_key(resource)

        def said(row: dict) -> bool:  # a value the sentences above already say
            return tracked and (row.get("area_id") or area) == area

        def same(o: dict, n: dict) -> bool:
            if said(n):
                return _without(o, FIGURE) == _without(n, FIGURE)
            return o == n

        for row_key, kind, o, n in compare(_rows(old, key), _rows(new, key), same=same):
            if said(n or o) and kind != "revised":
                continue
            columns = tuple(c for c in (n or o) if (o or {}).get(c) != (n or {}).get(c)
                            and not (said(n) and c in FIGURE)) if kind == "revised" else ()
            changes.rows.append(RowChange(layout.sheet_name(resource), ", ".join(row_key), kind, columns))
    return changes


def _rows(csv_file, key: list[str]) -> dict[tuple, dict]:
    rows = {}
    for record in (csv_file.records if csv_file else []):
        row = dict(zip(csv_file.header, record))
        rows.setdefault(tuple(row.get(k, "") for k in key), row)
    return rows


def _without(row: dict, columns: tuple[str, ...]) -> dict:
    return {k: v for k, v in row.items() if k not in columns}


def lines(changes: Changes, indicators: dict[str, Indicator], lang: str) -> list[str]:
    """The changes in one language, values first, as the changes page words them."""
    said = [sentence(c, indicators.get(c.indicator_id), lang) for c in changes.values]
    for row in changes.rows:
        words = {"added": "workbook_row_added", "removed": "workbook_row_removed", "revised": "workbook_row_revised"}
        said.append(label(words[row.kind], lang, sheet=row.sheet, key=row.key, columns=", ".join(row.columns)))
    return said
