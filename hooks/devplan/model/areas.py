"""Areas: where each value is about, the site's own area, peer groups and ranks.

The API the pages use (all plain data, computed on request, no words):

- `model.areas` is an `Areas`: `areas[code]` an `Area`; `areas.own` the site's own area
  (from mkdocs.yml `extra.devplan.area`, never from code; a package with no area yet, a new
  province's first day, gets one named by that code); `areas.provinces` every province
  in code order; `areas.peer_groups(area)` the regions and groups that list it in
  area_members.csv, smallest first, one per set of members (the first listed in areas.csv).
- An `Area` has `area_id` (p-code TH50, TH, or TH-SCHEME-LABEL), `level`, `name_th`,
  `name_en`, `parent` and, for a region or group, `members`.
- `indicator.observations` are the own area's values, sorted by year (what trend, status
  and charts have always used); `indicator.by_area[code]` every area's values, sorted by
  year (the own area's list is the same list). `indicator.compared` says whether any other
  area has a value.
- `comparable_year(indicator, areas, own)`: the latest year in which the own area and at least
  one other of `areas` have values of the same series and coverage (None if none).
- `values_in(indicator, year, areas, own)`: [(area, observation or None)] for each area, None
  where the area has no comparable value that year: no value is ever invented.
- `rank(indicator, year, areas, own)`: the own area's `Rank` among `areas` that year.
  Direction-aware (for lower-is-better, rank 1 is the lowest value), ties share the best
  position ("1, 2, 2, 4"), areas without a comparable value are listed as missing, not ranked.

The package never adds up provinces into a total: a region's value is the one its source
printed (observations.derivation says when a value was computed, and how).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import Source, Texts

LEVELS = ("country", "region", "group", "province", "district")
GROUP_LEVELS = ("region", "group")


@dataclass(eq=False)
class Area(Texts):
    area_id: str
    level: str
    name_th: str
    name_en: str
    source: Source
    parent: Area | None = None
    members: list[Area] = field(default_factory=list)  # for a region or group, as area_members.csv lists them
    groups: list[Area] = field(default_factory=list)  # the regions and groups that list it

    def __repr__(self) -> str:
        return f"Area({self.area_id})"


class UnknownArea(ValueError):
    """The configured own area is not in areas.csv."""


class Areas:
    """Every area of the package by code, with the site's own area."""

    def __init__(self, rows: list[dict], members: list[dict], sources: dict[str, Source], own: str):
        self.by_id = {r["area_id"]: Area(r["area_id"], r["level"], r["name_th"], r["name_en"], sources[r["source_id"]])
                      for r in rows}
        for r in rows:
            if r.get("parent_id"):
                self.by_id[r["area_id"]].parent = self.by_id[r["parent_id"]]
        for link in members:
            group, member = self.by_id[link["area_id"]], self.by_id[link["member_id"]]
            group.members.append(member)
            member.groups.append(group)
        if not self.by_id:  # a new province's first day, every table empty: the code names its area
            self.by_id[own] = Area(own, "province", own, own, None)
        if own not in self.by_id:
            known = ", ".join(sorted(a for a, v in self.by_id.items() if v.level == "province")[:5])
            raise UnknownArea(f"the site's area '{own}' (mkdocs.yml extra.devplan.area) is not an area_id in areas.csv"
                              f"{f' (e.g. {known})' if known else ''} / พื้นที่ของเว็บไซต์ '{own}' "
                              "(mkdocs.yml extra.devplan.area) ไม่มีใน area_id ของ areas.csv")
        self.own = self.by_id[own]

    def __getitem__(self, code: str) -> Area:
        return self.by_id[code]

    def __contains__(self, code: str) -> bool:
        return code in self.by_id

    def __iter__(self):
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    @property
    def provinces(self) -> list[Area]:
        return sorted((a for a in self.by_id.values() if a.level == "province"), key=lambda a: a.area_id)

    def peer_groups(self, area: Area | None = None) -> list[Area]:
        """The regions and groups listing `area` (default: the own area), smallest first;
        of groups with the same members only the first in areas.csv."""
        area = area or self.own
        seen, groups = set(), []
        for group in sorted(area.groups, key=lambda g: len(g.members)):  # stable: file order within a size
            members = frozenset(m.area_id for m in group.members)
            if members not in seen:
                seen.add(members)
                groups.append(group)
        return groups


@dataclass(frozen=True)
class Rank:
    """Where the own area stands among some areas in one year."""

    year: int
    position: int | None  # 1 = best in the indicator's direction; None when the own area has no value
    of: int  # how many of the areas have a comparable value that year (the own area included)
    tied: int  # how many areas share the position (1 = no tie)
    lowest_first: bool  # True for lower-is-better indicators
    missing: tuple[Area, ...] = ()  # areas without a comparable value that year, in code order


def _comparable(own, other) -> bool:
    return other is not None and (own is None or (own.series, own.coverage) == (other.series, other.coverage))


def _value(indicator, area: Area, year: int):
    return next((o for o in indicator.by_area.get(area.area_id, ()) if o.year == year), None)


def values_in(indicator, year: int, areas: list[Area], own: Area) -> list[tuple]:
    """[(area, its Observation that year, or None where it has none comparable with the own
    area's)] for an Indicator."""
    mine = _value(indicator, own, year)
    pairs = []
    for area in areas:
        value = _value(indicator, area, year)
        pairs.append((area, value if _comparable(mine, value) else None))
    return pairs


def comparable_year(indicator, areas: list[Area], own: Area) -> int | None:
    """The latest year with a value for the own area and at least one other of `areas`."""
    others = [a for a in areas if a is not own]
    for mine in reversed(indicator.observations):
        if any(_comparable(mine, _value(indicator, a, mine.year)) for a in others):
            return mine.year
    return None


def rank(indicator, year: int, areas: list[Area], own: Area) -> Rank:
    """The own area's standard competition rank among `areas` (the own area is added if absent)."""
    pool = areas if own in areas else [own, *areas]
    pairs = values_in(indicator, year, pool, own)
    valued = [(a, o.value) for a, o in pairs if o is not None]
    missing = tuple(sorted((a for a, o in pairs if o is None), key=lambda a: a.area_id))
    lowest_first = indicator.direction == "lower"
    mine = next((v for a, v in valued if a is own), None)
    if mine is None:
        return Rank(year, None, len(valued), 0, lowest_first, missing)
    better = sum(1 for _, v in valued if (v < mine if lowest_first else v > mine))
    tied = sum(1 for _, v in valued if v == mine)
    return Rank(year, better + 1, len(valued), tied, lowest_first, missing)
