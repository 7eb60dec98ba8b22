"""The output folder: a build never replaces anything but a site it made, never leaves half
a site, and a build killed at any moment leaves the old site or the new one."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap

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


@pytest.mark.parametrize("where", ["docs/site", "overrides/site", "hooks/site", "labels/site"])
def test_a_site_inside_a_folder_the_build_reads_is_refused(package, capsys, where):
    """Built into docs/ or overrides/, every later build would read the site back in."""
    assert build.main(["--site-dir", str(ROOT / where), "--data", str(package)]) == 1
    assert not (ROOT / where).exists() and not (ROOT / where).with_name(".site.lock").exists()
    assert "which the build reads" in capsys.readouterr().err


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_untouched(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    (tmp_path / ".site.lock").symlink_to(target)
    with pytest.raises(sitefolder.UnsafeFolder, match="not a link"):
        with sitefolder.locked(tmp_path / "site"):
            pass
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_lock_file_is_never_emptied(tmp_path):
    lock = tmp_path / ".site.lock"
    lock.write_text("a note someone left", encoding="utf-8")
    with sitefolder.locked(tmp_path / "site"):
        pass
    assert lock.read_text(encoding="utf-8") == "a note someone left"


def half_deleted(folder):
    """What a build killed while deleting leaves: its marker and part of the files."""
    (folder / "th").mkdir(parents=True)
    (folder / sitefolder.MARKER).write_text(sitefolder.MARKER_TEXT, encoding="utf-8")
    (folder / "th" / "index.html").write_text("half", encoding="utf-8")


def test_a_half_deleted_folder_is_deleted_by_the_next_build_and_nothing_else(tmp_path):
    site = tmp_path / "site"
    before = a_site(site, "old")
    half_deleted(tmp_path / "site.deleting-0a1b2c3d")
    (tmp_path / "site.deleting-notes").mkdir()  # not a build's: no marker
    (tmp_path / "site.deleting-notes" / "mine.txt").write_text("keep me", encoding="utf-8")
    with sitefolder.locked(site):
        sitefolder.start(site)
        sitefolder.discard(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site", "site.deleting-notes"]
    assert digest(site) == before


@pytest.fixture
def undeletable(tmp_path):
    """Make a file that cannot be deleted: immutable for root (chattr +i), in a read-only
    folder for anyone else. Undone after the test, wherever the build moved it."""
    def make(path):
        if os.geteuid() != 0:
            path.parent.chmod(0o555)
        elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("this file system cannot make a file immutable")

    yield make
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-R", "-i", str(tmp_path)], capture_output=True)
    else:
        subprocess.run(["chmod", "-R", "u+w", str(tmp_path)], check=True)


def test_an_old_site_with_a_file_that_cannot_be_deleted_blocks_no_build(package, tmp_path, undeletable, caplog):
    site = tmp_path / "site"
    a_site(site, "old")
    stuck = site / "th" / "data.html"
    undeletable(stuck)
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    assert (site / "th" / "pagefind" / "pagefind.js").is_file()
    left = [p for p in tmp_path.iterdir() if p.name.startswith("site.deleting-")]
    assert len(left) == 1 and (left[0] / sitefolder.MARKER).is_file()
    assert "could not delete" in caplog.text and "data.html" in caplog.text
    # What the next build does before writing anything: it finds the stuck folder, tries again, goes on.
    sitefolder.check_output_folder(site, data_dir=package, repository=ROOT)
    with sitefolder.locked(site):
        sitefolder.start(site)
        sitefolder.discard(site)
    assert [p for p in tmp_path.iterdir() if p.name.startswith("site.")] == left


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
        sitefolder.start(site)  # what the next build does first
        sitefolder.discard(site)
    assert digest(site) in (old, new)
    assert not (tmp_path / "site.old").exists() and not (tmp_path / "site.building").exists()
