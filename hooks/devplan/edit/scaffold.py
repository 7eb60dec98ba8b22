"""Start a new indicator: append its row to indicators.csv and say what is left to fill in.

`add_indicator` writes only what the maintainer gave (id, goal and optionally source,
direction, kind of year, decimals) and leaves every text a reader sees empty: the Thai and
English names, units, agencies and methods must be written by a person. It then runs the
validator, whose problems on the new row are exactly the list of what is left to fill in.
The file keeps its encoding (UTF-8 with or without BOM) and line endings; the new row's
cells follow the column order of data/datapackage.yaml.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..check.tables import Problem, display_path, find_descriptor, read_package

BOM = "\ufeff"


class ScaffoldError(Exception):
    """Why nothing was written, in English and Thai."""

    def __init__(self, message_en: str, message_th: str):
        super().__init__(f"{message_en} / {message_th}")
        self.message_en = message_en
        self.message_th = message_th


@dataclass
class Scaffold:
    """What `add_indicator` wrote and what the validator now says about it."""

    path: Path                      # the indicators CSV
    indicator_id: str
    row: int                        # the new row as a spreadsheet numbers it (header = 1)
    gaps: list[Problem]             # the validator's problems on the new row
    other_problems: list[Problem]   # problems elsewhere in the package (not caused by this)
    descriptions: dict[str, tuple[str, str]]  # each column's description in datapackage.yaml (en, th)


def add_indicator(data: str | Path, indicator_id: str, goal_id: str, *, source_id: str | None = None,
                  direction: str | None = None, year_type: str | None = None, decimals: int = 0) -> Scaffold:
    """Append a row for a new indicator; raise ScaffoldError (writing nothing) if it can't be right."""
    descriptor_path = find_descriptor(data)
    try:
        descriptor = yaml.safe_load(descriptor_path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ScaffoldError(f"no datapackage.yaml in {display_path(descriptor_path.parent)}: is this the data folder?",
                            f"ไม่พบไฟล์ datapackage.yaml ใน {display_path(descriptor_path.parent)}: "
                            "โฟลเดอร์นี้ใช่โฟลเดอร์ข้อมูลหรือไม่") from None
    base = descriptor_path.parent
    resources = {r["name"]: r for r in descriptor["resources"]}
    indicators = resources["indicators"]
    fields = {f["name"]: f for f in indicators["schema"]["fields"]}
    path = base / indicators["path"]
    shown = display_path(path)

    _check_id(indicator_id, fields["indicator_id"], "indicator_id")
    cells = {"indicator_id": indicator_id, "goal_id": goal_id, "decimals": str(decimals),
             "direction": direction or "", "year_type": year_type or "", "source_id": source_id or ""}
    for name in ("direction", "year_type"):
        allowed = fields[name]["constraints"]["enum"]
        if cells[name] and cells[name] not in allowed:
            raise ScaffoldError(f"{name} must be one of {', '.join(allowed)}, not '{cells[name]}'",
                                f"{name} ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ {', '.join(allowed)} ไม่ใช่ '{cells[name]}'")
    low, high = fields["decimals"]["constraints"]["minimum"], fields["decimals"]["constraints"]["maximum"]
    if not low <= decimals <= high:
        raise ScaffoldError(f"decimals must be between {low} and {high}, not {decimals}",
                            f"จำนวนตำแหน่งทศนิยมต้องอยู่ระหว่าง {low} ถึง {high} ไม่ใช่ {decimals}")

    text, bom, newline = _read_text(path, shown)
    header, records = _parse(text, shown)
    expected = list(fields)
    if [h.strip() for h in header] != expected:
        raise ScaffoldError(f"the header row of {shown} does not match datapackage.yaml: "
                            "run `python scripts/validate.py` and fix it first",
                            f"แถวหัวตารางของ {shown} ไม่ตรงกับ datapackage.yaml: "
                            "เรียก `python scripts/validate.py` แล้วแก้ก่อน")
    key = expected.index("indicator_id")
    existing = {record[key].strip() for record in records if len(record) > key}
    if indicator_id in existing:
        raise ScaffoldError(f"indicator '{indicator_id}' already exists in {shown}: choose another id",
                            f"มีตัวชี้วัด '{indicator_id}' อยู่แล้วใน {shown}: กรุณาใช้รหัสอื่น")
    _check_reference(base, resources["goals"], "goal_id", goal_id, "goal")
    if source_id:
        source_key = next(f for f in resources["sources"]["schema"]["fields"] if f["name"] == "source_id")
        _check_id(source_id, source_key, "source_id")
        _check_reference(base, resources["sources"], "source_id", source_id, "source")

    row = io.StringIO()
    csv.writer(row, lineterminator=newline).writerow([cells.get(name, "") for name in expected])
    kept = _without_trailing_blank_lines(text)
    _write(path, bom + kept + newline + row.getvalue())

    package = read_package(base)
    numbers = dict(zip((r["indicator_id"] for r in package.tables.get("indicators", [])),
                       package.row_numbers.get("indicators", [])))
    number = numbers.get(indicator_id, len(records) + 2)
    mine = [p for p in package.problems if p.file == display_path(path) and p.row == number]
    others = [p for p in package.problems if p not in mine]
    return Scaffold(path=path, indicator_id=indicator_id, row=number, gaps=mine, other_problems=others,
                    descriptions={name: (str(spec.get("description") or ""), str(spec.get("description_th") or ""))
                                  for name, spec in fields.items()})


def _check_id(value: str, spec: dict, name: str) -> None:
    pattern = spec["constraints"]["pattern"]
    if not re.fullmatch(pattern, value):
        raise ScaffoldError(
            f"'{value}' is not a valid {name}: use lowercase a-z, digits 0-9 and hyphens only, "
            "starting with a letter or digit, e.g. pm25-annual-mean",
            f"'{value}' ไม่ใช่รหัสที่ถูกต้อง: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีดกลางเท่านั้น "
            "ขึ้นต้นด้วยอักษรหรือตัวเลข เช่น pm25-annual-mean")


def _check_reference(base: Path, resource: dict, column: str, value: str, word: str) -> None:
    path = base / resource["path"]
    shown = display_path(path)
    text, _, _ = _read_text(path, shown)
    header, records = _parse(text, shown)
    names = [h.strip() for h in header]
    if column not in names:
        raise ScaffoldError(f"{shown} has no {column} column: run `python scripts/validate.py` and fix it first",
                            f"{shown} ไม่มีคอลัมน์ {column}: เรียก `python scripts/validate.py` แล้วแก้ก่อน")
    index = names.index(column)
    known = sorted({r[index].strip() for r in records if len(r) > index and r[index].strip()})
    if value not in known:
        close = difflib.get_close_matches(value, known, n=3)
        hint_en = f" Did you mean {', '.join(close)}?" if close else ""
        hint_th = f" หรือหมายถึง {', '.join(close)}" if close else ""
        raise ScaffoldError(f"unknown {word} '{value}': it is not a {column} in {shown}; add that row first.{hint_en}",
                            f"ไม่พบ '{value}' ในคอลัมน์ {column} ของ {shown}: กรุณาเพิ่มแถวนั้นก่อน{hint_th}")


def _read_text(path: Path, shown: str) -> tuple[str, str, str]:
    """The file's text without BOM, the BOM it had ('' or U+FEFF) and its line ending."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScaffoldError(f"{shown} is missing", f"ไม่พบไฟล์ {shown}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{shown} is not UTF-8: save it as 'CSV UTF-8' first (see `python scripts/validate.py`)",
                            f"{shown} ไม่ได้เข้ารหัส UTF-8: บันทึกเป็น 'CSV UTF-8' ก่อน "
                            "(ดู `python scripts/validate.py`)") from None
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom):]
    newline = "\r\n" if "\r\n" in text else "\n"
    return text, bom, newline


def _parse(text: str, shown: str) -> tuple[list[str], list[list[str]]]:
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise ScaffoldError(f"{shown} cannot be read as CSV ({error}): run `python scripts/validate.py` first",
                            f"อ่าน {shown} ไม่ได้ ({error}): เรียก `python scripts/validate.py` ก่อน") from None
    if not records:
        raise ScaffoldError(f"{shown} is empty: the header row is missing", f"{shown} ว่างเปล่า: ไม่มีแถวหัวตาราง")
    return records[0], records[1:]


def _without_trailing_blank_lines(text: str) -> str:
    """The text up to its last row with content, without the line ending after it."""
    lines = text.splitlines(keepends=True)
    while lines and re.fullmatch(r"[\s,]*", lines[-1]):
        lines.pop()
    return "".join(lines).rstrip("\r\n")


def _write(path: Path, text: str) -> None:
    """Replace the file in one step, so an interrupted write never leaves half a file."""
    temporary = path.with_name(path.name + ".new")
    temporary.write_bytes(text.encode("utf-8"))
    os.replace(temporary, path)


# --- what to tell the maintainer -----------------------------------------------------------


def describe(result: Scaffold) -> str:
    """Bilingual text: what was added, then each cell still to fill in with the validator's words."""
    shown = display_path(result.path)
    titles = result.descriptions
    lines = [f"Added indicator '{result.indicator_id}' as row {result.row} of {shown}.",
             f"เพิ่มตัวชี้วัด '{result.indicator_id}' เป็นแถวที่ {result.row} ของ {shown} แล้ว", ""]
    if result.gaps:
        lines += [f"Still to fill in on row {result.row} ({len(result.gaps)} cells):",
                  f"สิ่งที่ยังต้องกรอกในแถวที่ {result.row} ({len(result.gaps)} ช่อง):"]
        for problem in result.gaps:
            lines.append(f"  - {problem.column or problem.code}: {problem.message_en}")
            lines.append(f"    {problem.message_th}")
            words = " / ".join(w for w in titles.get(problem.column, ()) if w)
            if words:
                lines.append(f"    ({words})")
    else:
        lines += ["Nothing is left to fill in on this row.", "แถวนี้กรอกครบแล้ว"]
    lines += ["",
              "Then add its yearly values to observations.csv (and published targets to targets.csv),",
              "and check everything with: python scripts/validate.py",
              "จากนั้นเพิ่มค่ารายปีใน observations.csv (และค่าเป้าหมายที่ประกาศใน targets.csv)",
              "แล้วตรวจทั้งหมดด้วยคำสั่ง: python scripts/validate.py"]
    if result.other_problems:
        count = len(result.other_problems)
        lines += ["", f"The data also has {count} other problem{'s' if count != 1 else ''} elsewhere "
                      "(not caused by this row): python scripts/validate.py lists them.",
                  f"ข้อมูลยังมีปัญหาอื่นอีก {count} รายการ (ไม่ได้เกิดจากแถวนี้): "
                  "คำสั่ง python scripts/validate.py จะแสดงรายการ"]
    return "\n".join(lines)
