#!/usr/bin/env python3
"""Convert a maintainers' workbook back into the data's CSV files, check them, and say what changed.

    python scripts/import_workbook.py FILE.xlsx [--data data] [--dry-run]
    python scripts/import_workbook.py --uploads upload --result RESULT.json      (the pull-request workflow)
    python scripts/import_workbook.py --comment RESULT.json [--checks OUTCOME] [--commit SHA]

A refused workbook writes nothing. With --uploads, the one workbook in that folder is
converted and, when valid, deleted (the commit then holds the CSV files, not the upload).

แปลงสมุดงานของผู้ดูแลกลับเป็นไฟล์ CSV ตรวจความถูกต้อง และบอกว่ามีอะไรเปลี่ยน
"""

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.check.problems import display_path  # noqa: E402
from devplan.edit.convert import Result, import_workbook  # noqa: E402
from devplan.edit.located import Located  # noqa: E402
from devplan.edit.report import comment, summary, text  # noqa: E402
from devplan.publish.site import site_area  # noqa: E402

README = "README.md"  # the upload folder's own explanation, never an upload


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", nargs="?", help="the .xlsx workbook to import")
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data folder (default: this repository's data/)")
    parser.add_argument("--area", help="the site's own area (default: mkdocs.yml's extra.devplan.area)")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    parser.add_argument("--uploads", help="import the one workbook in this folder, and delete it when valid")
    parser.add_argument("--result", help="also write the outcome as JSON, for --comment")
    parser.add_argument("--comment", metavar="RESULT", help="print the pull request's comment for an earlier outcome")
    parser.add_argument("--checks", help="the outcome of the build and tests after the import (success, failure...)")
    parser.add_argument("--commit", help="the commit that holds the converted files")
    args = parser.parse_args(argv)
    if args.comment:
        data = json.loads(Path(args.comment).read_text(encoding="utf-8"))
        sys.stdout.write(comment(data, args.checks, args.commit or None))
        return 0
    if args.uploads:
        uploads = sorted(p for p in Path(args.uploads).iterdir() if p.name != README and not p.name.startswith("."))
        if not uploads:
            print(f"No workbook in {args.uploads}: nothing to do / ไม่มีสมุดงานใน {args.uploads}")
            return 0
        if len(uploads) > 1:
            names = ", ".join(p.name for p in uploads)
            return _finish(Result([Located.about_file(
                args.uploads, "several-uploads",
                f"the folder holds {len(uploads)} files ({names}): upload one workbook at a time, delete the others",
                f"โฟลเดอร์มี {len(uploads)} ไฟล์ ({names}) กรุณาอัปโหลดทีละหนึ่งสมุดงาน และลบไฟล์อื่นออก")]), args.uploads, args)
        workbook = uploads[0]
    elif args.workbook:
        workbook = Path(args.workbook)
    else:
        parser.error("give a workbook, --uploads FOLDER or --comment RESULT")
    area = args.area or site_area(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("extra") or {})
    result = import_workbook(workbook, args.data, area, write=not args.dry_run)
    if args.uploads and result.ok:
        workbook.unlink()
    return _finish(result, display_path(workbook), args)


def _finish(result: Result, shown: str, args) -> int:
    data = summary(result, shown)
    if args.result:
        Path(args.result).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    sys.stdout.write(text(data))
    for path in data["files"] if result.written else []:
        print(f"  wrote / บันทึก {Path(args.data) / path}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
