"""The maintainer's workbook as made from the data: read back with openpyxl, as a
spreadsheet program would open it (sheets, header, notes, drop-downs, checks, formats)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import openpyxl
import pytest
import yaml
from support import ROOT

from devplan.edit import layout
from devplan.edit.workbook import WorkbookError, make_workbook

DESCRIPTOR = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
OBSERVATIONS = "ค่าที่วัดได้ (observations)"


@pytest.fixture(scope="module")
def real() -> bytes:
    return make_workbook(ROOT / "data")


@pytest.fixture(scope="module")
def book(real):
    return openpyxl.load_workbook(io.BytesIO(real))


def test_the_same_data_gives_the_same_bytes(real):
    assert make_workbook(ROOT / "data") == real


def test_a_sheet_per_table_in_thai_with_its_id_after_the_instructions(book):
    names = [layout.sheet_name(r) for r in DESCRIPTOR["resources"]]
    assert book.sheetnames == [layout.INSTRUCTIONS, *names, layout.LISTS]
    assert OBSERVATIONS in names and all(f"({r['name']})" in n for r, n in zip(DESCRIPTOR["resources"], names))
    assert [ws.sheet_state for ws in book.worksheets] == ["visible"] * (len(names) + 1) + ["hidden"]
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_instructions_come_in_thai_then_english_and_name_the_package(book):
    cells = [c for row in book[layout.INSTRUCTIONS].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    thai = next(i for i, c in enumerate(cells) if c.startswith("สมุดงานแก้ไขข้อมูล"))
    english = next(i for i, c in enumerate(cells) if c.startswith("Maintainer's workbook"))
    assert thai < english
    assert cells[cells.index(layout.PACKAGE_KEY) + 1] == DESCRIPTOR["name"]
    assert any("upload/" in c for c in cells[thai:english]) and any("upload/" in c for c in cells[english:])


def test_every_table_is_all_there_with_a_three_row_header(book):
    for resource in DESCRIPTOR["resources"]:
        ws = book[layout.sheet_name(resource)]
        fields = resource["schema"]["fields"]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[2]) == [f["name"] for f in fields]
        assert rows[0][0].startswith(fields[0]["title_th"]) and rows[1][0].startswith(fields[0]["title"])
        lines = (ROOT / "data" / resource["path"]).read_text(encoding="utf-8").splitlines()
        assert len([r for r in rows[3:] if any(v is not None for v in r)]) == len(lines) - 1, resource["name"]
        assert ws.freeze_panes == "B4" and ws.protection.sheet and ws.protection.insertRows is False


def test_each_column_has_a_note_in_both_languages_and_required_ones_are_marked(book):
    ws = book[OBSERVATIONS]
    note = ws["B1"].comment.text
    assert "ปี ค.ศ." in note and "Year (C.E.)" in note and "ต้องมีค่า" in note and "required" in note
    assert "ต่ำสุด 1990" in note and "maximum 2100" in note and "ตัวอย่าง: 2019" in note
    assert ws["B1"].value.endswith(" *") and not ws["F1"].value.endswith(" *")  # note_th may be empty
    assert "preliminary, revised, final" in ws["D1"].comment.text


def rules(ws) -> dict[str, object]:
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}


def test_drop_downs_for_allowed_values_and_for_ids_with_their_thai_names(book):
    found = rules(book[OBSERVATIONS])
    assert found["D"].type == "list" and found["D"].formula1 == '"preliminary,revised,final"'
    assert found["A"].type == "list" and found["A"].errorStyle == "warning"  # a new id of this workbook is allowed
    sheet, cells = found["A"].formula1.split("!")
    assert sheet == f"'{layout.LISTS}'"
    column = cells.split(":")[0].strip("$").rstrip("0123456789")
    entries = [c.value for c in book[layout.LISTS][column][1:] if c.value]
    assert "tourist-arrivals — จำนวนผู้เยี่ยมเยือนทั้งหมด" in entries
    assert book[OBSERVATIONS]["A4"].value.startswith("tourist-arrivals — ")


def test_numbers_years_and_dates_are_checked_as_the_schema_says(book):
    observations = rules(book[OBSERVATIONS])
    assert (observations["B"].type, observations["B"].formula1, observations["B"].formula2) == ("whole", "1990", "2100")
    assert observations["C"].type == "decimal"
    sources = rules(book[layout.sheet_name(DESCRIPTOR["resources"][0])])
    accessed = [f["name"] for f in DESCRIPTOR["resources"][0]["schema"]["fields"]].index("accessed")
    assert sources[chr(ord("A") + accessed)].type == "date"


def test_text_columns_are_formatted_as_text_so_ids_never_become_dates(book):
    ws = book[OBSERVATIONS]
    assert ws["A4"].number_format == "@" and ws.column_dimensions["A"].number_format == "@"
    assert ws["B4"].number_format == "0" and isinstance(ws["B4"].value, int)
    assert ws.column_dimensions["H"].number_format == "@"  # a series id such as 2024-01 typed in stays text


def test_every_data_cell_is_typed_free_to_edit_and_within_the_sheets_extent(real, book):
    """Data rows are written apart from the header (workbook._with_rows): each cell still has
    its column's format, unlocked, the schema's type, and read-only readers (which trust the
    sheet's stated extent) see every row."""
    fast = openpyxl.load_workbook(io.BytesIO(real), read_only=True)
    for resource in DESCRIPTOR["resources"]:
        ws = book[layout.sheet_name(resource)]
        with (ROOT / "data" / resource["path"]).open(encoding="utf-8") as file:
            records = list(csv.DictReader(file))
        assert fast[ws.title].max_row == layout.FIRST_DATA_ROW - 1 + len(records), ws.title
        fields = resource["schema"]["fields"]
        for record, row in zip(records, ws.iter_rows(min_row=layout.FIRST_DATA_ROW)):
            for spec, cell in zip(fields, row):
                text = record.get(spec["name"], "")
                if text == "":
                    assert cell.value is None
                    continue
                assert not cell.protection.locked, cell.coordinate
                kind = spec.get("type", "string")
                if kind == "date":
                    assert cell.is_date and cell.value.date().isoformat() == text, cell.coordinate
                elif kind in ("integer", "number"):
                    assert cell.value == float(text) and not isinstance(cell.value, str), cell.coordinate
                else:
                    assert cell.number_format == "@" and cell.value.split(layout.NAME_SEPARATOR)[0] == text, cell.coordinate


def list_entries(book, rule) -> list[str]:
    """The entries of a drop-down kept on the hidden lists sheet."""
    sheet, cells = rule.formula1.split("!")
    assert sheet == f"'{layout.LISTS}'"
    column = cells.split(":")[0].strip("$").rstrip("0123456789")
    return [c.value for c in book[layout.LISTS][column][1:] if c.value]


def column_of(ws, name: str) -> str:
    return openpyxl.utils.get_column_letter([c.value for c in ws[layout.FIELD_ROW]].index(name) + 1)


def test_areas_and_their_members_are_sheets_and_every_area_code_is_a_drop_down(book):
    areas, members = book["พื้นที่ (areas)"], book["จังหวัดในกลุ่ม (area_members)"]
    assert [c.value for c in areas[layout.FIELD_ROW]][:2] == ["area_id", "level"]
    assert areas["A1"].value.startswith("รหัสพื้นที่") and areas["A4"].number_format == "@"
    assert rules(areas)["B"].formula1 == '"country,region,group,province,district"'
    observations = book[OBSERVATIONS]
    area = rules(observations)[column_of(observations, "area_id")]
    entries = list_entries(book, area)
    assert "TH50 — เชียงใหม่" in entries and "TH — ประเทศไทย" in entries and len(entries) > 77
    assert area.errorStyle == "warning"  # an area added on the areas sheet of the same workbook can be typed
    for ws, column in ((members, "area_id"), (members, "member_id"), (areas, "parent_id")):
        assert list_entries(book, rules(ws)[column_of(ws, column)]) == entries, (ws.title, column)
    derivation = rules(observations)[column_of(observations, "derivation")]
    assert derivation.formula1 == '"sum-of-months,mean-of-months,ratio,sum-of-areas"'
    assert observations.column_dimensions[column_of(observations, "derivation")].number_format == "@"


def test_invalid_data_makes_no_workbook(tiny):
    (tiny / "observations.csv").write_text("indicator_id,year\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="scripts/validate.py"):
        make_workbook(tiny)


def test_the_command_writes_the_workbook_with_the_same_bytes_in_any_time_zone_and_umask(tmp_path, real):
    """The parts are zipped from temporary files: neither their dates nor their modes enter the bytes."""
    output = tmp_path / "workbook.xlsx"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_workbook.py"), "--output", str(output)],
                            capture_output=True, text=True, env={**os.environ, "TZ": "America/New_York"},
                            preexec_fn=lambda: os.umask(0))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == real
