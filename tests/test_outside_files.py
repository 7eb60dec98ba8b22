"""Nothing outside the data package is read, published or echoed: links, '../', absolute
paths, devices and FIFOs are refused by name before anything is opened."""

from __future__ import annotations

import os
import subprocess
import sys

import build
import pytest
import yaml
from devplan.check.descriptor import package_file
from devplan.check.tables import read_package
from support import ROOT

SECRET = "TOP-SECRET-OUTSIDE-LINE"


@pytest.fixture
def outside(tmp_path):
    """A file beside the package (not in it) whose text must never appear anywhere."""
    path = tmp_path / "secret.csv"
    path.write_text(f"{SECRET},x\n{SECRET},y\n", encoding="utf-8")
    return path


def validate_cli(package, *args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(package), *args],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def codes(package):
    return {(p.file.rsplit("/", 1)[-1], p.row, p.column, p.code) for p in read_package(package).problems}


def assert_refused_quietly(package):
    for style in ("text", "github"):
        result = validate_cli(package, "--format", style)
        assert result.returncode == 1
        assert SECRET not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_linked_document_is_refused(tiny, outside):
    (tiny / "documents" / "test.txt").unlink()
    (tiny / "documents" / "test.txt").symlink_to(outside)
    assert ("sources.csv", 3, "document", "unsafe-file") in codes(tiny)
    assert_refused_quietly(tiny)


def test_linked_documents_folder_is_refused(tiny, tmp_path, outside):
    elsewhere = tmp_path / "elsewhere"
    (tiny / "documents").rename(elsewhere)
    (tiny / "documents").symlink_to(elsewhere)
    assert ("sources.csv", 3, "document", "unsafe-file") in codes(tiny)


def test_linked_table_is_refused(tiny, outside):
    (tiny / "goals.csv").unlink()
    (tiny / "goals.csv").symlink_to(outside)
    assert ("goals.csv", None, None, "unsafe-file") in codes(tiny)
    assert_refused_quietly(tiny)


@pytest.mark.parametrize("path", ["../secret.csv", "{outside}", "documents/../../secret.csv"])
def test_table_paths_outside_the_package_are_refused(tiny, outside, path):
    descriptor_path = tiny / "datapackage.yaml"
    descriptor = yaml.safe_load(descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][2]["path"] = path.format(outside=outside)
    descriptor_path.write_text(yaml.safe_dump(descriptor, allow_unicode=True), encoding="utf-8")
    assert {c[3] for c in codes(tiny)} == {"descriptor-structure"}
    assert_refused_quietly(tiny)


def test_document_path_with_dots_is_refused(tiny):
    sources = tiny / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("documents/test.txt", "documents/.."),
                       encoding="utf-8")
    assert ("sources.csv", 3, "document", "unsafe-file") in codes(tiny)


def test_fifo_is_never_opened(tiny):
    (tiny / "goals.csv").unlink()
    os.mkfifo(tiny / "goals.csv")
    assert ("goals.csv", None, None, "unsafe-file") in codes(tiny)  # would block forever if opened
    (tiny / "documents" / "test.txt").unlink()
    os.mkfifo(tiny / "documents" / "test.txt")
    assert ("sources.csv", 3, "document", "unsafe-file") in codes(tiny)


def test_linked_descriptor_is_refused(tiny, tmp_path):
    real = tmp_path / "real.yaml"
    (tiny / "datapackage.yaml").rename(real)
    (tiny / "datapackage.yaml").symlink_to(real)
    assert {c[3] for c in codes(tiny)} == {"unsafe-file"}


def test_writers_refuse_links_even_without_validation(tiny, outside):
    (tiny / "documents" / "test.txt").unlink()
    (tiny / "documents" / "test.txt").symlink_to(outside)
    with pytest.raises(ValueError):
        package_file(tiny, "documents/test.txt")
    with pytest.raises(ValueError):
        package_file(tiny, "../secret.csv")
    assert package_file(tiny, "goals.csv") == tiny / "goals.csv"


def test_build_with_a_linked_document_publishes_nothing(tiny, outside, tmp_path, capsys):
    (tiny / "documents" / "test.txt").unlink()
    (tiny / "documents" / "test.txt").symlink_to(outside)
    site = tmp_path / "site"
    assert build.main(["--site-dir", str(site), "--data", str(tiny)]) == 1
    assert not site.exists()
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err and "sources.csv:3:document:" in captured.err
