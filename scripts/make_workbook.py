#!/usr/bin/env python3
"""Make the maintainers' workbook from the data: every table as a sheet to edit in Excel.

    python scripts/make_workbook.py [--data data] [--output FILE]

สร้างสมุดงานสำหรับผู้ดูแลข้อมูลจากข้อมูลปัจจุบัน: ทุกตารางเป็นชีตที่แก้ได้ใน Excel
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.addresses import workbook_name  # noqa: E402
from devplan.check.tables import read_package  # noqa: E402
from devplan.edit.workbook import WorkbookError, make_workbook  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data folder (default: this repository's data/)")
    parser.add_argument("--output", help="where to write it (default: PACKAGE-workbook.xlsx in the current folder)")
    args = parser.parse_args(argv)
    try:
        data = make_workbook(args.data)
    except WorkbookError as error:
        print(f"No workbook was made / ไม่ได้สร้างสมุดงาน: {error}", file=sys.stderr)
        return 1
    output = Path(args.output or workbook_name(read_package(args.data).descriptor))
    output.write_bytes(data)
    print(f"{output} ({len(data) / 1024:,.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
