"""What the home page picks out: key facts per area and doors by topic.

Key facts follow a rule, so nothing is hard-coded and any province's data gets them: for
each area (strategy) of the five-year development plan, each goal in order offers its
indicator with the most recent value (the first row of indicators.csv breaks a tie), up to
KEY_FACTS_PER_AREA. Topic doors come from the package's topics table (topics.csv), kept by
maintainers: one row per topic, its titles and the ids of its indicators. A wrong id stops
the build with the file, row and column, in English and Thai, like every data problem.
"""

from __future__ import annotations

from ..model.plan import Indicator, Strategy

KEY_FACTS_PER_AREA = 3


def key_facts(areas: list[Strategy]) -> list[tuple[Strategy, list[Indicator]]]:
    """Per area that has any, the indicators the home page shows (see the module's rule)."""
    facts = []
    for area in areas:
        chosen = []
        for goal in area.goals:
            measured = [i for i in goal.indicators if i.latest]
            if measured:
                chosen.append(max(measured, key=lambda i: i.latest.year))  # max keeps the first of equals
        if chosen:
            facts.append((area, chosen[:KEY_FACTS_PER_AREA]))
    return facts
