"""The read-only workbooks (publish/xlsxfile.py) as spreadsheet programs read them: every cell
back as written (text as text, numbers as numbers, with their formats), awkward text intact,
and LibreOffice Calc opening each and saving the same cells."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from libreoffice import SOFFICE, run, save
from support import ROOT, site_area

from devplan.publish.downloads import indicator_xlsx, tidy_rows
from devplan.publish.site import load_model
from devplan.publish import xlsxfile
from devplan.publish.spreadsheets import PERCENT_POINTS, Workbook

STAMP = dt.datetime(2025, 3, 1)
AWKWARD = ["ผู้มาเยือน (คน)", "  leading and trailing  ", "a & b < c > d \"q\" 'a'", "line\nbreak\ttab",
           "carriage\rreturn", "_x000D_ looks like an escape", "=SUM(A1)", "-5 as text", "0012",
           "2024-01", "😀 emoji", "\u0e40\u0e0a\u0e35\u0e22\u0e07\u0e43\u0e2b\u0e21\u0e48"]
NUMBERS = [0, -30.5, 1234567.891, 10**15, 1e-7, 2566]


def awkward_workbook() -> bytes:
    book = Workbook()
    book.add_table("values", ["text", "value", "change"],
                   [([text, number, number / 3], [None, "#,##0.0", PERCENT_POINTS])
                    for text, number in zip(AWKWARD, NUMBERS * 2)] + [(["blank", None, ""], [None, "#,##0", None])])
    book.add_about([[("ผู้เผยแพร่", "จังหวัดเชียงใหม่")], [("Publisher", "Chiang Mai Province")]])
    return book.to_bytes(STAMP)


def expected_cells(text, number):
    return text if not text.startswith(("=", "-")) else "'" + text, number, number / 3


def excel_text(value):
    """A cell's text as Excel reads it: _xHHHH_ is the character HHHH (openpyxl leaves it)."""
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), value) if isinstance(value, str) else value


def test_every_cell_reads_back_as_written(tmp_path):
    path = tmp_path / "awkward.xlsx"
    path.write_bytes(awkward_workbook())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["values", "about"] and book.active.title == "values"
    sheet = book["values"]
    assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [tuple(map(excel_text, g)) for g in got[:-1]] == [expected_cells(t, n) for t, n in zip(AWKWARD, NUMBERS * 2)]
    assert got[-1] == ("blank", None, None)
    assert [sheet.cell(2, c).number_format for c in (1, 2, 3)] == ["General", "#,##0.0", PERCENT_POINTS]
    assert sheet["B14"].number_format == "#,##0"  # a blank cell keeps its format
    assert [(r[0].value, r[1].value) for r in book["about"].iter_rows() if r[0].value] == [
        ("ผู้เผยแพร่", "จังหวัดเชียงใหม่"), ("Publisher", "Chiang Mai Province")]
    assert book.properties.creator == "devplan" and book.properties.created == STAMP


def test_the_same_cells_give_the_same_bytes():
    assert awkward_workbook() == awkward_workbook()
    with zipfile.ZipFile(io.BytesIO(awkward_workbook())) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"


def test_a_number_a_spreadsheet_cannot_hold_is_refused():
    book = Workbook()
    with pytest.raises(ValueError, match="B2"):
        book.add_table("values", ["text", "value"], [(["x", float("nan")], None)])


def test_a_date_is_its_spreadsheet_day_number():
    """Excel's 1900 system counts a 29 February 1900 that never was: days after it are one more."""
    assert [xlsxfile.day_number(dt.date(*d)) for d in ((1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (2024, 1, 1))] == [
        1, 59, 61, 45292]
    assert openpyxl.utils.datetime.from_excel(xlsxfile.day_number(dt.date(2025, 10, 9))) == dt.datetime(2025, 10, 9)


def test_libreoffice_opens_each_workbook_and_keeps_every_cell(tmp_path):
    """LibreOffice Calc, the maintainer's spreadsheet program in tests, reads each kind of
    read-only workbook and saves it again: the same sheets and the same cells."""
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice is missing: run `make test` (it runs scripts/install_libreoffice.sh)")
    model = load_model(ROOT / "data", site_area())
    compared = next(i for i in model.indicators.values() if i.compared)
    books = {"awkward": awkward_workbook(),
             "indicator": indicator_xlsx(compared, tidy_rows(compared, model.areas.own), STAMP)}
    jobs = []
    for name, data in books.items():
        (tmp_path / f"{name}.xlsx").write_bytes(data)
        jobs += [["open", str(tmp_path / f"{name}.xlsx")], save(tmp_path / f"{name}-saved.xlsx"), ["close"]]
    run(jobs, tmp_path)
    for name in books:
        ours = openpyxl.load_workbook(tmp_path / f"{name}.xlsx")
        theirs = openpyxl.load_workbook(tmp_path / f"{name}-saved.xlsx")
        assert theirs.sheetnames == ours.sheetnames, name
        for sheet in ours.sheetnames:  # LibreOffice keeps 15 significant digits
            assert [tuple(pytest.approx(v, rel=1e-14) if isinstance(v, float) else excel_text(v) for v in r)
                    for r in ours[sheet].iter_rows(values_only=True)] == [
                tuple(r) for r in theirs[sheet].iter_rows(values_only=True)], (name, sheet)


def test_the_container_is_what_zipfile_writes(tmp_path):
    # With the system zlib that zipfile deflates with, the ZIP written here is zipfile's, byte for
    # byte (headers, directory, end record); the build deflates with zlib-ng instead.
    import zlib

    parts = [("[Content_Types].xml", b"<Types/>" * 200), ("_rels/.rels", b""), ("xl/worksheets/sheet1.xml", "เชียงใหม่ 😀".encode())]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            package.writestr(zipfile.ZipInfo(name, xlsxfile.ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    assert xlsxfile.zip_bytes([(name, xlsxfile.deflated(data, zlib)) for name, data in parts]) == buffer.getvalue()
    # ... and what zlib-ng deflates reads back the same
    with zipfile.ZipFile(io.BytesIO(xlsxfile.zip_bytes([(n, xlsxfile.deflated(d)) for n, d in parts]))) as package:
        assert package.testzip() is None
        assert [(info.filename, package.read(info)) for info in package.infolist()] == parts
