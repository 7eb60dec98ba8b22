"""One cell checked against its field: type, emptiness, allowed values, pattern, range.

`check_cell` returns the typed value, or None after reporting through
add(row, column, code, en, th) why the cell is not acceptable.
"""

from __future__ import annotations

import datetime as dt
import re

# A Buddhist Era year typed instead of C.E. lands in this range (C.E. 1957-2157).
BE_YEARS = range(2500, 2701)
BE_OFFSET = 543


_TYPE_WORDS = {
    "integer": ("a whole number such as 2025", "จำนวนเต็ม เช่น 2025"),
    "number": ("a number such as 1234.5 (no thousands separators)", "ตัวเลข เช่น 1234.5 (ไม่ใส่จุลภาคคั่นหลักพัน)"),
    "date": ("a date written YYYY-MM-DD such as 2025-01-31", "วันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-01-31"),
}


def _cast(text: str, spec: dict):
    kind = spec.get("type", "string")
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError
        return int(text)
    if kind == "number":
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
            raise ValueError
        return float(text)
    if kind == "date":
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _raise()
    if spec.get("format") == "uri" and not re.fullmatch(r"https?://\S+", text):
        raise ValueError
    return text


def _raise():
    raise ValueError


def check_cell(raw: str, spec: dict, row: int, add):
    """The typed value of one cell, or None after reporting why it is not acceptable."""
    name = spec["name"]
    text = raw.strip()
    constraints = spec.get("constraints", {})
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
        else:
            en, th = _TYPE_WORDS[spec["type"]]
            add(row, name, "wrong-type", f"'{text}' is not {en}", f"'{text}' ไม่ใช่{th}")
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
            add(row, name, "buddhist-era-year",
                f"{value} looks like a Buddhist Era (B.E.) year: years are stored in C.E., write {value - BE_OFFSET}",
                f"{value} น่าจะเป็นปี พ.ศ.: ข้อมูลเก็บปีเป็น ค.ศ. กรุณาใส่ {value - BE_OFFSET}")
        else:
            en, th = _range_words(low, high)
            add(row, name, "out-of-range", f"{text} is out of range: it must be {en}",
                f"{text} อยู่นอกช่วงที่ยอมรับ: ต้อง{th}")
        return None
    return value


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
