"""The processes of a build: none outlives it, and a stopped build waits for them all.

A build forks one process per job (scripts/build.py), and each language's job starts the
search indexer (search.py). Each job leads a process group of its own, which what it
starts joins, so the build stops a job and everything the job started with one signal to
the group, then waits until nothing in the group runs before it deletes what they wrote.
A build killed outright (SIGKILL, which nothing can catch) cannot do that: there the
kernel kills each job when the build dies, and each indexer when its job dies
(PR_SET_PDEATHSIG, Linux), so no process goes on writing, or holds the caller's pipes.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None  # loaded before any fork
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # Ctrl+C, a polite kill, a closed terminal


def die_with(parent: int) -> None:
    """In a process just started: be killed when `parent` ends (Linux), or end now if it has."""
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def dying_with_me():
    """A `preexec_fn` for subprocess: the program started dies with the process starting it."""
    parent = os.getpid()
    return lambda: die_with(parent)


def start_job(parent: int) -> None:
    """First thing in a job's process: lead a group of its own (the build stops the group),
    die with the build, and leave Ctrl+C to the build."""
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS[1:]:
        signal.signal(number, signal.SIG_DFL)
    # A job is not in the terminal's foreground group: with `stty tostop` its writes to the
    # terminal would stop it (and the build with it) unless it ignores SIGTTOU.
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    die_with(parent)


def lead(pid: int) -> None:
    """In the build, as soon as a job is forked: make it its group's leader (it does so too;
    whichever comes first, the group exists before the build may need to stop it)."""
    try:
        os.setpgid(pid, pid)
    except OSError:  # the job already did (or has already ended)
        pass


class signals_held:
    """Hold the stop signals for a few statements (a job's fork and its pid noted): one
    arriving meanwhile is handled right after, when the build knows every job it has."""

    def __enter__(self):
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)

    def __exit__(self, *_):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def stop(jobs, timeout: float = 10.0) -> None:
    """Kill every started job with its whole group, and wait until none of them runs."""
    started = [job for job in jobs if job.pid is not None]
    # Only a job not yet waited for: until then its number cannot name another process.
    for job in [job for job in started if job.exitcode is None]:
        for kill in (os.killpg, os.kill):  # the group; the job alone if it had no group yet
            try:
                kill(job.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    for job in started:
        job.join()
    deadline = time.monotonic() + timeout
    while any(_runs(job.pid) for job in started) and time.monotonic() < deadline:
        time.sleep(0.01)


def _runs(group: int) -> bool:
    """Whether a process of this group still runs (a zombie has ended: it holds no file)."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    if not os.path.isdir("/proc"):
        return True
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as file:
                    fields = file.read().rpartition(b")")[2].split()
            except OSError:
                continue  # ended meanwhile
            if int(fields[2]) == group and fields[0] not in (b"Z", b"X"):
                return True
    return False
