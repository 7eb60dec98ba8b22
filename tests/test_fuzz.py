"""Seeded, bounded fuzzing of the tiny fixture: bytes, cells and the descriptor mutated.

For every mutation the validator either accepts the package or lists located problems in
English and Thai; it never raises, and nothing of a file outside the package appears in
what it says. One package with every awkward text the validator accepts is built: the build succeeds.
"""

from __future__ import annotations

import copy
import csv
import io
import shutil
from pathlib import Path

import build
import pytest
import yaml
from devplan.check.tables import read_package
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, copy_package

SECRET = "OUTSIDE-SECRET-7f3a"
TABLES = ["sources.csv", "areas.csv", "area_members.csv", "plans.csv", "strategies.csv", "goals.csv", "indicators.csv",
          "observations.csv", "targets.csv", "projects.csv", "strategy_goals.csv"]
# What maintainers (and attackers) put in cells: the cases the issue found, and their kin.
CELLS = ["", " ", " g-air", "final ", "1e309", "-1e309", "1e-400", "NaN", "inf", "-0", "1" * 400, "๒๕๖๗", "２０２２",
         "٣٠", "2568-11-25", "2568-02-29", "2108-01-01", "1979-12-31", "2062-01-01", "0000-00-00", "index",
         "../secret.txt", "/etc/passwd", "documents/..", "documents/../../secret.txt", "documents/missing.txt",
         "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "\x00", "a\x1bb", "\x0b\x0c", "\x85", '"', "a,b",
         "line\nbreak", "\ufeff", "ก" * 2000, "2025", "2567", "-5", "30.5", "1,000", "https://", "javascript:x"]
BYTES = [b'"', b",", b"\n", b"\r", b"\x00", b"\x1b", b"\xff", b"\xe0\xb8", b" ", b"9", b"\t", b";"]
DESCRIPTOR_VALUES = [None, "", "x", "../secret.txt", "/etc/passwd", "documents", "goals.csv", 0, -1, 1e309, [],
                     {}, ["a", "b"], "decimal", "[a-z", "../../outside", "CC-BY-4.0", True]
QUICK = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "secret.txt").write_text(f"{SECRET},{SECRET}\n", encoding="utf-8")  # beside, not in, the package
    return copy_package(FIXTURES / "tiny", base / "pristine")


def fresh(pristine: Path) -> Path:
    package = pristine.parent / "pkg"
    shutil.rmtree(package, ignore_errors=True)
    shutil.copytree(pristine, package)
    return package


def assert_reported_well(package: Path):
    result = read_package(package)  # must not raise
    for problem in result.problems:
        line = str(problem)
        assert SECRET not in line
        assert problem.message_en and problem.message_th and problem.file
        assert Path(problem.file).name in TABLES + ["datapackage.yaml"] or "documents" in problem.file, line
    if result.problems:
        # at least one FILE:ROW line, in both languages (a whole missing file has no row)
        assert any(p.row for p in result.problems) or {p.code for p in result.problems} <= {
            "missing-file", "unsafe-file", "descriptor-error"}, result.problems
    return result


def rewrite_cell(path: Path, row: int, column: int, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    row %= len(rows)
    rows[row][column % len(rows[row])] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


CELL = st.tuples(st.sampled_from(TABLES), st.integers(0, 10), st.integers(0, 20),
                 st.sampled_from(CELLS) | st.text(max_size=30))


@QUICK
@given(cells=st.lists(CELL, min_size=1, max_size=4))
def test_cell_mutations(pristine, cells):
    package = fresh(pristine)
    for file, row, column, value in cells:
        rewrite_cell(package / file, row, column, value)
    assert_reported_well(package)


@QUICK
@given(file=st.sampled_from(TABLES), data=st.data())
def test_byte_mutations(pristine, file, data):
    package = fresh(pristine)
    raw = (package / file).read_bytes()
    at = data.draw(st.integers(0, len(raw)))
    cut = data.draw(st.integers(0, 3))
    new = data.draw(st.sampled_from(BYTES) | st.binary(max_size=4))
    (package / file).write_bytes(raw[:at] + new + raw[at + cut:])
    assert_reported_well(package)


@QUICK
@given(data=st.data())
def test_descriptor_mutations(pristine, data):
    package = fresh(pristine)
    descriptor = yaml.load((package / "datapackage.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    mutated = copy.deepcopy(descriptor)
    # walk down to a random mapping or list, then delete, replace or add an entry there
    node = mutated
    for _ in range(data.draw(st.integers(0, 5))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        child = node[data.draw(st.sampled_from(keys))]
        if not isinstance(child, (dict, list)):
            break
        node = child
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    action = data.draw(st.sampled_from(["delete", "replace", "add"]))
    value = data.draw(st.sampled_from(DESCRIPTOR_VALUES))
    if keys and action == "delete":
        del node[data.draw(st.sampled_from(keys))]
    elif keys and action == "replace":
        node[data.draw(st.sampled_from(keys))] = value
    elif isinstance(node, dict):
        node[data.draw(st.sampled_from(["name", "path", "type", "fields", "schema", "licenses", "extra"]))] = value
    else:
        node.append(value)
    (package / "datapackage.yaml").write_text(yaml.dump(mutated, Dumper=yaml.CSafeDumper, allow_unicode=True),
                                              encoding="utf-8")
    assert_reported_well(package)


# Text the validator accepts in free-text cells that has broken writers elsewhere: combining
# Thai marks alone, right-to-left and bidi overrides, zero-width joiners, line and paragraph
# separators (they end a JavaScript string), template and Markdown syntax, a closing script tag.
ACCEPTED_TEXTS = ["\u0e31\u0e49\u0e4c", "\u202eevil\u202c", "مرحبا", "a\u200db", "a\u2028b\u2029c", "{{ x }}{% if %}",
                  "[x](javascript:alert(1)) **b**", "</script><!--", "\U0001f600" * 3, "\xa0nbsp\xa0", "x" * 300]


def test_accepted_text_always_builds(pristine, tmp_path_factory):
    """One build with every accepted-but-awkward text in titles and notes: it succeeds."""
    package = fresh(pristine)
    for row, text in enumerate(ACCEPTED_TEXTS[:3], start=1):
        rewrite_cell(package / "goals.csv", row % 3 or 1, 2 + row % 2, text)
    for row, text in enumerate(ACCEPTED_TEXTS[3:], start=1):
        rewrite_cell(package / "observations.csv", row % 5 or 1, 5 + row % 2, text)
    assert assert_reported_well(package).problems == []
    site = tmp_path_factory.mktemp("fuzz-site")
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    assert not any(SECRET.encode() in p.read_bytes() for p in site.rglob("*") if p.is_file())
