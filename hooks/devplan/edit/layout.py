"""The maintainer's workbook as both directions see it: workbook.py writes this shape and
readbook.py reads it back, so the two agree by construction.

A sheet per table of datapackage.yaml, named in Thai with the table's id in brackets
("ค่าที่วัดได้ (observations)"); three header rows (the Thai title, the English title, the
column's name in the CSV); data from row 4. A column that points at another table holds
"id — Thai name": the id is what the CSV keeps, the name is there to be read. Nothing
here names a table or a column: everything comes from the descriptor.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..check.descriptor import package_file
from ..publish.xlsxfile import column_letters

INSTRUCTIONS = "คำแนะนำ (instructions)"
LISTS = "รายการ (lists)"  # hidden: the drop-down lists too long to write inline
TITLE_TH_ROW, TITLE_EN_ROW, FIELD_ROW = 1, 2, 3  # rows as a spreadsheet numbers them
FIRST_DATA_ROW = 4
LAST_ROW = 1_048_576  # a sheet's last row in Excel and LibreOffice
NAME_SEPARATOR = " — "
PACKAGE_KEY, VERSION_KEY = "package", "data-version"  # cells of the instructions sheet, column A
SHEET_NAME_LENGTH = 31  # Excel's limit
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(resource: dict) -> str:
    """'ค่าที่วัดได้ (observations)': the short Thai title with the table's id, or as much of
    it as a sheet name can hold (31 characters), falling back to the id alone."""
    name = resource["name"]
    for thai in (resource.get("short_title_th"), resource.get("title_th")):
        if isinstance(thai, str) and thai.strip():
            candidate = f"{NOT_IN_SHEET_NAMES.sub(' ', thai.strip())} ({name})"
            if len(candidate) <= SHEET_NAME_LENGTH:
                return candidate
    return name[:SHEET_NAME_LENGTH]


def field_title(spec: dict, lang: str) -> str:
    """A column's title in Thai or English, falling back to its English title and its name."""
    return str(spec.get(f"title_{lang}") or spec.get("title") or spec["name"])


def references(resource: dict) -> dict[str, tuple[str, str]]:
    """Each column that points at another table: column -> (table, its key column)."""
    found = {}
    for foreign in resource["schema"].get("foreignKeys", []):
        fields = foreign["fields"] if isinstance(foreign["fields"], list) else [foreign["fields"]]
        target = foreign["reference"]["fields"]
        target = target if isinstance(target, list) else [target]
        found[fields[0]] = (foreign["reference"]["resource"], target[0])
    return found


def primary_key(resource: dict) -> list[str]:
    key = resource["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def name_column(resource: dict) -> str | None:
    """The column that names a row in Thai (name_th, title_th), shown beside its id."""
    return next((f["name"] for f in resource["schema"]["fields"]
                 if f["name"].endswith("_th") and f.get("type", "string") == "string"), None)


def strip_name(text: str) -> str:
    """'tourist-arrivals — จำนวนผู้เยี่ยมเยือน' -> 'tourist-arrivals' (ids hold no spaces)."""
    return text.split(NAME_SEPARATOR, 1)[0]


def cell(row: int, column: int) -> str:
    """'C14' for row 14 of the third column (columns counted from 0)."""
    return f"{column_letters(column)}{row}"


def data_version(base: Path, descriptor: dict) -> str:
    """A short fingerprint of every table's bytes: which data a workbook was made from."""
    digest = hashlib.sha256()
    for resource in descriptor["resources"]:
        digest.update(resource["name"].encode() + b"\0" + package_file(Path(base), resource["path"]).read_bytes())
    return digest.hexdigest()[:12]
