"""The maintainer's workbook: every table of the package as a sheet to edit in Excel or
LibreOffice, made from datapackage.yaml and the CSV files (layout.py says its shape).

Each column carries what its schema says: a note on its header (description, required or
not, allowed values, range, an example), a drop-down for allowed values and for ids of
other tables, number, year and date checks, and a cell format (text for every text column,
so an id like 2024-01 never becomes a date). The header rows and the first column are
frozen, the header protected; data cells are free. Cells hold the CSV's values typed by
the schema, so the import gives back the same files. The same data gives the same bytes: nothing reads the clock.

XlsxWriter writes everything but the data rows: the notes, drop-downs, formats, protection
and the small sheets. The data rows (hundreds of thousands of cells at 1,000 indicators) are
written by xlsxfile.row_xml, a third of XlsxWriter's time a cell (measured: docs/DECISIONS.md
"The maintainers' workbook"), to scratch files, and put into their sheets when XlsxWriter has
closed the book.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
import zipfile
from pathlib import Path

import xlsxwriter

from ..addresses import workbook_name
from ..check.descriptor import load_yaml
from ..check.problems import find_descriptor
from ..check.tables import read_package
from ..publish import scratch, xlsxfile
from ..publish.spreadsheets import text_width
from ..render.labels import label
from . import layout
from .csvfiles import read_records
from .notes import column_note, input_message, validation

LANGUAGES = ("th", "en")
MAX_WIDTH = 50
WIDTH_ROWS = 1000  # a column is as wide as its widest text in the first rows
LIST_LENGTH = 255  # XlsxWriter's (and Excel's) limit for a list written inline
NAME_LENGTH = 40  # of the Thai name shown beside an id
HEADER = {"bold": True, "bg_color": "#b2dfdb", "border": 1, "text_wrap": True, "valign": "top"}  # locked
STEP_WIDTH, LINE_HEIGHT = 90, 15  # the instructions' text column (characters) and a line's height (points)
NOTE = {"x_scale": 3, "y_scale": 4, "author": "devplan"}  # a header's note: room for both languages
STEPS = ("workbook_intro", "workbook_edit", "workbook_header", "workbook_ids", "workbook_numbers", "workbook_avoid",
         "workbook_upload")
FORMATS = {"string": {"num_format": "@"}, "integer": {"num_format": "0"}, "number": {}, "date": {"num_format": "yyyy-mm-dd"}}


class WorkbookError(Exception):
    """The data has problems: a workbook made from it would carry them (message in both languages)."""


def make_workbook(data_dir: str | Path, tables: dict[str, list[dict]] | None = None) -> bytes:
    """The workbook of a valid package, as bytes (the same bytes for the same data).
    `tables` are the typed rows of a package already checked (the build's); without them
    the package is checked here first."""
    descriptor_path = find_descriptor(data_dir)
    if tables is None:
        package = read_package(data_dir)
        if package.problems:
            raise WorkbookError(f"{len(package.problems)} problem(s) in the data: run scripts/validate.py and fix them "
                                f"first / ข้อมูลมีปัญหา {len(package.problems)} รายการ: เรียก scripts/validate.py แล้วแก้ก่อน")
        descriptor, tables = package.descriptor, package.tables
    else:
        descriptor = load_yaml(descriptor_path.read_text(encoding="utf-8-sig"))
    base = descriptor_path.parent
    files = {r["name"]: base / r["path"] for r in descriptor["resources"]}
    buffer = io.BytesIO()
    stamp = dt.datetime.combine(max((s["accessed"] for s in tables.get("sources", [])), default=dt.date(2000, 1, 1)),
                                dt.time())
    # Constant memory: each row is written out as the next begins (every sheet is written row
    # by row), so 370,000 values need little more memory than 5,000. The parts are zipped from
    # temporary files (mode 0600, dated 1980: the same bytes) in a build's scratch folder, which
    # the next build sweeps if this one is killed.
    with scratch.folder() as folder:
        book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "tmpdir": str(folder), "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False})
        writer = _Writer(book, descriptor, files, folder)
        writer.instructions(layout.data_version(base, descriptor), tables)
        for resource in descriptor["resources"]:
            writer.table(resource)
        writer.lists_sheet()
        book.set_properties({"title": str(descriptor.get("title", "")), "author": "devplan", "created": stamp})
        book.close()
        return _with_rows(buffer.getvalue(), writer.rows)


def write_workbook(data_dir: str | Path, folder: Path, tables: dict[str, list[dict]]) -> None:
    """The build's copy, beside the downloads: folder/PACKAGE-workbook.xlsx."""
    descriptor = load_yaml(find_descriptor(data_dir).read_text(encoding="utf-8-sig"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / workbook_name(descriptor)).write_bytes(make_workbook(data_dir, tables))


class _Writer:
    def __init__(self, book, descriptor: dict, files: dict[str, Path], folder: Path):
        self.book, self.descriptor, self.files, self.folder = book, descriptor, files, folder
        self.rows: dict[str, tuple[Path, str]] = {}  # a sheet's part in the file -> its data rows' XML, its extent
        self.resources = {r["name"]: r for r in descriptor["resources"]}
        self.names: dict[tuple, dict[str, str]] = {}  # (table, key column) -> id -> Thai name
        self.lists: dict[tuple, tuple[str, list[str]]] = {}  # columns of the hidden lists sheet
        self.formats = {kind: book.add_format({**spec, "locked": False}) for kind, spec in FORMATS.items()}
        self.header = {"th": book.add_format(HEADER), "en": book.add_format({**HEADER, "italic": True}),
                       "field": book.add_format({**HEADER, "bold": False, "font_color": "#455a64"})}

    # --- the instructions, Thai then English ------------------------------------------------

    def instructions(self, version: str, tables: dict) -> None:
        sheet = self.book.add_worksheet(layout.INSTRUCTIONS)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 1, STEP_WIDTH)
        sheet.set_column(2, 3, 22)
        wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        title = self.book.add_format({"bold": True, "font_size": 14})
        bold = self.book.add_format({"bold": True, "valign": "top"})
        row = 0
        for lang in LANGUAGES:
            sheet.write_string(row, 0, label("workbook_title", lang, package=self._title(lang)), title)
            row += 2
            for number, key in enumerate(STEPS, start=1):
                text = label(key, lang)
                sheet.write_string(row, 0, f"{number}.", bold)
                sheet.write_string(row, 1, text, wrap)
                # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
                sheet.set_row(row, LINE_HEIGHT * math.ceil(text_width(text) / (STEP_WIDTH + 6)) + 3)
                row += 1
            row += 1
            for c, key in enumerate(("workbook_sheet", "workbook_row_is", "workbook_file", "workbook_rows")):
                sheet.write_string(row, c, label(key, lang), bold)
            for resource in self.descriptor["resources"]:
                row += 1
                sheet.write_string(row, 0, layout.sheet_name(resource))
                sheet.write_string(row, 1, str(resource.get(f"title_{lang}") or resource.get("title") or ""), wrap)
                sheet.write_string(row, 2, f"data/{resource['path']}")
                sheet.write_number(row, 3, len(tables.get(resource["name"], [])))
            row += 3
        sheet.write_string(row, 1, f'{label("workbook_made_from", "th")} / {label("workbook_made_from", "en")}', bold)
        sheet.write_string(row + 1, 0, layout.PACKAGE_KEY, bold)
        sheet.write_string(row + 1, 1, self.descriptor["name"])
        sheet.write_string(row + 2, 0, layout.VERSION_KEY, bold)
        sheet.write_string(row + 2, 1, version)
        sheet.fit_to_pages(1, 0)
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})

    def _title(self, lang: str) -> str:
        return str(self.descriptor.get(f"title_{lang}") or self.descriptor.get("title") or self.descriptor["name"])

    # --- one table ---------------------------------------------------------------------------

    def table(self, resource: dict) -> None:
        fields = resource["schema"]["fields"]
        rows = read_records(self.files[resource["name"]])
        header = next(rows, [])
        head = list(itertools.islice(rows, WIDTH_ROWS))  # what the widths and examples are read from
        links = layout.references(resource)
        sheet = self.book.add_worksheet(layout.sheet_name(resource))
        first = layout.FIRST_DATA_ROW - 1  # XlsxWriter counts rows from 0
        at = [header.index(spec["name"]) if spec["name"] in header else None for spec in fields]
        names = [self._names(links[spec["name"]]) if spec["name"] in links else None for spec in fields]

        def cells(record: list[str]) -> list[str]:
            """A row's cells in the schema's order; an id of another table with its Thai name."""
            values = [record[k] if k is not None and k < len(record) else "" for k in at]
            return [f"{v}{layout.NAME_SEPARATOR}{n[v]}" if n and n.get(v) else v for v, n in zip(values, names)]

        shown = [cells(record) for record in head]
        examples = [next((row[c] for row in shown if row[c].strip()), None) for c in range(len(fields))]
        if None in examples:  # a column empty in the first rows: its example is further down, if anywhere
            further = itertools.islice(read_records(self.files[resource["name"]]), 1 + len(head), None)
            wanted = [at[c] for c, example in enumerate(examples) if example is None and at[c] is not None]
            for record in further:  # a row with none of them filled in changes nothing (most rows)
                if not any(k < len(record) and record[k].strip() for k in wanted):
                    continue
                examples = [e if e is not None or not v.strip() else v for e, v in zip(examples, cells(record))]
                if None not in examples:
                    break
                wanted = [at[c] for c, example in enumerate(examples) if example is None and at[c] is not None]
        titles, targets = [], []
        for c, spec in enumerate(fields):
            target = links.get(spec["name"])
            targets.append((layout.sheet_name(self.resources[target[0]]), target[1]) if target else None)
            titles.append({lang: layout.field_title(spec, lang) + (" *" if spec.get("constraints", {}).get("required") else "")
                           for lang in LANGUAGES})
            width = max([text_width(t) / 2 for t in titles[c].values()]
                        + [text_width(v) for v in [spec["name"], *(row[c] for row in shown)]])
            sheet.set_column(c, c, min(MAX_WIDTH, width + 2), self.formats[spec.get("type", "string")])
        # Row by row, in order: the workbook is written in XlsxWriter's constant-memory mode.
        sheet.set_row(layout.TITLE_TH_ROW - 1, 33)
        sheet.set_row(layout.TITLE_EN_ROW - 1, 33)
        for row, key in ((layout.TITLE_TH_ROW, "th"), (layout.TITLE_EN_ROW, "en"), (layout.FIELD_ROW, "field")):
            for c, spec in enumerate(fields):
                text = spec["name"] if key == "field" else titles[c][key]
                sheet.write_string(row - 1, c, text, self.header[key])
                if key == "th":  # a note belongs to its row, before the next row flushes it
                    sheet.write_comment(row - 1, c, column_note(spec, resource, targets[c], examples[c] or ""), NOTE)
        # The data rows, typed and styled as their column, go to a scratch file (_with_rows). The
        # style is the number XlsxWriter gives the column's format (_get_xf_index: it has no public name).
        kinds = [(spec.get("type", "string"), self.formats[spec.get("type", "string")]._get_xf_index()) for spec in fields]
        count = 0
        part = self.folder / f"rows-{len(self.rows)}.xml"
        with part.open("w", encoding="utf-8") as out:
            for count, record in enumerate(itertools.chain(head, rows), start=1):
                out.write(xlsxfile.row_xml(first + count, [_cell(v, *kinds[c]) for c, v in enumerate(cells(record))]))
        extent = f"A1:{xlsxfile.column_letters(max(len(fields), 1) - 1)}{first + count}"
        self.rows[f"xl/worksheets/sheet{len(self.book.worksheets())}.xml"] = (part, extent)
        for c, spec in enumerate(fields):
            rule = validation(spec, targets[c], self._list_source(spec, links.get(spec["name"])))
            rule["input_title"], rule["input_message"] = input_message(spec)
            sheet.data_validation(first, c, layout.LAST_ROW - 1, c, rule)
        sheet.freeze_panes(layout.FIELD_ROW, 1)  # the header rows and the first (id) column stay in view
        sheet.set_landscape()  # printed: as wide as a page, the header on every page
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0, layout.FIELD_ROW - 1)
        sheet.autofilter(layout.FIELD_ROW - 1, 0, first + max(count, 1) - 1, len(fields) - 1)
        # The header is locked; data cells (unlocked by their column's format) stay free, and rows
        # may be added, deleted and sorted. No password: the protection only guards against slips.
        sheet.protect("", {"insert_rows": True, "delete_rows": True, "sort": True, "autofilter": True,
                           "format_columns": True, "format_rows": True,
                           "select_locked_cells": True, "select_unlocked_cells": True})

    def _names(self, target: tuple[str, str]) -> dict[str, str]:
        """The referenced table's ids with their Thai names, cut to fit a drop-down."""
        if target not in self.names:
            found = self.names[target] = {}
            rows, name = read_records(self.files[target[0]]), layout.name_column(self.resources[target[0]])
            header = next(rows, [])
            if target[1] in header:
                k = header.index(target[1])
                n = header.index(name) if name in header else None
                for record in rows:
                    text = record[n].strip() if n is not None and n < len(record) else ""
                    found[record[k]] = text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1] + "…"
        return self.names[target]

    def _list_source(self, spec: dict, target: tuple | None) -> list[str] | str | None:
        """A drop-down's values: inline when short, else a range of the hidden lists sheet."""
        if target:
            key = target
            entries = [f"{k}{layout.NAME_SEPARATOR}{v}" if v else k for k, v in self._names(target).items()]
        else:
            entries = list(spec.get("constraints", {}).get("enum") or [])
            if len(",".join(entries)) <= LIST_LENGTH:
                return entries or None
            key = tuple(entries)
        if not entries:
            return None
        if key not in self.lists:
            self.lists[key] = (spec["name"], entries)
        column = xlsxfile.column_letters(list(self.lists).index(key))
        return f"='{layout.LISTS}'!${column}$2:${column}${len(entries) + 1}"

    def lists_sheet(self) -> None:
        sheet = self.book.add_worksheet(layout.LISTS)
        lists = [[name, *entries] for name, entries in self.lists.values()]
        for r in range(max(map(len, lists), default=0)):  # row by row (constant-memory mode)
            for c, entries in enumerate(lists):
                if r < len(entries):
                    sheet.write_string(r, c, entries[r])
        sheet.hide()


def _cell(text: str, kind: str, style: int) -> tuple[object, int]:
    """A CSV cell typed by its schema, as xlsxfile.row_xml takes it: numbers and dates as
    numbers (a date as its spreadsheet day number), anything else as text; an empty cell
    is left out."""
    if text == "":
        return None, 0
    try:
        if kind == "integer":
            return int(text), style
        if kind == "number":
            number = float(text)
            return (number if math.isfinite(number) else text), style
        if kind == "date":
            return xlsxfile.day_number(dt.date.fromisoformat(text)), style
    except ValueError:
        pass  # never reached for valid data; kept as text, the import gives it back as written
    return text, style


_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')


def _with_rows(xlsx: bytes, rows: dict[str, tuple[Path, str]]) -> bytes:
    """XlsxWriter's file with each table's data rows put at the end of its sheet's data
    (after the header rows), the sheet's extent (dimension) reaching its last row. Parts
    are copied in order with their names, dates and attributes: the same bytes each time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = zipfile.ZipInfo(info.filename, info.date_time)
            part.compress_type, part.external_attr, part.create_system = (info.compress_type, info.external_attr,
                                                                          info.create_system)
            data = source.read(info)
            if info.filename not in rows:
                target.writestr(part, data)
                continue
            path, extent = rows[info.filename]
            head, tail = data.split(b"</sheetData>", 1)
            head = _DIMENSION.sub(f'<dimension ref="{extent}"/>'.encode(), head, 1)
            with target.open(part, "w") as out, path.open("rb") as data_rows:
                out.write(head)
                while chunk := data_rows.read(1 << 20):
                    out.write(chunk)
                out.write(b"</sheetData>" + tail)
    return buffer.getvalue()
