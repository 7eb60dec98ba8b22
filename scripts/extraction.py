"""What the extraction scripts share: the areas by the names sources print, a check that a
copy is the cited file, and writing their rows into data/observations.csv.

The scripts (tourism_from_workbooks.py, tourism_cumulative.py, gpp_from_nesdc_extract.py)
read copies of source files and print or write observation rows; tests re-run them and
compare with data/observations.csv row by row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# Spellings the MOTS workbooks print that differ from the province's name in areas.csv.
THAI_SPELLINGS = {"ประจวบศีรีขันธ์": "ประจวบคีรีขันธ์", "ประจวบศิรีขันธ์": "ประจวบคีรีขันธ์", "ศรีษะเกษ": "ศรีสะเกษ"}
# Marks a workbook glues to a name: "(R1)", "R", "*" (footnotes on revised rows) and "จ." (province).
# Bangkok heads the central block of every MOTS workbook but is printed on its own: the
# central totals leave it out (their printed figures equal the sums without it).
ALONE = {"TH10"}
MARKS = re.compile(r"^(?:จ\.\s*)?(.*?)\s*(?:\(R\d*\)|R|\*)?$", re.DOTALL)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_copy(path: Path, expected: str) -> Path:
    """The path, once its bytes are those of the file cited in sources.csv."""
    if not path.is_file():
        raise SystemExit(f"{path}: no such file (pass the folder holding the copies of the cited repositories)")
    found = sha256(path)
    if found != expected:
        raise SystemExit(f"{path}: sha256 {found} is not that of the file cited in sources.csv ({expected})")
    return path


def areas(data: Path = DATA) -> list[dict]:
    with (data / "areas.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def province_codes(data: Path = DATA) -> dict[str, str]:
    """{Thai name: area code} of every province."""
    return {a["name_th"]: a["area_id"] for a in areas(data) if a["level"] == "province"}


def thai_area(name: str, provinces: dict[str, str], totals: dict[str, str]) -> str | None:
    """The code of a row a workbook labels `name`: a province, or one of its `totals`
    (region and country rows, {printed label: code}); None for any other row."""
    bare = MARKS.match(name.strip()).group(1).strip()
    bare = THAI_SPELLINGS.get(bare, bare)
    return provinces.get(bare) or totals.get(name.strip())


def region_members(data: Path = DATA) -> dict[str, list[str]]:
    """{region or group code: its members' codes, sorted} from area_members.csv."""
    members: dict[str, list[str]] = {}
    with (data / "area_members.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            members.setdefault(row["area_id"], []).append(row["member_id"])
    return {code: sorted(listed) for code, listed in members.items()}


def members_in_layout(rows: list[str | None], totals: dict[str, str], provinces: dict[str, str]) -> dict[str, list[str]]:
    """{region code: provinces listed above its total row, since the previous total} from a
    sheet's column of names: how a MOTS workbook says which provinces a region adds up."""
    found, block = {}, []
    for name in rows:
        code = thai_area(name, provinces, totals) if isinstance(name, str) else None
        if code is None:
            continue
        if code in totals.values():
            if code != "TH":
                found[code] = sorted(block)
            block = []
        elif code not in ALONE:
            block.append(code)
    return found


def write_observations(rows: list[dict], path: Path = DATA / "observations.csv") -> None:
    """Replace the rows of these (indicator, area, year) keys in observations.csv, keeping
    every other row; rows stay grouped by indicator (in the file's order), area and year."""
    keys = {(r["indicator_id"], r["area_id"], r["year"]) for r in rows}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        kept = [r for r in reader if (r["indicator_id"], r["area_id"], r["year"]) not in keys]
    merged = kept + rows
    order: dict[str, int] = {}
    for row in merged:
        order.setdefault(row["indicator_id"], len(order))
    merged.sort(key=lambda r: (order[r["indicator_id"]], r["area_id"], int(r["year"])))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(merged)
    path.write_text(out.getvalue(), encoding="utf-8")


def published_rows(path: Path = DATA / "observations.csv") -> dict[tuple[str, str, str], dict]:
    """{(indicator, area, year): row} of observations.csv, for the tests that compare."""
    with path.open(encoding="utf-8", newline="") as f:
        return {(r["indicator_id"], r["area_id"], r["year"]): r for r in csv.DictReader(f)}
