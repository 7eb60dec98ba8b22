"""Seeded, bounded fuzzing of the tiny fixture: bytes, cells (number extremes and name
characters among them), the descriptor (every property the site pins), topics.csv and the
search words mutated.

For every mutation either the validator lists located problems in English and Thai (what
`validate.py` prints before it exits 1), or it accepts the package (exit 0) and everything the
build makes from it is made: both languages' pages, embed pages, theme texts and feed, the
downloads and the preview images. Nothing raises, nothing runs longer than a bound, nothing
is written outside the site folder, no href holds a script address, and nothing of a file
outside the package appears anywhere. Whole builds (MkDocs, Pagefind) run once, below, on a
package holding every awkward text and number the validator accepts.
"""

from __future__ import annotations

import copy
import csv
import io
import posixpath
import re
import shutil
import time
from pathlib import Path

import build
import pytest
import yaml
from devplan.check.sitetables import SITE_TABLES, site_columns
from devplan.check.tables import read_package, read_search_words
from devplan.model.plan import build_model
from devplan.publish import search
from devplan.publish.downloads import write_downloads, write_package_files
from devplan.publish.site import embed_pages, generated_pages, page_writer, settings_from, theme_globals
from devplan.render.previews import write_previews
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES, ROOT, copy_package, site_area

SECRET = "OUTSIDE-SECRET-7f3a"
TABLES = ["sources.csv", "areas.csv", "area_members.csv", "plans.csv", "strategies.csv", "goals.csv", "indicators.csv",
          "observations.csv", "targets.csv", "projects.csv", "strategy_goals.csv", "topics.csv"]
# What maintainers (and attackers) put in cells: the cases the issues found, and their kin.
CELLS = ["", " ", " g-air", "final ", "1e309", "-1e309", "1e-400", "NaN", "inf", "-0", "1" * 400, "๒๕๖๗", "２０２２",
         "٣٠", "2568-11-25", "2568-02-29", "2108-01-01", "1979-12-31", "2062-01-01", "0000-00-00", "index", "site",
         "latest-values", "../secret.txt", "/etc/passwd", "documents/..", "documents/../../secret.txt",
         "documents/missing.txt", "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "\x00", "a\x1bb", "\x0b\x0c", "\x85",
         '"', "a,b", "line\nbreak", "\ufeff", "ก" * 2000, "2025", "2567", "-5", "30.5", "1,000", "https://",
         "javascript:x", "javascript:window.__xss=1", "data:text/html,x", "pm25 pm-25", "pm25  visitors"]
NUMBERS = ["1e15", "-1e15", "1e16", "0.000001", "-0.000001", "0.0000001", "1e-300", "1e300", "1.7976931348623157e308",
           "-1.7e308", "4.9e-324", "1e99999999999999999999", "1e-99999999999999999999", "9007199254740993",
           "123456789012345678", "0.1234567890123456789", "-0.0", "1e+15", ".5e1"]
NAMES = ["ค่าเฉลี่ย\rฝุ่น", "PM2.5\u2028x", "PM2.5\u2029x", "x\ufffe", "x\uffff", "x\U0010ffff", "\u200b\u200b",
         "\u2060\ufeff", "ก" + "\u0e48" * 5, "ก\u0e31\u0e49", "ก" + "\u0e48" * 3000, "a\u0085b", "x" * 33_000,
         "\u202eevil\u202c", "a\u200db", "{{ x }}", "[x](javascript:alert(1))", "</title><script>x</script>"]
BYTES = [b'"', b",", b"\n", b"\r", b"\x00", b"\x1b", b"\xff", b"\xe0\xb8", b" ", b"9", b"\t", b";", b"\xef\xbf\xbe"]
DESCRIPTOR_VALUES = [None, "", "x", "../secret.txt", "/etc/passwd", "documents", "goals.csv", 0, -1, 1e309, [],
                     {}, ["a", "b"], "decimal", "[a-z", "../../outside", "CC-BY-4.0", True, "latest-values",
                     "latest-values.csv", "indicators/x.csv", "javascript:alert(1)", "(a|aa)+$"]
QUICK = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Mutations that reach the writers cost about a second each: fewer of those.
BUILT = settings(QUICK, max_examples=30)
BOUND = 120  # seconds any one mutation may take, checks and writers together, on a busy machine
HREF = re.compile(r"""href\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)
SETTINGS = {"devplan": {"base_url": "https://example.org/site/", "publisher": {"th": "ผู้เผยแพร่", "en": "Publisher"}}}
WHOLE_FILE = {"missing-file", "unsafe-file", "descriptor-error"}  # problems of a file, with no row


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "secret.txt").write_text(f"{SECRET},{SECRET}\n", encoding="utf-8")  # beside, not in, the package
    return copy_package(FIXTURES / "tiny", base / "pristine")


def fresh(pristine: Path) -> Path:
    package = pristine.parent / "pkg"
    for folder in (package, pristine.parent / "site"):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(pristine, package)
    return package


def everything_outside(base: Path) -> set[Path]:
    """Every file under the fuzz folder but the package and the site: nothing may appear there."""
    return {p for p in base.rglob("*") if not p.is_relative_to(base / "pkg") and not p.is_relative_to(base / "site")}


def assert_reported_well(package: Path):
    result = read_package(package)  # must not raise
    for problem in result.problems:
        line = str(problem)
        assert SECRET not in line
        assert problem.message_en and problem.message_th and problem.file, line
        assert "\n" not in line and "\r" not in line and "\x1b" not in line, line  # one line, escaped
        assert Path(problem.file).name in TABLES + ["datapackage.yaml"] or "documents" in problem.file, line
        assert problem.row or problem.code in WHOLE_FILE, line  # located: FILE:ROW, or a whole file
    return result


def assert_builds(package: Path, lang: str) -> None:
    """What the build makes from an accepted package, in one language, made without error
    inside the site folder, and no href from it holding a script address."""
    site = package.parent / "site"
    model = build_model(read_package(package), site_area())
    options = settings_from("Site", SETTINGS, "https://github.com/o/r", model)
    writer = page_writer(model, lang, options)
    pages = {path: write() for path, write in generated_pages(writer, package).items()}
    pages.update(embed_pages(writer))
    for path in pages:
        assert not posixpath.isabs(path) and not posixpath.normpath(path).startswith(".."), path
    theme = theme_globals(model, lang, options, package, f"https://example.org/site/{lang}/")
    links = [link for text in pages.values() for link in HREF.findall(text)]
    links += [theme["dp_footer"]["licence_url"], theme["dp_footer"]["report_url"]]
    assert not [link for link in links if re.match(r"\s*[a-z][a-z0-9+.-]*:", link, re.IGNORECASE)
                and not link.startswith(("https://", "http://"))], links
    write_package_files(model, package, site / "data", SETTINGS["devplan"]["base_url"])
    write_downloads(model, package, site / "data", SETTINGS["devplan"]["base_url"], SETTINGS["devplan"]["publisher"])
    write_previews(model, site / "previews", lang, ("Site", "Every goal"), SETTINGS["devplan"]["base_url"])
    written = [p for p in site.rglob("*") if p.is_file()]
    assert written and all(p.resolve().is_relative_to(site.resolve()) for p in written)
    assert not any(SECRET in text for text in pages.values())


def check(package: Path, lang: str = "th") -> None:
    """Exit 1 with located problems, or exit 0 and everything made; bounded, and nothing outside."""
    before = everything_outside(package.parent)
    start = time.monotonic()
    if not assert_reported_well(package).problems:
        assert_builds(package, lang)
    assert time.monotonic() - start < BOUND
    assert everything_outside(package.parent) == before


def rewrite_cell(path: Path, row: int, column: int, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    row %= len(rows)
    rows[row][column % len(rows[row])] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


CELL = st.tuples(st.sampled_from(TABLES), st.integers(0, 10), st.integers(0, 20),
                 st.sampled_from(CELLS + NUMBERS + NAMES) | st.text(max_size=30))
LANG = st.sampled_from(["th", "en"])


@QUICK
@given(cells=st.lists(CELL, min_size=1, max_size=4), lang=LANG)
def test_cell_mutations(pristine, cells, lang):
    package = fresh(pristine)
    for file, row, column, value in cells:
        rewrite_cell(package / file, row, column, value)
    check(package, lang)


VALUE = {"observations.csv": 2, "targets.csv": 2, "projects.csv": 7}  # the number columns


@BUILT
@given(file=st.sampled_from(sorted(VALUE)), rows=st.lists(st.tuples(st.integers(1, 10), st.sampled_from(NUMBERS)),
                                                           min_size=1, max_size=3), lang=LANG)
def test_number_extremes(pristine, file, rows, lang):
    """Values at and past the bounds, in one series: accepted ones keep every derived figure
    (changes, rates, chart ticks, the images' scales) finite, refused ones are located."""
    package = fresh(pristine)
    for row, value in rows:
        rewrite_cell(package / file, row, VALUE[file], value)
    check(package, lang)


@QUICK
@given(file=st.sampled_from(TABLES), data=st.data())
def test_byte_mutations(pristine, file, data):
    package = fresh(pristine)
    raw = (package / file).read_bytes()
    at = data.draw(st.integers(0, len(raw)))
    cut = data.draw(st.integers(0, 3))
    new = data.draw(st.sampled_from(BYTES) | st.binary(max_size=4))
    (package / file).write_bytes(raw[:at] + new + raw[at + cut:])
    check(package)


def load_descriptor(package: Path) -> dict:
    return yaml.load((package / "datapackage.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def save_descriptor(package: Path, descriptor: dict) -> None:
    (package / "datapackage.yaml").write_text(yaml.dump(descriptor, Dumper=yaml.CSafeDumper, allow_unicode=True),
                                              encoding="utf-8")


@BUILT
@given(data=st.data())
def test_descriptor_mutations(pristine, data):
    package = fresh(pristine)
    mutated = copy.deepcopy(load_descriptor(package))
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
    save_descriptor(package, mutated)
    check(package)


# Each property the site pins, and ways an edit changes it: loosened (refused), tightened or
# kept (accepted, and then built), or made malformed (refused, never a traceback).
PIN_EDITS = {
    "type": ["string", "integer", "number", "date", "decimal", None],
    "required": [False, True, "yes", None],
    "enum": [None, [], ["x"], ["preliminary"], ["final", "draft"], "final", [1]],
    "pattern": [None, ".*", "[a-z0-9][a-z0-9-]*", "[a-z]+", "(a|aa)+$", "[a-z", 5],
    "format": [None, "uri", "email", "default"],
    "minimum": [None, 1990, 2000, 1500, -1e309, "x"],
    "maximum": [None, 2100, 2050, 99999, 1e309, True],
    "foreignKey": ["drop", "other table", "other field", 0, {"fields": [], "reference": {}}, {"fields": ["x"]}],
    "primaryKey": [None, [], ["x"], "title_en", ["indicator_id"]],
    "path": ["latest-values.csv", "indicators/x.csv", "excel/goals.csv", "../goals.csv", "goals.csv"],
}


def edit_pin(descriptor: dict, table: str, column: str, prop: str, value) -> None:
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    schema = resource["schema"]
    if prop in ("path", "primaryKey"):
        if value is None:
            schema.pop("primaryKey", None)
        elif prop == "path":
            resource["path"] = value
        else:
            schema["primaryKey"] = value
        return
    if prop == "foreignKey":
        keys = schema.setdefault("foreignKeys", [])
        index = next((n for n, k in enumerate(keys) if k["fields"] == [column]), None)
        replacement = {"drop": None, "other table": {"fields": [column], "reference": {"resource": "plans",
                                                                                        "fields": ["plan_id"]}},
                       "other field": {"fields": [column], "reference": {"resource": "goals", "fields": ["title_en"]}}}
        new = replacement.get(value, value) if isinstance(value, str) else value
        if index is None:
            keys.append(new)
        elif new is None:
            del keys[index]
        else:
            keys[index] = new
        return
    field = next((f for f in schema["fields"] if f["name"] == column), None)
    if field is None:
        return
    target = field if prop in ("type", "format") else field.setdefault("constraints", {})
    if value is None:
        target.pop(prop, None)
    else:
        target[prop] = value


PIN = st.sampled_from([(table, column.name) for table in SITE_TABLES for column in site_columns(table)])


@BUILT
@given(pin=PIN, prop=st.sampled_from(sorted(PIN_EDITS)), data=st.data(), lang=LANG)
def test_pinned_descriptor_edits(pristine, pin, prop, data, lang):
    package = fresh(pristine)
    descriptor = load_descriptor(package)
    edit_pin(descriptor, *pin, prop, data.draw(st.sampled_from(PIN_EDITS[prop])))
    save_descriptor(package, descriptor)
    problems = assert_reported_well(package).problems
    assert {p.code for p in problems} <= {"descriptor-structure", "descriptor-error"} or \
        not any(p.file.endswith("datapackage.yaml") for p in problems), problems
    check(package, lang)


WORDS = ["typed,finds\n", "หมอกควัน,PM2.5\n", "haze,PM2.5\n", ",\n", "a\x00,b\n", '"x,y\n', "x,y,z\n", "\ufeff"]


@QUICK
@given(parts=st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=6), raw=st.binary(max_size=8))
def test_search_word_mutations(tmp_path_factory, parts, raw):
    """docs/search-words.csv: located problems in both languages, or words the build reads."""
    folder = tmp_path_factory.mktemp("words")
    text = (ROOT / "docs" / "search-words.csv").read_text(encoding="utf-8")
    (folder / "search-words.csv").write_bytes((text + "".join(parts)).encode() + raw)
    words = read_search_words(folder)
    for problem in words.problems:
        assert problem.message_en and problem.message_th and (problem.row or problem.code in WHOLE_FILE), problem
        assert "\n" not in str(problem)
    if words.problems:
        with pytest.raises(ValueError):
            search.read_search_words(folder)
    else:
        assert search.read_search_words(folder)


# Text and numbers the validator accepts that have broken writers elsewhere: combining Thai
# marks alone or four on a letter, right-to-left and bidi overrides, zero-width joiners,
# template and Markdown syntax, a closing script tag, and numbers at the bounds in one series.
ACCEPTED_TEXTS = ["\u0e31\u0e49\u0e4c", "\u202eevil\u202c", "مرحبا", "a\u200db", "ก\u0e31\u0e49\u0e4c\u0e4d",
                  "{{ x }}{% if %}", "[x](javascript:alert(1)) **b**", "</script><!--", "\U0001f600" * 3,
                  "\xa0nbsp\xa0", "x" * 300, "a\u2028b\u2029c in a note"]


def test_accepted_text_and_numbers_always_build(pristine, tmp_path_factory):
    """One whole build with every accepted-but-awkward text and number: it succeeds, writes
    only inside its folder, and no href in it holds a script address."""
    package = fresh(pristine)
    for row, text in enumerate(ACCEPTED_TEXTS[:4], start=1):
        rewrite_cell(package / "goals.csv", row % 3 or 1, 2 + row % 2, text)
    for row, text in enumerate(ACCEPTED_TEXTS[4:], start=1):
        rewrite_cell(package / "observations.csv", row % 5 or 1, 5 + row % 2, text)
    for row, value in ((4, "0.000001"), (5, "1e15")):  # pm25: from the smallest to the largest, one series
        rewrite_cell(package / "observations.csv", row, 2, value)
    rewrite_cell(package / "targets.csv", 2, 2, "-1e15")
    assert assert_reported_well(package).problems == []
    site = tmp_path_factory.mktemp("fuzz-site")
    before = everything_outside(package.parent)
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    assert everything_outside(package.parent) == before
    for path in site.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert SECRET.encode() not in content
            if path.suffix in (".html", ".xml"):
                links = HREF.findall(content.decode("utf-8"))
                assert not [link for link in links if re.match(r"\s*(javascript|data|vbscript):", link, re.I)], path
