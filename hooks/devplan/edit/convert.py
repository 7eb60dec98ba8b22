"""An uploaded workbook back into the package's CSV files, checked as the build checks them.

Each cell becomes text by its column's schema type, not by how the spreadsheet stored it
(LibreOffice may store 2019 as 2019.0, a date as a datetime): a number keeps the spelling
its row had when it is the same number (28.0 stays 28.0), and an unchanged row keeps its
bytes, so a workbook uploaded unchanged gives byte-identical files. What a CSV cannot
hold faithfully is refused at its cell: formulas, error values, dates where text belongs.
The files are written to a copy of the package and validated there; only a valid whole
replaces the package's files. A refused import writes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from ..check.cells import INTEGER, NUMBER, compared_as_written
from ..check.problems import display_path, find_descriptor
from ..check.tables import read_package
from ..model.areas import UnknownArea
from ..model.plan import Indicator, build_model
from . import layout
from .csvfiles import read_csv, record_lines, render
from .located import Located
from .readbook import Refused, read_workbook
from .whatchanged import Changes, what_changed


@dataclass
class Result:
    """What an import found and did."""

    problems: list[Located] = field(default_factory=list)
    changed: dict[str, bytes] = field(default_factory=dict)  # CSV path in the package -> its new bytes
    changes: Changes | None = None  # what changed, when the import is valid
    indicators: dict[str, Indicator] = field(default_factory=dict)  # to name values in words
    stale: bool = False  # made from other data than the package holds now
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def import_workbook(upload: str | Path, data_dir: str | Path, area: str, *, write: bool = True) -> Result:
    """Convert, validate and (when valid and `write`) replace the changed CSV files. `area`
    is the site's own area (mkdocs.yml extra.devplan.area): its values are said in words."""
    upload, base = Path(upload), find_descriptor(data_dir).parent
    current = read_package(base)
    if not current.tables:  # the description itself is broken: no table was read
        return Result([Located.about_file(p.file, p.code, p.message_en, p.message_th) for p in current.problems])
    descriptor = current.descriptor
    try:
        tables, problems, keys = read_workbook(upload, descriptor, display_path(upload))
    except Refused as refusal:
        return Result(refusal.problems)
    originals = {r["name"]: read_csv(base / r["path"]) for r in descriptor["resources"]}
    converted: dict[str, _Converted] = {}
    for resource in descriptor["resources"]:
        table = tables.get(resource["name"])
        if table is not None:
            converted[resource["name"]] = _convert(table, resource, originals[resource["name"]], problems)
    with tempfile.TemporaryDirectory(prefix="workbook-") as folder:
        copy = Path(folder) / "data"
        shutil.copytree(base, copy, symlinks=True)
        for item in converted.values():
            (copy / item.path).unlink(missing_ok=True)  # a link is replaced, never written through
            (copy / item.path).write_bytes(item.data)
        checked = read_package(copy)
        result = Result(_locate(problems, checked.problems, converted, copy, base))
        if result.ok:
            try:  # the build refuses a package without the site's own area: so does the import
                model = build_model(checked, area)
            except UnknownArea as problem:
                en, th = str(problem).split(" / ", 1)
                return Result([Located.about_file(display_path(upload), "unknown-area", en, th)])

            result.changed = {c.path: c.data for c in converted.values() if originals[c.name] is None
                              or c.data != originals[c.name].raw}
            result.changes = what_changed(current, checked, descriptor, area)
            result.indicators = {**_indicators(current, area), **model.indicators}
            result.stale = keys.get(layout.VERSION_KEY) != layout.data_version(base, descriptor)
    if result.ok and write:
        for path, data in result.changed.items():
            _replace(base / path, data)
        result.written = True
    return result


def _indicators(package, area: str) -> dict[str, Indicator]:
    """The current package's indicators by id, to name removed values in words."""
    try:
        return build_model(package, area).indicators if package.ok else {}
    except UnknownArea:
        return {}


@dataclass
class _Converted:
    name: str
    path: str
    sheet: str
    header: list[str]
    numbers: list[int]  # sheet row of each record
    data: bytes = b""
    lines: list[int] = field(default_factory=list)  # CSV line of the header and each record


def _convert(table, resource: dict, original, problems: list[Located]) -> _Converted:
    specs = {f["name"]: f for f in resource["schema"]["fields"]}
    links = layout.references(resource)
    key = layout.primary_key(resource)
    header = table.header
    originals, places = {}, {}
    if original is not None:
        for place, record in enumerate(original.records):
            row = dict(zip(original.header, record))
            originals.setdefault(_key(row, key, specs), row)
            places.setdefault(_key(row, key, specs), place)
    records, order = [], []
    for number, cells in zip(table.numbers, table.rows):
        row, numeric = {}, []
        texts = []
        for c, (value, kind) in enumerate(cells):
            name = header[c].strip()
            spec = specs.get(name, {"name": name, "type": "string"})
            text, refusal = cell_text(value, kind, spec)
            if refusal:
                problems.append(Located.in_sheet(table.sheet, number, c, *refusal))
            if name in links:
                text = layout.strip_name(text)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and spec.get("type") in ("number", "integer"):
                numeric.append(c)
            texts.append(text)
            row.setdefault(name, text)
        earlier = originals.get(_key(row, key, specs))
        for c in numeric:  # the same number keeps the spelling it had (28.0, 1e3)
            written = (earlier or {}).get(header[c].strip(), "")
            if NUMBER.fullmatch(written) and float(written) == float(texts[c]):
                texts[c] = written
        records.append(texts)
        place = places.get(_key(row, key, specs))  # a new (or blank) row follows the row above it
        order.append((place, 0, len(order)) if place is not None else ((order[-1][0] if order else -1), 1, len(order)))
    for at in reversed(range(len(order))):  # and rows added below the last one end the file
        if order[at][1] == 0:
            break
        order[at] = (len(places), 1, at)
    # A sorted sheet keeps the file's order (the rows it had where they were), so the pull
    # request's diff shows the changed lines only.
    ranked = sorted(range(len(records)), key=order.__getitem__)
    records, numbers = [records[i] for i in ranked], [table.numbers[i] for i in ranked]
    item = _Converted(resource["name"], resource["path"], table.sheet, header, numbers)
    item.data = render(header, records, original)
    item.lines = record_lines(item.data)
    return item


def _key(row: dict, key: list[str], specs: dict) -> tuple:
    """A row's primary key as text, integers written one way (2019, not 02019)."""
    return tuple(str(int(row.get(k, ""))) if specs.get(k, {}).get("type") == "integer" and INTEGER.fullmatch(row.get(k, ""))
                 else row.get(k, "") for k in key)


def cell_text(value, kind: str, spec: dict) -> tuple[str, tuple | None]:
    """A cell as CSV text by its column's type, or why it cannot be: (code, en, th)."""
    if value is None:
        return "", None
    if kind == "f" or not isinstance(value, (str, int, float, dt.date, dt.time, dt.timedelta)):
        return "", ("formula-cell", f"this cell holds a formula ({str(getattr(value, 'text', value))[:40]}): "
                               "formulas are never calculated here; type the value itself",
                    f"เซลล์นี้มีสูตร ({str(getattr(value, 'text', value))[:40]}) ระบบไม่คำนวณสูตร กรุณาพิมพ์ค่าลงไปเอง")
    if kind == "e":
        return "", ("error-value", f"this cell shows the error {value}: type the value itself",
                    f"เซลล์นี้แสดงข้อผิดพลาด {value} กรุณาพิมพ์ค่าลงไปเอง")
    field_type = spec.get("type", "string")
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        if field_type == "date" and isinstance(value, dt.date) and (
                not isinstance(value, dt.datetime) or value.time() == dt.time()):
            return value.strftime("%Y-%m-%d"), None
        return "", ("date-cell", "this cell holds a date or time (the spreadsheet turned what was typed into one): "
                                 "format the cell as Text and type it again",
                    "เซลล์นี้เก็บเป็นวันที่หรือเวลา (โปรแกรมตารางคำนวณแปลงสิ่งที่พิมพ์เป็นวันที่) "
                    "กรุณาจัดรูปแบบเซลล์เป็นข้อความ (Text) แล้วพิมพ์ใหม่")
    if isinstance(value, (int, float)):
        text = number_text(value)
        if field_type == "date":
            return "", ("number-as-date", f"this date is stored as the number {text}: type it as YYYY-MM-DD, e.g. 2025-01-31",
                        f"วันที่นี้ถูกเก็บเป็นตัวเลข {text} กรุณาพิมพ์เป็น ปปปป-ดด-วว (ค.ศ.) เช่น 2025-01-31")
        if field_type == "string" and compared_as_written(spec):
            return "", ("number-as-text", f"this cell holds the number {text}, but '{spec['name']}' is text (an id or a code; "
                                          "a date the spreadsheet stored as a number looks like this too): "
                                          "format the cell as Text and type it again",
                        f"เซลล์นี้เก็บเป็นตัวเลข {text} แต่ '{spec['name']}' ต้องเป็นข้อความ (รหัส; วันที่ที่โปรแกรมเก็บเป็นตัวเลข "
                        "ก็มีลักษณะนี้) กรุณาจัดรูปแบบเซลล์เป็นข้อความ (Text) แล้วพิมพ์ใหม่")
        return text, None
    return value, None


def number_text(value: int | float) -> str:
    """2019.0 -> '2019', 0.1 -> '0.1', 1e-05 -> '0.00001': at most 15 significant digits,
    as the validator accepts them (a spreadsheet may store 12.300000000000001)."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    text = format(value, ".15g")
    return format(Decimal(text), "f") if "e" in text else text


def _locate(found: list[Located], checked: list, converted: dict, copy: Path, base: Path) -> list[Located]:
    """Every problem with both its workbook place and its CSV place, in the package's terms."""
    by_path = {c.path: c for c in converted.values()}
    refused = {(p.sheet, p.row, p.column) for p in found}
    located = []
    for item in found:
        table = next((c for c in converted.values() if c.sheet == item.sheet), None)
        located.append(_with_csv(item, table, base) if table else item)
    for problem in checked:
        relative = _relative(problem.file, copy)
        shown = display_path(base / relative) if relative else problem.file
        table = by_path.get(relative)
        if table is None:
            located.append(Located.about_file(shown, problem.code, problem.message_en, problem.message_th).at_csv(
                shown, problem.row, problem.column))
            continue
        row, column = _sheet_place(table, problem.row, problem.column)
        if (table.sheet, row, column) not in refused:
            located.append(Located(table.sheet, row, column, replace(problem, file=shown)))
    return located


def _relative(file: str, copy: Path) -> str | None:
    try:
        return Path(file).resolve().relative_to(copy.resolve()).as_posix()
    except ValueError:
        return None


def _sheet_place(table: _Converted, line: int | None, column: str | None) -> tuple[int | None, int | None]:
    names = [h.strip() for h in table.header]
    at = names.index(column) if column in names else (
        int(column[1:]) - 1 if column and column.startswith("#") and column[1:].isdigit() else None)
    if line is None:
        return None, at
    index = bisect_right(table.lines, line) - 1  # 0 is the header
    return (layout.FIELD_ROW if index <= 0 else table.numbers[index - 1]), at


def _with_csv(item: Located, table: _Converted, base: Path) -> Located:
    shown = display_path(base / table.path)
    line = None
    if item.row == layout.FIELD_ROW:
        line = 1
    elif item.row in table.numbers:
        line = table.lines[table.numbers.index(item.row) + 1]
    column = table.header[item.column].strip() if item.column is not None and item.column < len(table.header) else None
    return item.at_csv(shown, line, column)


def _replace(path: Path, data: bytes) -> None:
    """One file replaced in one step: an interrupted import never leaves half a file."""
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, path)
