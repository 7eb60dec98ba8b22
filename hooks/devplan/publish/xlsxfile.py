"""The XLSX file of a read-only table workbook: sheets of text and numbers, a bold header,
number formats, column widths, a frozen first row. Nothing else (spreadsheets.Workbook).

Every indicator has a workbook, so the downloads job writes about a million cells at 1,000
indicators. XlsxWriter spends about 10 microseconds on a cell and 3-6 ms on a workbook
whatever its size (measured; docs/DECISIONS.md "Build speed"); this writer knows the one
shape these tables have and writes the same workbook in a fifth of the time. The
maintainers' workbook (drop-down lists, notes, protected cells) is XlsxWriter's but for
its data rows, which row_xml writes (edit/workbook.py). Tests read what this writes with
openpyxl, pandas and LibreOffice.

The parts are those of ECMA-376 (Office Open XML) SpreadsheetML in the order Excel writes
them; text goes inline in its cell (no shared string table to build), escaped for XML,
with control characters and look-alike escapes written as Excel's _xHHHH_ escapes. The ZIP
around them is written here too (zip_bytes), as zipfile writes it but deflated by zlib-ng.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import struct
from collections.abc import Callable, Iterable
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from zlib_ng import zlib_ng

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BOLD = 1  # the style of a header cell; number formats follow (styles_xml)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # as XlsxWriter: the same bytes on any day

_LOOKALIKE = re.compile(r"_x[0-9A-Fa-f]{4}_")  # text that Excel would read as an escape
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")  # not allowed in XML (tab and line feed are)


def column_letters(number: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS = [column_letters(n) for n in range(702)]  # A to ZZ


def row_xml(number: int, cells: Iterable[tuple[object, int]], content: Callable[[object, int], str] | None = None) -> str:
    """One row's XML from its (value, style) cells, from column A on; an empty cell without
    a style is left out. `content` makes a cell's XML after its reference (cell_xml cached,
    or a caller's cached function that ends in cell_xml)."""
    content = content or _cached_cell_xml
    row = str(number)
    parts = []
    column = 0
    try:
        for column, (value, style) in enumerate(cells):
            xml = content(value, style)
            if xml:
                parts.append(f'<c r="{_COLUMNS[column] if column < 702 else column_letters(column)}{row}"{xml}')
    except ValueError as error:
        raise ValueError(f"cell {column_letters(column)}{row}: {error}") from None
    return f'<row r="{row}">{"".join(parts)}</row>'


def cell_xml(value, style: int) -> str:
    """A cell's XML after its reference: numbers as numbers, anything else as its text, never
    parsed; '' for an empty cell without a style."""
    styled = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f"{styled}/>" if style else ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a number a spreadsheet can hold")
        number = int.__repr__(value) if isinstance(value, int) else float.__repr__(value)
        return f"{styled}><v>{number}</v></c>"
    text = str(value)
    if "_x" in text:
        text = _LOOKALIKE.sub(lambda m: "_x005F" + m.group(), text)
    if not text.isprintable():
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
    return f'{styled} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


# Names, kinds, statuses and sources recur on most rows: each (value, style) made once. A caller
# that caches its own content function (spreadsheets._safe_cell) calls cell_xml, not this.
_cached_cell_xml = lru_cache(maxsize=1 << 16, typed=True)(cell_xml)


def day_number(day: dt.date) -> int:
    """A date as a spreadsheet's day number (1900 date system): 1 is 1900-01-01, and Excel
    counts a 29 February 1900 that never was, so later days are one more (as XlsxWriter)."""
    number = (day - dt.date(1899, 12, 31)).days
    return number + 1 if number > 59 else number


def excel_width(characters: float) -> float:
    """A column width in characters as Excel stores it (with its padding), as XlsxWriter does."""
    return int((int(characters * 7 + 0.5) + 5) / 7 * 256) / 256


def sheet_xml(rows: list[str], last_row: int, columns: int, widths: list[float], frozen_header: bool,
              selected: bool) -> bytes:
    """A worksheet from its rows' XML (row_xml), widths in characters."""
    last = f"{column_letters(max(columns, 1) - 1)}{max(last_row, 1)}"
    pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if frozen_header else ""
    cols = "".join(f'<col min="{n}" max="{n}" width="{excel_width(w)}" customWidth="1"/>'
                   for n, w in enumerate(widths, start=1))
    view = ' tabSelected="1"' if selected else ""
    return "".join((
        HEAD, f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><dimension ref="A1:{last}"/>',
        f'<sheetViews><sheetView{view} workbookViewId="0">{pane}</sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/>', f"<cols>{cols}</cols>" if cols else "", "<sheetData>", *rows,
        '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    )).encode("utf-8")


def number_style(n: int) -> int:
    """The style of the n-th number format given to styles_xml."""
    return BOLD + 1 + n


def styles_xml(number_formats: list[str]) -> bytes:
    """Style 0 plain, 1 bold, then one per number format, in order (number_style)."""
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    formats = "".join(f'<numFmt numFmtId="{164 + n}" formatCode={quoteattr(code)}/>' for n, code in enumerate(number_formats))
    number_styles = "".join(f'<xf numFmtId="{164 + n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                            for n in range(len(number_formats)))
    return "".join((
        HEAD, f'<styleSheet xmlns="{MAIN}">',
        f'<numFmts count="{len(number_formats)}">{formats}</numFmts>' if number_formats else "",
        f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>',
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
        f'<cellXfs count="{2 + len(number_formats)}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        f'<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>{number_styles}</cellXfs>',
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    )).encode("utf-8")


def workbook_bytes(sheets: list[tuple[str, bytes]], number_formats: list[str], author: str, stamp: dt.datetime) -> bytes:
    """The XLSX file: named worksheets (sheet_xml), their styles, and who made it when."""
    numbered = list(enumerate(sheets, start=1))
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    content_types = "".join((
        HEAD, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        *(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_type}"/>' for n, _ in numbered),
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
        "</Types>"))
    package_rels = "".join((
        HEAD, f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">',
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>',
        f'<Relationship Id="rId2" Type="{PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>',
        f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>',
        "</Relationships>"))
    workbook = "".join((
        HEAD, f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>',
        *(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>' for n, (name, _) in numbered),
        "</sheets></workbook>"))
    workbook_rels = "".join((
        HEAD, f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">',
        *(f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>' for n, _ in numbered),
        f'<Relationship Id="rId{len(sheets) + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>',
        "</Relationships>"))
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = "".join((
        HEAD, '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        f"<dc:creator>{escape(author)}</dc:creator><cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>',
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'))
    app = (f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>{escape(author)}</Application></Properties>")
    fixed = [("[Content_Types].xml", content_types.encode()), ("_rels/.rels", package_rels.encode()),
             ("docProps/app.xml", app.encode()), ("docProps/core.xml", core.encode()),
             ("xl/workbook.xml", workbook.encode()), ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
             ("xl/styles.xml", styles_xml(number_formats))]
    return zip_bytes([(name, _deflated_once(data)) for name, data in fixed] +
                     [(f"xl/worksheets/sheet{n}.xml", deflated(xml)) for n, (_, xml) in numbered])


# The ZIP container, as zipfile writes it into memory (tests hold it to zipfile's bytes), but
# deflated by zlib-ng: the system zlib that zipfile uses took 0.8 s for the thousand
# per-indicator workbooks at 1,000, zlib-ng at this level 0.35 s for slightly smaller files
# (measured). A workbook's fixed parts (relationships, styles, properties) are the same in
# most workbooks: each is deflated once.
ZIP_LEVEL = 6
_DOS_TIME = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | ZIP_DATE[5] // 2
_DOS_DATE = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
_MADE_BY = 3 << 8 | 20  # Unix, ZIP 2.0 (zipfile's on Linux: the same bytes on any system)
_READ_WRITE = 0o600 << 16  # the Unix mode zipfile gives a part written from memory
_LOCAL_HEADER = b"PK\x03\x04\x14\x00"  # a part's header starts: its signature, version 2.0 needed


def deflated(data: bytes, compressor=zlib_ng) -> tuple[int, int, bytes]:
    """(CRC-32, length, raw deflate stream) of one part."""
    deflate = compressor.compressobj(ZIP_LEVEL, compressor.DEFLATED, -15)
    return compressor.crc32(data), len(data), deflate.compress(data) + deflate.flush()


_deflated_once = lru_cache(maxsize=64)(deflated)


def zip_bytes(parts: list[tuple[str, tuple[int, int, bytes]]]) -> bytes:
    """A ZIP archive of (name, deflated(data)) parts, every one dated ZIP_DATE: local headers
    and data, the central directory, its end record. Names are ASCII; no part nears 4 GB."""
    local, central, offset = [], [], 0
    for name, (crc, size, packed) in parts:
        encoded = name.encode("ascii")
        fields = struct.pack("<HHHHIIIHH", 0, 8, _DOS_TIME, _DOS_DATE, crc, len(packed), size, len(encoded), 0)
        local += (_LOCAL_HEADER, fields, encoded, packed)
        central += (b"PK\x01\x02", struct.pack("<HH", _MADE_BY, 20), fields, struct.pack("<HHHII", 0, 0, 0, _READ_WRITE, offset), encoded)
        offset += len(_LOCAL_HEADER) + len(fields) + len(encoded) + len(packed)
    directory = b"".join(central)
    return b"".join((*local, directory, b"PK\x05\x06", struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts),
                                                                     len(directory), offset, 0)))
