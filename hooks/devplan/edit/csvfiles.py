"""A package CSV as the workbook round trip needs it: its rows, and the exact text of each.

The import writes a table back in the file's own style (byte-order mark or not, line
endings, quoting): a row that did not change keeps its bytes, so a workbook uploaded
unchanged gives byte-identical files and a changed one gives a diff of the changed lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


@dataclass
class CsvFile:
    header: list[str]
    records: list[list[str]]  # after the header, without blank lines at the end
    chunks: dict[tuple, str]  # a row's cells -> its text as written (line ending included)
    bom: str
    newline: str
    raw: bytes


def read_csv(path: Path) -> CsvFile | None:
    """The file's rows and their text, or None when it is missing or unreadable (the
    validator says why; the import then writes the file in the package's usual style)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom):]
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, chunks, end = [], {}, 0
    try:
        for record in reader:
            chunk = "".join(lines[end:reader.line_num])
            chunks.setdefault(tuple(record), chunk if chunk.endswith(("\n", "\r")) else chunk + newline)
            rows.append(record)
            end = reader.line_num
    except csv.Error:
        return None
    while len(rows) > 1 and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        return None
    return CsvFile(rows[0], rows[1:], chunks, bom, newline, raw)


def read_records(path: Path) -> Iterator[list[str]]:
    """A checked package CSV's rows, the header first, read as they come: the workbook is made
    from files of hundreds of thousands of rows without holding one (nothing if it is missing).
    The blank lines a file may end with are not rows (the validator refuses any other)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            yield from (record for record in csv.reader(file) if any(cell.strip() for cell in record))
    except FileNotFoundError:
        return


def render(header: list[str], records: list[list[str]], original: CsvFile | None) -> bytes:
    """The file's bytes: the original ones when nothing changed, else every row that is
    unchanged as it was written and every other row as Python's csv module writes it."""
    if original is not None and header == original.header and records == original.records:
        return original.raw
    bom, newline = (original.bom, original.newline) if original else ("", "\n")
    chunks = original.chunks if original else {}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    for row in [header, *records]:
        known = chunks.get(tuple(row))
        if known is not None:
            out.write(known)
        else:
            writer.writerow(row)
    return (bom + out.getvalue()).encode("utf-8")


def record_lines(data: bytes) -> list[int]:
    """The line each record starts on (the header is line 1), as the validator counts rows."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    starts, end = [], 0
    for _ in reader:
        starts.append(end + 1)
        end = reader.line_num
    return starts
