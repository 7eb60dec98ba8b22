"""Read the Data Package and check every cell against its Table Schema and project rules.

Errors are data (frictionless-py's habit): each problem is a `Problem` with the file, the
row a spreadsheet shows (header = row 1), the column and a message in English and Thai.
We read the CSV ourselves instead of calling `frictionless.validate` because, measured on
frictionless 5.21: it reports a final blank line as a blank row with a broken primary key,
stops checking tables whose foreign keys point at a broken file, and gives no row for an
encoding error. The same schema drives both, and the shipped package passes both (tests).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import yaml

from .cells import Patterns, check_cell
from .descriptor import check_descriptor, line_of, load_yaml, unsafe_reason
from .encoding import NotUtf8, csv_text
from .problems import DESCRIPTOR_NAME, Package, Problem, display_path, find_descriptor
from .rules import check_rules  # project rules, once every table is read
from .texts import MAX_CELL

_UNSEEN = object()  # a cell text not yet checked in its column
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # a line and its ending, as written


def read_package(path: str | Path) -> Package:
    """Read and check the whole package; never raises for bad data, never writes."""
    descriptor_path = find_descriptor(path)
    shown = display_path(descriptor_path)
    reason = unsafe_reason(descriptor_path.parent, descriptor_path.name)
    if reason:
        return _fail(descriptor_path, shown, "unsafe-file", *reason)
    try:
        text = descriptor_path.read_text(encoding="utf-8-sig")
        descriptor = json.loads(text) if descriptor_path.suffix == ".json" else load_yaml(text)
    except FileNotFoundError:
        others = sorted(p.name for p in descriptor_path.parent.glob("datapackage.*"))
        if others:
            return _fail(descriptor_path, shown, "descriptor-name",
                         f"the package description must be called {DESCRIPTOR_NAME} (found {', '.join(others)}): rename it",
                         f"ไฟล์คำอธิบายชุดข้อมูลต้องชื่อ {DESCRIPTOR_NAME} (พบ {', '.join(others)}) กรุณาเปลี่ยนชื่อ")
        return _fail(descriptor_path, shown, "missing-descriptor",
                     "no datapackage.yaml here: is this the data folder?",
                     "ไม่พบไฟล์ datapackage.yaml: โฟลเดอร์นี้ใช่โฟลเดอร์ข้อมูลหรือไม่")
    except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        return _fail(descriptor_path, shown, "descriptor-error",
                     f"the package description cannot be read: {error}",
                     f"อ่านไฟล์คำอธิบายชุดข้อมูลไม่ได้: {error}")
    package = Package(descriptor=descriptor if isinstance(descriptor, dict) else {}, base=descriptor_path.parent)

    def add(place, label, code, en, th):
        package.problems.append(Problem(shown, line_of(text, place), label, code, en, th))

    if not check_descriptor(descriptor, add):
        return package
    for resource in descriptor["resources"]:
        _read_table(package, resource)
    for resource in descriptor["resources"]:
        _check_keys(package, resource)
    package.problems.extend(check_rules(package))
    package.problems.sort(key=lambda p: (p.file, p.row or 0, _column_order(package, p), p.code))
    return package


# docs/search-words.csv: everyday words readers type and the word of the pages each finds
# (publish/search.py). Not a table of the package, but read and checked like one.
SEARCH_WORDS = {"name": "search-words", "path": "search-words.csv", "schema": {
    "primaryKey": ["typed", "finds"],
    "fields": [{"name": "typed", "constraints": {"required": True}}, {"name": "finds", "constraints": {"required": True}}]}}


def read_search_words(folder: str | Path) -> Package:
    """The search words of the site's docs folder (a table "search-words" in `tables`), with
    every problem located like a package table's; no file means no words."""
    package = Package(descriptor={"resources": [SEARCH_WORDS]}, base=Path(folder))
    path = package.base / SEARCH_WORDS["path"]
    if path.exists() or path.is_symlink():
        _read_table(package, SEARCH_WORDS)
        _check_keys(package, SEARCH_WORDS)
    else:
        package.tables["search-words"], package.row_numbers["search-words"] = [], []
    return package


def _fail(descriptor_path: Path, shown: str, code: str, en: str, th: str) -> Package:
    package = Package(descriptor={}, base=descriptor_path.parent)
    package.problems.append(Problem(shown, None, None, code, en, th))
    return package


def _column_order(package: Package, problem: Problem) -> int:
    for resource in package.descriptor.get("resources", []):
        names = [f["name"] for f in resource["schema"]["fields"]]
        if problem.column in names and problem.file.endswith(resource["path"]):
            return names.index(problem.column)
    return -1


# --- reading one table -------------------------------------------------------------------


def _read_table(package: Package, resource: dict) -> None:
    path = package.base / resource["path"]
    shown = display_path(path)
    name = resource["name"]
    problems = package.problems

    def add(row, column, code, en, th):
        problems.append(Problem(shown, row, column, code, en, th))

    reason = unsafe_reason(package.base, resource["path"])
    if reason:  # never opened: it could be any file of the machine, or a device that never ends
        add(None, None, "unsafe-file", *reason)
        return
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        add(None, None, "missing-file",
            f"file not found: the package lists '{resource['path']}' but it is not in the folder",
            f"ไม่พบไฟล์: ชุดข้อมูลระบุ '{resource['path']}' แต่ไม่มีไฟล์นี้ในโฟลเดอร์")
        return
    try:
        text = csv_text(raw)
    except NotUtf8 as error:
        add(error.line, None, "not-utf8", error.en, error.th)
        return

    # Rows are numbered by the line they start on, as GitHub and a text editor show them
    # (a spreadsheet counts the same until a cell holds a line break).
    records, end = [], 0
    del raw
    # Lines as io.StringIO(text, newline="") gives them, without its copy of the whole text.
    reader = csv.reader((line.group() for line in LINE.finditer(text)), strict=True)
    # Cells repeat (ids, codes, statuses, notes): one string per distinct text keeps the
    # model (shared by every job of a build) about a third smaller.
    same: dict[str, str] = {}
    try:
        for record in reader:
            records.append((end + 1, [same.setdefault(cell, cell) for cell in record]))
            end = reader.line_num
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # the csv module's own cap, far above a cell's
            add(end + 1, None, "cell-too-long",
                f"a cell from this row on holds more than {csv.field_size_limit():,} characters: a spreadsheet cell "
                f"holds at most {MAX_CELL:,}; shorten it, or look for an unclosed double quote (\")",
                f"มีช่องตั้งแต่แถวนี้ที่ยาวเกิน {csv.field_size_limit():,} ตัวอักษร แต่ช่องของสเปรดชีตรับได้ไม่เกิน "
                f"{MAX_CELL:,} ตัว กรุณาย่อให้สั้นลง หรือตรวจหาเครื่องหมายคำพูด (\") ที่ไม่ได้ปิด")
            return
        add(end + 1, None, "unparsable-csv",
            f"the CSV cannot be read from this row on ({error}); look for a stray or unclosed double quote (\")",
            f"อ่านไฟล์ CSV ไม่ได้ตั้งแต่แถวนี้ ({error}) ตรวจหาเครื่องหมายคำพูด (\") ที่เกินหรือไม่ได้ปิด")
        return
    if not records:
        add(1, None, "empty-file", "the file is empty: the header row is missing",
            "ไฟล์ว่างเปล่า: ไม่มีแถวหัวตาราง")
        return

    fields = resource["schema"]["fields"]
    header = records[0][1]
    positions = _check_header(header, fields, add)
    # A final blank line (or several) is what many editors leave behind: not a problem.
    while len(records) > 1 and not "".join(records[-1][1]).strip():
        records.pop()

    rows, numbers, patterns = [], [], Patterns()
    names = [spec["name"] for spec in fields]
    indexes = [positions.get(field_name) for field_name in names]
    as_expected = indexes == list(range(len(header)))  # the header is the schema's: a cell per field, in order
    # A cell's check depends on its text and column only: a text that passed once in a column
    # passes again (ids, years, statuses and sources repeat on most rows; a third of reading
    # the package at 1,000 indicators). Each column's cache is looked up for a whole row at once.
    passed: list[dict[str, object]] = [{} for _ in fields]
    unseen = [_UNSEEN] * len(fields)

    def checked(column: int, raw_cell: str, row_number: int):
        found = len(problems)
        value = check_cell(raw_cell, fields[column], row_number, add, patterns)
        if len(problems) == found:
            passed[column][raw_cell] = value
        return value

    for row_number, record in records[1:]:
        if not "".join(record).strip():
            add(row_number, None, "blank-row", "this row is empty: delete it",
                "แถวนี้ว่างเปล่า: กรุณาลบแถวนี้")
            continue
        if len(record) != len(header):
            add(row_number, None, "wrong-cell-count",
                f"this row has {len(record)} cells but the header has {len(header)}; "
                "check for a missing comma or a comma inside text that is not in double quotes",
                f"แถวนี้มี {len(record)} ช่อง แต่หัวตารางมี {len(header)} ช่อง "
                "ตรวจว่าขาดเครื่องหมายจุลภาค หรือมีจุลภาคในข้อความที่ไม่ได้ครอบด้วยเครื่องหมายคำพูด")
        if as_expected and len(record) == len(fields):
            values = list(map(dict.get, passed, record, unseen))
            while _UNSEEN in values:  # left to right, as the problems are listed
                column = values.index(_UNSEEN)
                values[column] = checked(column, record[column], row_number)
        else:  # a header problem is reported once (its field is None on every row), a short row's cells are empty
            values = []
            for column, index in enumerate(indexes):
                raw_cell = record[index] if index is not None and index < len(record) else ""
                value = None if index is None else passed[column].get(raw_cell, _UNSEEN)
                values.append(checked(column, raw_cell, row_number) if value is _UNSEEN else value)
        rows.append(dict(zip(names, values)))
        numbers.append(row_number)
    package.tables[name] = rows
    package.row_numbers[name] = numbers


def _check_header(header: list[str], fields: list[dict], add) -> dict[str, int]:
    """Map each schema field to its column index, reporting missing, extra and renamed."""
    expected = [f["name"] for f in fields]
    found = [h.strip() for h in header]
    positions = {name: found.index(name) for name in expected if name in found}
    for raw, name in zip(header, found):
        if raw != name and name in expected:  # published as typed: other tools then miss the column
            add(1, name, "extra-spaces", f"'{name}' has spaces before or after it: remove them",
                f"'{name}' มีช่องว่างอยู่ข้างหน้าหรือข้างหลัง กรุณาลบออก")
    missing = [name for name in expected if name not in found]
    extra = [(i, name) for i, name in enumerate(found) if name not in expected]
    for i, name in extra:
        renamed_from = expected[i] if i < len(expected) and expected[i] in missing else None
        if renamed_from:
            missing.remove(renamed_from)
            add(1, name, "renamed-column",
                f"column '{name}' should be called '{renamed_from}'",
                f"คอลัมน์ '{name}' ต้องชื่อ '{renamed_from}'")
        else:
            add(1, name or f"#{i + 1}", "extra-column",
                f"unexpected column '{name}': the columns are {', '.join(expected)}",
                f"มีคอลัมน์ '{name}' เกินมา: คอลัมน์ที่ถูกต้องคือ {', '.join(expected)}")
    for name in missing:
        add(1, name, "missing-column",
            f"column '{name}' is missing: add it to the header row",
            f"ไม่มีคอลัมน์ '{name}': กรุณาเพิ่มในแถวหัวตาราง")
    if not missing and not extra and found != expected:
        add(1, None, "column-order",
            f"the columns are out of order: expected {', '.join(expected)}",
            f"ลำดับคอลัมน์ไม่ถูกต้อง: ต้องเป็น {', '.join(expected)}")
    return positions


# --- keys across rows and tables -----------------------------------------------------------


def _check_keys(package: Package, resource: dict) -> None:
    name = resource["name"]
    if name not in package.tables:
        return
    shown = display_path(package.base / resource["path"])
    rows, numbers = package.tables[name], package.row_numbers[name]
    schema = resource["schema"]
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    if key:
        first_seen: dict[tuple, int] = {}
        for row, number in zip(rows, numbers):
            value = tuple(row[k] for k in key)
            if None in value:
                continue
            if value in first_seen:
                shown_value = ", ".join(str(v) for v in value)
                package.problems.append(Problem(
                    shown, number, key[-1], "duplicate-key",
                    f"'{shown_value}' appears twice (first in row {first_seen[value]}): each {' + '.join(key)} must be unique",
                    f"'{shown_value}' ซ้ำกัน (ครั้งแรกที่แถว {first_seen[value]}): {' + '.join(key)} ต้องไม่ซ้ำกัน"))
            else:
                first_seen[value] = number
    for foreign in schema.get("foreignKeys", []):
        (column,) = foreign["fields"] if isinstance(foreign["fields"], list) else [foreign["fields"]]
        target = foreign["reference"]["resource"]
        (target_column,) = foreign["reference"]["fields"] if isinstance(foreign["reference"]["fields"], list) else [foreign["reference"]["fields"]]
        if target not in package.tables:
            continue  # the target table's own problem is already reported
        known = {r[target_column] for r in package.tables[target]}
        target_file = Path(display_path(package.base / _resource(package, target)["path"])).name
        for row, number in zip(rows, numbers):
            if row[column] is not None and row[column] not in known:
                package.problems.append(Problem(
                    shown, number, column, "unknown-reference",
                    f"'{row[column]}' is not a {target_column} in {target_file}: fix the spelling or add that row first",
                    f"ไม่พบ '{row[column]}' ในคอลัมน์ {target_column} ของ {target_file}: แก้การสะกด หรือเพิ่มแถวนั้นก่อน"))


def _resource(package: Package, name: str) -> dict:
    return next(r for r in package.descriptor["resources"] if r["name"] == name)
