"""The kept province outline (hooks/devplan/render/maps/thailand-provinces.json) and the
script that derives it from the OCHA/RTSD boundary file (scripts/map_outline.py)."""

from __future__ import annotations

import json
import re

import pytest
from map_outline import OUTLINE, SOURCE, main, outline

from devplan.render import areamap

PATH = re.compile(r"(M\d+ \d+l(-?\d+[ -]?)+z)+")


def test_the_kept_outline_has_one_shape_per_province_and_states_its_source():
    kept = json.loads(OUTLINE.read_text(encoding="utf-8"))
    assert len(kept["shapes"]) == 77
    assert all(re.fullmatch(r"TH\d\d", code) for code in kept["shapes"])
    assert all(PATH.fullmatch(d) for d in kept["shapes"].values())
    assert kept["source"] == SOURCE and SOURCE["licence"] == "CC BY 3.0 IGO"
    assert len(OUTLINE.read_bytes()) < 20_000  # tens of KB at most: it goes into every map page


def _square(code: str, x: float) -> dict:
    ring = [[100 + x, 15], [101 + x, 15], [101 + x, 16], [100 + x, 16], [100 + x, 15]]
    islet = [[100 + x, 10], [100.001 + x, 10], [100.001 + x, 10.001], [100 + x, 10]]  # smaller than a map unit
    return {"type": "Feature", "properties": {"ADM1_PCODE": code},
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring], [islet]]}}


def test_neighbours_keep_their_shared_border_and_islets_smaller_than_a_unit_go():
    shapes = outline({"type": "FeatureCollection", "features": [_square("TH02", 1), _square("TH01", 0)]})["shapes"]
    assert list(shapes) == ["TH01", "TH02"]  # p-code order, whatever the file's order
    assert all(d.count("M") == 1 for d in shapes.values())  # the islets are gone

    def points(d):
        x, y, *steps = map(int, re.findall(r"-?\d+", d))
        corners = [(x, y)]
        for dx, dy in zip(steps[::2], steps[1::2]):
            corners.append((corners[-1][0] + dx, corners[-1][1] + dy))
        return set(corners)

    shared = points(shapes["TH01"]) & points(shapes["TH02"])
    assert len(shared) == 2  # the common edge's two ends, in the same map units


def test_the_script_refuses_a_file_that_is_not_the_recorded_one(tmp_path, capsys):
    other = tmp_path / "other.geojson"
    other.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert main([str(other), "--out", str(tmp_path / "out.json")]) == 1
    assert SOURCE["sha256"] in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("values, cuts", [
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 5, 7, 9]),
    ([1_234_567, 2_345_678, 11_955_249, 500_000, 800_000], [800_000, 1_200_000, 2_300_000, 11_000_000]),
    ([5, 5, 5, 5], []),  # one value: one class, no boundary
])
def test_map_bins_are_rounded_quantiles_each_once(values, cuts):
    assert areamap.breaks(values) == cuts
