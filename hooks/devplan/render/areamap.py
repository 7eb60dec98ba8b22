"""The province map: an inline SVG choropleth drawn at build time, no JavaScript.

The outline (maps/thailand-provinces.json, one SVG path per OCHA p-code, derived by
scripts/map_outline.py from the OCHA/RTSD boundaries, CC BY 3.0 IGO) weighs about 7 KB
of path data, so every page that has a map carries it inline rather than loading a file.
Each province is coloured by one of CLASSES stated bins (quantiles of the year shown,
rounded down to two significant digits), says its name and value in a <title> (the browser's
tooltip and a screen reader's text; the caption says the year and unit, one for all), and
the site's own area is outlined.
Provinces without a value are hatched and said to have none.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .labels import format_number, label

OUTLINE = Path(__file__).parent / "maps" / "thailand-provinces.json"
CLASSES = 5  # colour classes: ColorBrewer YlGnBu, safe for colour-blind readers (site.css)


@lru_cache(maxsize=1)
def outline() -> dict:
    """The kept outline: {"width", "height", "shapes": {p-code: path data}, "source": {...}}."""
    return json.loads(OUTLINE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Shape:
    code: str
    path: str
    fill: int  # the class, 1..CLASSES; 0: no value
    title: str  # its name and value, or that it has none
    own: bool


@dataclass(frozen=True)
class Bin:
    fill: int
    text: str  # "1,200,000 to under 2,500,000"


@dataclass(frozen=True)
class ProvinceMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]  # every province but the own area, by class
    own: Shape | None  # drawn last, so its outline is on top
    bins: tuple[Bin, ...]
    missing: int  # provinces without a value
    source: dict


def nice(value: float) -> float:
    """Two significant digits, rounded down so the value it came from stays in the class
    above the boundary: 1,234,567 -> 1,200,000; 0.0456 -> 0.045."""
    if value <= 0:
        return 0.0 if value == 0 else -nice(-value)
    power = 10 ** (math.floor(math.log10(value)) - 1)
    return math.floor(round(value / power, 9)) * power


def breaks(values: list[float], classes: int = CLASSES) -> list[float]:
    """Inner class boundaries at the quantiles, rounded, each once: a value v is in class
    1 + (number of boundaries <= v).

    >>> breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    [3.0, 5.0, 7.0, 9.0]
    """
    ordered = sorted(values)
    cuts = []
    for k in range(1, classes):
        cut = nice(ordered[min(len(ordered) - 1, round(k * len(ordered) / classes))])
        if cut > ordered[0] and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    return cuts


def _decimals(cuts: list[float], decimals: int) -> int:
    """Enough decimals to tell the boundaries apart, never more than the indicator's."""
    smallest = min((abs(c) for c in cuts if c), default=1)
    return max(0, min(decimals, 1 - math.floor(math.log10(smallest))))


def province_map(values: dict[str, float], names: dict[str, str], own: str | None, decimals: int,
                 lang: str) -> ProvinceMap | None:
    """The map of `values` ({p-code: value}, all of one year, which the caption states);
    None when no province of the outline has a value."""
    shapes_by_code = outline()["shapes"]
    shown = {code: v for code, v in values.items() if code in shapes_by_code}
    if not shown:
        return None
    cuts = breaks(list(shown.values()))
    digits = _decimals(cuts, decimals)
    edges = [format_number(c, digits) for c in cuts]
    bins = [Bin(1, label("map_below", lang, value=edges[0]) if edges else label("map_all", lang))]
    bins += [Bin(n + 2, label("map_between", lang, low=low, high=high)) for n, (low, high) in enumerate(zip(edges, edges[1:]))]
    if edges:
        bins.append(Bin(len(edges) + 1, label("map_from", lang, value=edges[-1])))
    shapes = []
    for code, path in shapes_by_code.items():
        name = names.get(code, code)
        if code in shown:
            value = shown[code]
            shape = Shape(code, path, 1 + sum(value >= c for c in cuts), f"{name}: {format_number(value, decimals)}", code == own)
        else:
            shape = Shape(code, path, 0, f"{name}: {label('map_no_value', lang)}", code == own)
        shapes.append(shape)
    shapes.sort(key=lambda s: s.fill)
    return ProvinceMap(outline()["width"], outline()["height"], tuple(s for s in shapes if not s.own),
                       next((s for s in shapes if s.own), None), tuple(bins), len(shapes_by_code) - len(shown), outline()["source"])
