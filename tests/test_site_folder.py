"""The output folder: a build never replaces anything but a site it made, never leaves half
a site, and a build killed at any moment leaves the old site or the new one."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time

import build
import pytest
from devplan.publish import sitefolder
from support import FIXTURES, ROOT, copy_package


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def a_site(folder, text):
    """A stand-in for a built site: the marker and a few files."""
    (folder / "th").mkdir(parents=True)
    (folder / sitefolder.MARKER).write_text(sitefolder.MARKER_TEXT, encoding="utf-8")
    for name in ("index.html", "th/index.html", "th/data.html"):
        (folder / name).write_text(f"{text} {name}", encoding="utf-8")
    return digest(folder)


@pytest.fixture
def package(tmp_path):
    return copy_package(FIXTURES / "tiny", tmp_path / "pkg")


@pytest.mark.parametrize("where", ["data", "inside data", "around data", "repository", "a folder with files",
                                   "a file"])
def test_dangerous_output_folders_are_refused_and_left_alone(package, tmp_path, capsys, where):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "file.txt").write_text("keep me", encoding="utf-8")
    target = {"data": package, "inside data": package / "documents", "around data": tmp_path,
              "repository": ROOT, "a folder with files": other, "a file": tmp_path / "file.txt"}[where]
    before = digest(tmp_path)
    assert build.main(["--site-dir", str(target), "--data", str(package)]) == 1
    assert digest(tmp_path) == before and (ROOT / ".git").exists()
    err = capsys.readouterr().err
    assert "Nothing was built" in err and "ไม่ได้สร้างเว็บไซต์" in err


def test_the_repository_default_folder_is_only_checked_not_touched(package):
    with pytest.raises(sitefolder.UnsafeFolder):
        sitefolder.check_output_folder(ROOT / ".git" / "site", data_dir=package, repository=ROOT)
    sitefolder.check_output_folder(ROOT / "site-not-there", data_dir=package, repository=ROOT)


def test_a_second_build_into_a_locked_folder_is_refused(package, tmp_path, capsys):
    site = tmp_path / "site"
    with sitefolder.locked(site):
        assert build.main(["--site-dir", str(site), "--data", str(package)]) == 1
    assert "another build" in capsys.readouterr().err and not site.exists()


def test_an_old_site_that_cannot_be_removed_stops_the_build_before_anything_changes(package, tmp_path, monkeypatch):
    site = tmp_path / "site"
    before = a_site(site, "old")
    stuck = str(site / "th")
    real_access = os.access
    monkeypatch.setattr(sitefolder.os, "access", lambda path, mode: str(path) != stuck and real_access(path, mode))
    with pytest.raises(sitefolder.UnsafeFolder, match="cannot be removed"):
        sitefolder.check_output_folder(site, data_dir=package, repository=ROOT)
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 1
    assert digest(site) == before


def test_a_failing_build_leaves_the_old_site_and_no_staging_folder(package, tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    before = a_site(site, "old")

    def broken(config):
        raise OSError("disk full")

    monkeypatch.setattr(build, "build", broken)
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 1
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "pkg", "site"]
    assert "disk full" in capsys.readouterr().err


def run_until(point, command, **kwargs):
    """Start `command` with the build told to stop at `point`, wait until it does, SIGKILL it."""
    env = {**os.environ, sitefolder.PAUSE_VARIABLE: point, "PYTHONPATH": str(ROOT / "hooks")}
    child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, **kwargs)
    for line in child.stderr:
        if line.startswith(f"paused at {point}"):
            break
    else:
        child.wait()
        pytest.fail(f"the build never reached {point} (exit {child.returncode})")
    child.send_signal(signal.SIGKILL)
    child.wait()


SWAP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from devplan.publish import sitefolder
    site = Path(sys.argv[1])
    staging = sitefolder.start(site)
    (staging / "th").mkdir()
    for name in ("index.html", "th/index.html", "th/data.html", "th/new.html"):
        (staging / name).write_text(f"new {name}", encoding="utf-8")
    sitefolder.publish(staging, site)
""")


@pytest.mark.parametrize("point", ["before-swap", "swapped-out", "swapped-in"])
def test_killed_during_the_swap_the_site_is_the_old_or_the_new_one(tmp_path, point):
    site = tmp_path / "site"
    old = a_site(site, "old")
    new = a_site(tmp_path / "expected-new", "new")
    (tmp_path / "expected-new" / "th" / "new.html").write_text("new th/new.html", encoding="utf-8")
    new = digest(tmp_path / "expected-new")
    run_until(point, [sys.executable, "-c", SWAP, str(site)])
    if site.exists():
        assert digest(site) in (old, new)
    else:  # killed between the two renames: the old site is whole beside it
        assert digest(tmp_path / "site.old") == old
    with sitefolder.locked(site):
        sitefolder.discard(sitefolder.start(site))  # what the next build does first
    assert digest(site) in (old, new)
    assert not (tmp_path / "site.old").exists() and not (tmp_path / "site.building").exists()


@pytest.mark.parametrize("point", ["building", "swapped-out"])
def test_a_build_killed_leaves_the_old_site_or_the_next_build_restores_it(package, tmp_path, point):
    """The real build, killed while writing, and between its two renames."""
    site = tmp_path / "site"
    before = a_site(site, "old")
    run_until(point, [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site),
                      "--data", str(package)], stdout=subprocess.DEVNULL)
    assert digest(site if site.exists() else tmp_path / "site.old") == before
    # The build's jobs die with it (they hold its lock until they have): the next build,
    # started a moment later, finds the lock free and puts the old site back.
    for _ in range(100):
        try:
            with sitefolder.locked(site):
                sitefolder.discard(sitefolder.start(site))
            break
        except sitefolder.UnsafeFolder:
            time.sleep(0.1)
    else:
        pytest.fail("the killed build's jobs still hold the lock after 10 s")
    assert not (tmp_path / "site.building").exists() and digest(site) == before
