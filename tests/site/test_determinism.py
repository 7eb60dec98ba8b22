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
