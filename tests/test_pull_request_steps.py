"""The pull-request check, run through the same entry point CI uses (`make check`), on a
fixture package: every step runs in order, and a failing step fails the check."""

from __future__ import annotations

import subprocess

from support import FIXTURES, ROOT, copy_package


def make_check(tmp_path, data, pytest_command="true"):
    site = tmp_path / "site"
    # -o: never remake the installs here. A worktree's .venv and node_modules are shared links,
    # and a reinstall (npm ci empties node_modules first) would break every other checkout.
    result = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "-o", "node_modules/.installed",
                             "check", f"DATA={data}", f"SITE={site}",
                             f"PYTEST={pytest_command}"], cwd=ROOT, capture_output=True, text=True)
    return result, site


def test_good_data_passes_every_step_in_order(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    result, site = make_check(tmp_path, package)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.index("scripts/validate.py") < out.index("scripts/build.py") < out.index("\ntrue")
    assert "OK: 12 tables" in out and (site / "index.html").exists()


def test_bad_data_stops_the_check_at_validation_with_annotations(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    observations = package / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace("visitors,2024,", "visitors,2567,"),
                            encoding="utf-8")
    result, site = make_check(tmp_path, package)
    assert result.returncode != 0
    assert "::error file=" in result.stdout and "line=3,title=year::" in result.stdout
    assert "scripts/build.py" not in result.stdout and not site.exists()  # later steps never ran


def test_failing_tests_fail_the_check(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    result, site = make_check(tmp_path, package, pytest_command="false")
    assert result.returncode != 0 and (site / "index.html").exists()
