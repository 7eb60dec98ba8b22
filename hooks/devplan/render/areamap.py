"""The province map: an inline SVG choropleth drawn at build time, no JavaScript.

The outline (maps/thailand-provinces.json, one SVG path per OCHA p-code, derived by
scripts/map_outline.py from the OCHA/RTSD boundaries, CC BY 3.0 IGO) weighs about 7 KB
of path data, so every page that has a map carries it inline rather than loading a file.
Each province is coloured by one of CLASSES stated bins (quantiles of the year shown,
rounded to two significant digits), says its name, value and year in a <title> (the
browser's tooltip and a screen reader's text), and the site's own area is outlined.
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
    fill: int | None  # the class, 1..CLASSES; None: no value
    title: str  # name, value and year, or that it has none
    own: bool


@dataclass(frozen=True)
class Bin:
    fill: int
    text: str  # "1,200,000 to under 2,500,000"


@dataclass(frozen=True)
class ProvinceMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]  # the site's own area last, so its outline is drawn on top
    bins: tuple[Bin, ...]
    missing: int  # provinces without a value
    source: dict


def nice(value: float) -> float:
    """Two significant digits: 1,234,567 -> 1,200,000; 0.0456 -> 0.046."""
    if value == 0:
        return 0.0
    power = 10 ** (math.floor(math.log10(abs(value))) - 1)
    return round(value / power) * power


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


def province_map(values: dict[str, tuple[float, int]], names: dict[str, str], own: str | None,
                 decimals: int, unit: str, year_text, lang: str) -> ProvinceMap | None:
    """The map of `values` ({p-code: (value, year)}); None when no province of the outline
    has a value. `year_text(year)` writes a year as the page does."""
    shapes_by_code = outline()["shapes"]
    shown = {code: v for code, v in values.items() if code in shapes_by_code}
    if not shown:
        return None
    cuts = breaks([v for v, _ in shown.values()])
    digits = _decimals(cuts, decimals)
    edges = [format_number(c, digits) for c in cuts]
    bins = [Bin(1, label("map_below", lang, value=edges[0]) if edges else label("map_all", lang))]
    bins += [Bin(n + 2, label("map_between", lang, low=low, high=high)) for n, (low, high) in enumerate(zip(edges, edges[1:]))]
    if edges:
        bins.append(Bin(len(edges) + 1, label("map_from", lang, value=edges[-1])))
    shapes = []
    for code in sorted(shapes_by_code, key=lambda c: c == own):
        name = names.get(code, code)
        if code in shown:
            value, year = shown[code]
            fill = 1 + sum(value >= c for c in cuts)
            title = f"{name}: {format_number(value, decimals)} {unit} ({year_text(year)})"
        else:
            fill, title = None, f"{name}: {label('map_no_value', lang)}"
        shapes.append(Shape(code, shapes_by_code[code], fill, title, code == own))
    return ProvinceMap(outline()["width"], outline()["height"], tuple(shapes), tuple(bins),
                       len(shapes_by_code) - len(shown), outline()["source"])
