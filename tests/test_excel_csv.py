"""The Excel-ready CSVs (publish/spreadsheets.excel_csv): each line is what csv.writer writes
of the row with every text formula-guarded, whatever the cells hold; and the file opens as
a spreadsheet reads it (byte-order mark, the same cells back)."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from devplan.publish.spreadsheets import BOM, excel_csv, spreadsheet_safe, write_excel_copy

# Texts a cell can hold, leaning on what csv quotes and what the guard catches.
TEXTS = st.lists(st.sampled_from(list(',"\r\n\t =+-@_x0Aa1.ก่ี😀') + ["\u0e40\u0e0a\u0e35"]), max_size=8).map("".join)
CELLS = st.one_of(TEXTS, st.text(max_size=5), st.integers(), st.floats(allow_nan=False), st.none(), st.booleans())


def written_by_csv(header, rows) -> bytes:
    """The reference: csv.writer, each cell guarded first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return BOM + out.getvalue().encode("utf-8")


@given(st.lists(st.lists(CELLS, min_size=1, max_size=4), max_size=6))
def test_each_line_is_what_csv_writes_of_the_guarded_row(rows):
    header = [f"column_{n}" for n in range(max(map(len, rows), default=1))]
    assert excel_csv(header, rows) == written_by_csv(header, rows)


def test_a_number_and_its_equal_float_keep_their_own_text():
    # 1, 1.0 and True are one key of a dict: the text of one must not stand for another's.
    rows = [["1", 1, 1.0, True], [True, 1.0, 1, "1"], ["", None, 0, 0.0]]
    assert excel_csv(["a", "b", "c", "d"], rows) == written_by_csv(["a", "b", "c", "d"], rows)


def test_a_spreadsheet_reads_the_same_cells_back():
    rows = [["=SUM(A1)", "เชียงใหม่, ไทย", 'say "hi"', "two\nlines", -5, 2566]]
    data = excel_csv(["a", "b", "c", "d", "e", "f"], rows)
    assert data.startswith(BOM)
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert read == [["a", "b", "c", "d", "e", "f"], ["'=SUM(A1)", "เชียงใหม่, ไทย", 'say "hi"', "two\nlines", "-5", "2566"]]


@given(st.lists(st.lists(TEXTS, max_size=4), max_size=6), st.lists(st.booleans(), min_size=1, max_size=4))
def test_an_excel_copy_is_what_csv_writes_with_the_text_columns_guarded(tmp_path_factory, rows, is_text):
    header = [f"column_{n}" for n in range(len(is_text))]
    folder = tmp_path_factory.mktemp("copy")
    with (folder / "maintained.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows([header, *rows])
    write_excel_copy(folder / "maintained.csv", folder / "copy.csv", {h for h, t in zip(header, is_text) if t})
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in csv.reader(io.StringIO("".join(csv_line(row) for row in rows), newline="")):
        writer.writerow([spreadsheet_safe(v) if t else v for v, t in zip(row, is_text)])
    assert (folder / "copy.csv").read_bytes() == BOM + out.getvalue().encode("utf-8")


def csv_line(row) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerow(row)
    return out.getvalue()
