#!/usr/bin/env python3
"""Start a new indicator: add its row to indicators.csv and list what is left to fill in.

    python scripts/new_indicator.py INDICATOR_ID --goal GOAL_ID [--source SOURCE_ID] [--data data]

เพิ่มตัวชี้วัดใหม่: เพิ่มแถวใน indicators.csv แล้วแสดงช่องที่ยังต้องกรอก
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.edit.scaffold import ScaffoldError, add_indicator, describe  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("indicator_id", metavar="INDICATOR_ID",
                        help="id of the new indicator: lowercase a-z, digits and hyphens, e.g. pm25-annual-mean")
    parser.add_argument("--goal", required=True, metavar="GOAL_ID",
                        help="the goal it measures (a goal_id in goals.csv)")
    parser.add_argument("--source", metavar="SOURCE_ID", help="where its values come from (a source_id in sources.csv)")
    parser.add_argument("--direction", choices=["higher", "lower"], help="which way is progress")
    parser.add_argument("--year-type", choices=["calendar", "fiscal"], help="calendar or fiscal years")
    parser.add_argument("--decimals", type=int, default=0, help="digits shown after the decimal point (default: 0)")
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data folder (default: this repository's data/)")
    args = parser.parse_args(argv)
    try:
        result = add_indicator(args.data, args.indicator_id, args.goal, source_id=args.source,
                               direction=args.direction, year_type=args.year_type, decimals=args.decimals)
    except ScaffoldError as error:
        print(f"Nothing was added: {error.message_en}\nไม่ได้เพิ่มอะไร: {error.message_th}", file=sys.stderr)
        return 1
    print(describe(result))
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="backslashreplace")  # a terminal without Thai shows \u escapes
    sys.exit(main())
