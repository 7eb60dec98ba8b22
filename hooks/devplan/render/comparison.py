"""The site's own area beside the others, in one language: the rank sentence, the
comparison chart's data, the table of all areas and the map's values.

Every rule reads the data: which areas are provinces and which peer groups the own area
belongs to (areas.csv, area_members.csv), which area is the site's own (mkdocs.yml,
extra.devplan.area), and the year compared (model/areas.comparable_year: the latest in
which the own area and another province have comparable values). Ranks are the model's
(model/areas.rank): by the indicator's direction, ties sharing a place, provinces without
a value counted and said, never ranked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from markupsafe import Markup

from ..model.areas import comparable_year, rank, values_in
from ..model.changes import comparable
from . import charts
from .labels import display_year, format_number, format_percent, label, year_label
from .values import printed

RELATIVE_ABOVE = 10  # the chart opens in the relative view when its largest value is this many times its smallest
TOP = 3  # a highlight names a rank among all provinces up to this place, else a first place in a peer group
APART = 2.0  # ...and a change that differs from the country's by at least this many percentage points
AGGREGATES = ("country", "region", "group")


@dataclass(frozen=True)
class Row:
    """One row of the all-areas table, formatted."""

    code: str
    name: str
    rank: str  # "2", or "=2" when tied; empty for the country, regions and groups
    value: str
    change: str  # "+4.2%" from the previous comparable value, or ""
    since: str  # "since 2019" when that value is not the year before's
    own: bool


def data_path(indicator_id: str) -> str:
    """The comparison chart's data, beside the indicator's page: compare.js fetches it, so
    the page carries only what it shows without JavaScript."""
    return f"indicators/{indicator_id}/compare.json"


class Comparison:
    """What an indicator page shows of other areas, for one indicator in one language."""

    def __init__(self, indicator, areas, lang: str):
        self.indicator, self.areas, self.lang = indicator, areas, lang
        self.own = areas.own
        self.year = comparable_year(indicator, areas.provinces, self.own)
        # the provinces with a value comparable with the own area's that year, looked up once
        self.valued = [] if self.year is None else [
            (a, o) for a, o in values_in(indicator, self.year, areas.provinces, self.own) if o is not None]

    def name(self, area) -> str:
        return getattr(area, f"name_{self.lang}")

    def when(self, year: int) -> str:
        return year_label(year, self.lang, self.indicator.year_type)

    def groups(self) -> list:
        """The peer groups of the own area (level 'group', such as its provincial cluster)
        and the regions that have a value for this indicator (a region is a publisher's
        grouping: the tourism ministry's north for tourism figures), smallest first, each
        set of members once."""
        by_area = self.indicator.by_area
        seen, groups = set(), []
        for group in sorted(self.own.groups, key=lambda g: (len(g.members), not by_area.get(g.area_id))):
            members = frozenset(m.area_id for m in group.members)
            if members not in seen and (group.level == "group" or by_area.get(group.area_id)):
                seen.add(members)
                groups.append(group)
        return groups

    def sentence(self) -> str:
        """'Chiang Mai: 2nd of 77 provinces in 2025 (1st of 8 in the upper north). Rank 1
        is the highest value.' with ties and provinces without a value said."""
        if self.year is None:
            return ""
        lang = self.lang
        overall = rank(self.indicator, self.year, self.areas.provinces, self.own)
        groups = []
        for group in self.groups():
            r = rank(self.indicator, self.year, group.members, self.own)
            if r.position and r.of > 1:
                groups.append(label("rank_in_group", lang, rank=self.place(r), count=r.of, group=self.name(group)))
        text = label("rank_sentence", lang, area=self.name(self.own), rank=self.place(overall), count=overall.of,
                     year=self.when(self.year), groups=" (" + "; ".join(groups) + ")" if groups else "")
        text += " " + label("rank_lowest_first" if overall.lowest_first else "rank_highest_first", lang)
        if overall.missing:
            text += " " + label("rank_missing", lang, count=len(overall.missing))
        return text

    def place(self, r) -> str:
        """"2nd", or "joint 2nd" when tied."""
        place = ordinal(r.position, self.lang)
        return label("rank_joint", self.lang, rank=place) if r.tied > 1 else place

    def rows(self) -> tuple[list[Row], list[Row]]:
        """The all-areas table in the compared year: provinces by rank, then the country,
        regions and groups that have a value."""
        indicator, own = self.indicator, self.own
        valued = self.valued
        # Every province's place in one pass, by the rule of model/areas.rank (1, 2, 2, 4).
        ordered = sorted((o.value for _, o in valued), reverse=indicator.direction != "lower")
        first, count = {}, Counter(ordered)
        for n, value in enumerate(ordered, 1):
            first.setdefault(value, n)
        provinces = [self._row(a, o, ("=" if count[o.value] > 1 else "") + str(first[o.value])) for a, o in valued]
        provinces.sort(key=lambda row: (int(row.rank.lstrip("=")), row.name))
        others = [a for a in self.areas if a.level in AGGREGATES and a.area_id in indicator.by_area]
        aggregates = [self._row(a, o, "") for a, o in values_in(indicator, self.year, others, own) if o is not None]
        return provinces, aggregates

    def _row(self, area, observation, place: str) -> Row:
        earlier = [o for o in self.indicator.by_area[area.area_id] if o.year < observation.year and comparable(o, observation)]
        change = since = ""
        if earlier and earlier[-1].value > 0:
            change = format_percent((observation.value - earlier[-1].value) / earlier[-1].value)
            if earlier[-1].year != observation.year - 1:
                since = label("since_year", self.lang, year=self.when(earlier[-1].year))
        return Row(area.area_id, self.name(area), place, format_number(observation.value, self.indicator.decimals),
                   change, since, area is self.own)

    def map_values(self) -> dict[str, float]:
        """{p-code: value} of the provinces with a value in the compared year."""
        return {a.area_id: o.value for a, o in self.valued}

    def default_areas(self) -> list[str]:
        """The own area, the other members of its smallest peer group, and the country (or,
        without a value for it, the regions the own area is in)."""
        by_area = self.indicator.by_area
        chosen = [self.own.area_id]
        groups = self.groups()
        if groups:
            chosen += [m.area_id for m in groups[0].members if m is not self.own]
        chosen += [a.area_id for a in self.areas if a.level == "country" and by_area.get(a.area_id)] or [
            g.area_id for g in groups if g.level == "region" and by_area.get(g.area_id)][:1]
        return [code for code in chosen if by_area.get(code)]  # (the own area too may have none yet)

    def chart_data(self) -> dict:
        """What compare.js draws from: every area's values by year, the default choice and
        view, the layout and the words it needs."""
        indicator, lang = self.indicator, self.lang
        by_area = {code: {o.year: o.value for o in observed} for code, observed in indicator.by_area.items() if observed}
        known = {y for values in by_area.values() for y in values}
        years = list(range(min(known), max(known) + 1))  # every year, so a gap breaks the line
        values = {code: [v.get(y) for y in years] for code, v in by_area.items()}
        default = self.default_areas()
        latest = [v for v in (by_area[c].get(max(by_area[c])) for c in default) if v]
        relative = bool(latest) and min(latest) > 0 and max(latest) / min(latest) > RELATIVE_ABOVE
        common = [y for y in years if all(y in by_area[c] for c in default)]
        unit = getattr(indicator, f"unit_{lang}")
        layout = charts.base_layout(charts.year_axis_title(indicator.year_type, lang), unit)
        labels = [int(display_year(y, lang)) for y in years]
        layout["xaxis"]["tickvals"], layout["xaxis"]["range"] = charts.year_ticks(labels)
        layout["yaxis"].update(separatethousands=True, exponentformat="none")
        return {
            "years": years, "labels": labels, "values": values, "own": self.own.area_id, "default": default,
            "areas": [[a.area_id, self.name(a)] for a in self.choices()],
            "view": "relative" if relative else "values", "since": (common or years)[0],
            "aggregates": [c for c in values if self.areas[c].level in AGGREGATES],
            "decimals": indicator.decimals, "unit": unit, "layout": layout,
            "text": {"relative": label("change_since_axis", lang), "summary": label("compare_summary", lang),
                     "showing": label("compare_showing", lang), "left": label("compare_left_out", lang)},
        }

    def choices(self) -> list:
        """The areas a reader can add: the country, regions and groups with values, then
        every province with values, each by name."""
        by_area = self.indicator.by_area
        areas = [a for a in self.areas if by_area.get(a.area_id)]
        return sorted(areas, key=lambda a: (a.level not in AGGREGATES, self.name(a)))


def highlight(indicator, areas, lang: str) -> str:
    """One line for the home and goal pages, by rule, or "" when the comparison says
    nothing notable: the own area's place when it is in the TOP among all provinces (else
    a first place in its largest peer group where it is first), and its change from the
    previous comparable year beside the country's when they differ by APART points or more.
    'Chiang Mai ranks 1st of 8 in the upper north (2025); Chiang Mai +4.2% since 2024,
    Thailand +1.1%' (the page puts the indicator's name before it)."""
    c = Comparison(indicator, areas, lang)
    if c.year is None:
        return ""
    parts = []
    overall = rank(indicator, c.year, areas.provinces, c.own)
    if overall.position and overall.position <= TOP:
        parts.append(label("highlight_rank_all", lang, area=c.name(c.own), rank=c.place(overall), count=overall.of,
                           year=c.when(c.year)))
    else:
        firsts = [(g, r) for g in c.groups() if (r := rank(indicator, c.year, g.members, c.own)).position == 1 and r.of > 1]
        if firsts:
            group, r = firsts[-1]
            parts.append(label("highlight_rank", lang, area=c.name(c.own), rank=c.place(r), count=r.of,
                               group=c.name(group), year=c.when(c.year)))
    country = next((a for a in areas if a.level == "country" and indicator.by_area.get(a.area_id)), None)
    if country:
        own_change, country_change = _change(indicator, c.own, c.year), _change(indicator, country, c.year)
        if own_change and country_change and own_change[1] == country_change[1] \
                and abs(own_change[0] - country_change[0]) * 100 >= APART:
            parts.append(label("highlight_change", lang, area=c.name(c.own), change=format_percent(own_change[0]),
                               year=c.when(own_change[1]), other=c.name(country), other_change=format_percent(country_change[0])))
    return "; ".join(parts)


def _change(indicator, area, year: int) -> tuple[float, int] | None:
    """(relative change, year compared with) of an area's value in `year` from its previous
    comparable value, or None."""
    values = indicator.by_area.get(area.area_id, [])
    now = next((o for o in values if o.year == year), None)
    earlier = [o for o in values if now and o.year < year and comparable(o, now)]
    if not earlier or earlier[-1].value <= 0:
        return None
    return (now.value - earlier[-1].value) / earlier[-1].value, earlier[-1].year


def ordinal(n: int, lang: str) -> str:
    """'2nd' / 'ที่ 2': the language's ordinal form by CLDR's rules (Babel), worded in its
    labels file (ordinal_one, ordinal_two, ordinal_few, ordinal_other)."""
    try:
        form = Locale.parse(lang).ordinal_form(n)
    except (UnknownLocaleError, ValueError):
        form = "other"
    return label(f"ordinal_{form if form in ('one', 'two', 'few') else 'other'}", lang, n=n)


def rows_html(provinces: list[Row], aggregates: list[Row], lang: str) -> list[Markup]:
    """The all-areas table's body rows (templates/_compare.j2), a line each, then the
    country, regions and groups after a heading of their own: written here, not in the
    template, where 77 rows were most of a compared indicator page's rendering."""
    rank, value, change = (printed(label(key, lang)) for key in ("rank", "value", "change_previous_year"))
    own_word = printed(label("own_area", lang))

    def line(r: Row) -> str:
        own = ' class="dp-own"' if r.own else ""
        tag = f' <span class="dp-own__tag">{own_word}</span>' if r.own else ""
        since = f' <span class="dp-muted">{printed(r.since)}</span>' if r.since else ""
        return (f'<tr{own}><td data-label="{rank}">{printed(r.rank)}</td><th scope="row">{printed(r.name)}{tag}</th>'
                f'<td data-label="{value}">{printed(r.value)}</td><td data-label="{change}">{printed(r.change)}{since}</td></tr>')

    lines = [line(r) for r in provinces]
    if aggregates:
        lines.append('</tbody><tbody class="dp-areas__aggregates"><tr><th scope="rowgroup" colspan="4">'
                     f'{printed(label("country_and_regions", lang))}</th></tr>')
        lines += [line(r) for r in aggregates]
    return [Markup(text) for text in lines]
