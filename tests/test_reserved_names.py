"""Names a maintainer chooses never land on a file the site makes: an indicator id, a
table's path or the package's name cannot replace a generated page, download or image
(an indicator called `site` once replaced every other page's link-preview image)."""

from __future__ import annotations

import pytest
from devplan.addresses import GENERATED, generated, preview_file, preview_path
from devplan.check.tables import read_package
from devplan.model.plan import build_model
from devplan.render.previews import write_previews
from PIL import Image, ImageChops
from support import site_area
from test_descriptor import edit, resource
from test_validate import positions, rewrite


def test_an_indicator_called_site_keeps_every_other_page_preview(tiny, tmp_path):
    rewrite(tiny / "indicators.csv", "pm25,g-air,", "site,g-air,")
    for file in ("observations.csv", "targets.csv"):
        rewrite(tiny / file, "pm25,", "site,", count=-1)
    rewrite(tiny / "topics.csv", ",pm25 ", ",site ")
    package = read_package(tiny)
    assert package.problems == []
    model = build_model(package, site_area())
    write_previews(model, tmp_path, "en", ("Site", "Every goal and indicator"), "https://example.org/")
    site, indicator = (tmp_path / preview_file("en"), tmp_path / preview_file("en", "site"))
    assert preview_path("en") != preview_path("en", "site")
    with Image.open(site) as a, Image.open(indicator) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is not None


NAMES = {
    # defect: descriptor change, the place its problem is reported
    "table at the latest values' address": (lambda d: resource(d, "goals").update(path="latest-values.csv"), "path"),
    "table among the per-indicator files": (lambda d: resource(d, "goals").update(path="indicators/goals.csv"), "path"),
    "table among the Excel copies": (lambda d: resource(d, "targets").update(path="excel/sources.csv"), "path"),
    "package named like the latest values": (lambda d: d.update(name="latest-values"), "name"),
}


@pytest.mark.parametrize("change,where", NAMES.values(), ids=NAMES.keys())
def test_a_name_the_site_writes_is_refused(tiny, change, where):
    edit(tiny, change)
    problems = read_package(tiny).problems
    assert [p.code for p in problems] == ["descriptor-structure"], problems
    assert problems[0].column.endswith(where) and problems[0].message_th


@pytest.mark.parametrize("table", ["plans", "strategies", "goals", "indicators"])
def test_an_id_naming_a_generated_page_is_refused(tiny, table):
    column = {"plans": "plan_id", "strategies": "strategy_id", "goals": "goal_id", "indicators": "indicator_id"}[table]
    old = {"plans": "dev,", "strategies": "dev-env,", "goals": "g-air,", "indicators": "pm25,"}[table]
    text = (tiny / f"{table}.csv").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith(old))
    rewrite(tiny / f"{table}.csv", "\n" + old, "\nindex,")
    assert (f"{table}.csv", line, column, "reserved-id") in positions(tiny)


def test_every_generated_download_is_reserved():
    assert all(generated(name) for name in GENERATED)
    assert generated("indicators/x.csv") and generated("excel/x.csv") and not generated("goals.csv")
