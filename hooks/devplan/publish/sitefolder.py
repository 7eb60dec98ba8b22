"""Where a build puts the site, so that no mistake in the output folder destroys anything.

The build writes into `<site>.building` beside the site and publishes by two renames
(`site` -> `site.old`, `site.building` -> `site`), then deletes `site.old`. A build killed
at any moment therefore leaves the old site or the new one: either in place, or (killed
between the two renames) whole under `site.old`, which the next build puts back first.
Every folder a build makes carries MARKER, and the build only ever deletes or replaces
folders that carry it (or empty ones), never anything else. A lock file beside the site
keeps two builds into one folder from interleaving.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

MARKER = ".devplan-site"
MARKER_TEXT = "Made by scripts/build.py. The next build replaces this whole folder.\n"
# Tests set this to a point's name to stop the build there (and then kill it).
PAUSE_VARIABLE = "DEVPLAN_TEST_PAUSE_AT"


class UnsafeFolder(Exception):
    """The output folder cannot be used; the message says why in English and Thai."""


def _refuse(site: Path, en: str, th: str) -> UnsafeFolder:
    return UnsafeFolder(f"{site}: {en} / {th}")


def _is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file() or (folder.is_dir() and not any(folder.iterdir()))


def check_output_folder(site: Path, *, data_dir: Path, repository: Path) -> None:
    """Refuse an output folder whose replacement would destroy data, code or anything else."""
    site, data_dir, repository = site.resolve(), data_dir.resolve(), repository.resolve()
    if data_dir == site or data_dir.is_relative_to(site) or site.is_relative_to(data_dir):
        raise _refuse(site, "the site cannot be built into, around or inside the data folder",
                      "สร้างเว็บไซต์ลงในโฟลเดอร์ข้อมูลหรือโฟลเดอร์ที่ครอบโฟลเดอร์ข้อมูลไม่ได้")
    if repository.is_relative_to(site) or site.is_relative_to(repository / ".git"):
        raise _refuse(site, "the site cannot replace the repository or its .git folder",
                      "สร้างเว็บไซต์แทนที่ที่เก็บโค้ด (repository) หรือโฟลเดอร์ .git ไม่ได้")
    for folder in (site, _sibling(site, "building"), _sibling(site, "old")):
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise _refuse(folder, "this is a file or a link, not a folder a build made: choose another --site-dir",
                          "ตำแหน่งนี้เป็นไฟล์หรือลิงก์ ไม่ใช่โฟลเดอร์ที่การสร้างเว็บไซต์สร้างไว้ กรุณาเลือก --site-dir อื่น")
        if folder.exists() and not _is_ours(folder):
            raise _refuse(folder, f"this folder has files but no {MARKER} file, so it is not a site a build made; "
                          "the build replaces nothing else: choose another --site-dir or empty it yourself",
                          f"โฟลเดอร์นี้มีไฟล์อยู่แต่ไม่มีไฟล์ {MARKER} จึงไม่ใช่เว็บไซต์ที่สร้างไว้ก่อน "
                          "การสร้างเว็บไซต์จะไม่แทนที่สิ่งอื่น กรุณาเลือก --site-dir อื่น หรือลบไฟล์ในโฟลเดอร์เอง")
    for folder in (site, _sibling(site, "old")):
        blocked = _not_removable(folder)
        if blocked:
            raise _refuse(blocked, "the old site cannot be removed here (no permission): nothing was changed",
                          "ลบเว็บไซต์เดิมที่ตำแหน่งนี้ไม่ได้ (ไม่มีสิทธิ์) จึงไม่ได้เปลี่ยนแปลงสิ่งใด")
    if not os.access(site.parent, os.W_OK | os.X_OK):
        raise _refuse(site.parent, "no permission to write in this folder", "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้")


def _sibling(site: Path, kind: str) -> Path:
    return site.with_name(f"{site.name}.{kind}")


def _not_removable(folder: Path) -> Path | None:
    """The first folder under `folder` whose entries cannot be deleted, if any."""
    if not folder.exists():
        return None
    for current, _, _ in os.walk(folder):
        if not os.access(current, os.W_OK | os.X_OK):
            return Path(current)
    return None


@contextmanager
def locked(site: Path):
    """Hold the lock of one output folder; fail at once if another build holds it."""
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(site.with_name(f".{site.name}.lock"), "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _refuse(site, "another build is writing into this folder: wait for it and try again",
                          "มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียนลงโฟลเดอร์นี้ กรุณารอให้เสร็จแล้วลองใหม่") from None
        yield


def start(site: Path) -> Path:
    """Undo what a killed build left (under the lock) and make an empty staging folder."""
    old, staging = _sibling(site, "old"), _sibling(site, "building")
    if old.exists() and not site.exists():
        old.rename(site)  # killed between the two renames: the old site is whole, put it back
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return staging


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, site: Path) -> None:
    """Swap the staging folder in by rename; only then delete the old site."""
    old = _sibling(site, "old")
    pause("before-swap")
    if site.exists():
        site.rename(old)
    pause("swapped-out")
    staging.rename(site)
    pause("swapped-in")
    shutil.rmtree(old, ignore_errors=True)  # a leftover is removed by the next build


def pause(point: str) -> None:
    """Tests only: stop here (until killed) when PAUSE_VARIABLE names this point."""
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        time.sleep(600)
