"""An uploaded workbook read back as cells, sheet by sheet, refusing what cannot be read
safely or faithfully: what the file is (an old .xls, an .ods, a CSV, a password), how big
it is, which sheets it has, and what hides data (hidden rows, columns or sheets, merged cells).

Sizes are checked before anything is unpacked, and sheets are read as a stream (openpyxl's
worksheet parser, the one its read-only mode uses), so a workbook of a million rows or
50 MB is refused in bounded time and memory. Formulas are read as formulas, never as
their last values: convert.py refuses them, cell by cell.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from . import layout
from .located import Located

# The real package's workbook is 0.4 MB. The benchmark's at 5,000 indicators, a tenth of them
# with every province's values (370,000 observations), is 16 MB but unpacks to 318 MB: it is
# refused, as reading it would take gigabytes (706 MB for the 74,000 rows of 1,000 indicators).
MAX_FILE_BYTES = 25 * 1024 * 1024  # GitHub's upload limit
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_ROWS = 200_000  # a sheet's rows
MAX_COLUMNS = 100
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and Office's password-protected files
ODS = b"application/vnd.oasis.opendocument.spreadsheet"
HIDDEN = ("1", "true")


class Refused(Exception):
    """The file cannot be read as this package's workbook; nothing was written."""

    def __init__(self, *problems: Located):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass
class Table:
    """One sheet's cells: the header row (field names) and each data row's (value, type)."""

    sheet: str
    header: list[str]
    rows: list[list[tuple]] = field(default_factory=list)  # (value, openpyxl data type) per column
    numbers: list[int] = field(default_factory=list)  # each row's number in the sheet


def read_workbook(path: Path, descriptor: dict, shown: str) -> tuple[dict[str, Table], list[Located], dict]:
    """Each table's cells, the problems found in the workbook's shape, and the instructions
    sheet's keys (package, data-version). Raises Refused when the file itself is wrong."""
    _check_file(path, shown)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips (data validations, ...)
        try:
            book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # noqa: BLE001 - any unreadable file gets the same located refusal
            raise Refused(_whole(shown, "unreadable-workbook",
                                 f"the file cannot be read as a workbook ({type(error).__name__}): open it and save it again as an Excel Workbook (.xlsx)",
                                 f"อ่านไฟล์เป็นสมุดงานไม่ได้ ({type(error).__name__}): เปิดไฟล์แล้วบันทึกใหม่เป็น Excel Workbook (.xlsx)")) from None
    try:
        return _read_sheets(book, descriptor, shown)
    finally:
        book.close()


def _whole(shown: str, code: str, en: str, th: str) -> Located:
    return Located.about_file(shown, code, en, th)


def _check_file(path: Path, shown: str) -> None:
    if path.is_symlink() or not path.is_file():  # a link (git keeps them) could point at any file or device
        raise Refused(_whole(shown, "not-a-workbook", "this is not a workbook file (a link or a folder): upload the .xlsx file itself",
                             "รายการนี้ไม่ใช่ไฟล์สมุดงาน (เป็นลิงก์หรือโฟลเดอร์) กรุณาอัปโหลดไฟล์ .xlsx โดยตรง"))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Refused(_whole(shown, "workbook-too-large",
                             f"the file is {size / 1024 / 1024:.0f} MB; this package's workbook is far smaller (at most "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB): upload the workbook made for this site, with its data only",
                             f"ไฟล์มีขนาด {size / 1024 / 1024:.0f} MB แต่สมุดงานของชุดข้อมูลนี้เล็กกว่านั้นมาก (ไม่เกิน "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB) กรุณาอัปโหลดสมุดงานที่ดาวน์โหลดจากเว็บไซต์ซึ่งมีเฉพาะข้อมูล"))
    with path.open("rb") as file:
        start = file.read(8)
        if start == OLE2:
            rest = file.read(MAX_FILE_BYTES)
            if "EncryptedPackage".encode("utf-16-le") in rest:
                raise Refused(_whole(shown, "workbook-password",
                                     "the workbook is protected with a password, so it cannot be read: remove the password "
                                     "(in Excel: File > Info > Protect Workbook > Encrypt with Password, empty it), save and upload again",
                                     "สมุดงานมีรหัสผ่าน จึงอ่านไม่ได้ กรุณาเอารหัสผ่านออก (ใน Excel: ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > "
                                     "เข้ารหัสด้วยรหัสผ่าน แล้วลบรหัสผ่าน) บันทึก แล้วอัปโหลดใหม่"))
            raise Refused(_whole(shown, "workbook-xls",
                                 "this is an old Excel 97-2003 workbook (.xls): open it and save it as an Excel Workbook (.xlsx)",
                                 "ไฟล์นี้เป็นสมุดงาน Excel 97-2003 แบบเก่า (.xls) กรุณาเปิดแล้วบันทึกเป็น Excel Workbook (.xlsx)"))
    if not zipfile.is_zipfile(path):
        raise Refused(_whole(shown, "not-a-workbook",
                             "this is not a workbook (perhaps a CSV or text file): upload the .xlsx workbook; "
                             "CSV files are edited in the data/ folder instead",
                             "ไฟล์นี้ไม่ใช่สมุดงาน (อาจเป็นไฟล์ CSV หรือข้อความ) กรุณาอัปโหลดสมุดงาน .xlsx "
                             "ส่วนไฟล์ CSV ให้แก้ในโฟลเดอร์ data/ โดยตรง"))
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() == ODS:
            raise Refused(_whole(shown, "workbook-ods",
                                 "this is an OpenDocument spreadsheet (.ods): in LibreOffice choose File > Save As, "
                                 "type Excel 2007-365 (.xlsx), then upload that file",
                                 "ไฟล์นี้เป็น OpenDocument (.ods) ใน LibreOffice เลือก ไฟล์ > บันทึกเป็น ชนิด Excel 2007-365 (.xlsx) "
                                 "แล้วอัปโหลดไฟล์นั้น"))
        unpacked = sum(info.file_size for info in archive.infolist())
        if "xl/workbook.xml" not in names or unpacked > MAX_UNPACKED_BYTES or any(
                _declares_entities(archive, info) for info in archive.infolist() if info.filename.endswith((".xml", ".rels"))):
            raise Refused(_whole(shown, "not-a-workbook",
                                 "this is not an Excel workbook this site can read (or it unpacks to more than "
                                 f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB): upload the .xlsx workbook made for this site",
                                 "ไฟล์นี้ไม่ใช่สมุดงาน Excel ที่ระบบอ่านได้ (หรือขยายแล้วใหญ่เกิน "
                                 f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB) กรุณาอัปโหลดสมุดงาน .xlsx ที่ทำไว้สำหรับเว็บไซต์นี้"))


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A part with a document type declaration: spreadsheets never write one, and its
    entities could expand a small file into gigabytes (the "billion laughs")."""
    with archive.open(info) as part:
        head = b""
        while chunk := part.read(4096):
            head = head[-16:] + chunk
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                return True
            if any(head[i + 1:i + 2].isalpha() for i in range(len(head) - 1) if head[i:i + 1] == b"<"):
                return False  # the root element has started: the prolog is over
    return False


def _read_sheets(book, descriptor: dict, shown: str) -> tuple[dict[str, Table], list[Located], dict]:
    problems: list[Located] = []
    expected = {layout.sheet_name(r): r for r in descriptor["resources"]}
    sheets = {ws.title: ws for ws in book.worksheets}
    for title, ws in sheets.items():
        if title in expected and ws.sheet_state != "visible":
            problems.append(Located.in_sheet(title, None, None, "hidden-sheet",
                                             f"the sheet '{title}' is hidden: unhide it (right-click a sheet tab > Unhide) so that "
                                             "every change can be seen", f"ชีต '{title}' ถูกซ่อนไว้ กรุณายกเลิกการซ่อน "
                                             "(คลิกขวาที่แท็บชีต > ยกเลิกการซ่อน) เพื่อให้เห็นทุกการเปลี่ยนแปลง"))
        elif title not in expected and title not in (layout.INSTRUCTIONS, layout.LISTS):
            problems.append(Located.in_sheet(title, None, None, "extra-sheet",
                                             f"the sheet '{title}' is not one of this package's tables (was a sheet renamed or added?): "
                                             "give it back its name, or delete it", f"ชีต '{title}' ไม่ใช่ตารางของชุดข้อมูลนี้ "
                                             "(มีการเปลี่ยนชื่อหรือเพิ่มชีตหรือไม่) กรุณาใช้ชื่อเดิม หรือลบชีตนี้"))
    missing = [title for title in expected if title not in sheets]
    for title in missing:
        problems.append(Located.in_sheet(title, None, None, "missing-sheet",
                                         f"the sheet '{title}' is missing (renamed or deleted?): every table needs its sheet, "
                                         "named as in the workbook you downloaded", f"ไม่มีชีต '{title}' (ถูกเปลี่ยนชื่อหรือลบหรือไม่) "
                                         "ทุกตารางต้องมีชีตของตัวเอง ชื่อเดียวกับในสมุดงานที่ดาวน์โหลด"))
    keys = _instructions(sheets.get(layout.INSTRUCTIONS))
    if len(missing) == len(expected) or keys.get(layout.PACKAGE_KEY, descriptor["name"]) != descriptor["name"]:
        found = keys.get(layout.PACKAGE_KEY) or "?"
        raise Refused(_whole(shown, "other-package",
                             f"this workbook is not one of this package's ({descriptor['name']}; it was made for {found}): "
                             "download the workbook from this site and make the changes there",
                             f"สมุดงานนี้ไม่ได้ทำจากชุดข้อมูลนี้ ({descriptor['name']} แต่ทำจาก {found}) "
                             "กรุณาดาวน์โหลดสมุดงานจากเว็บไซต์นี้แล้วแก้ในสมุดงานนั้น"))
    tables = {}
    for title, resource in expected.items():
        if title in sheets:
            tables[resource["name"]] = _read_table(book, sheets[title], problems)
    return tables, problems, keys


def _instructions(ws) -> dict:
    """The keys column A names on the instructions sheet: package and data-version."""
    found = {}
    if ws is not None:
        for row in ws.iter_rows(min_col=1, max_col=2, max_row=500, values_only=True):
            if row and row[0] in (layout.PACKAGE_KEY, layout.VERSION_KEY) and isinstance(row[1], str):
                found[row[0]] = row[1]
    return found


def _read_table(book, ws, problems: list[Located]) -> Table:
    """A sheet's header and rows, streamed; rows past MAX_ROWS stop the reading."""
    title = ws.title
    header: dict[int, tuple] = {}
    rows: dict[int, dict[int, tuple]] = {}
    hidden_rows = set()
    with book._archive.open(ws._worksheet_path) as source:  # the stream openpyxl's read-only sheets use
        parser = WorkSheetParser(source, ws._shared_strings, data_only=False, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            values = {}
            for c in cells:
                if c["value"] is not None and c["value"] != "":
                    if c["column"] > MAX_COLUMNS:
                        raise Refused(Located.in_sheet(title, number, c["column"] - 1, "too-many-columns",
                                                       f"the sheet has data beyond column {MAX_COLUMNS}: delete those columns",
                                                       f"ชีตมีข้อมูลเกินคอลัมน์ที่ {MAX_COLUMNS} กรุณาลบคอลัมน์เหล่านั้น"))
                    values[c["column"] - 1] = (c["value"], c["data_type"])
            attributes = parser.row_dimensions.pop(str(number), {})
            if not values:
                continue  # LibreOffice writes an empty last row after a row is deleted
            if number > MAX_ROWS + layout.FIELD_ROW:
                raise Refused(Located.in_sheet(title, number, None, "too-many-rows",
                                               f"the sheet has data in row {number:,}, beyond {MAX_ROWS:,} rows: "
                                               "delete the rows below the data",
                                               f"ชีตมีข้อมูลในแถวที่ {number:,} เกิน {MAX_ROWS:,} แถว กรุณาลบแถวที่อยู่ใต้ข้อมูล"))
            if str(attributes.get("hidden", "")).lower() in HIDDEN:
                hidden_rows.add(number)
            if number == layout.FIELD_ROW:
                header = values
            elif number > layout.FIELD_ROW:
                rows[number] = values
        merged = [str(r.ref) for r in (parser.merged_cells.mergeCell if parser.merged_cells else [])]
        hidden_columns = [(int(d["min"]), int(d["max"])) for d in parser.column_dimensions.values()
                          if str(d.get("hidden", "")).lower() in HIDDEN]
    width = max([i + 1 for row in [header, *rows.values()] for i in row] + [0])
    table = Table(title, [str(header[i][0]) if i in header else "" for i in range(width)])
    for number in range(layout.FIRST_DATA_ROW, max(rows, default=layout.FIELD_ROW) + 1):
        row = rows.get(number, {})  # a row missing from the file is a blank row
        table.rows.append([row.get(i, (None, "n")) for i in range(width)])
        table.numbers.append(number)
    used = {i for row in [header, *rows.values()] for i in row}
    for number in sorted(hidden_rows):
        problems.append(Located.in_sheet(title, number, None, "hidden-row",
                                         f"row {number} is hidden (perhaps by a filter) and holds data: show every row "
                                         "(clear the filter, or select all rows > Unhide) so that every change can be seen",
                                         f"แถวที่ {number} ถูกซ่อนไว้ (อาจโดยตัวกรอง) และมีข้อมูล กรุณาแสดงทุกแถว "
                                         "(ล้างตัวกรอง หรือเลือกทุกแถว > ยกเลิกการซ่อน) เพื่อให้เห็นทุกการเปลี่ยนแปลง"))
    for low, high in hidden_columns:
        for c in sorted(used & set(range(low - 1, high)))[:1]:
            problems.append(Located.in_sheet(title, None, c, "hidden-column",
                                             "this column is hidden and holds data: unhide it (select the columns around it > Unhide)",
                                             "คอลัมน์นี้ถูกซ่อนไว้และมีข้อมูล กรุณายกเลิกการซ่อน (เลือกคอลัมน์รอบ ๆ > ยกเลิกการซ่อน)"))
    for ref in merged:
        problems.append(Located.in_range(title, ref, "merged-cells",
                                         f"cells {ref} are merged: unmerge them (Home > Merge & Center) and give each cell its own value",
                                         f"เซลล์ {ref} ถูกผสานกัน กรุณายกเลิกการผสาน (หน้าแรก > ผสานและจัดกึ่งกลาง) "
                                         "แล้วใส่ค่าให้แต่ละเซลล์"))
    return table
