"""The same data gives the same bytes: two builds of one package are identical."""

from __future__ import annotations

import hashlib

import build
from support import FIXTURES, copy_package


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    first, second = tmp_path / "one", tmp_path / "two"
    assert build.main(["--site-dir", str(first), "--data", str(package)]) == 0
    assert build.main(["--site-dir", str(second), "--data", str(package)]) == 0
    one, two = digest(first), digest(second)
    assert one.keys() == two.keys() and len(one) > 50
    assert [name for name in one if one[name] != two[name]] == []


def test_failed_build_publishes_nothing(tmp_path, capsys):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    site = tmp_path / "site"
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    before = digest(site)
    observations = package / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace("visitors,2024,", "visitors,2567,"),
                            encoding="utf-8")
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 1
    assert digest(site) == before  # the last good site is untouched
    err = capsys.readouterr().err
    assert "observations.csv:3:year:" in err and "พ.ศ." in err


def test_same_bytes_on_another_day_time_zone_locale_and_checkout(tmp_path):
    """Another checkout path, data path, time zone (UTC+14), locale and day (MkDocs reads
    the day from SOURCE_DATE_EPOCH, which the build sets from the data): the same bytes."""
    import os
    import shutil
    import subprocess
    import sys

    from support import ROOT

    checkout = tmp_path / "another checkout"
    skip = {".git", "site", "site.building", "site.old", ".site.lock", "bench", ".venv", "node_modules", ".pytest_cache"}
    shutil.copytree(ROOT, checkout, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if n == "__pycache__" or (folder == str(ROOT) and n in skip)])
    sites = []
    for root, package_name, env in [
            (ROOT, "pkg", {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}),
            (checkout, "ข้อมูล package", {"TZ": "Pacific/Kiritimati", "LANG": "th_TH.UTF-8", "LC_ALL": "th_TH.UTF-8",
                                          "SOURCE_DATE_EPOCH": "2000000000"})]:
        package = copy_package(FIXTURES / "tiny", tmp_path / package_name / "data")
        site = tmp_path / package_name / "site"
        result = subprocess.run([sys.executable, str(root / "scripts" / "build.py"), "--site-dir", str(site),
                                 "--data", str(package)], capture_output=True, text=True,
                                env={**os.environ, **env, "PYTHONIOENCODING": "utf-8"})
        assert result.returncode == 0, result.stderr[-3000:]
        sites.append(digest(site))
    one, two = sites
    assert one.keys() == two.keys() and "th/sitemap.xml" in one
    assert [name for name in one if one[name] != two[name]] == []
