"""A broken package description (datapackage.yaml) gets located, plain problems, never a
traceback, and never lets the build start: each variant is one a maintainer could make."""

from __future__ import annotations

import copy

import pytest
import yaml
from devplan.check.sitetables import SITE_TABLES, check_site_tables, site_columns
from devplan.check.tables import read_package


def edit(tiny, change):
    path = tiny / "datapackage.yaml"
    descriptor = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    result = change(descriptor)
    text = result if isinstance(result, str) else yaml.dump(descriptor, Dumper=yaml.CSafeDumper, allow_unicode=True,
                                                            sort_keys=False)
    path.write_text(text, encoding="utf-8")


def resource(descriptor, name):
    return next(r for r in descriptor["resources"] if r["name"] == name)


def drop(mapping: dict, key: str) -> None:
    """Delete a key (a variant that returns text would be taken as the whole file)."""
    del mapping[key]


def field(descriptor, table, name):
    return next(f for f in resource(descriptor, table)["schema"]["fields"] if f["name"] == name)


VARIANTS = {
    "empty file": lambda d: "",
    "a scalar": lambda d: "just some words\n",
    "a list": lambda d: "- name: x\n- name: y\n",
    "resources as a mapping": lambda d: d.update(resources={r["name"]: r for r in d["resources"]}),
    "no resources": lambda d: d.pop("resources"),
    "resource without a schema": lambda d: resource(d, "goals").pop("schema"),
    "resource without a path": lambda d: drop(resource(d, "goals"), "path"),
    "resource without a name": lambda d: drop(d["resources"][2], "name"),
    "schema without fields": lambda d: resource(d, "goals")["schema"].pop("fields"),
    "field without a name": lambda d: drop(field(d, "goals", "title_en"), "name"),
    "unknown field type": lambda d: field(d, "observations", "value").update(type="decimal"),
    "multi-field foreign key": lambda d: resource(d, "observations")["schema"]["foreignKeys"][0].update(
        fields=["indicator_id", "year"], reference={"resource": "indicators", "fields": ["indicator_id", "baseline_year"]}),
    "foreign key to an unknown field": lambda d: resource(d, "goals")["schema"]["foreignKeys"][0]["reference"].update(
        fields=["strategy"]),
    "foreign key to an unknown table": lambda d: resource(d, "goals")["schema"]["foreignKeys"][0]["reference"].update(
        resource="strategy"),
    "primary key on an unknown field": lambda d: resource(d, "goals")["schema"].update(primaryKey=["goal"]),
    "invalid pattern": lambda d: field(d, "goals", "goal_id")["constraints"].update(pattern="[a-z"),
    "enum that is not a list": lambda d: field(d, "plans", "kind")["constraints"].update(enum="action"),
    "a minimum on a date": lambda d: field(d, "sources", "accessed").setdefault("constraints", {}).update(minimum=2000),
    "an enum on a number": lambda d: field(d, "observations", "value").setdefault("constraints", {}).update(enum=["1"]),
    "a folder as a path": lambda d: resource(d, "goals").update(path="documents"),
    "path outside the package": lambda d: resource(d, "goals").update(path="../goals.csv"),
    "absolute path": lambda d: resource(d, "goals").update(path="/etc/passwd"),
    "web address as a path": lambda d: resource(d, "goals").update(path="https://example.org/goals.csv"),
    "package name with a folder": lambda d: d.update(name="../../outside"),
    "no package name": lambda d: drop(d, "name"),
    "licenses as text": lambda d: d.update(licenses="CC-BY-4.0"),
    "a table the site needs is missing": lambda d: d["resources"].remove(resource(d, "targets")),
    "a field the site reads is missing": lambda d: resource(d, "indicators")["schema"]["fields"].remove(
        field(d, "indicators", "unit_en")),
    "a year typed as text": lambda d: field(d, "observations", "year").update(type="string"),
    "a required link made optional": lambda d: field(d, "observations", "source_id")["constraints"].pop("required"),
    "a foreign key the site needs removed": lambda d: resource(d, "goals")["schema"].pop("foreignKeys"),
    "duplicate resource name": lambda d: resource(d, "goals").update(name="plans"),
    "a web address that may be any text": lambda d: field(d, "sources", "publisher_url").pop("format"),
    # Edits that loosen what the site relies on (each crashed the build, or let through
    # data that escaped the site, when the validator accepted it):
    "an id pattern dropped": lambda d: drop(field(d, "indicators", "indicator_id")["constraints"], "pattern"),
    "an id pattern loosened": lambda d: field(d, "goals", "goal_id")["constraints"].update(pattern=".*"),
    "an enum dropped": lambda d: field(d, "targets", "kind")["constraints"].pop("enum"),
    "an enum widened": lambda d: field(d, "observations", "status")["constraints"]["enum"].append("draft"),
    "the web address format dropped": lambda d: drop(field(d, "sources", "url"), "format"),
    "a year range widened": lambda d: field(d, "observations", "year")["constraints"].update(maximum=99999),
    "a year range dropped": lambda d: field(d, "targets", "year")["constraints"].pop("minimum"),
    "decimals without a maximum": lambda d: field(d, "indicators", "decimals")["constraints"].pop("maximum"),
    "an infinite maximum": lambda d: field(d, "projects", "budget_thb")["constraints"].update(maximum=float("inf")),
    "a primary key changed": lambda d: resource(d, "observations")["schema"].update(primaryKey=["indicator_id"]),
    "a link pointed at another column": lambda d: resource(d, "indicators")["schema"]["foreignKeys"][0]["reference"].update(
        fields=["title_en"]),
    "strategy_goals without foreign keys": lambda d: resource(d, "strategy_goals")["schema"].pop("foreignKeys"),
    "strategy_goals column renamed": lambda d: field(d, "strategy_goals", "goal_id").update(name="goal"),
    "strategy_goals missing": lambda d: d["resources"].remove(resource(d, "strategy_goals")),
    "a foreign key reference of 0": lambda d: resource(d, "goals")["schema"]["foreignKeys"][0].update(reference=0),
    "a foreign key of no fields": lambda d: resource(d, "goals")["schema"]["foreignKeys"][0].update(fields=[]),
    "a foreign key without a resource": lambda d: drop(resource(d, "goals")["schema"]["foreignKeys"][0]["reference"],
                                                       "resource"),
    "a foreign key to a list": lambda d: resource(d, "goals")["schema"]["foreignKeys"][0]["reference"].update(resource=[]),
    "a foreign key that is a number": lambda d: resource(d, "goals")["schema"]["foreignKeys"].append(5),
    "a licence linked to a script": lambda d: d["licenses"][0].update(path="javascript:alert(1)"),
    "a licence name that is a number": lambda d: d["licenses"][0].update(name=5),
    "a title that is a mapping": lambda d: resource(d, "goals").update(title={"th": "x"}),
}


@pytest.mark.parametrize("change", VARIANTS.values(), ids=VARIANTS.keys())
def test_broken_descriptor_is_reported_with_its_line(tiny, change):
    edit(tiny, change)
    problems = read_package(tiny).problems
    assert problems, "accepted"
    assert all(p.file.endswith("datapackage.yaml") and p.row for p in problems), problems
    assert {p.code for p in problems} <= {"descriptor-structure", "descriptor-error"}
    assert all(p.message_en and p.message_th for p in problems)


def test_the_line_points_at_the_broken_key(tiny):
    edit(tiny, VARIANTS["unknown field type"])
    (problem,) = read_package(tiny).problems
    lines = (tiny / "datapackage.yaml").read_text(encoding="utf-8").splitlines()
    assert "decimal" in lines[problem.row - 1]
    assert problem.column == "resource observations > field value > type"


def test_json_descriptor_is_asked_to_be_renamed(tiny):
    (tiny / "datapackage.yaml").rename(tiny / "datapackage.json")
    (problem,) = read_package(tiny).problems
    assert problem.code == "descriptor-name" and "datapackage.json" in problem.message_en


def test_site_tables_match_the_shipped_schema():
    """What the site pins holds for the real descriptor: no false alarms."""
    from support import ROOT

    descriptor = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
    check_site_tables(descriptor, lambda *problem: pytest.fail(str(problem)))


def test_model_reads_no_column_outside_site_tables():
    import dataclasses

    from devplan.model import plan as model

    tables = {"sources": model.Source, "plans": model.Plan, "strategies": model.Strategy, "goals": model.Goal,
              "indicators": model.Indicator, "observations": model.Observation, "targets": model.Target,
              "projects": model.Project, "strategy_goals": model.GoalLink}
    assert set(tables) <= set(SITE_TABLES)
    for table, cls in tables.items():
        read = {f.name for f in dataclasses.fields(cls)} - {"source", "plan", "strategy", "goal", "row"}
        columns = {c.name: c for c in site_columns(table)}
        needed = {f.name for f in dataclasses.fields(cls)
                  if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING} & read
        assert needed <= {name for name, c in columns.items() if not c.optional}, (table, needed - set(columns))


def test_descriptor_check_does_not_change_the_descriptor(tiny):
    import devplan.check.descriptor as d

    descriptor = yaml.safe_load((tiny / "datapackage.yaml").read_text(encoding="utf-8"))
    before = copy.deepcopy(descriptor)
    assert d.check_descriptor(descriptor, lambda *a: pytest.fail(str(a)))
    assert descriptor == before
