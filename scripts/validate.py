#!/usr/bin/env python3
"""Check the data package and list every problem: python scripts/validate.py [PACKAGE].

The site's search words (docs/search-words.csv) are checked too: the build reads them."""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.check.report import failure_summary, listing, summary  # noqa: E402
from devplan.check.tables import read_package, read_search_words  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", nargs="?", default="data", help="package folder or descriptor (default: data)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    parser.add_argument("--docs", default=str(ROOT / "docs"), help="the folder of search-words.csv (default: docs)")
    args = parser.parse_args(argv)
    package = read_package(args.package)
    package.problems.extend(read_search_words(args.docs).problems)
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
