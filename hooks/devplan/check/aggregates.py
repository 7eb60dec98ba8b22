"""Rules for areas and derived values: a figure the package computed never passes for one
its source printed.

A value is either as printed in its source (derivation empty) or derived, and then says
how in both notes. A region's value printed by its source is its own published figure; one
added up here from its provinces (sum-of-areas) must be the sum of every member's value in
the package, so no reader mistakes a sum of what we happen to hold for the region's total.
"""

from __future__ import annotations

from .problems import Package, Problem, resource_file

GROUP_LEVELS = {"region", "group"}  # the areas that have members in area_members.csv


def check_aggregates(package: Package) -> list[Problem]:
    tables = package.tables
    problems = _derived_notes(package) if "observations" in tables else []
    if "areas" in tables and "area_members" in tables:
        problems += _memberships(package)
        if "observations" in tables and "indicators" in tables:
            problems += _sums(package)
    return problems


def _rows(package: Package, name: str):
    return zip(package.tables.get(name, []), package.row_numbers.get(name, []))


def _derived_notes(package: Package) -> list[Problem]:
    problems = []
    for value, number in _rows(package, "observations"):
        if value.get("derivation") and not (value.get("note_th") and value.get("note_en")):
            problems.append(Problem(
                resource_file(package, "observations"), number, "note_th" if not value.get("note_th") else "note_en",
                "derived-without-note",
                f"a derived value ({value['derivation']}) needs notes in Thai and English (note_th, note_en) "
                "saying what it was computed from and how",
                f"ค่าที่คำนวณ ({value['derivation']}) ต้องมีหมายเหตุทั้งภาษาไทยและอังกฤษ (note_th, note_en) "
                "บอกว่าคำนวณจากตัวเลขใดและอย่างไร"))
    return problems


def _memberships(package: Package) -> list[Problem]:
    levels = {a["area_id"]: a["level"] for a in package.tables["areas"]}
    problems = []
    for link, number in _rows(package, "area_members"):
        level = levels.get(link["area_id"])
        if level and level not in GROUP_LEVELS:
            problems.append(Problem(
                resource_file(package, "area_members"), number, "area_id", "members-of-non-group",
                f"'{link['area_id']}' is a {level}: only a region or a group lists members here",
                f"'{link['area_id']}' มีระดับเป็น {level}: เฉพาะภาค (region) หรือกลุ่ม (group) เท่านั้นที่ระบุสมาชิกที่นี่"))
    return problems


def _sums(package: Package) -> list[Problem]:
    members: dict[str, list[str]] = {}
    for link in package.tables["area_members"]:
        if link["area_id"] and link["member_id"]:  # an empty cell is reported where it is
            members.setdefault(link["area_id"], []).append(link["member_id"])
    decimals = {i["indicator_id"]: i["decimals"] or 0 for i in package.tables["indicators"]}
    values = {(o["indicator_id"], o["area_id"], o["year"]): o["value"] for o in package.tables["observations"]}
    problems = []
    shown = resource_file(package, "observations") if "observations" in package.tables else ""
    for value, number in _rows(package, "observations"):
        if value.get("derivation") != "sum-of-areas" or None in (value["value"], value["year"]):
            continue
        listed = members.get(value["area_id"], [])
        found = [values.get((value["indicator_id"], member, value["year"])) for member in listed]
        missing = [member for member, v in zip(listed, found) if v is None]
        if not listed or missing:
            problems.append(Problem(
                shown, number, "derivation", "incomplete-sum",
                f"a sum of areas needs a value for every member of '{value['area_id']}' in area_members.csv for "
                f"{value['year']}; missing: {', '.join(missing) or 'the members themselves'}. A total its source "
                "prints is as published: leave derivation empty",
                f"ยอดรวมของพื้นที่ต้องมีค่าของทุกพื้นที่สมาชิกของ '{value['area_id']}' ใน area_members.csv ในปี {value['year']} "
                f"ที่ขาด: {', '.join(missing) or 'รายชื่อสมาชิก'} ถ้าเป็นยอดรวมที่แหล่งข้อมูลพิมพ์ไว้ ให้เว้นว่าง derivation"))
            continue
        total = sum(found)
        tolerance = 0.5 * 10 ** -decimals.get(value["indicator_id"], 0) * len(found)  # each member rounded
        if abs(total - value["value"]) > tolerance:
            problems.append(Problem(
                shown, number, "value", "sum-mismatch",
                f"the members of '{value['area_id']}' add up to {total:g}, not {value['value']:g}: "
                "a sum of areas must equal the sum of its members' values",
                f"ค่าของพื้นที่สมาชิกของ '{value['area_id']}' รวมได้ {total:g} ไม่ใช่ {value['value']:g} "
                "ยอดรวมของพื้นที่ต้องเท่ากับผลรวมของค่าของสมาชิก"))
    return problems
