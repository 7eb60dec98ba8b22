"""The validator: one test per kind of mistake, each asserting the exact position reported."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from devplan.check.tables import read_package
from support import ROOT


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def positions(package_dir: Path) -> set[tuple]:
    """(file name, row, column, code) of every problem: what a maintainer is told."""
    package = read_package(package_dir)
    return {(Path(p.file).name, p.row, p.column, p.code) for p in package.problems}


def test_fixture_is_valid(tiny):
    assert read_package(tiny).problems == []


def test_shipped_package_passes_the_validator():
    package = read_package(ROOT / "data")
    assert package.problems == []
    assert len(package.tables["indicators"]) >= 25


def test_shipped_package_passes_plain_frictionless():
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.yaml"],
                            cwd=ROOT / "data", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert '"valid": true' in result.stdout


CASES = {
    # id: (file, old text, new text, expected (file, row, column, code))
    "missing column": ("goals.csv", "goal_id,strategy_id,title_th,title_en\n", "goal_id,strategy_id,title_th\n",
                       ("goals.csv", 1, "title_en", "missing-column")),
    "extra column": ("goals.csv", "title_en\n", "title_en,comment\n", ("goals.csv", 1, "comment", "extra-column")),
    "renamed column": ("strategies.csv", "strategy_id,plan_id,", "strategy_id,plan,",
                       ("strategies.csv", 1, "plan", "renamed-column")),
    "wrong type": ("observations.csv", "pm25,2023,28.0,", "pm25,2023,twenty-eight,",
                   ("observations.csv", 6, "value", "wrong-type")),
    "thousands separator": ("observations.csv", "visitors,2024,1100000,", 'visitors,2024,"1,100,000",',
                            ("observations.csv", 3, "value", "wrong-type")),
    "empty required cell": ("observations.csv", "pm25,2022,30.5,final,test-source", "pm25,2022,30.5,final,",
                            ("observations.csv", 5, "source_id", "missing-value")),
    "value outside enum": ("indicators.csv", ",1,lower,calendar,", ",1,down,calendar,",
                           ("indicators.csv", 3, "direction", "not-allowed")),
    "value outside range": ("indicators.csv", "people,0,higher", "people,9,higher",
                            ("indicators.csv", 2, "decimals", "out-of-range")),
    "bad id": ("goals.csv", "g-air,dev-env", "G Air,dev-env", ("goals.csv", 3, "goal_id", "bad-id")),
    "duplicate key": ("observations.csv", "pm25,2023,28.0", "pm25,2022,28.0",
                      ("observations.csv", 6, "year", "duplicate-key")),
    "unknown goal": ("indicators.csv", "pm25,g-air,", "pm25,g-water,", ("indicators.csv", 3, "goal_id", "unknown-reference")),
    "unknown indicator": ("observations.csv", "pm25,2022,", "pm10,2022,",
                          ("observations.csv", 5, "indicator_id", "unknown-reference")),
    "unknown plan": ("strategies.csv", "act-1,act,", "act-1,action,", ("strategies.csv", 4, "plan_id", "unknown-reference")),
    "unknown source": ("targets.csv", "pm25,2027,20,plan,test-source", "pm25,2027,20,plan,pcd",
                       ("targets.csv", 3, "source_id", "unknown-reference")),
    "buddhist era year": ("observations.csv", "visitors,2024,", "visitors,2567,",
                          ("observations.csv", 3, "year", "buddhist-era-year")),
    "target outside plan years": ("targets.csv", "visitors,2027,", "visitors,2030,",
                                  ("targets.csv", 2, "year", "target-outside-plan")),
    "thai text missing": ("goals.csv", "g-air,dev-env,อากาศสะอาด,", "g-air,dev-env,,",
                          ("goals.csv", 3, "title_th", "missing-text")),
    "english text missing": ("indicators.csv", "จำนวนนักท่องเที่ยว,Visitors,", "จำนวนนักท่องเที่ยว,,",
                             ("indicators.csv", 2, "name_en", "missing-text")),
    "unparsable csv": ("projects.csv", "p-2,act-1,2025,โครงการทดสอบสอง", 'p-2,act-1,2025,"โครงการทดสอบสอง',
                       ("projects.csv", 3, None, "unparsable-csv")),
    "row with a missing cell": ("goals.csv", "g-air,dev-env,อากาศสะอาด,Clean air", "g-air,dev-env,อากาศสะอาด",
                                ("goals.csv", 3, None, "wrong-cell-count")),
    "baseline without a value": ("indicators.csv", "people,0,higher,calendar,2023,", "people,0,higher,calendar,2020,",
                                 ("indicators.csv", 2, "baseline_year", "baseline-without-value")),
    "percent unit without measure": ("indicators.csv", "Share of budget,test-source,percent,", "Share of budget,test-source,,",
                                     ("indicators.csv", 4, "measure", "percent-without-measure")),
    "real terms of a count": ("indicators.csv", "Counted,test-source,,\n", "Counted,test-source,,income\n",
                              ("indicators.csv", 2, "real_terms", "real-terms-without-current-prices")),
    "real terms of itself": ("indicators.csv", "Surveyed,test-source,current-prices,", "Surveyed,test-source,current-prices,income",
                             ("indicators.csv", 7, "real_terms", "real-terms-itself")),
    "real terms of an unknown indicator": ("indicators.csv", "Surveyed,test-source,current-prices,",
                                           "Surveyed,test-source,current-prices,gdp", ("indicators.csv", 7, "real_terms", "unknown-reference")),
    "source without url or copy": ("sources.csv", ",https://example.org/test,,", ",,,",
                                   ("sources.csv", 2, "url", "source-without-location")),
    "publisher's page that is not a web address": ("sources.csv", ",https://example.org/publisher/test-doc,",
                                                    ",www.example.org/publisher,", ("sources.csv", 3, "publisher_url", "wrong-type")),
    "publisher's page repeating the address read": ("sources.csv", ",https://example.org/test,,",
                                                    ",https://example.org/test,https://example.org/test,",
                                                    ("sources.csv", 2, "publisher_url", "publisher-url-repeats-url")),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_mistake_is_reported_at_its_position(tiny, case):
    file, old, new, expected = case
    rewrite(tiny / file, old, new)
    assert expected in positions(tiny)


def test_every_problem_is_listed_not_just_the_first(tiny):
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    rewrite(tiny / "goals.csv", "g-air,dev-env,อากาศสะอาด,", "g-air,dev-env,,")
    rewrite(tiny / "targets.csv", "pm25,2027,20,plan,test-source", "pm25,2027,20,plan,pcd")
    found = positions(tiny)
    assert {("observations.csv", 3, "year", "buddhist-era-year"), ("goals.csv", 3, "title_th", "missing-text"),
            ("targets.csv", 3, "source_id", "unknown-reference")} <= found


def test_missing_column_is_reported_once_not_on_every_row(tiny):
    rewrite(tiny / "goals.csv", "goal_id,strategy_id,title_th,title_en\n", "goal_id,strategy_id,title_th\n")
    rewrite(tiny / "goals.csv", ",Tourism\n", "\n")
    rewrite(tiny / "goals.csv", ",Clean air\n", "\n")
    assert [p for p in read_package(tiny).problems if p.column == "title_en"] == [
        p for p in read_package(tiny).problems if p.code == "missing-column"]


def test_windows_874_file_is_named_with_the_fix(tiny):
    text = (tiny / "goals.csv").read_text(encoding="utf-8")
    (tiny / "goals.csv").write_bytes(text.encode("cp874"))
    problems = [p for p in read_package(tiny).problems if p.file.endswith("goals.csv")]
    assert [(p.row, p.code) for p in problems] == [(2, "not-utf8")]
    assert "CSV UTF-8" in problems[0].message_en and "UTF-8" in problems[0].message_th


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_file_is_named_as_utf16_not_as_windows_874(tiny, encoding):
    """Excel's 'Unicode Text' is UTF-16: with its mark or without (then every Latin letter
    has a NUL beside it, which read as UTF-8 gave NUL-spotted column names)."""
    text = (tiny / "goals.csv").read_text(encoding="utf-8")
    (tiny / "goals.csv").write_bytes(text.encode(encoding))
    problems = [p for p in read_package(tiny).problems if p.file.endswith("goals.csv")]
    assert [(p.row, p.code) for p in problems] == [(1, "not-utf8")]
    assert "UTF-16" in problems[0].message_en and "UTF-16" in problems[0].message_th
    assert "874" not in problems[0].message_en


def test_missing_resource_file(tiny):
    (tiny / "projects.csv").unlink()
    assert ("projects.csv", None, None, "missing-file") in positions(tiny)


def test_missing_document_copy(tiny):
    (tiny / "documents" / "test.txt").unlink()
    assert ("sources.csv", 3, "document", "missing-document") in positions(tiny)


@pytest.mark.parametrize("encoding,newline,tail", [
    ("utf-8-sig", "\n", ""), ("utf-8", "\r\n", ""), ("utf-8", "\n", "\n"), ("utf-8-sig", "\r\n", "\r\n\r\n")],
    ids=["bom", "crlf", "final-blank-line", "bom-crlf-blank-lines"])
def test_harmless_file_variants_are_accepted(tiny, encoding, newline, tail):
    for path in tiny.glob("*.csv"):
        text = path.read_text(encoding="utf-8").replace("\n", newline) + tail
        path.write_bytes(text.encode(encoding))
    assert read_package(tiny).problems == []


def test_problems_carry_thai_and_english(tiny):
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    (problem,) = read_package(tiny).problems
    assert "2024" in problem.message_en and "พ.ศ." in problem.message_th


def test_validator_never_changes_the_data(tiny):
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tiny.iterdir() if p.is_file()}
    read_package(tiny)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tiny.iterdir() if p.is_file()}
    assert before == after


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_cli_prints_file_row_column_relative_to_the_current_folder(tiny):
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    result = run_cli("pkg", cwd=tiny.parent)
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{os.path.join('pkg', 'observations.csv')}:3:year: ")
    assert "2024" in line and "ค.ศ." in line


def test_cli_github_annotations(tiny):
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    result = run_cli("--format", "github", str(tiny / "datapackage.yaml"), cwd=tiny)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=observations.csv,line=3,title=year::")


def test_cli_summary_on_clean_data(tiny):
    result = run_cli("pkg", cwd=tiny.parent)
    assert result.returncode == 0
    # The fixture holds 2 sources, 5 areas, 3 memberships, 3 plans, 4 strategies, 2 goals,
    # 6 indicators, 4 targets, 21 observations, 2 projects, 2 strategy links and 2 topics: 56 rows.
    (line,) = result.stdout.strip().splitlines()
    assert "12 tables, 56 rows, 6 indicators, 21 observations" in line


def test_cli_checks_the_search_words_like_a_table_in_both_languages(tiny, tmp_path):
    (tmp_path / "search-words.csv").write_bytes("typed,finds\nหมอกควัน,PM2.5\n".encode("cp874"))
    result = run_cli("pkg", "--docs", str(tmp_path), cwd=tiny.parent)
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("search-words.csv:2: the file is not UTF-8") and "ไฟล์ไม่ได้เข้ารหัส" in line


@pytest.mark.parametrize("script", ["validate.py", "new_indicator.py"])
def test_cli_prints_under_a_terminal_that_cannot_show_thai(tiny, script):
    """A non-UTF-8 locale (an ASCII or Latin-1 terminal): Thai comes out as \\u escapes, the
    English as it is, and no traceback."""
    rewrite(tiny / "observations.csv", "visitors,2024,", "visitors,2567,")
    args = [str(tiny)] if script == "validate.py" else ["new-thing", "--goal", "g-tourism", "--data", str(tiny)]
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert b"Traceback" not in result.stderr, result.stderr
    assert result.stdout.isascii() and b"\\u0e" in result.stdout + result.stderr


def test_cli_without_a_package_says_where_it_looked(tmp_path):
    result = run_cli(cwd=tmp_path)  # the default package is ./data
    assert result.returncode == 1
    assert "datapackage.yaml" in result.stdout


def test_every_field_is_documented_in_both_languages():
    import yaml

    descriptor = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
    known = {"name", "type", "format", "title", "title_th", "description", "description_th", "constraints"}
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert set(field) <= known, (resource["name"], field["name"], set(field) - known)  # e.g. a comma split a flow mapping
            assert field["description"].endswith((".", ")")) and field["description_th"], (resource["name"], field["name"])
            assert field["title"] and field["title_th"], (resource["name"], field["name"])  # the workbook's header


@pytest.mark.parametrize("year", ["", "twenty"])
def test_rules_skip_a_plan_whose_years_failed(tiny, year):
    """An action plan with an empty or non-numeric year while projects exist: one problem, at the year."""
    rewrite(tiny / "plans.csv", ",2025,2025,", f",{year},2025,")
    found = positions(tiny)
    assert {code for *_, code in found} <= {"missing-value", "wrong-type"} and found
