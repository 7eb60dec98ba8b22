"""The maintainer guide explains every problem the validator can report, in both languages."""

from __future__ import annotations

import ast
import csv
import re

import pytest
from support import ROOT

SOURCES = sorted((ROOT / "hooks" / "devplan" / "check").glob("*.py"))
GUIDES = {"th": ROOT / "docs" / "th" / "maintainers.md", "en": ROOT / "docs" / "en" / "maintainers.md"}
TITLES = {"th": "คู่มือผู้ดูแลข้อมูล", "en": "Maintainer guide"}
# Where the problem code sits in each call that reports a problem:
# Problem(file, row, column, code, en, th), add(row, column, code, en, th), _fail(path, shown, code, en, th).
CODE_ARGUMENT = {"Problem": 3, "add": 2, "_fail": 2}
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# The codes the issue lists: the parser below must find at least these.
LISTED = {"missing-file", "not-utf8", "unparsable-csv", "empty-file", "missing-column", "extra-column",
          "renamed-column", "column-order", "blank-row", "wrong-cell-count", "missing-text", "missing-value",
          "wrong-type", "not-allowed", "bad-id", "bad-pattern", "out-of-range", "buddhist-era-year",
          "duplicate-key", "unknown-reference", "plan-years", "target-outside-plan", "project-not-in-action-plan",
          "project-outside-plan", "baseline-without-value", "source-without-location", "missing-document"}


def problem_codes() -> set[str]:
    """Every code string passed to Problem(...), add(...) or _fail(...) in the validator's source."""
    codes = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in CODE_ARGUMENT:
                continue
            argument = next((k.value for k in node.keywords if k.arg == "code"), None)
            if argument is None and len(node.args) > CODE_ARGUMENT[name]:
                argument = node.args[CODE_ARGUMENT[name]]
            if argument is None:
                continue
            # A literal, or a choice between literals ("bad-id" if ... else "bad-pattern").
            for part in ast.walk(argument):
                if isinstance(part, ast.Constant) and isinstance(part.value, str) and CODE.fullmatch(part.value):
                    codes.add(part.value)
    return codes


def test_the_parser_finds_every_code():
    codes = problem_codes()
    assert LISTED <= codes, LISTED - codes
    assert {"missing-descriptor", "descriptor-error"} <= codes


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_problem_code_is_explained(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    explained = set(re.findall(r"^- `([a-z0-9-]+)`: \S", text, flags=re.MULTILINE))
    missing = problem_codes() - explained
    assert not missing, f"{GUIDES[lang].name} ({lang}) does not explain: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_guide_keeps_its_title_and_covers_each_task(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {TITLES[lang]}"
    ids = set(re.findall(r"^##+ .+ \{ #([a-z-]+) \}$", text, flags=re.MULTILINE))
    assert {"workbook", "workbook-download", "workbook-edit", "workbook-upload", "workbook-answer", "workbook-fix",
            "workbook-merge", "files", "add-value", "add-indicator", "add-source", "messages", "preview",
            "pull-request", "merge"} <= ids
    for words in ("observations.csv", "preliminary", "revised", "final", "source_id",
                  "scripts/new_indicator.py", "make serve", "make validate", "site-preview"):
        assert words in text, words
    prose = re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.DOTALL)  # code may show anything
    assert not re.search(r"</?[a-zA-Z][^>]*>", prose), "Markdown only, no raw HTML"


IMPORT_SOURCES = [*sorted((ROOT / "hooks" / "devplan" / "edit").glob("*.py")), ROOT / "scripts" / "import_workbook.py"]
# Where the code sits in each call that refuses a workbook: Located.in_sheet(sheet, row, column, code, ...),
# Located.about_file(shown, code, ...), Located.in_range(sheet, cells, code, ...), _whole(shown, code, ...).
IMPORT_ARGUMENT = {"in_sheet": 3, "about_file": 1, "in_range": 2, "_whole": 1}


def import_codes() -> set[str]:
    """Every code the workbook import can refuse with: the calls above, and the (code, en, th)
    tuples that convert.cell_text returns for a cell."""
    codes = set()
    for path in IMPORT_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in IMPORT_ARGUMENT and len(node.args) > IMPORT_ARGUMENT[name]:
                    argument = node.args[IMPORT_ARGUMENT[name]]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        codes.add(argument.value)
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(node.elts[0], ast.Constant) \
                    and isinstance(node.elts[0].value, str) and CODE.fullmatch(node.elts[0].value):
                codes.add(node.elts[0].value)
    return codes


def test_the_import_parser_finds_every_refusal_of_the_issue():
    assert {"formula-cell", "merged-cells", "hidden-row", "hidden-sheet", "missing-sheet", "workbook-xls", "workbook-ods",
            "workbook-password", "not-a-workbook", "other-package", "too-many-rows", "workbook-too-large",
            "number-as-text", "date-cell"} <= import_codes()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_workbook_refusal_is_explained(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    explained = set(re.findall(r"^- `([a-z0-9-]+)`: \S", text, flags=re.MULTILINE))
    missing = import_codes() - explained
    assert not missing, f"{GUIDES[lang].name} ({lang}) does not explain: {sorted(missing)}"


def test_both_guides_have_the_same_sections():
    sections = {lang: re.findall(r"\{ #([a-z-]+) \}", path.read_text(encoding="utf-8"))
                for lang, path in GUIDES.items()}
    assert sections["th"] == sections["en"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_example_answer_names_indicators_as_the_data_does(lang):
    """The example comment says what changed as the import would: by each indicator's current name."""
    names = {row[f"name_{lang}"] for row in csv.DictReader((ROOT / "data" / "indicators.csv").open(encoding="utf-8"))}
    text = GUIDES[lang].read_text(encoding="utf-8")
    answer = text[text.index("{ #workbook-answer }"):text.index("{ #workbook-fix }")]
    said = re.findall(r"^> - (.+?)(?:, | ปี )\d{4}: ", answer, flags=re.MULTILINE)
    assert said and all(name in names for name in said), said
