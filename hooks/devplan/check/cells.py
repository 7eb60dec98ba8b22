"""One cell checked against its field: type, emptiness, allowed values, pattern, range.

`check_cell` returns the typed value, or None after reporting through
add(row, column, code, en, th) why the cell is not acceptable.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

# A Buddhist Era year typed instead of C.E. lands in this range (C.E. 1957-2157).
BE_YEARS = range(2500, 2701)
BE_OFFSET = 543
# Dates a source can sensibly have been read on (the plans' own year range); zip files
# cannot even store a date before 1980 or after 2107.
DATE_YEARS = range(1990, 2101)
# Invisible control characters (C0 but tab and line breaks, DEL, C1): they come from copying
# out of PDFs, show as nothing or garbage, and spreadsheet files cannot hold them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Digits are ASCII only: Thai, Arabic-Indic or full-width digits would be read as numbers
# here but published as typed, so the downloads would disagree with each other.
INTEGER = re.compile(r"[+-]?[0-9]+")
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
URI = re.compile(r"https?://[^\s]+", re.ASCII)
EXACT_INTEGERS = 2 ** 53  # beyond this a JSON reader (JavaScript) changes the number


_TYPE_WORDS = {
    "integer": ("a whole number such as 2025", "จำนวนเต็ม เช่น 2025"),
    "number": ("a number such as 1234.5 (no thousands separators)", "ตัวเลข เช่น 1234.5 (ไม่ใส่จุลภาคคั่นหลักพัน)"),
    "date": ("a date written YYYY-MM-DD such as 2025-01-31", "วันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-01-31"),
}


def _cast(text: str, spec: dict):
    kind = spec.get("type", "string")
    if kind == "integer":
        if not INTEGER.fullmatch(text):
            raise ValueError
        return int(text)
    if kind == "number":
        if not NUMBER.fullmatch(text):
            raise ValueError
        return float(text)
    if kind == "date":
        if not DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    if spec.get("format") == "uri" and not URI.fullmatch(text):
        raise ValueError
    return text


def compared_as_written(spec: dict) -> bool:
    """Cells compared as they are written (ids, codes, numbers, dates, addresses): spaces
    around them would be stripped here but kept in the published files, which other tools
    then reject, so they are refused instead."""
    constraints = spec.get("constraints", {})
    return (spec.get("type", "string") != "string" or spec["name"].endswith("_id") or "format" in spec
            or "enum" in constraints or "pattern" in constraints)


def check_cell(raw: str, spec: dict, row: int, add):
    """The typed value of one cell, or None after reporting why it is not acceptable."""
    name = spec["name"]
    text = raw.strip()
    constraints = spec.get("constraints", {})
    control = CONTROL.search(raw)
    if control:  # the cell is never echoed: its invisible characters would garble the message
        add(row, name, "control-character",
            f"character {control.start() + 1} of this cell is an invisible control character "
            f"(U+{ord(control.group()):04X}), often left by copying from a PDF: retype the cell",
            f"อักขระที่ {control.start() + 1} ของช่องนี้เป็นอักขระควบคุมที่มองไม่เห็น (U+{ord(control.group()):04X}) "
            "มักติดมาจากการคัดลอกจาก PDF กรุณาพิมพ์ช่องนี้ใหม่")
        return None
    if text != raw and compared_as_written(spec):
        if text:
            add(row, name, "extra-spaces", f"'{text}' has spaces before or after it: remove them",
                f"'{text}' มีช่องว่างอยู่ข้างหน้าหรือข้างหลัง กรุณาลบออก")
        else:
            add(row, name, "extra-spaces", "this cell holds only spaces: delete them",
                "ช่องนี้มีแต่ช่องว่าง กรุณาลบช่องว่างออก")
        return None
    if text == "":
        if constraints.get("required"):
            language = _language_of(name)
            if language:
                add(row, name, "missing-text",
                    f"{language[0]} text is missing: every text a reader sees needs Thai and English",
                    f"ไม่มีข้อความภาษา{language[1]}: ทุกข้อความที่ผู้อ่านเห็นต้องมีทั้งภาษาไทยและภาษาอังกฤษ")
            else:
                add(row, name, "missing-value", f"'{name}' must not be empty",
                    f"ช่อง '{name}' ต้องไม่ว่าง")
        return None
    try:
        value = _cast(text, spec)
    except ValueError:
        if spec.get("format") == "uri":
            add(row, name, "wrong-type", f"'{text}' is not a web address starting with https://",
                f"'{text}' ไม่ใช่ที่อยู่เว็บที่ขึ้นต้นด้วย https://")
        elif spec["type"] == "date" and DATE.fullmatch(text) and int(text[:4]) in BE_YEARS:
            _buddhist_era(add, row, name, text, int(text[:4]))  # e.g. 2568-02-29: no such C.E. day
        else:
            en, th = _TYPE_WORDS[spec["type"]]
            add(row, name, "wrong-type", f"'{text}' is not {en}", f"'{text}' ไม่ใช่{th}")
        return None
    if isinstance(value, (int, float)) and not _exact(text, value):
        add(row, name, "inexact-number",
            f"{text} cannot be stored exactly (too large, too close to zero or too many digits): "
            "write at most 15 significant digits",
            f"{text} เก็บเป็นตัวเลขได้ไม่ตรง (ใหญ่เกินไป ใกล้ศูนย์เกินไป หรือมีหลักมากเกินไป) "
            "กรุณาใช้ตัวเลขนัยสำคัญไม่เกิน 15 หลัก")
        return None
    if isinstance(value, dt.date) and value.year not in DATE_YEARS:
        if value.year in BE_YEARS:
            _buddhist_era(add, row, name, text, value.year)
        else:
            add(row, name, "out-of-range", f"{text} is out of range: dates must be in {DATE_YEARS[0]}-{DATE_YEARS[-1]}",
                f"{text} อยู่นอกช่วงที่ยอมรับ: วันที่ต้องอยู่ในปี ค.ศ. {DATE_YEARS[0]}-{DATE_YEARS[-1]}")
        return None
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(constraints["enum"])
        add(row, name, "not-allowed", f"'{text}' is not one of the allowed values: {allowed}",
            f"'{text}' ไม่ใช่ค่าที่อนุญาต ค่าที่ใช้ได้คือ {allowed}")
        return None
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        add(row, name, "bad-id" if name.endswith("_id") else "bad-pattern",
            f"'{text}' is not a valid {name}: use lowercase a-z, digits 0-9 and hyphens only, e.g. pm25-annual-mean"
            if name.endswith("_id") else f"'{text}' does not have the expected form ({constraints['pattern']})",
            f"'{text}' ไม่ใช่รหัสที่ถูกต้อง: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีดกลางเท่านั้น เช่น pm25-annual-mean"
            if name.endswith("_id") else f"'{text}' ไม่อยู่ในรูปแบบที่กำหนด ({constraints['pattern']})")
        return None
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        if "year" in name and spec["type"] == "integer" and value in BE_YEARS:
            _buddhist_era(add, row, name, text, value)
        else:
            en, th = _range_words(low, high)
            add(row, name, "out-of-range", f"{text} is out of range: it must be {en}",
                f"{text} อยู่นอกช่วงที่ยอมรับ: ต้อง{th}")
        return None
    return value


def _exact(text: str, value: int | float) -> bool:
    """The number read is the number written (no infinity, no silent 0, no lost digits)."""
    if isinstance(value, int):
        return abs(value) <= EXACT_INTEGERS
    return Decimal(text) == Decimal(repr(value))


def _buddhist_era(add, row: int, name: str, text: str, year: int) -> None:
    fixed = f"{year - BE_OFFSET}{text[4:]}"
    add(row, name, "buddhist-era-year",
        f"{text} looks like a Buddhist Era (B.E.) year: years are stored in C.E., write {fixed}",
        f"{text} น่าจะเป็นปี พ.ศ.: ข้อมูลเก็บปีเป็น ค.ศ. กรุณาใส่ {fixed}")


def _range_words(low, high) -> tuple[str, str]:
    if low is not None and high is not None:
        return f"between {low} and {high}", f"อยู่ระหว่าง {low} ถึง {high}"
    if low is not None:
        return f"at least {low}", f"ไม่น้อยกว่า {low}"
    return f"at most {high}", f"ไม่เกิน {high}"


def _language_of(name: str) -> tuple[str, str] | None:
    if name.endswith("_th"):
        return ("Thai", "ไทย")
    if name.endswith("_en"):
        return ("English", "อังกฤษ")
    return None
