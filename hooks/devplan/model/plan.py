"""The plan model: plans > strategies > goals > indicators, with values, targets and sources.

Built once from a validated package; pages, charts and downloads only read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..check.problems import Package
from .areas import Area, Areas
from .base import Source, Texts
from .status import NO_TARGET, NOT_ENOUGH_DATA, Progress, assess, choose_targets
from .trend import NOT_ASSESSED, Freshness, Point, Trend, assess_trend, freshness


@dataclass
class Observation(Texts):
    year: int
    value: float
    status: str  # preliminary, revised or final
    source: Source
    note_th: str | None = None
    note_en: str | None = None
    series: str | None = None  # values of different series are never compared
    coverage: str | None = None  # "part-year": never compared with a whole year
    row: int | None = None  # the row a spreadsheet or GitHub shows in observations.csv
    area: Area | None = None  # where the value is about
    derivation: str | None = None  # None: as printed in the source; else how it was computed (see notes)


@dataclass
class Target(Texts):
    year: int
    value: float
    source: Source
    kind: str = "plan"  # plan (the plan's KPI table), announced (in public, e.g. the news) or standard
    note_th: str | None = None
    note_en: str | None = None


@dataclass
class Indicator(Texts):
    indicator_id: str
    name_th: str
    name_en: str
    unit_th: str
    unit_en: str
    decimals: int
    direction: str
    year_type: str
    baseline_year: int | None
    agency_th: str
    agency_en: str
    method_th: str
    method_en: str
    source: Source
    measure: str | None = None  # "percent" (changes in percentage points), "current-prices" (includes inflation)
    real_terms: Indicator | None = None  # for money at current prices: the same measured without inflation
    goal: Goal | None = None
    observations: list[Observation] = field(default_factory=list)  # the site's own area, by year
    by_area: dict[str, list[Observation]] = field(default_factory=dict)  # every area's values, by year
    targets: list[Target] = field(default_factory=list)
    progress: Progress | None = None  # against a target (ESCAP), the headline where a target exists
    trend: Trend | None = None  # direction of change, shown beside or instead of progress
    freshness: Freshness = field(default_factory=Freshness)
    row: int | None = None  # the row in indicators.csv

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    @property
    def compared(self) -> bool:
        """Has values for an area other than the site's own."""
        return any(values for values in self.by_area.values() if values is not self.observations)

    @property
    def assessed(self) -> bool:
        """Has a trend (two comparable values) or a status against a target to show."""
        return self.trend.status != NOT_ASSESSED or self.progress.status not in (NO_TARGET, NOT_ENOUGH_DATA)

    @property
    def sources(self) -> list[Source]:
        """Every source behind this indicator's numbers, main source first, no repeats."""
        seen = {self.source.source_id: self.source}
        for item in [*self.observations, *self.targets]:
            seen.setdefault(item.source.source_id, item.source)
        return list(seen.values())


@dataclass
class GoalLink(Texts):
    """A goal of the five-year plan that measures a strategy of another plan, and why."""

    goal: Goal
    basis_th: str
    basis_en: str
    source: Source


@dataclass
class Goal(Texts):
    goal_id: str
    title_th: str
    title_en: str
    strategy: Strategy | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Project(Texts):
    project_id: str
    fiscal_year: int
    name_th: str
    name_en: str
    agency_th: str
    agency_en: str
    budget_thb: float
    source: Source
    strategy: Strategy | None = None


@dataclass
class Strategy(Texts):
    strategy_id: str
    order: int
    title_th: str
    title_en: str
    summary_th: str
    summary_en: str
    plan: Plan | None = None
    goals: list[Goal] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    linked_goals: list[GoalLink] = field(default_factory=list)  # goals of another plan that measure it

    @property
    def indicators(self) -> list[Indicator]:
        return [i for g in self.goals for i in g.indicators]

    @property
    def measured_by(self) -> list[Indicator]:
        """Its own goals' indicators, then those of linked goals, each once."""
        seen = {i.indicator_id: i for i in self.indicators}
        for link in self.linked_goals:
            for indicator in link.goal.indicators:
                seen.setdefault(indicator.indicator_id, indicator)
        return list(seen.values())


@dataclass
class Plan(Texts):
    plan_id: str
    kind: str
    title_th: str
    title_en: str
    vision_th: str | None
    vision_en: str | None
    summary_th: str
    summary_en: str
    start_year: int
    end_year: int
    source: Source
    strategies: list[Strategy] = field(default_factory=list)

    @property
    def indicators(self) -> list[Indicator]:
        return [i for s in self.strategies for i in s.indicators]

    @property
    def projects(self) -> list[Project]:
        return [p for s in self.strategies for p in s.projects]

    @property
    def measured_by(self) -> list[Indicator]:
        """The indicators of its strategies, own and linked, each once."""
        seen: dict[str, Indicator] = {}
        for strategy in self.strategies:
            for indicator in strategy.measured_by:
                seen.setdefault(indicator.indicator_id, indicator)
        return list(seen.values())


@dataclass(frozen=True)
class Topic(Texts):
    """A door of the home page: a topic's titles and its indicators (the topics table)."""

    topic_id: str
    title_th: str
    title_en: str
    indicators: tuple[Indicator, ...]


@dataclass(eq=False)  # hashed by identity: caches key on the model
class PlanModel:
    plans: list[Plan]
    strategies: dict[str, Strategy]
    goals: dict[str, Goal]
    indicators: dict[str, Indicator]
    projects: list[Project]
    sources: dict[str, Source]
    tables: dict[str, list[dict]] = field(default_factory=dict)  # the typed rows, for downloads
    areas: Areas | None = None  # every area, and the site's own (model/areas.py)
    topics: list[Topic] = field(default_factory=list)  # the home page's doors, in file order

    @property
    def data_date(self) -> dt.date | None:
        """The data's own date: the latest day a source was read. Fixed for fixed data."""
        return max((s.accessed for s in self.sources.values()), default=None)


def _pick(row: dict, cls) -> dict:
    names = cls.__dataclass_fields__
    return {k: v for k, v in row.items() if k in names}


def _assess(indicator: Indicator, reference_year: int | None) -> None:
    """Target status, freshness and trend of one indicator, from its sorted values."""
    for values in indicator.by_area.values():  # the own area's list is indicator.observations
        values.sort(key=lambda o: o.year)
    indicator.targets.sort(key=lambda o: o.year)
    latest = indicator.latest
    # progress, like the trend, only measures from values comparable with the latest one
    observed = [(o.year, o.value) for o in indicator.observations
                if (o.series, o.coverage) == (latest.series, latest.coverage)] if latest else []
    targets, kind = choose_targets([(t.year, t.value, t.kind) for t in indicator.targets])
    indicator.progress = assess(observed, targets, indicator.direction, indicator.baseline_year, kind)
    plan = indicator.goal.strategy.plan if indicator.goal and indicator.goal.strategy else None
    indicator.freshness = freshness(latest.year if latest else None, plan.start_year if plan else None, reference_year)
    points = [Point(o.year, o.value, o.status, o.series, o.coverage) for o in indicator.observations]
    indicator.trend = assess_trend(points, indicator.direction, indicator.freshness)


def build_model(package: Package, area: str) -> PlanModel:
    """Link the validated tables into one model; call only when `package.ok`. `area` is the
    site's own area (mkdocs.yml extra.devplan.area): its values are each indicator's
    `observations`; raises areas.UnknownArea when the package has no such area."""
    t = package.tables
    sources = {r["source_id"]: Source(**_pick(r, Source)) for r in t["sources"]}
    areas = Areas(t["areas"], t["area_members"], sources, area)
    plans = {r["plan_id"]: Plan(**_pick(r, Plan), source=sources[r["source_id"]]) for r in t["plans"]}
    strategies = {}
    for r in sorted(t["strategies"], key=lambda r: (r["plan_id"], r["order"])):
        strategy = Strategy(**_pick(r, Strategy), plan=plans[r["plan_id"]])
        strategy.plan.strategies.append(strategy)
        strategies[strategy.strategy_id] = strategy
    goals = {}
    for r in t["goals"]:
        goal = Goal(**_pick(r, Goal), strategy=strategies[r["strategy_id"]])
        goal.strategy.goals.append(goal)
        goals[goal.goal_id] = goal
    indicators = {}
    rows = package.row_numbers
    for r, number in zip(t["indicators"], rows["indicators"]):
        indicator = Indicator(**{**_pick(r, Indicator), "real_terms": None}, source=sources[r["source_id"]],
                              goal=goals[r["goal_id"]], row=number)
        indicator.goal.indicators.append(indicator)
        indicators[indicator.indicator_id] = indicator
    for r in t["indicators"]:
        if r.get("real_terms"):
            indicators[r["indicator_id"]].real_terms = indicators[r["real_terms"]]
    for r, number in zip(t["observations"], rows["observations"]):
        indicator, place = indicators[r["indicator_id"]], areas[r["area_id"]]
        value = Observation(**_pick(r, Observation), source=sources[r["source_id"]], row=number, area=place)
        indicator.by_area.setdefault(place.area_id, []).append(value)
    for indicator in indicators.values():  # the own area's values: one list, seen from both
        indicator.observations = indicator.by_area.setdefault(areas.own.area_id, [])
    for r in t["targets"]:
        indicators[r["indicator_id"]].targets.append(Target(**_pick(r, Target), source=sources[r["source_id"]]))
    data_date = max((s.accessed for s in sources.values()), default=None)
    for indicator in indicators.values():
        _assess(indicator, data_date.year if data_date else None)
    for r in t.get("strategy_goals", []):
        strategies[r["strategy_id"]].linked_goals.append(
            GoalLink(goals[r["goal_id"]], r["basis_th"], r["basis_en"], sources[r["source_id"]]))
    projects = []
    for r in t["projects"]:
        project = Project(**_pick(r, Project), source=sources[r["source_id"]], strategy=strategies[r["strategy_id"]])
        project.strategy.projects.append(project)
        projects.append(project)
    ordered_plans = sorted(plans.values(), key=lambda p: (["long-term", "development", "action"].index(p.kind), p.start_year))
    topics = [Topic(r["topic_id"], r["title_th"], r["title_en"], tuple(indicators[i] for i in r["indicators"].split()))
              for r in t["topics"]]
    return PlanModel(ordered_plans, strategies, goals, indicators, projects, sources, t, areas, topics)
