"""The generator's workbook changed and saved by a real spreadsheet program, LibreOffice Calc
(headless; `make test` installs it), then imported: an unchanged copy changes no CSV byte,
one changed value and one added row are exactly a two-line change, a deleted row is a
removed value, and each refusal is located by sheet and cell with nothing written.

Every copy is made in one LibreOffice start for the whole test session (tests/libreoffice.py),
shared by the test processes through a lock file."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from libreoffice import SOFFICE, run, save
from support import FIXTURES, copy_package

from devplan.edit.convert import import_workbook
from devplan.edit.workbook import make_workbook

O = "ค่าที่วัดได้ (observations)"
INDICATORS = "ตัวชี้วัด (indicators)"
AREA = "TH50"  # the site's own area in the fixture
NEW_ROW = 25  # below the tiny package's 21 values (rows 4-24)

EDITS = {  # a copy of the workbook per entry: LibreOffice's edits, then saved by it
    "unchanged": [],
    "edited": [["number", O, "C4", "1000500"], ["text", O, f"A{NEW_ROW}", "pm25"], ["number", O, f"B{NEW_ROW}", "2024"],
               ["number", O, f"C{NEW_ROW}", "27.5"], ["text", O, f"D{NEW_ROW}", "preliminary"],
               ["text", O, f"E{NEW_ROW}", "test-source"], ["text", O, f"H{NEW_ROW}", "2024-01"],
               ["text", O, f"J{NEW_ROW}", "TH50 — เชียงใหม่"]],  # as the area drop-down enters it
    "deleted": [["unprotect", O], ["deleterow", O, "5"]],
    # the refusals of single cells, each on a row of its own (rows 4-24 hold the values)
    "cells": [["formula", O, "C5", "=C4*1.1"], ["text", O, "C6", "about a million"], ["text", O, "C7", "1,234"],
              ["number", O, "B8", "2567"], ["text", O, "B9", "๒๕๖๗"], ["number", O, "H10", "45306"],
              ["unprotect", O], ["merge", O, "F11:G11"], ["hiderow", O, "12"],
              ["text", INDICATORS, "A4", "visitors "]],
    "hidden-sheet": [["hidesheet", O]],
    "renamed-sheet": [["rename", O, "Sheet1"]],
    "blank-row": [["unprotect", O], ["insertrow", O, "6"]],
    "columns": [["unprotect", O], ["text", O, "L3", "comment"], ["text", O, "C3", "amount"]],  # an extra, a renamed one
}
FORMATS = {"old.xls": "xls", "sheet.ods": "ods", "drawn.pdf": "pdf"}


@pytest.fixture(scope="session")
def copies(tmp_path_factory) -> Path:
    """Every copy LibreOffice made, made once for all test processes (pytest-xdist workers)."""
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice is missing: run `make test` (it runs scripts/install_libreoffice.sh)")
    # pytest-xdist gives each worker a folder of its own inside the session's: share that one
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "libreoffice-copies"
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "done.json"
        if not done.exists():
            shutil.rmtree(shared, ignore_errors=True)
            shared.mkdir()
            package = copy_package(FIXTURES / "tiny", shared / "pkg")
            base = make_workbook(package)
            jobs = []
            for name, edits in EDITS.items():
                (shared / f"in-{name}.xlsx").write_bytes(base)
                jobs += [["open", str(shared / f"in-{name}.xlsx")], *edits, save(shared / f"{name}.xlsx"), ["close"]]
            (shared / "in-formats.xlsx").write_bytes(base)
            jobs += [["open", str(shared / "in-formats.xlsx")],
                     *[save(shared / name, kind) for name, kind in FORMATS.items()], ["close"]]
            run(jobs, shared)
            done.write_text(json.dumps(sorted(p.name for p in shared.iterdir())), encoding="utf-8")
    return shared


@pytest.fixture
def package(tmp_path) -> Path:
    return copy_package(FIXTURES / "tiny", tmp_path / "pkg")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_libreoffice_really_saved_every_copy(copies):
    for name in [*EDITS, *FORMATS]:
        path = copies / (name if "." in name else f"{name}.xlsx")
        assert path.exists() and path.read_bytes() != (copies / "in-unchanged.xlsx").read_bytes(), name


def test_libreoffice_draws_the_workbooks_thai_with_a_thai_font(copies):
    """The Thai font is installed with LibreOffice (scripts/install_libreoffice.sh): without it
    Calc draws the Thai titles as empty boxes, in the guide's pictures as on a test machine."""
    thai = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True).stdout.split()
    assert thai, "no Thai font: run `make test` (it runs scripts/install_libreoffice.sh)"
    drawn = (copies / "drawn.pdf").read_bytes()
    assert any(f"+{family}".encode() in drawn for family in thai)  # /BaseFont /ABCDEF+Loma: embedded


def test_an_unchanged_copy_changes_no_byte(copies, package):
    before = snapshot(package)
    result = import_workbook(copies / "unchanged.xlsx", package, AREA)
    assert result.ok and result.changed == {} and not result.changes
    assert snapshot(package) == before


def test_one_changed_value_and_one_added_row_are_exactly_a_two_line_change(copies, package):
    before = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    result = import_workbook(copies / "edited.xlsx", package, AREA)
    assert result.ok, [str(p) for p in result.problems]
    assert sorted(result.changed) == ["observations.csv"]
    after = (package / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert [line for line in before if line not in after] == ["visitors,2023,1000000,final,test-source,,,,,TH50,"]
    assert [line for line in after if line not in before] == ["visitors,2023,1000500,final,test-source,,,,,TH50,",
                                                              "pm25,2024,27.5,preliminary,test-source,,,2024-01,,TH50,"]
    assert [(c.kind, c.indicator_id, c.year) for c in result.changes.values] == [
        ("added", "pm25", 2024), ("revised", "visitors", 2023)]


def test_a_deleted_row_is_a_removed_value(copies, package):
    result = import_workbook(copies / "deleted.xlsx", package, AREA)
    assert result.ok
    assert [(c.kind, c.indicator_id, c.year) for c in result.changes.values] == [("removed", "visitors", 2024)]


REFUSALS = {  # name: (copy, code, sheet, cell, CSV place)
    "formula": ("cells", "formula-cell", O, "C5", "observations.csv:3:value"),
    "text in a number column": ("cells", "wrong-type", O, "C6", "observations.csv:4:value"),
    "thousands separators as text": ("cells", "wrong-type", O, "C7", "observations.csv:5:value"),
    "buddhist era year": ("cells", "buddhist-era-year", O, "B8", "observations.csv:6:year"),
    "thai digits": ("cells", "wrong-type", O, "B9", "observations.csv:7:year"),
    "date serial where text is expected": ("cells", "number-as-text", O, "H10", "observations.csv:8:series"),
    "merged cells": ("cells", "merged-cells", O, "F11:G11", None),
    "hidden row": ("cells", "hidden-row", O, "12", None),
    "id with a trailing space": ("cells", "extra-spaces", INDICATORS, "A4", "indicators.csv:2:indicator_id"),
    "hidden sheet": ("hidden-sheet", "hidden-sheet", O, None, None),
    "renamed sheet": ("renamed-sheet", "missing-sheet", O, None, None),
    "blank row in the middle": ("blank-row", "blank-row", O, "6", "observations.csv:4"),
    "extra column": ("columns", "extra-column", O, "L3", "observations.csv:1:comment"),
    "renamed column": ("columns", "renamed-column", O, "C3", "observations.csv:1:amount"),
    "old xls": ("old.xls", "workbook-xls", None, None, None),
    "ods": ("sheet.ods", "workbook-ods", None, None, None),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_each_refusal_is_located_in_both_languages_and_writes_nothing(copies, package, name):
    copy, code, sheet, cell, csv_place = REFUSALS[name]
    before = snapshot(package)
    result = import_workbook(copies / (copy if "." in copy else f"{copy}.xlsx"), package, AREA)
    assert not result.ok and not result.written and snapshot(package) == before
    found = next((p for p in result.problems if (p.code, p.sheet, p.cell()) == (code, sheet, cell)), None)
    assert found is not None, [str(p) for p in result.problems]
    assert found.message("en") and found.message("th") != found.message("en")
    if csv_place:
        assert found.csv_place().endswith(csv_place)
