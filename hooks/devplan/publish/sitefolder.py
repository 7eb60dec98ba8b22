"""Where a build puts the site, so that no mistake in the output folder destroys anything.

The build writes into `<site>.building` beside the site and publishes by two renames
(`site` -> `site.old`, `site.building` -> `site`), then deletes `site.old`. A build killed
at any moment therefore leaves the old site or the new one: either in place, or (killed
between the two renames) whole under `site.old`, which the next build puts back first.
Every folder a build makes carries MARKER, and the build only ever deletes or replaces
folders that carry it (or empty ones), never anything else. A folder is deleted by
renaming it to `<site>.deleting-*` first (one step) and deleting its marker last, so a
deletion stopped at any moment, or blocked by a file that cannot be deleted, leaves a
marked folder under a name the next build knows for its own leftover, never a half site
under a name that matters. A lock file beside the site keeps two builds into one folder
from interleaving.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import shutil
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path

MARKER = ".devplan-site"
MARKER_TEXT = "Made by scripts/build.py. The next build replaces this whole folder.\n"
# Tests set this to a point's name to stop the build there (and then kill it).
PAUSE_VARIABLE = "DEVPLAN_TEST_PAUSE_AT"
log = logging.getLogger(__name__)


class UnsafeFolder(Exception):
    """The output folder cannot be used; the message says why in English and Thai."""


def _refuse(site: Path, en: str, th: str) -> UnsafeFolder:
    return UnsafeFolder(f"{site}: {en} / {th}")


def _is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file() or (folder.is_dir() and not any(folder.iterdir()))


def check_output_folder(site: Path, *, data_dir: Path, repository: Path, sources: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder whose replacement would destroy data, code or anything else,
    or that lies in a folder the build reads (`sources`: pages, theme overrides, code), where
    every later build would read the site back in."""
    site, data_dir, repository = site.resolve(), data_dir.resolve(), repository.resolve()
    if data_dir == site or data_dir.is_relative_to(site) or site.is_relative_to(data_dir):
        raise _refuse(site, "the site cannot be built into, around or inside the data folder",
                      "สร้างเว็บไซต์ลงในโฟลเดอร์ข้อมูลหรือโฟลเดอร์ที่ครอบโฟลเดอร์ข้อมูลไม่ได้")
    if repository.is_relative_to(site) or site.is_relative_to(repository / ".git"):
        raise _refuse(site, "the site cannot replace the repository or its .git folder",
                      "สร้างเว็บไซต์แทนที่ที่เก็บโค้ด (repository) หรือโฟลเดอร์ .git ไม่ได้")
    for source in (Path(s).resolve() for s in sources):
        if site.is_relative_to(source) or source.is_relative_to(site):
            raise _refuse(site, f"the site cannot be built into, around or inside {source}, which the build reads",
                          f"สร้างเว็บไซต์ลงใน ครอบ หรือภายใน {source} ซึ่งการสร้างเว็บไซต์อ่านอยู่ไม่ได้")
    for folder in (site, _sibling(site, "building"), _sibling(site, "old")):
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise _refuse(folder, "this is a file or a link, not a folder a build made: choose another --site-dir",
                          "ตำแหน่งนี้เป็นไฟล์หรือลิงก์ ไม่ใช่โฟลเดอร์ที่การสร้างเว็บไซต์สร้างไว้ กรุณาเลือก --site-dir อื่น")
        if folder.exists() and not _is_ours(folder):
            raise _refuse(folder, f"this folder has files but no {MARKER} file, so it is not a site a build made; "
                          "the build replaces nothing else: choose another --site-dir or empty it yourself",
                          f"โฟลเดอร์นี้มีไฟล์อยู่แต่ไม่มีไฟล์ {MARKER} จึงไม่ใช่เว็บไซต์ที่สร้างไว้ก่อน "
                          "การสร้างเว็บไซต์จะไม่แทนที่สิ่งอื่น กรุณาเลือก --site-dir อื่น หรือลบไฟล์ในโฟลเดอร์เอง")
    if not os.access(site.parent, os.W_OK | os.X_OK):
        raise _refuse(site.parent, "no permission to write in this folder", "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้")


def _sibling(site: Path, kind: str) -> Path:
    return site.with_name(f"{site.name}.{kind}")


@contextmanager
def locked(site: Path):
    """Hold the lock of one output folder; fail at once if another build holds it.

    The lock file is opened as it is (never emptied) and never through a link: a link
    planted in its place must not lead the build to another file."""
    site.parent.mkdir(parents=True, exist_ok=True)
    path = site.with_name(f".{site.name}.lock")
    try:
        handle = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise _refuse(path, f"the lock file cannot be opened ({error.strerror}): it must be a plain file, not a link",
                      f"เปิดไฟล์ล็อกไม่ได้ ({error.strerror}) ไฟล์ล็อกต้องเป็นไฟล์ธรรมดา ไม่ใช่ลิงก์") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise _refuse(path, "the lock file must be a plain file", "ไฟล์ล็อกต้องเป็นไฟล์ธรรมดา")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _refuse(site, "another build is writing into this folder: wait for it and try again",
                          "มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียนลงโฟลเดอร์นี้ กรุณารอให้เสร็จแล้วลองใหม่") from None
        yield
    finally:
        os.close(handle)


def start(site: Path) -> Path:
    """Undo what a stopped build left (under the lock) and make an empty staging folder."""
    old, staging = _sibling(site, "old"), _sibling(site, "building")
    if old.exists() and not site.exists():
        old.rename(site)  # killed between the two renames: the old site is whole, put it back
    for leftover in (old, staging):
        if leftover.exists():
            _retire(leftover, site)
    for leftover in _deleting(site):
        _report(leftover, remove(leftover))
    staging.mkdir()
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return staging


def discard(site: Path) -> None:
    """Delete what a build into `site` wrote that will not be published: its staging folder,
    and anything a stopped deletion left."""
    _delete(_sibling(site, "building"), site)
    for leftover in _deleting(site):
        _report(leftover, remove(leftover))


def publish(staging: Path, site: Path) -> None:
    """Swap the staging folder in by rename; only then delete the old site."""
    old = _sibling(site, "old")
    pause("before-swap")
    if site.exists():
        site.rename(old)
    pause("swapped-out")
    staging.rename(site)
    pause("swapped-in")
    _delete(old, site, pause_at="deleting")  # what is left, the next build removes


def _delete(folder: Path, site: Path, pause_at: str | None = None) -> None:
    """Retire a build's folder and delete it; say what could not be deleted."""
    if not folder.exists():
        return
    try:
        retired = _retire(folder, site)
    except OSError as error:
        _report(folder, [f"{folder} ({error.strerror})"])
        return
    _report(retired, remove(retired, pause_at))


def _retire(folder: Path, site: Path) -> Path:
    """Rename a build's folder to a name that only ever means 'being deleted'."""
    target = site.with_name(f"{site.name}.deleting-{secrets.token_hex(4)}")
    folder.rename(target)
    return target


def _deleting(site: Path) -> list[Path]:
    """Folders a stopped build was deleting (those that still carry the marker, or empty)."""
    prefix = f"{site.name}.deleting-"
    return sorted(p for p in site.parent.iterdir()
                  if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink() and _is_ours(p))


def remove(folder: Path, pause_at: str | None = None) -> list[str]:
    """Delete a folder a build made, its marker last: stopped at any moment, what is left
    still carries the marker (or is empty). Returns what could not be deleted."""
    failed: list[str] = []

    def note(_function, path, exc_info):
        if not isinstance(exc_info[1], FileNotFoundError):  # another build removed it first
            failed.append(f"{path} ({exc_info[1].strerror or exc_info[1]})")

    try:
        entries = [entry for entry in os.scandir(folder) if entry.name != MARKER]
    except FileNotFoundError:
        return failed
    for number, entry in enumerate(entries):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, onerror=note)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                note(os.unlink, entry.path, sys.exc_info())
        if number == 0 and pause_at:
            pause(pause_at)
    if not failed:
        for step, path in ((os.unlink, folder / MARKER), (os.rmdir, folder)):
            try:
                step(path)
            except OSError:
                note(step, path, sys.exc_info())
    return failed


def _report(folder: Path, failed: list[str]) -> None:
    if failed:
        log.warning("%s", f"{folder}: could not delete {len(failed)} entries, e.g. {failed[0]}; it keeps its "
                    f"{MARKER} file and the next build tries again / ลบไม่ได้ {len(failed)} รายการ เช่น {failed[0]} "
                    f"โฟลเดอร์นี้ยังมีไฟล์ {MARKER} และการสร้างเว็บไซต์ครั้งถัดไปจะลองลบอีกครั้ง")


def pause(point: str) -> None:
    """Tests only: stop here (until killed) when PAUSE_VARIABLE names this point."""
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        time.sleep(600)
