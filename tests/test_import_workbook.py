"""A workbook back to the package: the generator's workbook changed by openpyxl (LibreOffice's
copies are in test_workbook_libreoffice.py), imported, and every refusal of the issue located
by sheet and cell and by FILE:ROW:COLUMN, in both languages, with nothing written."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from support import FIXTURES, ROOT, copy_package

from devplan.edit.convert import import_workbook
from devplan.edit.workbook import make_workbook

AREA = "TH50"  # the site's own area in the fixture and in mkdocs.yml
OBSERVATIONS = "ค่าที่วัดได้ (observations)"
INDICATORS = "ตัวชี้วัด (indicators)"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture
def package(tmp_path) -> Path:
    return copy_package(FIXTURES / "tiny", tmp_path / "pkg")


@pytest.fixture
def workbook(package, tmp_path) -> Path:
    path = tmp_path / "workbook.xlsx"
    path.write_bytes(make_workbook(package))
    return path


def edit(path: Path, change) -> Path:
    """The workbook changed by `change(book)` and saved by openpyxl, as another program would."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def test_unchanged_round_trip_changes_no_byte(package, workbook):
    before = snapshot(package)
    result = import_workbook(edit(workbook, lambda book: None), package, AREA)
    assert result.ok and not result.changes and result.changed == {}
    assert snapshot(package) == before


def test_unchanged_round_trip_of_the_real_data(tmp_path):
    data = tmp_path / "data"
    import shutil

    shutil.copytree(ROOT / "data", data)
    path = tmp_path / "real.xlsx"
    path.write_bytes(make_workbook(data))
    before = snapshot(data)
    result = import_workbook(edit(path, lambda book: None), data, AREA)
    assert result.ok and result.changed == {} and snapshot(data) == before


def test_one_changed_value_and_one_added_row_are_a_two_line_change(package, workbook):
    def change(book):
        ws = book[OBSERVATIONS]
        ws["C4"] = 1000500  # visitors 2023
        ws.append(["pm25", 2024, 27.5, "preliminary", "test-source — แหล่งข้อมูลทดสอบ (ตัวเลขสมมติ)", None, None, None,
                   None, "TH50 — เชียงใหม่"])

    before = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    result = import_workbook(edit(workbook, change), package, AREA)
    assert result.ok and result.written and sorted(result.changed) == ["observations.csv"]
    after = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line not in before] == ["visitors,2023,1000500,final,test-source,,,,,TH50,",
                                                              "pm25,2024,27.5,preliminary,test-source,,,,,TH50,"]
    assert [line for line in before if line not in after] == ["visitors,2023,1000000,final,test-source,,,,,TH50,"]
    assert "pm25,2023,28.0,final" in "\n".join(after)  # the same number keeps its spelling
    from devplan.edit.whatchanged import lines

    assert lines(result.changes, result.indicators, "th") == [
        "ค่าเฉลี่ยฝุ่น PM2.5 ปี 2567: เพิ่มค่า 27.5 ไมโครกรัมต่อลูกบาศก์เมตร (ตัวเลขเบื้องต้น)",
        "จำนวนนักท่องเที่ยว ปี 2566: ปรับจาก 1,000,000 คน เป็น 1,000,500 คน"]
    assert lines(result.changes, result.indicators, "en")[1] == "Visitors, 2023: revised from 1,000,000 people to 1,000,500 people"


def test_a_deleted_row_is_a_removed_value(package, workbook):
    result = import_workbook(edit(workbook, lambda book: book[OBSERVATIONS].delete_rows(5)), package, AREA)
    assert result.ok
    assert [(c.kind, c.indicator_id, c.year) for c in result.changes.values] == [("removed", "visitors", 2024)]
    assert "visitors,2024,1100000" not in (package / "observations.csv").read_text(encoding="utf-8")


def test_another_areas_value_is_said_as_a_row_of_that_area(package, workbook):
    def change(book):
        ws = book[OBSERVATIONS]
        assert ws["A15"].value.startswith("visitors") and ws["J15"].value.startswith("TH51")  # Lamphun, 2023
        ws["C15"] = 800001
        ws["B16"], ws["J16"] = 2023, "TH57 — เชียงราย"  # Lamphun's 2024 row made Chiang Rai's 2023: a new key

    result = import_workbook(edit(workbook, change), package, AREA)
    assert result.ok, [str(p) for p in result.problems]
    assert result.changes.values == []  # the site's own area is unchanged
    assert [(r.kind, r.key, r.columns) for r in result.changes.rows] == [
        ("revised", "visitors, TH51, 2023", ("value",)), ("removed", "visitors, TH51, 2024", ()),
        ("added", "visitors, TH57, 2023", ())]


def test_a_workbook_without_the_sites_own_area_is_refused(package, workbook):
    before = snapshot(package)
    result = import_workbook(workbook, package, "TH99")
    assert not result.ok and snapshot(package) == before
    assert "TH99" in result.problems[0].message("en") and "TH99" in result.problems[0].message("th")


def test_a_sorted_sheet_keeps_the_files_order_so_only_changed_lines_differ(package, workbook):
    def change(book):
        ws = book[OBSERVATIONS]
        rows = sorted((list(r) for r in ws.iter_rows(min_row=4, values_only=True) if any(r)),
                      key=lambda r: r[2], reverse=True)  # sorted by value, largest first
        rows[-1][2] = 30.0  # the smallest value changed too
        for number, row in enumerate(rows, start=4):
            for column, value in enumerate(row, start=1):
                ws.cell(number, column).value = value
        ws.append(["pm25", 2024, 27.5, "preliminary", "test-source", None, None, None, None, "TH50"])

    before = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    result = import_workbook(edit(workbook, change), package, AREA)
    assert result.ok, [str(p) for p in result.problems]
    after = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    changed = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    assert len(after) == len(before) + 1 and len(changed) == 1
    assert after[changed[0]] == "dust-days,2025,30,final,test-source,,,,,TH50,"


def test_a_new_indicator_is_a_new_row(package, workbook):
    def change(book):
        ws = book[INDICATORS]
        ws.append(["rain", "g-air — อากาศ", "ปริมาณฝน", "Rainfall", "มม.", "mm", 0, "higher", "calendar", None,
                   "หน่วยงานทดสอบ", "Test agency", "วัด", "Measured", "test-source"])

    result = import_workbook(edit(workbook, change), package, AREA)
    assert result.ok, [str(p) for p in result.problems]
    assert [(r.kind, r.key) for r in result.changes.rows] == [("added", "rain")]
    assert (package / "indicators.csv").read_text(encoding="utf-8").endswith(
        "rain,g-air,ปริมาณฝน,Rainfall,มม.,mm,0,higher,calendar,,หน่วยงานทดสอบ,Test agency,วัด,Measured,test-source,,\n")


def set_cell(sheet, cell, value):
    def change(book):
        book[sheet][cell] = value
    return change


def merge(book):
    book[OBSERVATIONS].merge_cells("F4:G4")


def hide_row(book):
    book[OBSERVATIONS].row_dimensions[5].hidden = True


def hide_column(book):
    book[OBSERVATIONS].column_dimensions["F"].hidden = True


def hide_sheet(book):
    book[OBSERVATIONS].sheet_state = "hidden"


def rename_sheet(book):
    book[OBSERVATIONS].title = "Sheet1"


def delete_sheet(book):
    del book[OBSERVATIONS]


def blank_row(book):
    ws = book[OBSERVATIONS]
    ws.insert_rows(6)


def other_package(book):
    ws = book["คำแนะนำ (instructions)"]
    for row in ws.iter_rows():
        if row[0].value == "package":
            row[1].value = "lampang-development-plan"


# (name, change, code, sheet, cell, CSV place, words of the English message, of the Thai one)
REFUSALS = [
    ("formula", set_cell(OBSERVATIONS, "C5", "=C4*1.1"), "formula-cell", OBSERVATIONS, "C5",
     "observations.csv:3:value", "formula", "สูตร"),
    ("text in a number column", set_cell(OBSERVATIONS, "C5", "about a million"), "wrong-type", OBSERVATIONS, "C5",
     "observations.csv:3:value", "is not a number", "ไม่ใช่ตัวเลข"),
    ("thousands separators as text", set_cell(OBSERVATIONS, "C5", "1,234"), "wrong-type", OBSERVATIONS, "C5",
     "observations.csv:3:value", "no thousands separators", "จุลภาค"),
    ("thai digits", set_cell(OBSERVATIONS, "B5", "๒๕๖๗"), "wrong-type", OBSERVATIONS, "B5",
     "observations.csv:3:year", "whole number", "จำนวนเต็ม"),
    ("buddhist era year", set_cell(OBSERVATIONS, "B5", 2567), "buddhist-era-year", OBSERVATIONS, "B5",
     "observations.csv:3:year", "write 2024", "2024"),
    ("date serial where text is expected", set_cell(OBSERVATIONS, "H5", 45306), "number-as-text", OBSERVATIONS, "H5",
     "observations.csv:3:series", "Text", "ข้อความ"),
    ("date where text is expected", set_cell(OBSERVATIONS, "H5", dt.datetime(2024, 1, 15)), "date-cell", OBSERVATIONS,
     "H5", "observations.csv:3:series", "date", "วันที่"),
    ("error value", set_cell(OBSERVATIONS, "C5", "#DIV/0!"), "error-value", OBSERVATIONS, "C5",
     "observations.csv:3:value", "error", "ข้อผิดพลาด"),
    ("merged cells", merge, "merged-cells", OBSERVATIONS, "F4:G4", None, "merged", "ผสาน"),
    ("hidden row", hide_row, "hidden-row", OBSERVATIONS, "5", None, "hidden", "ซ่อน"),
    ("hidden column", hide_column, "hidden-column", OBSERVATIONS, "F", None, "hidden", "ซ่อน"),
    ("hidden sheet", hide_sheet, "hidden-sheet", OBSERVATIONS, None, None, "hidden", "ซ่อน"),
    ("extra column", set_cell(OBSERVATIONS, "L3", "comment"), "extra-column", OBSERVATIONS, "L3",
     "observations.csv:1:comment", "unexpected column", "เกินมา"),
    ("renamed column", set_cell(OBSERVATIONS, "C3", "amount"), "renamed-column", OBSERVATIONS, "C3",
     "observations.csv:1:amount", "should be called 'value'", "ต้องชื่อ 'value'"),
    ("renamed sheet", rename_sheet, "missing-sheet", OBSERVATIONS, None, None, "missing", "ไม่มีชีต"),
    ("missing sheet", delete_sheet, "missing-sheet", OBSERVATIONS, None, None, "missing", "ไม่มีชีต"),
    ("blank row in the middle", blank_row, "blank-row", OBSERVATIONS, "6", "observations.csv:4", "empty", "ว่าง"),
    ("id with a trailing space", set_cell(INDICATORS, "A4", "visitors "), "extra-spaces", INDICATORS, "A4",
     "indicators.csv:2:indicator_id", "spaces", "ช่องว่าง"),
    ("another province's workbook", other_package, "other-package", None, None, None, "lampang", "lampang"),
]


@pytest.mark.parametrize("name, change, code, sheet, cell, csv_place, english, thai", REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_each_refusal_is_located_in_both_languages_and_writes_nothing(package, workbook, name, change, code, sheet,
                                                                     cell, csv_place, english, thai):
    before = snapshot(package)
    result = import_workbook(edit(workbook, change), package, AREA)
    assert not result.ok and not result.written
    assert snapshot(package) == before
    found = next((p for p in result.problems if p.code == code), None)
    assert found is not None, [str(p) for p in result.problems]
    assert (found.sheet, found.cell()) == (sheet, cell)
    assert english in found.message("en") and thai in found.message("th")
    if csv_place:
        assert found.csv_place().endswith(csv_place)
    if sheet:
        assert found.place("th").startswith(f"ชีต {sheet}") and found.place("en").startswith(f"sheet {sheet}")


def test_a_formula_that_gives_the_same_value_is_still_refused(package, workbook):
    result = import_workbook(edit(workbook, set_cell(OBSERVATIONS, "C4", "=1000000")), package, AREA)
    assert [p.code for p in result.problems] == ["formula-cell"]


def write_bytes(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, code, words", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "workbook-xls", ".xls"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
     "workbook-password", "password"),
    ("observations.csv", (FIXTURES / "tiny" / "observations.csv").read_bytes(), "not-a-workbook", "CSV"),
])
def test_files_that_are_not_an_xlsx_workbook_are_refused(package, tmp_path, name, data, code, words):
    """(LibreOffice makes a real .xls, .ods and password-protected file in test_workbook_libreoffice.py.)"""
    before = snapshot(package)
    result = import_workbook(write_bytes(tmp_path, name, data), package, AREA)
    assert [p.code for p in result.problems] == [code] and words in result.problems[0].message("en")
    assert result.problems[0].message("th") and snapshot(package) == before


def test_a_workbook_of_a_million_rows_is_refused_quickly(package, workbook):
    def change(book):
        book[OBSERVATIONS].cell(1_048_576, 1, "pm25")

    edit(workbook, change)
    started = time.process_time()
    result = import_workbook(workbook, package, AREA)
    assert [p.code for p in result.problems] == ["too-many-rows"] and time.process_time() - started < 5


def test_a_workbook_of_50_mb_is_refused_before_it_is_read(package, tmp_path):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    result = import_workbook(path, package, AREA)
    assert [p.code for p in result.problems] == ["workbook-too-large"]


def test_the_command_reports_in_both_languages_and_fails_on_a_refusal(package, workbook):
    edit(workbook, set_cell(OBSERVATIONS, "B5", 2567))
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_workbook.py"), str(workbook),
                             "--data", str(package)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"sheet {OBSERVATIONS} cell B5" in result.stdout and f"ชีต {OBSERVATIONS} เซลล์ B5" in result.stdout
    assert "observations.csv:3:year" in result.stdout and "2024" in result.stdout


def test_the_comment_shows_text_from_the_upload_as_written_never_as_markup(package, workbook):
    from devplan.edit.report import comment, summary

    hostile = "[click](javascript:alert(1)) <img src=x onerror=alert(2)> @octocat #1"
    result = import_workbook(edit(workbook, set_cell(OBSERVATIONS, "C5", hostile)), package, AREA)
    text = comment(summary(result, "upload/workbook.xlsx"), None, None)
    assert "](" not in text and "<img" not in text and "@octocat" not in text and " #1" not in text
    assert "&lt;img" in text and "@\u2060octocat" in text and "#\u20601" in text and "\\[click\\]" in text


def test_a_link_uploaded_in_place_of_a_workbook_is_never_followed(package, tmp_path):
    link = tmp_path / "workbook.xlsx"
    link.symlink_to("/dev/zero")
    result = import_workbook(link, package, AREA)
    assert [p.code for p in result.problems] == ["not-a-workbook"]


def test_a_workbook_older_than_the_data_warns_before_its_removals(package, workbook):
    """Someone added a value after the download: the old workbook would remove it, and says so."""
    observations = package / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8") + "income,2016,11000,final,test-source,,,,,TH50,\n",
                            encoding="utf-8")
    from devplan.edit.report import comment, summary

    result = import_workbook(workbook, package, AREA, write=False)
    assert result.ok and result.stale
    assert [(c.kind, c.indicator_id, c.year) for c in result.changes.values] == [("removed", "income", 2016)]
    text = comment(summary(result, "upload/workbook.xlsx"), "success", "abc1234")
    assert "คนละฉบับ" in text and "other data than this branch now holds" in text
