"""A build stopped at any moment (Ctrl+C, or SIGKILL, which nothing can catch) never blocks
the next one: the published folder is a whole site (old or new), no process of the build
is left, nothing is left in its temporary folder, and the next build succeeds without
anyone deleting anything. The moments are the named points where trouble was seen (while
indexing, between the renames, while deleting the old site) and seeded random ones."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from devplan.publish import scratch, sitefolder
from support import FIXTURES, ROOT, copy_package
from test_site_folder import a_site, digest

BUILD = [sys.executable, str(ROOT / "scripts" / "build.py")]
FAILED = "Build failed, nothing published"
ENDLESS_INDEXER = FIXTURES / "endless-indexer"  # a stand-in for Pagefind that never ends


class Build:
    """scripts/build.py in a session of its own, as a terminal starts it; every process of
    the build (its jobs, their indexers) is in that session."""

    def __init__(self, site: Path, package: Path, scratch: Path, pause_at: str = "", indexer: Path | None = None):
        path = [str(indexer)] if indexer else []
        env = {**os.environ, "TMPDIR": str(scratch), sitefolder.PAUSE_VARIABLE: pause_at,
               "PYTHONPATH": os.pathsep.join([*path, str(ROOT / "hooks")])}
        self.child = subprocess.Popen([*BUILD, "--site-dir", str(site), "--data", str(package)], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                      start_new_session=True)
        self.lines: list[str] = []

    def wait_for(self, line: str) -> None:
        for text in self.child.stderr:
            self.lines.append(text)
            if text.startswith(line):
                return
        self.child.wait()
        pytest.fail(f"the build never said {line!r} (exit {self.child.returncode}):\n{''.join(self.lines)}")

    def wait_for_jobs(self) -> None:
        while len(session(self.child.pid)) < 2 and self.child.poll() is None:
            time.sleep(0.02)

    def stop(self, number: int) -> None:
        """Ctrl+C reaches a terminal's whole foreground group; SIGKILL here hits the build alone."""
        if number == signal.SIGINT:
            os.killpg(self.child.pid, number)
        else:
            self.child.send_signal(number)

    def end(self, timeout: float = 120) -> str:
        """Wait for the build and every process it started; return what it wrote."""
        try:
            self.child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.child.kill()
            pytest.fail(f"the build did not end: {''.join(self.lines)}{self.child.stderr.read()}")
        deadline = time.monotonic() + 15
        while session(self.child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert session(self.child.pid) == [], "processes of the stopped build still run"
        self.lines.append(self.child.stderr.read())  # ends: nothing holds the pipe any more
        return "".join(self.lines)


def session(sid: int) -> list[str]:
    """The processes still running (not zombies) in one session: `pid command`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_bytes()
        except OSError:
            continue
        name, _, rest = stat.rpartition(b")")
        fields = rest.split()
        if int(fields[3]) == sid and fields[0] not in (b"Z", b"X"):
            found.append(f"{entry.name} {name.partition(b'(')[2].decode()}")
    return found


def whole_site(site: Path) -> bool:
    """A site a build published: its marker, both languages' pages and search, the data."""
    return all((site / name).is_file() for name in (sitefolder.MARKER, "index.html", "th/index.html",
                                                    "en/index.html", "th/pagefind/pagefind.js",
                                                    "en/pagefind/pagefind.js", "data/datapackage.json"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in ("site", ".site.lock", "pkg", "scratch"))


# (how the build is stopped, where): named points where trouble was seen, then random moments.
CHAINS = {
    "ctrl-c": (signal.SIGINT, ["building", "indexing", 4.0]),  # the swap itself ignores Ctrl+C
    "sigkill": (signal.SIGKILL, ["indexing", "swapped-out", "deleting", 4.0]),
}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the build's processes in /proc")
@pytest.mark.parametrize("chain", CHAINS)
def test_a_stopped_build_never_blocks_the_next(tmp_path, chain):
    number, moments = CHAINS[chain]
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    site, scratch = tmp_path / "site", tmp_path / "scratch"
    scratch.mkdir()
    published = a_site(site, "old")
    rng = random.Random(f"{chain}-20")
    for moment in moments:
        point = moment if isinstance(moment, str) else ""
        build = Build(site, package, scratch, pause_at=point, indexer=ENDLESS_INDEXER if point == "indexing" else None)
        if point:
            build.wait_for(f"paused at {point}")
        else:  # a random moment once the jobs run (the delay is the same in every run)
            build.wait_for_jobs()
            time.sleep(rng.uniform(0, moment))
        build.stop(number)
        said = build.end()
        assert "Traceback" not in said and "KeyboardInterrupt" not in said, said
        if number == signal.SIGINT and build.child.returncode != 0:
            assert build.child.returncode == 1 and FAILED in said, said
            assert leftovers(tmp_path) == [] and list(scratch.iterdir()) == []
        now = site if site.exists() else tmp_path / "site.old"  # killed between the two renames
        assert digest(now) == published or whole_site(now), f"{moment}: half a site"
        published = digest(now)
    build = Build(site, package, scratch)
    said = build.end(timeout=900)  # a whole build, on a busy machine
    assert build.child.returncode == 0, said
    assert whole_site(site) and leftovers(tmp_path) == [] and list(scratch.iterdir()) == []


HOLDER = """
import sys, time
from devplan.publish import scratch
with scratch.folder() as folder:
    print(folder, flush=True)
    time.sleep(600)
"""


def test_the_temporary_folder_of_a_killed_process_is_removed_and_a_living_ones_kept(tmp_path, monkeypatch):
    """The search corpus of a killed job stayed in /dev/shm for good."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(ROOT / "hooks")}
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(scratch.tempfile, "tempdir", None)  # read TMPDIR again
    killed, living = (subprocess.Popen([sys.executable, "-c", HOLDER], env=env, stdout=subprocess.PIPE, text=True)
                      for _ in range(2))
    try:
        folders = [Path(child.stdout.readline().strip()) for child in (killed, living)]
        killed.kill()
        killed.wait()
        scratch.sweep()
        assert [f.exists() for f in folders] == [False, True]
    finally:
        living.kill()
        living.wait()


def test_a_job_failing_while_the_indexer_runs_stops_the_indexer_too(tmp_path, monkeypatch, capsys):
    """Another job's failure stopped the indexing job but not the indexer it had started."""
    import build

    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    site, scratch_folder = tmp_path / "site", tmp_path / "scratch"
    scratch_folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch_folder))
    monkeypatch.setattr(scratch.tempfile, "tempdir", None)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ENDLESS_INDEXER), str(ROOT / "hooks")]))
    monkeypatch.setattr(build, "_cores", lambda: 8)  # every job at once: the indexers never end

    def fails_once_indexing(*_):
        while not any(tmp_path.glob("site.building/*/pagefind/fragment-*")):
            time.sleep(0.05)
        raise OSError("disk full")

    monkeypatch.setattr(build, "write_downloads", fails_once_indexing)
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 1
    assert "disk full" in capsys.readouterr().err
    assert running_with(str(tmp_path)) == [] and leftovers(tmp_path) == [] and list(scratch_folder.iterdir()) == []


def running_with(text: str) -> list[str]:
    """Running processes whose command line holds `text`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_bytes().rpartition(b")")[2].split()[0]
        except (OSError, IndexError):
            continue
        if text in command and state not in (b"Z", b"X"):
            found.append(f"{entry.name} {command}")
    return found
