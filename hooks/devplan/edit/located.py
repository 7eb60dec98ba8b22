"""A problem of an uploaded workbook, located twice: by sheet and cell, where the maintainer
typed it, and by FILE:ROW:COLUMN, where it would be in the package's CSV file (the
validator's own words and place, when the validator found it)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..check.problems import Problem
from ..publish.xlsxfile import column_letters


@dataclass(frozen=True)
class Located:
    sheet: str | None  # None: the file as a whole
    row: int | None  # the sheet's row number
    column: int | None  # the sheet's column, from 0
    problem: Problem  # code, messages and the CSV place (file, row, column; row None when it has none)
    cells: str | None = None  # a range such as B5:C5 (merged cells)

    @classmethod
    def about_file(cls, shown: str, code: str, en: str, th: str) -> Located:
        return cls(None, None, None, Problem(shown, None, None, code, en, th))

    @classmethod
    def in_sheet(cls, sheet: str, row: int | None, column: int | None, code: str, en: str, th: str) -> Located:
        return cls(sheet, row, column, Problem("", None, None, code, en, th))

    @classmethod
    def in_range(cls, sheet: str, cells: str, code: str, en: str, th: str) -> Located:
        return cls(sheet, None, None, Problem("", None, None, code, en, th), cells)

    def at_csv(self, file: str, row: int | None, column: str | None) -> Located:
        return replace(self, problem=replace(self.problem, file=file, row=row, column=column))

    @property
    def code(self) -> str:
        return self.problem.code

    def cell(self) -> str | None:
        """'C14', '14' (a whole row), 'C' (a whole column), a range, or None."""
        if self.cells:
            return self.cells
        letter = column_letters(self.column) if self.column is not None else ""
        number = str(self.row) if self.row is not None else ""
        return f"{letter}{number}" or None

    def place(self, lang: str) -> str:
        """'ชีต ค่าที่วัดได้ (observations) เซลล์ C14' / 'sheet ค่าที่วัดได้ (observations) cell C14'."""
        th = lang == "th"
        if self.sheet is None:
            return self.problem.file
        words = [f"{'ชีต' if th else 'sheet'} {self.sheet}"]
        spot = self.cell()
        if spot and self.cells:
            words.append(f"{'เซลล์' if th else 'cells'} {spot}")
        elif spot and self.row is not None and self.column is not None:
            words.append(f"{'เซลล์' if th else 'cell'} {spot}")
        elif spot and self.row is not None:
            words.append(f"{'แถว' if th else 'row'} {spot}")
        elif spot:
            words.append(f"{'คอลัมน์' if th else 'column'} {spot}")
        return " ".join(words)

    def csv_place(self) -> str | None:
        """FILE:ROW:COLUMN as the validator prints it, when the problem has a CSV place."""
        return self.problem.location() if self.problem.file else None

    def message(self, lang: str) -> str:
        return self.problem.message_th if lang == "th" else self.problem.message_en

    def __str__(self) -> str:
        where = self.place("en") + (f" ({self.csv_place()})" if self.sheet and self.csv_place() else "")
        return f"{where}: {self.problem.message_en} / {self.place('th')}: {self.problem.message_th}"
