"""The areas of the data package (data/areas.csv, data/area_members.csv) from a copy of the
Thailand Canonical Administrative-Names Reference (DevelopedbyWill/thailand-canonical-admin-names,
CC BY 4.0), plus the regions and peer groups as their sources define them.

The 77 provinces take their TIS 1099 code, Thai name and canonical English name from the
reference's ADM1 table; their code here is the OCHA/RTSD p-code, "TH" + the TIS 1099 code
(TH50 = TIS 1099 50 = ISO 3166-2 TH-50). Regions and peer groups have no standard code:
they are written TH-SCHEME-LABEL (data/datapackage.yaml says why), with their members as the
cited source lists them. The reference file is not kept in this repository: pass the folder
holding a copy of it (the repository checked out at the commit in sources.csv).

    python scripts/areas_from_reference.py COPIES          # print what would be written
    python scripts/areas_from_reference.py COPIES --write  # write data/areas.csv, area_members.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
REFERENCE = "data/v1.0.0/thailand-adm1-provinces-v1.0.0.csv"
# sha256 of that file at the commit cited in sources.csv: a re-run proves it read the same file.
REFERENCE_SHA256 = "e1e7174036e29d263c9da861bd3ad872fa147502bba610c21ab02b3666f931b6"
REFERENCE_SOURCE = "canonical-admin-names-v1"
COUNTRY = ("TH", "country", "ประเทศไทย", "Thailand", "", REFERENCE_SOURCE)
MOTS_SOURCE, MOTS19_SOURCE, NESDC_SOURCE = "mots-tourism-2567", "mots-tourism-2565-monthly", "nso-syb-2552-regions"
UPPER_NORTH_1 = ("TH50", "TH51", "TH52", "TH58")
UPPER_NORTH = (*UPPER_NORTH_1, "TH54", "TH55", "TH56", "TH57")
NORTH = (*UPPER_NORTH, "TH53", "TH60", "TH61", "TH62", "TH63", "TH64", "TH65", "TH66", "TH67")
# (code, level, Thai, English, source, members). The MOTS regions are the rows its provincial
# workbooks total (the provinces listed above each regional row, Bangkok on its own): TH-MOTS-*
# as in its 2024-2025 workbooks, TH-MOTS19-* where the 2020-2022 workbooks' regions differ
# (their north, northeast and south are the same); tests/test_tourism_*.py check these lists
# against the workbooks' layout.
GROUPS = [
    ("TH-MOTS-C", "region", "ภาคกลาง ไม่รวมกรุงเทพฯ 17 จังหวัด (กระทรวงการท่องเที่ยวและกีฬา)",
     "Central region excluding Bangkok, 17 provinces (Ministry of Tourism and Sports)", MOTS_SOURCE,
     ("TH70", "TH71", "TH72", "TH73", "TH74", "TH75", "TH76", "TH77", "TH11", "TH12", "TH13", "TH14", "TH15",
      "TH16", "TH17", "TH18", "TH19")),
    ("TH-MOTS-E", "region", "ภาคตะวันออก 8 จังหวัด (กระทรวงการท่องเที่ยวและกีฬา)",
     "Eastern region, 8 provinces (Ministry of Tourism and Sports)",
     MOTS_SOURCE, ("TH20", "TH21", "TH22", "TH23", "TH24", "TH25", "TH26", "TH27")),
    ("TH-MOTS-S", "region", "ภาคใต้ (กระทรวงการท่องเที่ยวและกีฬา)", "Southern region (Ministry of Tourism and Sports)",
     MOTS_SOURCE, ("TH80", "TH81", "TH82", "TH83", "TH84", "TH85", "TH86", "TH90", "TH91", "TH92", "TH93", "TH94",
                   "TH95", "TH96")),
    ("TH-MOTS-N", "region", "ภาคเหนือ (กระทรวงการท่องเที่ยวและกีฬา)", "Northern region (Ministry of Tourism and Sports)",
     MOTS_SOURCE, NORTH),
    ("TH-MOTS-NE", "region", "ภาคตะวันออกเฉียงเหนือ (กระทรวงการท่องเที่ยวและกีฬา)",
     "Northeastern region (Ministry of Tourism and Sports)", MOTS_SOURCE,
     ("TH30", "TH31", "TH32", "TH33", "TH34", "TH35", "TH36", "TH37", "TH38", "TH39", "TH40", "TH41", "TH42",
      "TH43", "TH44", "TH45", "TH46", "TH47", "TH48", "TH49")),
    ("TH-MOTS19-C", "region", "ภาคกลาง ไม่รวมกรุงเทพฯ 12 จังหวัด (กระทรวงการท่องเที่ยวและกีฬา ไฟล์ปี 2563-2565)",
     "Central region excluding Bangkok, 12 provinces (Ministry of Tourism and Sports, 2020-2022 workbooks)",
     MOTS19_SOURCE, ("TH11", "TH12", "TH13", "TH14", "TH15", "TH16", "TH17", "TH18", "TH19", "TH24", "TH73", "TH74")),
    ("TH-MOTS19-W", "region", "ภาคตะวันตก (กระทรวงการท่องเที่ยวและกีฬา ไฟล์ปี 2563-2565)",
     "Western region (Ministry of Tourism and Sports, 2020-2022 workbooks)", MOTS19_SOURCE,
     ("TH70", "TH71", "TH72", "TH75", "TH76", "TH77")),
    ("TH-MOTS19-E", "region", "ภาคตะวันออก 7 จังหวัด (กระทรวงการท่องเที่ยวและกีฬา ไฟล์ปี 2563-2565)",
     "Eastern region, 7 provinces (Ministry of Tourism and Sports, 2020-2022 workbooks)", MOTS19_SOURCE,
     ("TH20", "TH21", "TH22", "TH23", "TH25", "TH26", "TH27")),
    ("TH-NESDC-NO", "region", "ภาคเหนือ (สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ)",
     "Northern region (NESDC)", NESDC_SOURCE, NORTH),
    ("TH-NESDC-UN", "group", "ภาคเหนือตอนบน 8 จังหวัด", "Upper north (8 provinces)", "mgronline-upper-north-2548",
     UPPER_NORTH),
    ("TH-PC-UN1", "group", "กลุ่มจังหวัดภาคเหนือตอนบน 1", "Provincial cluster Upper North 1", "prd-upper-north-1-cluster",
     UPPER_NORTH_1),
]
AREA_FIELDS = ["area_id", "level", "name_th", "name_en", "parent_id", "source_id"]
MEMBER_FIELDS = ["area_id", "member_id"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def area_rows(copies: Path) -> tuple[list[dict], list[dict]]:
    """(areas.csv rows, area_members.csv rows) from the reference copy under `copies`."""
    path = copies / REFERENCE
    found = sha256(path)
    if found != REFERENCE_SHA256:
        raise SystemExit(f"{path}: sha256 {found} is not that of the file cited in sources.csv ({REFERENCE_SHA256})")
    with path.open(encoding="utf-8", newline="") as f:
        provinces = [{"area_id": f"TH{r['tis1099_code']}", "level": "province", "name_th": r["name_th"],
                      "name_en": r["name_en_canonical"], "parent_id": "TH", "source_id": REFERENCE_SOURCE}
                     for r in csv.DictReader(f)]
    areas = [dict(zip(AREA_FIELDS, COUNTRY))]
    areas += [{"area_id": code, "level": level, "name_th": th, "name_en": en, "parent_id": "TH", "source_id": source}
              for code, level, th, en, source, _ in GROUPS]
    areas += sorted(provinces, key=lambda r: r["area_id"])
    known = {r["area_id"] for r in provinces}
    members = []
    for code, *_, listed in GROUPS:
        assert set(listed) <= known, set(listed) - known
        members += [{"area_id": code, "member_id": member} for member in sorted(listed)]
    return areas, members



def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("copies", type=Path, help="folder holding a copy of the reference repository")
    parser.add_argument("--write", action="store_true", help="write data/areas.csv and data/area_members.csv")
    args = parser.parse_args()
    areas, members = area_rows(args.copies)
    if args.write:
        write_csv(DATA / "areas.csv", AREA_FIELDS, areas)
        write_csv(DATA / "area_members.csv", MEMBER_FIELDS, members)
    for row in areas:
        print(*row.values(), sep="\t")


if __name__ == "__main__":
    main()
