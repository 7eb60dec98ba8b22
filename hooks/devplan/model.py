"""The plan model: plans > strategies > goals > indicators, with values, targets and sources.

Built once from a validated package; pages, charts and downloads only read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .status import Progress, assess
from .validate import Package


@dataclass
class Source:
    source_id: str
    title_th: str
    title_en: str
    publisher_th: str
    publisher_en: str
    url: str | None
    document: str | None
    accessed: dt.date
    licence_th: str
    licence_en: str
    note: str | None = None


@dataclass
class Observation:
    year: int
    value: float
    status: str  # preliminary, revised or final
    source: Source
    note_th: str | None = None
    note_en: str | None = None
    row: int | None = None  # the row a spreadsheet or GitHub shows in observations.csv


@dataclass
class Target:
    year: int
    value: float
    source: Source
    note_th: str | None = None
    note_en: str | None = None


@dataclass
class Indicator:
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
    goal: Goal | None = None
    observations: list[Observation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    progress: Progress | None = None
    row: int | None = None  # the row in indicators.csv

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    @property
    def sources(self) -> list[Source]:
        """Every source behind this indicator's numbers, main source first, no repeats."""
        seen = {self.source.source_id: self.source}
        for item in [*self.observations, *self.targets]:
            seen.setdefault(item.source.source_id, item.source)
        return list(seen.values())


@dataclass
class Goal:
    goal_id: str
    title_th: str
    title_en: str
    strategy: Strategy | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Project:
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
class Strategy:
    strategy_id: str
    order: int
    title_th: str
    title_en: str
    summary_th: str
    summary_en: str
    plan: Plan | None = None
    goals: list[Goal] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    @property
    def indicators(self) -> list[Indicator]:
        return [i for g in self.goals for i in g.indicators]


@dataclass
class Plan:
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


@dataclass(eq=False)  # hashed by identity: caches key on the model
class PlanModel:
    plans: list[Plan]
    strategies: dict[str, Strategy]
    goals: dict[str, Goal]
    indicators: dict[str, Indicator]
    projects: list[Project]
    sources: dict[str, Source]
    tables: dict[str, list[dict]] = field(default_factory=dict)  # the typed rows, for downloads

    @property
    def data_date(self) -> dt.date | None:
        """The data's own date: the latest day a source was read. Fixed for fixed data."""
        return max((s.accessed for s in self.sources.values()), default=None)


def _pick(row: dict, cls) -> dict:
    names = cls.__dataclass_fields__
    return {k: v for k, v in row.items() if k in names}


def build_model(package: Package) -> PlanModel:
    """Link the validated tables into one model; call only when `package.ok`."""
    t = package.tables
    sources = {r["source_id"]: Source(**_pick(r, Source)) for r in t["sources"]}
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
        indicator = Indicator(**_pick(r, Indicator), source=sources[r["source_id"]], goal=goals[r["goal_id"]], row=number)
        indicator.goal.indicators.append(indicator)
        indicators[indicator.indicator_id] = indicator
    for r, number in zip(t["observations"], rows["observations"]):
        indicators[r["indicator_id"]].observations.append(
            Observation(**_pick(r, Observation), source=sources[r["source_id"]], row=number))
    for r in t["targets"]:
        indicators[r["indicator_id"]].targets.append(Target(**_pick(r, Target), source=sources[r["source_id"]]))
    for indicator in indicators.values():
        indicator.observations.sort(key=lambda o: o.year)
        indicator.targets.sort(key=lambda o: o.year)
        indicator.progress = assess(
            [(o.year, o.value) for o in indicator.observations],
            [(o.year, o.value) for o in indicator.targets],
            indicator.direction, indicator.baseline_year)
    projects = []
    for r in t["projects"]:
        project = Project(**_pick(r, Project), source=sources[r["source_id"]], strategy=strategies[r["strategy_id"]])
        project.strategy.projects.append(project)
        projects.append(project)
    ordered_plans = sorted(plans.values(), key=lambda p: (["long-term", "development", "action"].index(p.kind), p.start_year))
    return PlanModel(ordered_plans, strategies, goals, indicators, projects, sources, t)
