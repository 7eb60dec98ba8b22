"""Yearly tourism figures for 2023-2025, every province, region and the country, from the
cumulative January-December sheets of MOTS's 2024 and 2025 workbooks.

The workbooks are copies held in the public repository tanpim16/tourism-analysis-project
(ImportData/Tourism Data/), not kept here: pass the folder holding a copy of that
repository (at the commit sources.csv cites); each file's sha256 is checked first. Every
value is the printed figure of its row (nothing summed): the 2024 workbook's sheet
"ยอดสะสม ม.ค. - ธ.ค." gives 2023 (column 2566R) and 2024 (2567R), the 2025 workbook's
"ยอดสะสมม.ค. - ธ.ค.2568p" gives 2025 (2568P); one edition per year. Region rows are the
regions' own printed totals (the 2025 sheet calls "ภาคกลาง" the region the 2024 sheet calls
"ภาคกลางไม่รวมกรุงเทพฯ": the same 17 provinces, and its 2024 column repeats that total).

    python scripts/tourism_cumulative.py COPIES [--write]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import openpyxl
from extraction import check_copy, province_codes, write_observations
from tourism_from_workbooks import DECIMALS, HEADINGS, heading, row_areas

FOLDER = "ImportData/Tourism Data"
# (file, sha256, sheet, source_id, columns to take by their label)
SHEETS = [
    ("Tourism_Data_year_2567.xlsx", "30bdf37280547060bf73e46b37dcdb1690c5d1a7b05e730864b2f0ad064830f1",
     "ยอดสะสม ม.ค. - ธ.ค.", "mots-tourism-2567", ("2567R", "2566R")),
    ("Tourism_Data_year_2568.xlsx", "ef712f0176b25b2796719805737589ad5e8e11a8978119b03b6978e8b9eb289c",
     "ยอดสะสมม.ค. - ธ.ค.2568p", "mots-tourism-2568", ("2568P",)),
]
TOTALS = {"ภาคกลางไม่รวมกรุงเทพฯ": "TH-MOTS-C", "ภาคกลาง": "TH-MOTS-C", "ภาคตะวันออก": "TH-MOTS-E",
          "ภาคใต้": "TH-MOTS-S", "ภาคเหนือ": "TH-MOTS-N", "ภาคตะวันออกเฉียงเหนือ": "TH-MOTS-NE", "รวมทั้งหมด": "TH"}
STATUS = {"R": ("revised", "ปรับปรุง"), "P": ("preliminary", "เบื้องต้น")}


def _label(cell) -> str | None:
    text = str(cell).strip().upper() if cell is not None else ""
    return text if len(text) == 5 and text[:4].isdigit() and text[4] in STATUS else None


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    return list(book[sheet].iter_rows(values_only=True))


def observation_rows(copies: Path) -> list[dict]:
    provinces = province_codes()
    rows = []
    for file, digest, sheet, source, wanted in SHEETS:
        edition = int(file[-9:-5])
        table = sheet_rows(check_copy(copies / FOLDER / file, digest), sheet)
        headings = [heading(c) for c in next(r for r in table if r and any(heading(c) in HEADINGS for c in r))]
        labels = [_label(c) for c in next(r for r in table if r and any(_label(c) for c in r))]
        for row, area in zip(table, row_areas([r[1] if len(r) > 1 else None for r in table], provinces, TOTALS)):
            if area is None:
                continue
            for start, title in enumerate(headings):
                for column in (start, start + 1) if title in HEADINGS else ():
                    if labels[column] not in wanted or not isinstance(row[column], (int, float)):
                        continue  # a column of another edition, or no printed number: no row
                    indicator, label = HEADINGS[title], labels[column]
                    status, status_th = STATUS[label[4]]
                    decimals = DECIMALS.get(indicator, 0)
                    value = round(row[column], decimals) if decimals else int(round(row[column]))
                    rows.append({
                        "indicator_id": indicator, "year": str(int(label[:4]) - 543), "value": str(value),
                        "status": status, "source_id": source,
                        "note_th": f"ยอดสะสม ม.ค.-ธ.ค. ไฟล์ปี {edition} คอลัมน์ {label} ({status_th})",
                        "note_en": f"Cumulative Jan-Dec sheet of the {edition - 543} workbook, column {label} ({status})",
                        "series": "", "coverage": "", "area_id": area, "derivation": ""})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("copies", type=Path, help="folder holding a copy of tanpim16/tourism-analysis-project")
    parser.add_argument("--write", action="store_true", help="put the values into data/observations.csv")
    args = parser.parse_args()
    rows = observation_rows(args.copies)
    if args.write:
        write_observations(rows)
    for row in rows:
        print(row["indicator_id"], row["area_id"], row["year"], row["value"], row["status"], row["source_id"], sep="\t")


if __name__ == "__main__":
    main()
