"""Temporary folders of a build, which the next build removes if this one was killed.

The search corpus is written in memory (/dev/shm) where the system offers it: a third of
a language job's system time on disk (measured). A killed job cannot remove its folder,
and memory is not given back until someone does, so every such folder is named
`devplan-build-*`, carries MARKER and is locked (flock) by the process using it while it
lives. Each build first removes every such folder of the same user whose lock is free:
its process has ended (the kernel frees the lock of a process however it ends).

TMPDIR, when the environment sets it, says where these folders go instead.
"""

from __future__ import annotations

import fcntl
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .sitefolder import MARKER, MARKER_TEXT, remove

MEMORY_FOLDER = "/dev/shm"
PREFIX = "devplan-build-"


def base() -> Path:
    """Where the folders go: TMPDIR if set, else memory when the system has it, else /tmp."""
    if not os.environ.get("TMPDIR") and os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
        return Path(MEMORY_FOLDER)
    return Path(tempfile.gettempdir())


@contextmanager
def folder():
    """A new folder (only its marker in it), locked while this process uses it, removed after."""
    sweep()
    path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base()))
    lock = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # waits while a sweep looks at it (then finds no marker)
        (path / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        yield path
    finally:
        remove(path)
        os.close(lock)


def sweep() -> None:
    """Remove the folders of processes that have ended (what cannot be removed stays marked)."""
    try:
        entries = list(os.scandir(base()))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(PREFIX) and _ended(entry):
            remove(Path(entry.path))


def _ended(entry: os.DirEntry) -> bool:
    """Whether this is a folder a build of this user made and no process holds any more.
    One without its marker is either being made (its maker holds the lock before it writes
    the marker) or not ours: left alone."""
    try:
        info = entry.stat(follow_symlinks=False)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            return False
        lock = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # refused while a living process holds it
        return os.path.isfile(os.path.join(entry.path, MARKER))
    except OSError:
        return False
    finally:
        os.close(lock)  # and with it the lock
