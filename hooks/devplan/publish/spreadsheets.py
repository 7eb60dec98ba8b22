"""Files made for spreadsheets: Excel-ready CSV and formatted XLSX.

Excel on Windows reads a CSV without a byte-order mark as Windows-874 and shows Thai as
garbage, so every CSV made for spreadsheets starts with one. Text cells that a spreadsheet
would run as a formula (OWASP "CSV injection": a leading = + - @ tab or carriage return)
get a leading apostrophe; numbers, negative ones included, stay numbers. XLSX sheets get a
bold frozen header, columns as wide as their text, and number formats with thousands
separators and each indicator's decimals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from . import xlsxfile

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff".encode()
MAX_WIDTH = 60  # wider text is cut at the cell's edge, still whole in the cell


def spreadsheet_safe(value):
    """Neutralise text a spreadsheet would run as a formula; leave numbers alone.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")"), spreadsheet_safe(-5.0)
    ('\\'=HYPERLINK("http://x")', -5.0)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


@lru_cache(maxsize=1 << 16, typed=True)  # the one cache on this path: cell_xml itself is not cached
def _safe_cell(value, style: int) -> str:
    return xlsxfile.cell_xml(spreadsheet_safe(value), style)


class _CsvCells(dict):
    """A cell's text in a line of an Excel-ready CSV, formula-guarded (unless `guard` says
    otherwise) and quoted as csv.writer quotes it (csv.writer itself is asked, once per
    distinct text). Every indicator's CSV repeats its name, unit, areas and sources on each
    row: writing each row with csv.writer scanned those texts again, twice the time of the
    whole CSV made this way (measured). Numbers are not kept: 1 and 1.0 are one key but two texts."""

    LIMIT = 1 << 16

    def __init__(self, guard=spreadsheet_safe) -> None:
        super().__init__()
        self._guard = guard
        self._out = io.StringIO(newline="")
        self._writer = csv.writer(self._out, lineterminator="\r\n")  # the file's: csv quotes a cell holding it

    def __missing__(self, value) -> str:
        self._out.seek(0)
        self._out.truncate()
        self._writer.writerow((self._guard(value), "x"))  # a second cell: csv quotes a lone empty one
        text = self._out.getvalue()[:-4]  # less ",x\r\n"
        if isinstance(value, str):
            if len(self) >= self.LIMIT:
                self.clear()
            self[value] = text
        return text


_csv_cell = _CsvCells().__getitem__
_csv_as_written = _CsvCells(guard=lambda value: value).__getitem__  # a number column's "-5" stays -5


def _csv_line(cells: list[str]) -> str:
    """A CSV line of cells made by _CsvCells, as csv.writer writes it: it quotes a row of one
    empty cell, or the line would read as no cell at all."""
    return (",".join(cells) or ('""' if len(cells) == 1 else "")) + "\r\n"


def excel_csv(header: list[str], rows: list[list]) -> bytes:
    """A CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF, formula-safe text."""
    lines = [_csv_line(list(map(_csv_as_written, header)))]
    lines += (_csv_line(list(map(_csv_cell, row))) for row in rows)
    return BOM + "".join(lines).encode("utf-8")


def write_excel_copy(source: Path, target: Path, text_fields: set[str]) -> None:
    """An Excel-ready copy of a package CSV: the same rows and cells as maintained, with a
    byte-order mark and the formula guard on text columns (a number column's "-5" stays -5),
    written a row at a time (observations.csv is tens of MB at 5,000 indicators)."""
    with source.open(encoding="utf-8-sig", newline="") as maintained, \
            target.open("w", encoding="utf-8", newline="") as copy:
        reader = csv.reader(maintained)
        header = next(reader, [])
        cells = [_csv_cell if name in text_fields else _csv_as_written for name in header]
        copy.write(BOM.decode())
        copy.write(_csv_line(list(map(_csv_as_written, header))))
        for row in reader:
            copy.write(_csv_line([cell(v) for cell, v in zip(cells, row)]))


def number_format(decimals: int) -> str:
    """'#,##0' for whole numbers, '#,##0.0' for one decimal, and so on."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")


PERCENT_POINTS = '+0.0"%";-0.0"%";0.0"%"'  # a change already in per cent: 4.35 shows as +4.4%


@lru_cache(maxsize=100_000, typed=True)  # names, units and sources recur on every row
def text_width(value) -> float:
    """About how many '0' widths a cell's text takes: Thai vowel and tone marks above or
    below a letter take no width; Thai letters are a little wider than Latin ones."""
    if value is None:
        return 0
    if isinstance(value, float):
        value = f"{value:,.3f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    value = str(value)
    if value.isascii():
        return len(value)
    width = 0.0
    for char in value:
        if unicodedata.category(char) == "Mn":
            continue
        width += 1.2 if "\u0e00" <= char <= "\u0e7f" else 1.0
    return width


class Workbook:
    """An XLSX workbook of tables and an "about" sheet, made in memory (xlsxfile.py), then bytes.

    Cells are written by type, never parsed: text stays text, whatever it looks like; text
    a spreadsheet would run as a formula is guarded (spreadsheet_safe)."""

    def __init__(self) -> None:
        self._sheets: list[tuple[str, bytes]] = []
        self._number_formats: dict[str, int] = {}  # format -> its style (xlsxfile.styles_xml)

    def _style(self, number_format: str) -> int:
        if number_format not in self._number_formats:
            self._number_formats[number_format] = xlsxfile.number_style(len(self._number_formats))
        return self._number_formats[number_format]

    def add_table(self, title: str, header: list[str], rows: Iterable[tuple[list, list[str | None] | None]]) -> None:
        """A sheet of header and rows, each row with its cells' number formats (or None):
        bold frozen header, fitted widths."""
        widths = [text_width(name) for name in header]
        bold = xlsxfile.BOLD
        lines = [xlsxfile.row_xml(1, [(name, bold) for name in header], _safe_cell)]
        style = self._style
        for r, (row, formats) in enumerate(rows, start=2):
            widths = list(map(max, widths, map(text_width, row)))  # no row kept: 100,000 of them at 5,000
            styles = [style(f) if f else 0 for f in formats] if formats else [0] * len(row)
            lines.append(xlsxfile.row_xml(r, zip(row, styles), _safe_cell))
        self._add(title, lines, len(lines), len(header), [min(MAX_WIDTH, w + 2) for w in widths], frozen_header=True)

    def add_about(self, blocks: list[list[tuple[str, str]]], title: str = "about") -> None:
        """An "about" sheet of (label, text) pairs, one block per language, a blank row between."""
        pairs = [pair for block in blocks for pair in block]
        widths = [min(MAX_WIDTH, max(text_width(k) for k, _ in pairs) + 2),
                  min(MAX_WIDTH * 2, max(text_width(v) for _, v in pairs) + 2)]
        lines, r = [], 1
        for block in blocks:
            for key, value in block:
                lines.append(xlsxfile.row_xml(r, [(key, xlsxfile.BOLD), (value, 0)], _safe_cell))
                r += 1
            r += 1
        self._add(title, lines, r - 2, 2, widths, frozen_header=False)

    def _add(self, title: str, lines: list[str], last_row: int, columns: int, widths: list[float],
             frozen_header: bool) -> None:
        self._sheets.append((title[:31], xlsxfile.sheet_xml(lines, last_row, columns, widths, frozen_header,
                                                            selected=not self._sheets)))

    def to_bytes(self, stamp: dt.datetime) -> bytes:
        """The workbook as bytes, the same bytes for the same data: dated by the data, never
        the clock."""
        return xlsxfile.workbook_bytes(self._sheets, list(self._number_formats), "devplan", stamp)


def zip_entry(name: str, stamp: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
