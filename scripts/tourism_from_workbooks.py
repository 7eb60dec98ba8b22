"""Yearly tourism figures for 2019-2022, every province, region and the country, from the
Ministry of Tourism and Sports' monthly province workbooks kept in data/documents/.

MOTS published 2019-2022 only month by month (one sheet per month, each with the previous
year's figure beside this year's). A year's total is the sum of its 12 monthly figures;
the occupancy rate, which cannot be summed, is the mean of the 12 monthly rates rounded to
2 decimals, the same arithmetic MOTS's own Jan-Dec sheets use (checked on its 2024 and
2025 workbooks). For each year the latest workbook that holds all 12 months is used, and
the figure is revised only if every month's column is marked R (else preliminary). A
region's figure is the sum of the region's own monthly rows, never of its provinces; an
area missing a number in any month gets no value for that year (never a zero).

Run `python scripts/tourism_from_workbooks.py` to print the values, `--write` to put them
into data/observations.csv; tests/test_tourism_from_workbooks.py checks that they agree.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from extraction import ALONE, DATA, province_codes, region_members, thai_area, write_observations

# Workbook file under data/documents/ -> its source_id in sources.csv, oldest first.
WORKBOOKS = {
    "mots-domestic-tourism-2563.xlsx": "mots-tourism-2563-monthly",
    "mots-domestic-tourism-2564.xlsx": "mots-tourism-2564-monthly",
    "mots-domestic-tourism-2565.xlsx": "mots-tourism-2565-monthly",
}
# Heading of each 3-column block in a monthly sheet -> indicator_id.
HEADINGS = {
    "อัตราการเข้าพัก": "hotel-occupancy-rate",
    "จำนวนผู้เข้าพัก (คน)": "hotel-guests",
    "จำนวนผู้เยี่ยมเยือนทั้งหมด (คน)": "tourist-arrivals",
    "จำนวนผู้เยี่ยมเยือนคนไทย (คน)": "thai-visitors",
    "จำนวนผู้เยี่ยมเยือนชาวต่างชาติ (คน)": "foreign-visitors",
    "รายได้จากผู้เยี่ยมเยือน (ล้านบาท)": "tourism-revenue",
    "รายได้จากผู้เยี่ยมเยือนคนไทย (ล้านบาท)": "tourism-revenue-thai",
    "รายได้จากผู้เยี่ยมเยือนชาวต่างชาติ (ล้านบาท)": "tourism-revenue-foreign",
}
# The total rows of the 2020-2022 workbooks and their areas. Their central, western and
# eastern regions differ from those of the 2024-2025 workbooks, hence their own codes; a
# total row printed just "รวม" (twice) is the region whose provinces it closes.
TOTALS = {"ภาคกลาง": "TH-MOTS19-C", "ภาคตะวันตก": "TH-MOTS19-W", "ภาคตะวันออก": "TH-MOTS19-E",
          "ภาคใต้": "TH-MOTS-S", "ภาคเหนือ": "TH-MOTS-N", "ภาคตะวันออกเฉียงเหนือ": "TH-MOTS-NE", "รวมทั้งหมด": "TH"}
UNLABELLED_TOTAL = "รวม"
RATE = "hotel-occupancy-rate"
# MOTS's 2020 sheets say that from April 2020 visitors were counted mainly from accommodation
# guests, foreign visitors were those stranded since the border closed, and occupancy included
# closed establishments: 2020 is its own series for everything but the guest count.
PANDEMIC_YEAR, PANDEMIC_SERIES = 2020, "mots-2020-pandemic-method"
DECIMALS = {"hotel-occupancy-rate": 2, "tourism-revenue": 2, "tourism-revenue-thai": 2, "tourism-revenue-foreign": 2}
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
FOOTNOTE = re.compile(r"\s*(/\d|\*)$")  # "อัตราการเข้าพัก/1": a heading with its footnote mark
# "2563(P)", "2564 (P)", "2562(R)" and, once, "2562®": Buddhist-era year and its P/R mark.
COLUMN = re.compile(r"^(25\d\d)\s*(?:\(([PR])\)|(®))$")


@dataclass(frozen=True)
class YearValue:
    indicator_id: str
    area_id: str
    year: int  # C.E.
    value: float
    status: str  # preliminary or revised
    workbook: str
    columns: str  # the column labels used, e.g. "2563(P)"


def _month(sheet_name: str) -> int:
    for number, prefix in enumerate(MONTHS, start=1):
        if sheet_name.strip().startswith(prefix):
            return number
    raise ValueError(f"sheet '{sheet_name}' does not start with a Thai month")


def heading(cell) -> str | None:
    return FOOTNOTE.sub("", cell.strip()) if isinstance(cell, str) else None


def row_areas(names: list, provinces: dict[str, str], totals: dict[str, str]) -> list[str | None]:
    """The area of each row of a sheet (None for headings, notes and blank rows); a total
    printed "รวม" is the region of `totals` whose provinces (area_members.csv) the rows
    above it list."""
    codes, block = [], []
    for name in names:
        code = thai_area(name, provinces, totals) if isinstance(name, str) else None
        if code is None and isinstance(name, str) and name.strip() == UNLABELLED_TOTAL:
            members = region_members()
            code = next(region for region in totals.values() if members.get(region) == sorted(block))
        codes.append(code)
        if code in totals.values():
            block = []
        elif code and code not in ALONE:
            block.append(code)
    return codes


def read_sheet(rows: list[tuple], provinces: dict[str, str], totals: dict[str, str]) -> dict[tuple, tuple]:
    """{(indicator_id, area_id, C.E. year): (value, P or R, column label)} of every area row."""
    headings = [heading(c) for c in next(r for r in rows if r and any(heading(c) in HEADINGS for c in r))]
    labels = next(r for r in rows if r and any(isinstance(c, str) and COLUMN.match(c.strip()) for c in r))
    found = {}
    for row, area in zip(rows, row_areas([r[1] if len(r) > 1 else None for r in rows], provinces, totals)):
        if area is None:
            continue
        for start, title in enumerate(headings):
            if title not in HEADINGS:
                continue
            for column in (start, start + 1):  # this year, then the previous year
                match = COLUMN.match(str(labels[column]).strip())
                mark = match.group(2) or "R"  # "®" is the R mark typed as a symbol
                found[(HEADINGS[title], area, int(match.group(1)) - 543)] = (row[column], mark, str(labels[column]).strip())
    return found


def read_workbook(path: Path, provinces: dict[str, str]) -> dict[tuple, dict[int, tuple]]:
    """{(indicator_id, area_id, year): {month: (value, mark, label)}} for every month sheet."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    months: dict = {}
    for name in book.sheetnames:
        for key, cell in read_sheet(list(book[name].iter_rows(values_only=True)), provinces, TOTALS).items():
            months.setdefault(key, {})[_month(name)] = cell
    return months


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def yearly_values(documents: Path = DATA / "documents") -> list[YearValue]:
    """One value per indicator, area and year: from the latest workbook holding all 12 months."""
    provinces = province_codes()
    chosen: dict[tuple, tuple[str, dict]] = {}
    for workbook in WORKBOOKS:  # oldest first, so a later workbook replaces an earlier one
        for key, months in read_workbook(documents / workbook, provinces).items():
            if sorted(months) == list(range(1, 13)):
                chosen[key] = (workbook, months)
    values = []
    for (indicator, area, year), (workbook, months) in sorted(chosen.items()):
        figures = [months[m][0] for m in range(1, 13)]
        if not all(_number(f) for f in figures):
            continue  # a month without a number: no yearly value, never a zero
        total = sum(figures) / 12 if indicator == RATE else sum(figures)
        value = round(total, DECIMALS.get(indicator, 0))
        status = "revised" if all(months[m][1] == "R" for m in months) else "preliminary"
        columns = ", ".join(sorted({months[m][2] for m in months}))
        values.append(YearValue(indicator, area, year, value if indicator in DECIMALS else int(value),
                                status, workbook, columns))
    return values


def _notes(item: YearValue) -> tuple[str, str]:
    edition = int(item.workbook[-9:-5])  # the workbook's B.E. year, e.g. 2564
    th_status = "ปรับปรุง" if item.status == "revised" else "เบื้องต้น"
    if item.indicator_id == RATE:
        how_th = "ค่าเฉลี่ยของอัตราการเข้าพักรายเดือน 12 เดือน (ม.ค.-ธ.ค.) ปัดเป็นทศนิยม 2 ตำแหน่ง แบบเดียวกับแผ่นงานยอดสะสมของ กก. ปี 2567-2568"
        how_en = ("Mean of the 12 monthly occupancy rates (Jan-Dec), rounded to 2 decimals, the same "
                  "arithmetic as MOTS's own Jan-Dec sheets of 2024-2025")
    else:
        how_th = "ผลรวมของตัวเลขรายเดือน 12 เดือน (ม.ค.-ธ.ค.)"
        how_en = "Sum of the 12 monthly figures (Jan-Dec)"
    return (f"{how_th} ในไฟล์รายเดือนของ กก. ปี {edition} คอลัมน์ {item.columns} ({th_status}) "
            f"คำนวณด้วย scripts/tourism_from_workbooks.py",
            f"{how_en} in MOTS's monthly workbook of {edition - 543}, column {item.columns} ({item.status}); "
            f"computed by scripts/tourism_from_workbooks.py")


def _series(item: YearValue) -> str:
    return PANDEMIC_SERIES if item.year == PANDEMIC_YEAR and item.indicator_id != "hotel-guests" else ""


def observation_rows(values: list[YearValue]) -> list[dict]:
    rows = []
    for item in values:
        note_th, note_en = _notes(item)
        if _series(item):
            note_th += (" ชุดข้อมูลแยก: เชิงอรรถในไฟล์ปี 2563 ระบุว่าตั้งแต่ เม.ย. 2563 นับผู้เยี่ยมเยือนจากผู้เข้าพักในสถานพักแรมเป็นหลัก"
                        " ผู้เยี่ยมเยือนต่างชาติหมายถึงผู้ที่เข้ามาก่อนปิดด่าน และอัตราการเข้าพักรวมสถานพักแรมที่หยุดให้บริการ จึงเทียบกับปีอื่นไม่ได้")
            note_en += (". Own series: footnotes of the 2020 workbook say that from April 2020 visitors were counted mainly "
                        "from accommodation guests, foreign visitors meant those who entered before the border closed, and "
                        "occupancy included closed establishments, so 2020 is not comparable with other years")
        rows.append({"indicator_id": item.indicator_id, "year": str(item.year), "value": str(item.value),
                     "status": item.status, "source_id": WORKBOOKS[item.workbook],
                     "note_th": note_th, "note_en": note_en, "series": _series(item), "coverage": "",
                     "area_id": item.area_id, "derivation": "mean-of-months" if item.indicator_id == RATE else "sum-of-months"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="put the values into data/observations.csv")
    args = parser.parse_args()
    rows = observation_rows(yearly_values())
    if args.write:
        write_observations(rows)
    for row in rows:
        print(row["indicator_id"], row["area_id"], row["year"], row["value"], row["status"], row["source_id"], sep="\t")


if __name__ == "__main__":
    main()
