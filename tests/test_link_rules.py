"""Rules for strategy_goals links and part-year values: each mistake reported at its
FILE:ROW:COLUMN with the code the maintainer guide explains (tiny fixture, invented)."""

from __future__ import annotations

from pathlib import Path

from devplan.check.tables import read_package


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def positions(package_dir: Path) -> set[tuple]:
    return {(Path(p.file).name, p.row, p.column, p.code) for p in read_package(package_dir).problems}


def test_link_from_a_development_plan_strategy(tiny):
    rewrite(tiny / "strategy_goals.csv", "long-1,g-tourism,", "dev-econ,g-tourism,")
    assert ("strategy_goals.csv", 2, "strategy_id", "link-from-development-plan") in positions(tiny)


def test_linked_goal_must_belong_to_the_development_plan(tiny):
    # a goal placed under the action plan's strategy cannot be the target of a link
    rewrite(tiny / "goals.csv", "g-air,dev-env,", "g-air,act-1,")
    assert ("strategy_goals.csv", 3, "goal_id", "linked-goal-not-in-development-plan") in positions(tiny)


def test_part_year_value_needs_both_notes(tiny):
    rewrite(tiny / "observations.csv", "dust-days,2025,19.7,final,test-source,,,,",
            "dust-days,2025,19.7,final,test-source,ม.ค.-พ.ค.,,,part-year")
    problems = read_package(tiny).problems
    found = [p for p in problems if p.code == "part-year-without-note"]
    assert [(Path(p.file).name, p.column) for p in found] == [("observations.csv", "note_en")]
    assert "part-year" in found[0].message_en and "หมายเหตุ" in found[0].message_th


def test_part_year_value_with_notes_is_fine(tiny):
    rewrite(tiny / "observations.csv", "dust-days,2025,19.7,final,test-source,,,,",
            "dust-days,2025,19.7,final,test-source,ม.ค.-พ.ค.,Jan-May,,part-year")
    assert read_package(tiny).problems == []
