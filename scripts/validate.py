#!/usr/bin/env python3
"""Check the data package and list every problem: python scripts/validate.py [PACKAGE]."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from devplan.check.report import failure_summary, listing, summary  # noqa: E402
from devplan.check.tables import read_package  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("package", nargs="?", default="data", help="package folder or descriptor (default: data)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)
    package = read_package(args.package)
    for line in listing(package.problems, args.format):
        print(line)
    if package.problems:
        print(failure_summary(package), file=sys.stderr)
        return 1
    print(summary(package))
    return 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="backslashreplace")  # a terminal without Thai shows \u escapes
    sys.exit(main())
