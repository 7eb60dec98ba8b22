#!/usr/bin/env python3
"""Build the whole site: every language with --strict, the data downloads and the root page.

    python scripts/build.py [--site-dir DIR]     (default: site/)

The README's serve command, CI and the benchmark all call this one entry point. The output
folder is replaced only if a build made it (devplan.publish.sitefolder), and only by a whole site.
"""

from __future__ import annotations

import signal
import sys

FAILED = "Build failed, nothing published / สร้างเว็บไซต์ไม่สำเร็จ ไม่มีการเผยแพร่"
if __name__ == "__main__":  # Ctrl+C while the modules below load: the usual line, no traceback
    signal.signal(signal.SIGINT, lambda *_: sys.exit(f"{FAILED}: stopped (Ctrl+C)"))

import argparse  # noqa: E402
import calendar  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import logging  # noqa: E402
import multiprocessing  # noqa: E402
import multiprocessing.connection  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PREVIEW_PARTS = 4  # jobs per language drawing the link-preview images (see _build)
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.edit.workbook import write_workbook  # noqa: E402
from devplan.publish import processes, scratch, sitefolder  # noqa: E402
from devplan.publish.downloads import write_downloads  # noqa: E402
from devplan.publish.rootfiles import write_root_files  # noqa: E402
from devplan.publish.site import InvalidData, load_model, prepare_jobs, published, site_area  # noqa: E402
from devplan.render.previews import write_previews  # noqa: E402
# The engine is ProperDocs, MkDocs 1.6 continued (docs/DECISIONS.md "The engine"). As its own
# command does, a theme or extension importing mkdocs.* gets ProperDocs' module of that name.
import properdocs.replacement  # noqa: E402, F401
from properdocs.commands.build import build  # noqa: E402
from properdocs.config import load_config  # noqa: E402
from properdocs.exceptions import Abort, MkDocsException  # noqa: E402


class Stopped(Exception):
    """Ctrl+C, a polite kill or a closed terminal: the build stops like any failure."""


def _stop(number, _frame):
    name = signal.Signals(number).name
    raise Stopped(f"stopped ({'Ctrl+C' if number == signal.SIGINT else name}) / ถูกหยุด")


def main(argv=None) -> int:
    """Build; on Ctrl+C or a polite kill, stop every job, delete what was written and say so."""
    if threading.current_thread() is not threading.main_thread():
        return _main(argv)
    previous = {number: signal.signal(number, _stop) for number in processes.STOP_SIGNALS}
    try:
        return _main(argv)
    except Stopped as stop:  # before the build started: nothing to undo
        print(f"{FAILED}: {stop}", file=sys.stderr)
        return 1
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default=str(ROOT / "site"), help="output folder (default: site/)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the default language's config")
    parser.add_argument("--data", help="another Data Package folder (tests and the benchmark use this)")
    parser.add_argument("--area", help="another own area than mkdocs.yml's extra.devplan.area (an area_id of the package)")
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir).resolve()
    # Show the engine's warnings (strict mode turns each into a failure): never run it quietly.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")

    base = load_config(args.config)
    languages = base.extra["devplan"]["languages"]
    data_dir = Path(args.data).resolve() if args.data else Path(base.config_file_path).parent / base.extra["devplan"]["data"]
    if args.area:
        base.extra["devplan"]["area"] = args.area
    try:
        sources = (ROOT / "docs", base.theme.custom_dir, ROOT / "hooks", ROOT / "labels")  # what the build reads
        sitefolder.check_output_folder(site_dir, data_dir=data_dir, repository=ROOT, sources=sources)
        model = load_model(data_dir, site_area(base.extra))
        with sitefolder.locked(site_dir):
            # again, now that nobody else moves it
            sitefolder.check_output_folder(site_dir, data_dir=data_dir, repository=ROOT, sources=sources)
            try:
                return _build(args.config, languages, base, model, data_dir, site_dir)
            except Stopped as stop:  # before any job started (_build cleans up after those)
                _ignore_stop_signals()
                sitefolder.discard(site_dir)
                print(f"{FAILED}: {stop}", file=sys.stderr)
                return 1
    except InvalidData as problems:
        print(f"The data has problems / ข้อมูลมีปัญหา:\n{problems}", file=sys.stderr)
        return 1
    except (sitefolder.UnsafeFolder, OSError) as error:
        print(f"Nothing was built / ไม่ได้สร้างเว็บไซต์: {error}", file=sys.stderr)
        return 1


def _build(config_file, languages, base, model, data_dir: Path, site_dir: Path) -> int:
    """Build every language into a staging folder; publish it only when all of it is written."""
    # The engine dates the sitemap with the build time unless SOURCE_DATE_EPOCH says otherwise:
    # the data's own date keeps the same data giving the same bytes on any day.
    data_date = model.data_date or dt.date(2000, 1, 1)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(data_date.timetuple()))
    staging = sitefolder.start(site_dir)
    configs = {lang: load_config(str(Path(config_file) if lang == languages[0]
                                     else Path(config_file).with_name(f"mkdocs.{lang}.yml")),
                                 strict=True, site_dir=str(staging / lang)) for lang in languages}
    for config in configs.values():
        config.extra["devplan"]["data_dir"] = str(data_dir)  # --data; "data" stays the repo path for links
        config.extra["devplan"]["area"] = base.extra["devplan"]["area"]  # --area
    # The build is a handful of jobs, each in a process of its own, run as many at a time as
    # there are cores, longest first (measured at 1,000 synthetic indicators; docs/DECISIONS.md
    # "Build speed"): the maintainers' workbook, which needs only the tables, starts while the
    # build makes what the other jobs share; then each language's pages and search index, the
    # downloads (one CSV and XLSX per indicator), and the link-preview images, in quarters, so
    # the cores finish together (in halves, one core idled for 2-4 s at the end).
    devplan = base.extra["devplan"]
    base_url = devplan.get("base_url", "")
    jobs = {
        "the maintainers' workbook": (write_workbook, (data_dir, staging / "data", model.tables)),
        **{f"the {lang} pages": (build, (config,)) for lang, config in configs.items()},
        "the downloads": (write_downloads, (model, data_dir, staging / "data", base_url, devplan.get("publisher", {}))),
        **{f"the {lang} preview images ({k + 1}/{PREVIEW_PARTS})": (write_previews, (
            model, staging / "previews", lang, (config.site_name, config.site_description), base_url, (k, PREVIEW_PARTS)))
           for lang, config in configs.items() for k in range(PREVIEW_PARTS)},
    }
    fork = multiprocessing.get_context("fork")
    errors = fork.SimpleQueue()
    workers = {name: fork.Process(target=_job, args=(target, args, errors), name=name)
               for name, (target, args) in jobs.items()}
    try:
        def shared() -> None:
            published(model, data_dir, base_url, staging / "data")  # the package files and history, made once for every job
            # templates (ours and the theme's), labels, the Thai word cutter: made once, not per job
            prepare_jobs(languages, [config.theme.get_env() for config in configs.values()])
            gc.freeze()  # what these added is shared and read-only too

        gc.freeze()  # the model is shared and read-only: no job's collector need walk (and copy) it
        _run(list(workers.values()), slots=_cores(), meanwhile=(1, shared))
        failed = [name for name, worker in workers.items() if worker.exitcode not in (0, None)]
        if failed:
            reasons = []
            while not errors.empty():
                reasons.append(errors.get())
            raise Abort(f"writing {', '.join(failed)} failed: " + ("; ".join(reasons) or "see the error above"))
        write_root_files(staging, site_names={lang: c.site_name for lang, c in configs.items()})
        _ignore_stop_signals()  # from here on the new site is published whatever comes
        sitefolder.publish(staging, site_dir)
    except BaseException as error:  # noqa: BLE001 - whatever stopped the build, leave no half site behind
        _ignore_stop_signals()  # a second Ctrl+C must not cut the cleaning short
        processes.stop(workers.values())  # every job and what it started has ended before ...
        scratch.sweep()  # ... their temporary files and the staging folder are deleted
        sitefolder.discard(site_dir)
        if not isinstance(error, (Abort, MkDocsException, OSError, RuntimeError, Stopped)):
            raise
        print(f"{FAILED}: {error}", file=sys.stderr)
        return 1
    print(f"site ready: {site_dir}")
    return 0


def _ignore_stop_signals() -> None:
    if threading.current_thread() is threading.main_thread():
        for number in processes.STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)


def _cores() -> int:
    """The cores this build may use (sched_getaffinity is Linux's; macOS has only cpu_count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 2


def _run(workers: list, slots: int, meanwhile: tuple | None = None) -> None:
    """Start the workers in order, at most `slots` at a time; return when all have ended,
    or as soon as one fails (the caller stops the others). `meanwhile` is (n, task): once
    the first n workers run, the build does task itself, in a slot, before it starts more."""
    waiting, running = list(workers), []
    while waiting or running:
        while waiting and len(running) < slots:
            if meanwhile and len(workers) - len(waiting) == meanwhile[0]:
                meanwhile[1]()
                meanwhile = None
                continue
            with processes.signals_held():  # a Ctrl+C now waits until the job is known
                running.append(waiting.pop(0))
                running[-1].start()
                processes.lead(running[-1].pid)
        sitefolder.pause("building")
        ended = multiprocessing.connection.wait([worker.sentinel for worker in running])
        for worker in [w for w in running if w.sentinel in ended]:
            worker.join()
            running.remove(worker)
            if worker.exitcode != 0:
                return


def _job(target, args, errors) -> None:
    """One job of the build, in a forked process: leads a process group the build can stop,
    dies with the build (a killed build leaves no worker writing on), and reports an expected
    failure in words, not a traceback."""
    processes.start_job(multiprocessing.parent_process().pid)
    try:
        target(*args)
    except (Abort, MkDocsException, OSError, RuntimeError) as error:
        errors.put(str(error))
        sys.exit(1)


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="backslashreplace")  # a terminal without Thai shows \u escapes
    sys.exit(main())
