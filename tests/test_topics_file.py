"""topics.csv (the home page's doors by topic) is a table of the package, read and checked
like every other: never through a link, every cell against its schema, every problem
located in both languages (it was read beside the package and crashed on a long cell,
let control characters through, misreported an unclosed quote and ignored extra cells)."""

from __future__ import annotations

import pytest
from devplan.check.tables import read_package
from devplan.model.plan import build_model
from support import site_area
from test_validate import positions

HEADER = "topic_id,title_th,title_en,indicators\n"
CASES = {
    # defect: (rows after the header, expected (row, column, code))
    "cell-longer-than-the-csv-reader": ('air,"' + "ก" * 140_000 + '",Air,pm25\n', (2, None, "cell-too-long")),
    "control-character-in-a-title": ("air,อากาศ,Air\x1b[31m,pm25\n", (2, "title_en", "control-character")),
    "unclosed-quote": ('air,"อากาศ,Air,pm25\ntourism,ท่องเที่ยว,Tourism,visitors\n', (2, None, "unparsable-csv")),
    "extra-cells": ("air,อากาศ,Air,pm25,dust-days\n", (2, None, "wrong-cell-count")),
    "unknown-indicator": ("air,อากาศ,Air,pm25 pm-25\n", (2, "indicators", "unknown-reference")),
    "ids-separated-by-commas": ('air,อากาศ,Air,"pm25,dust-days"\n', (2, "indicators", "bad-pattern")),
    "missing-thai-title": ("air,,Air,pm25\n", (2, "title_th", "missing-text")),
    "duplicate-topic": ("air,อากาศ,Air,pm25\nair,ฝุ่น,Dust,dust-days\n", (3, "topic_id", "duplicate-key")),
}


@pytest.mark.parametrize("rows,expected", CASES.values(), ids=CASES.keys())
def test_a_broken_topics_row_is_located(tiny, rows, expected):
    (tiny / "topics.csv").write_text(HEADER + rows, encoding="utf-8")
    found = positions(tiny)
    assert ("topics.csv", *expected) in found, found


def test_a_linked_topics_file_is_refused_and_never_read(tiny, tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text(HEADER + "x,SECRET,SECRET,visitors\n", encoding="utf-8")
    (tiny / "topics.csv").unlink()
    (tiny / "topics.csv").symlink_to(outside)
    problems = read_package(tiny).problems
    assert [p.code for p in problems] == ["unsafe-file"]
    assert all("SECRET" not in str(p) for p in problems)


def test_a_topics_file_saved_as_windows_874_is_a_problem_not_a_crash(tiny):
    (tiny / "topics.csv").write_bytes((HEADER + "haze,หมอกควัน,Haze,visitors\n").encode("cp874"))
    (problem,) = read_package(tiny).problems
    assert (problem.code, problem.row) == ("not-utf8", 2) and problem.message_th


def test_the_home_page_doors_come_from_the_model(tiny):
    model = build_model(read_package(tiny), site_area())
    assert [(t.topic_id, [i.indicator_id for i in t.indicators]) for t in model.topics] == [
        ("air", ["pm25", "dust-days"]), ("tourism", ["visitors"])]
