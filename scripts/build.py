#!/usr/bin/env python3
"""Build the whole site: every language with --strict, the data downloads and the root page.

    python scripts/build.py [--site-dir DIR]     (default: site/)

The README's serve command, CI and the benchmark all call this one entry point. The output
folder is replaced only if a build made it (devplan.sitefolder), and only by a whole site.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import logging
import multiprocessing
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, MkDocsException  # noqa: E402

from devplan import search, sitefolder  # noqa: E402
from devplan.downloads import write_downloads  # noqa: E402
from devplan.previews import write_previews  # noqa: E402
from devplan.publish import write_root_files  # noqa: E402
from devplan.site import InvalidData, load_model  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default=str(ROOT / "site"), help="output folder (default: site/)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the default language's config")
    parser.add_argument("--data", help="another Data Package folder (tests and the benchmark use this)")
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir).resolve()
    # Show MkDocs' warnings (strict mode turns each into a failure): never run it quietly.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")

    base = load_config(args.config)
    languages = base.extra["devplan"]["languages"]
    data_dir = Path(args.data).resolve() if args.data else Path(base.config_file_path).parent / base.extra["devplan"]["data"]
    try:
        sitefolder.check_output_folder(site_dir, data_dir=data_dir, repository=ROOT)
        model = load_model(data_dir)
        with sitefolder.locked(site_dir):
            sitefolder.check_output_folder(site_dir, data_dir=data_dir, repository=ROOT)  # now nobody else moves it
            return _build(args.config, languages, base, model, data_dir, site_dir)
    except InvalidData as problems:
        print(f"The data has problems / ข้อมูลมีปัญหา:\n{problems}", file=sys.stderr)
        return 1
    except sitefolder.UnsafeFolder as error:
        print(f"Nothing was built / ไม่ได้สร้างเว็บไซต์: {error}", file=sys.stderr)
        return 1


def _build(config_file, languages, base, model, data_dir: Path, site_dir: Path) -> int:
    """Build every language into a staging folder; publish it only when all of it is written."""
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH says otherwise:
    # the data's own date keeps the same data giving the same bytes on any day.
    data_date = model.data_date or dt.date(2000, 1, 1)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(data_date.timetuple()))
    staging = sitefolder.start(site_dir)
    site_names = {}
    configs = {lang: load_config(str(Path(config_file) if lang == languages[0]
                                     else Path(config_file).with_name(f"mkdocs.{lang}.yml")),
                                 strict=True, site_dir=str(staging / lang)) for lang in languages}
    # The downloads (one XLSX per indicator) and the link-preview images (one per indicator
    # and language) are written by two more processes while this one builds the languages:
    # measured at 100 synthetic indicators, ~25 ms of CPU per indicator for the downloads and
    # ~9 ms per image, too much for one process beside the build.
    fork = multiprocessing.get_context("fork")
    devplan = base.extra["devplan"]
    workers = [
        fork.Process(target=write_downloads, args=(model, data_dir, staging / "data", devplan.get("base_url", ""),
                                                   devplan.get("publisher", {}))),
        fork.Process(target=write_previews, args=(model, staging / "previews", {
            lang: (c.site_name, c.site_description) for lang, c in configs.items()}, devplan.get("base_url", ""))),
    ]
    for worker in workers:
        worker.start()
    try:
        for lang in languages:
            config = configs[lang]
            config.extra["devplan"]["data_dir"] = str(data_dir)  # --data; "data" stays the repo path for links
            config.extra["devplan"]["index_in_background"] = True
            build(config)
            site_names[lang] = config.site_name
            print(f"built {lang}")
            sitefolder.pause("building")
        search.wait()
        for worker in workers:
            worker.join()
        if any(worker.exitcode != 0 for worker in workers):
            raise Abort("writing the downloads or the preview images failed (see the error above)")
        write_root_files(staging, site_names=site_names)
        sitefolder.publish(staging, site_dir)
    except BaseException as error:  # noqa: BLE001 - whatever stopped the build, leave no half site behind
        for worker in workers:
            worker.kill()
            worker.join()
        search.wait_quietly()
        sitefolder.discard(staging)
        if not isinstance(error, (Abort, MkDocsException, OSError, RuntimeError)):
            raise
        print(f"Build failed, nothing published / สร้างเว็บไซต์ไม่สำเร็จ ไม่มีการเผยแพร่: {error}", file=sys.stderr)
        return 1
    print(f"site ready: {site_dir}")
    return 0


if __name__ == "__main__":
    # Ctrl+C and a polite kill clean up like any failure (SIGKILL cannot: the next build does).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
