"""Gross provincial product 2019-2023 for the 77 provinces, and GPP per capita derived from
it, from a third-party extract of NESDC's workbook GPP-2024-On-Web-1995-2024.xlsx.

The extract is data/raw_real/nesdc_gpp_extract.json in the public repository
NongIngTeerANaD/Project_Government_Budget (the commit sources.csv cites), not kept here:
pass the folder holding a copy of that repository; the file's sha256 is checked first.
Each of its 77 rows is a province's NESDC name, GPP at current market prices in million
baht for 2019-2023 (printed figures, taken as they are) and NESDC's population in
thousands for the same years. GPP per capita is derived: GPP x 1,000,000 / (population x
1,000) baht per person, the way NESDC defines its own per-capita figure (GPP divided by its
population estimate from the same workbook), rounded to whole baht, marked `ratio`. The
extract's "sums" (its own totals of the 77 rows) are not NESDC's national figure and are
not used: there is no country row. 2019 carries no r/p mark (taken as final); 2020-2023 are
marked r (revised) in the workbook, as the extract's SOURCES.md says.

    python scripts/gpp_from_nesdc_extract.py COPIES [--write]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from extraction import areas, check_copy, write_observations

FILE = "data/raw_real/nesdc_gpp_extract.json"
SHA256 = "88d5e6ce64c9d471a9844d3da425d92bd810145f76f043120e1573858a279d4f"
SOURCE = "nesdc-gpp2024-extract-ngt"
YEARS = range(2019, 2024)
# NESDC's spellings that are not the reference's English name, spaces and case aside.
NESDC_NAMES = {"AMNAT CHAREON": "Amnat Charoen", "PHACHUAP KHIRI KHAN": "Prachuap Khiri Khan", "SA KAEW": "Sa Kaeo",
               "PHRA NAKHON SRI AYUTHAYA": "Phra Nakhon Si Ayutthaya", "BANGKOK METROPOLIS": "Bangkok"}


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def province_code(name: str, codes: dict[str, str]) -> str:
    return codes[_key(NESDC_NAMES.get(name, name))]


def _status(year: int) -> tuple[str, str, str]:
    if year == YEARS[0]:
        return "final", "ไม่มีเครื่องหมาย r/p", "no r/p mark; treated as final"
    return "revised", "r ปรับปรุง", "marked r, revised"


def observation_rows(copies: Path) -> list[dict]:
    codes = {_key(a["name_en"]): a["area_id"] for a in areas() if a["level"] == "province"}
    extract = json.loads(check_copy(copies / FILE, SHA256).read_text(encoding="utf-8"))
    rows = []
    for name, *numbers in extract["rows"]:
        area = province_code(name, codes)
        for k, year in enumerate(YEARS):
            gpp, population = numbers[k], numbers[len(YEARS) + k]
            status, mark_th, mark_en = _status(year)
            common = {"year": str(year), "status": status, "source_id": SOURCE, "series": "", "coverage": "",
                      "area_id": area}
            rows.append({"indicator_id": "gpp-current", "value": f"{gpp}", **common,
                         "note_th": f"สศช. ตาราง GPP ฉบับปี 2567 (GPP-2024-On-Web-1995-2024.xlsx) ราคาประจำปี ปี {year} "
                                    f"ค่าจากไฟล์สกัดของบุคคลที่สาม ({mark_th})",
                         "note_en": f"NESDC GPP 2024 edition workbook, current prices, year {year}, via third-party "
                                    f"extract ({mark_en})", "derivation": ""})
            rows.append({"indicator_id": "gpp-per-capita", "value": str(round(gpp * 1000 / population)), **common,
                         "note_th": f"คำนวณ: GPP ราคาประจำปี {gpp} ล้านบาท หารด้วยประชากรของ สศช. {population} พันคน "
                                    f"ปี {year} จากไฟล์เดียวกัน (นิยามเดียวกับ GPP ต่อหัวของ สศช.) ปัดเป็นบาท ({mark_th})",
                         "note_en": f"Derived: GPP at current prices {gpp} million baht divided by NESDC's population "
                                    f"{population} thousand, year {year}, from the same workbook (NESDC's own definition "
                                    f"of GPP per capita), rounded to the baht ({mark_en})", "derivation": "ratio"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("copies", type=Path, help="folder holding a copy of NongIngTeerANaD/Project_Government_Budget")
    parser.add_argument("--write", action="store_true", help="put the values into data/observations.csv")
    args = parser.parse_args()
    rows = observation_rows(args.copies)
    if args.write:
        write_observations(rows)
    for row in rows:
        print(row["indicator_id"], row["area_id"], row["year"], row["value"], row["status"], sep="\t")


if __name__ == "__main__":
    main()
