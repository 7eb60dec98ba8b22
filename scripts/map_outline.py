"""Derive the province map's outline (hooks/devplan/render/maps/thailand-provinces.json)
from a copy of the OCHA/RTSD province boundaries kept by thailand-canonical-admin-names.

    python scripts/map_outline.py PATH/TO/thailand-adm1-polygons-v1.0.0.geojson

The boundary file is not kept in this repository (it is someone else's file); its
address, commit and SHA-256 are recorded below and in the outline, and the script refuses
any other bytes. The file is already simplified (1,501 points for 77 provinces, 96 KB of
GeoJSON that is mostly decimals), so no simplification library is needed: projecting the
points, rounding them to whole map units (about 1.8 km) and dropping the repeats leaves
about 9 KB of SVG path data. Neighbours share their border points in the source, and
each point rounds the same way in both, so no gaps open between provinces.

Projection: equirectangular, longitude scaled by cos(13°) (the country's middle
latitude), north up. Good enough for a country 15 degrees tall drawn 300 px wide.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

OUTLINE = Path(__file__).resolve().parent.parent / "hooks" / "devplan" / "render" / "maps" / "thailand-provinces.json"
SOURCE = {
    "repository": "https://github.com/DevelopedbyWill/thailand-canonical-admin-names",
    "commit": "5c611f8cd92691bdc62d7492983480516b00500d",
    "path": "data/v1.0.0/thailand-adm1-polygons-v1.0.0.geojson",
    "sha256": "34abbc739f8d3c92bfe68ee43c51313d89ae26643806f2e7daf5c68423bbaf9e",
    "lineage": "OCHA Common Operational Datasets (Royal Thai Survey Department boundaries, 2019-02-18) "
               "via the mapthai package (Piyayut Chitchumnong)",
    "licence": "CC BY 3.0 IGO",
    "licence_url": "https://creativecommons.org/licenses/by/3.0/igo/",
}
UNITS_PER_DEGREE = 60  # map units per degree of latitude: one unit is about 1.8 km
MIDDLE_LATITUDE = 13.0


def project(lon: float, lat: float, west: float, north: float) -> tuple[int, int]:
    """A point in whole map units from the top-left corner (x east, y south)."""
    k = math.cos(math.radians(MIDDLE_LATITUDE))
    return round((lon - west) * k * UNITS_PER_DEGREE), round((north - lat) * UNITS_PER_DEGREE)


def ring_path(points: list[tuple[int, int]]) -> str:
    """SVG path data of one closed ring: the first point absolute, then relative steps."""
    steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
    return f"M{points[0][0]} {points[0][1]}l{' '.join(steps)}z".replace(" -", "-")


def outline(geojson: dict) -> dict:
    """The outline: viewBox size and one SVG path per p-code, in p-code order."""
    rings_by_code: dict[str, list] = {}
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings_by_code[feature["properties"]["ADM1_PCODE"]] = [ring for polygon in polygons for ring in polygon]
    lons = [x for rings in rings_by_code.values() for ring in rings for x, _ in ring]
    lats = [y for rings in rings_by_code.values() for ring in rings for _, y in ring]
    west, north = math.floor(min(lons) * 10) / 10, math.ceil(max(lats) * 10) / 10
    width, height = project(math.ceil(max(lons) * 10) / 10, math.floor(min(lats) * 10) / 10, west, north)
    shapes = {}
    for code in sorted(rings_by_code):
        paths = []
        for ring in rings_by_code[code]:
            points: list[tuple[int, int]] = []
            for lon, lat in ring:
                point = project(lon, lat, west, north)
                if not points or point != points[-1]:
                    points.append(point)
            if points[0] == points[-1]:
                points.pop()  # the closing point: "z" draws it
            if len(points) >= 3:  # an islet smaller than a map unit disappears
                paths.append(ring_path(points))
        shapes[code] = "".join(paths)
    return {"source": SOURCE, "projection": f"equirectangular, longitude scaled by cos({MIDDLE_LATITUDE:g} degrees), "
            f"{UNITS_PER_DEGREE} units a degree of latitude", "width": width, "height": height, "shapes": shapes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("geojson", type=Path, help="a copy of " + SOURCE["path"] + " at commit " + SOURCE["commit"][:7])
    parser.add_argument("--out", type=Path, default=OUTLINE)
    args = parser.parse_args(argv)
    data = args.geojson.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE["sha256"]:
        print(f"{args.geojson}: SHA-256 {digest} is not the recorded {SOURCE['sha256']}; "
              "if the source changed on purpose, update SOURCE in this script", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(outline(json.loads(data)), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
