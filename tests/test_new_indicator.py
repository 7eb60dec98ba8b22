"""The new-indicator scaffold: a consistent row, the validator's gaps as the to-do list, refusals."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from devplan.check.tables import read_package
from devplan.edit.scaffold import ScaffoldError, add_indicator
from support import ROOT

TEXT_COLUMNS = ["name_th", "name_en", "unit_th", "unit_en", "agency_th", "agency_en", "method_th", "method_en"]
FILLED = {"name_th": "พื้นที่ป่าไม้", "name_en": "Forest area", "unit_th": "ร้อยละ", "unit_en": "percent",
          "agency_th": "หน่วยงานทดสอบ", "agency_en": "Test agency", "method_th": "วัดจากภาพถ่ายดาวเทียม",
          "method_en": "Measured from satellite images, one map a year", "direction": "higher",
          "year_type": "calendar", "source_id": "test-source", "measure": "percent"}


def gaps(package_dir: Path) -> set[tuple]:
    """(file name, row, column, code) of every problem in the package."""
    return {(Path(p.file).name, p.row, p.column, p.code) for p in read_package(package_dir).problems}


def fill(path: Path, indicator_id: str, cells: dict) -> None:
    """Write cells into one row of a CSV, the way a maintainer would in a spreadsheet."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == indicator_id:
            for name, value in cells.items():
                row[header.index(name)] = value
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


def test_new_row_leaves_only_the_text_and_value_gaps(tiny):
    result = add_indicator(tiny, "forest-area", "g-air")
    assert result.row == 8  # header + six fixture indicators
    expected = {("indicators.csv", 8, name, "missing-text") for name in TEXT_COLUMNS}
    expected |= {("indicators.csv", 8, name, "missing-value") for name in ("direction", "year_type", "source_id")}
    assert gaps(tiny) == expected
    assert {(Path(p.file).name, p.row, p.column, p.code) for p in result.gaps} == expected
    assert result.other_problems == []
    last = (tiny / "indicators.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last == "forest-area,g-air,,,,,0,,,,,,,,,,"  # the columns of datapackage.yaml, decimals 0


def test_filling_the_gaps_makes_the_package_valid(tiny):
    add_indicator(tiny, "forest-area", "g-air")
    fill(tiny / "indicators.csv", "forest-area", FILLED)
    assert read_package(tiny).problems == []


def test_flags_fill_their_cells(tiny):
    result = add_indicator(tiny, "forest-area", "g-air", source_id="test-source", direction="higher",
                           year_type="fiscal", decimals=2)
    assert {p.column for p in result.gaps} == set(TEXT_COLUMNS)
    assert {p.code for p in result.gaps} == {"missing-text"}
    row = read_package(tiny).tables["indicators"][-1]
    assert (row["source_id"], row["direction"], row["year_type"], row["decimals"]) == (
        "test-source", "higher", "fiscal", 2)


def test_keeps_byte_order_mark_and_windows_line_endings(tiny):
    path = tiny / "indicators.csv"
    original = "\ufeff" + path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    add_indicator(tiny, "forest-area", "g-air")
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(original)  # nothing before the new row changed
    assert text[len(original):] == "forest-area,g-air,,,,,0,,,,,,,,,,\r\n"
    assert "\n" not in text.replace("\r\n", "")


def test_appends_after_a_last_line_without_newline_and_drops_final_blank_lines(tiny):
    path = tiny / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    add_indicator(tiny, "forest-area", "g-air")
    assert path.read_text(encoding="utf-8") == text + "forest-area,g-air,,,,,0,,,,,,,,,,\n"
    path.write_text(text + "\n,,,\n\n", encoding="utf-8")
    add_indicator(tiny, "forest-cover", "g-air")
    assert path.read_text(encoding="utf-8") == text + "forest-cover,g-air,,,,,0,,,,,,,,,,\n"
    assert not {code for *_, code in gaps(tiny)} - {"missing-text", "missing-value"}


@pytest.mark.parametrize("indicator_id, goal_id, source_id, words", [
    ("pm25", "g-air", None, "already exists"),
    ("PM 2.5", "g-air", None, "not a valid indicator_id"),
    ("-pm10", "g-air", None, "not a valid indicator_id"),
    ("pm10_mean", "g-air", None, "not a valid indicator_id"),
    ("pm10", "g-water", None, "unknown goal 'g-water'"),
    ("pm10", "g-air", "pcd", "unknown source 'pcd'"),
    ("pm10", "g-air", "Test Source", "not a valid source_id"),
])
def test_refuses_and_writes_nothing(tiny, indicator_id, goal_id, source_id, words):
    path = tiny / "indicators.csv"
    before = path.read_bytes()
    with pytest.raises(ScaffoldError) as error:
        add_indicator(tiny, indicator_id, goal_id, source_id=source_id)
    assert words in error.value.message_en
    assert error.value.message_th  # every refusal is explained in Thai too
    assert path.read_bytes() == before
    assert not list(tiny.glob("*.new"))  # no half-written file left behind


def test_unknown_goal_suggests_the_close_one(tiny):
    with pytest.raises(ScaffoldError, match="Did you mean g-air"):
        add_indicator(tiny, "pm10", "g-airr")


def test_refuses_a_header_that_does_not_match_the_schema(tiny):
    path = tiny / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",decimals,", ",digits,", 1), encoding="utf-8")
    with pytest.raises(ScaffoldError, match="header row"):
        add_indicator(tiny, "pm10", "g-air")


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "new_indicator.py"), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_command_prints_what_is_left_in_thai_and_english(tiny):
    result = run("forest-area", "--goal", "g-air", "--source", "test-source", "--data", str(tiny))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Added indicator 'forest-area' as row 8" in out
    assert "เพิ่มตัวชี้วัด 'forest-area' เป็นแถวที่ 8" in out
    assert "Still to fill in on row 8 (10 cells)" in out and "สิ่งที่ยังต้องกรอกในแถวที่ 8 (10 ช่อง)" in out
    for name in [*TEXT_COLUMNS, "direction", "year_type"]:
        assert f"  - {name}: " in out
    assert "ไม่มีข้อความภาษาไทย" in out and "English text is missing" in out
    assert "source_id" not in out.split("Then add")[0]


def test_command_refusal_exits_non_zero_in_both_languages(tiny):
    result = run("pm25", "--goal", "g-air", "--data", str(tiny))
    assert result.returncode == 1
    assert "Nothing was added: indicator 'pm25' already exists" in result.stderr
    assert "ไม่ได้เพิ่มอะไร" in result.stderr
    assert result.stdout == ""


def test_command_shows_paths_as_typed_from_the_folder_it_runs_in(tiny):
    result = run("forest-area", "--goal", "g-air", "--data", "pkg", cwd=tiny.parent)
    assert result.returncode == 0, result.stderr
    assert "row 8 of pkg/indicators.csv" in result.stdout


def test_describe_is_plain_text_for_one_new_row(tiny):
    from devplan.edit.scaffold import describe

    text = describe(add_indicator(tiny, "forest-area", "g-air", source_id="test-source", direction="lower",
                                  year_type="calendar"))
    lines = text.splitlines()
    assert lines[0].startswith("Added indicator") and lines[1].startswith("เพิ่มตัวชี้วัด")
    assert sum(line.startswith("  - ") for line in lines) == len(TEXT_COLUMNS)
