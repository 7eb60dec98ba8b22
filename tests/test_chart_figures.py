"""Chart figures (hooks/devplan/render/charts.py) on made-up indicators: axis ticks, preliminary
figures and the kinds of target. Every number here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest
from devplan.model.plan import Indicator, Observation, Source, Target
from devplan.model.status import Progress
from devplan.render.charts import indicator_figure, value_ticks, year_ticks

SOURCE = Source("test", "t", "t", "p", "p", None, None, dt.date(2025, 1, 1), "l", "l")


def indicator(values, targets=(), decimals=0) -> Indicator:
    """An indicator with invented (year, value[, status]) observations and (year, value, kind) targets."""
    made = Indicator("x", "ชื่อ", "Name", "หน่วย", "unit", decimals, "higher", "calendar", None, "a", "a", "m", "m", SOURCE)
    made.observations = [Observation(v[0], v[1], v[2] if len(v) > 2 else "final", SOURCE) for v in values]
    made.targets = [Target(y, v, SOURCE, kind=k) for y, v, k in targets]
    made.progress = Progress("no_target", baseline=(values[0][0], values[0][1]) if values else None)
    return made


@pytest.mark.parametrize("low,high", [(0.25, 0.32), (0.001, 0.004), (0, 0), (3, 3), (-12.5, 40), (10999862, 11955249),
                                      (0.5, 1.5), (97.1, 99.9), (-0.3, -0.1)])
def test_value_ticks_never_repeat_and_cover_the_values(low, high):
    values, labels, (bottom, top) = value_ticks(low, high)
    assert len(set(labels)) == len(labels) and 3 <= len(labels) <= 8
    assert bottom <= min(low, 0) and top >= max(high, 0)


def test_year_ticks_fit_a_phone_and_leave_room_at_the_ends():
    for first, last in [(2566, 2568), (2541, 2568), (1990, 2027), (2024, 2024)]:
        ticks, (start, end) = year_ticks([first, last])
        assert len(ticks) <= 7 and start < first and end > last


def test_no_figure_without_two_values_or_a_target():
    assert indicator_figure(indicator([]), "en") is None
    assert indicator_figure(indicator([(2024, 5.0)]), "en") is None
    assert indicator_figure(indicator([(2024, 5.0)], [(2027, 8.0, "plan")]), "en") is not None


def test_preliminary_values_are_their_own_hollow_dotted_trace():
    figure = indicator_figure(indicator([(2023, 1.0, "revised"), (2024, 2.0, "revised"), (2025, 3.0, "preliminary")]), "th")
    observed, preliminary = figure["data"][:2]
    assert observed["x"] == [2566, 2567, None]
    assert preliminary["name"] == "ตัวเลขเบื้องต้น" and preliminary["line"]["dash"] == "dot"
    assert preliminary["x"] == [2567, 2568] and preliminary["marker"]["symbol"] == "circle-open"


def test_preliminary_values_between_firm_ones_leave_no_hole_in_the_line():
    # Tourism 2020-2022 are preliminary and 2023 revised: the line once stopped at 2022.
    values = [(2019, 5.0, "revised"), (2020, 3.0, "preliminary"), (2021, 2.0, "preliminary"),
              (2022, 4.0, "preliminary"), (2023, 6.0, "revised"), (2024, 7.0, "revised"), (2025, 8.0, "preliminary")]
    observed, preliminary = indicator_figure(indicator(values), "en")["data"][:2]
    assert observed["x"] == [2019, None, None, None, 2023, 2024, None]
    assert preliminary["x"] == [2019, 2020, 2021, 2022, 2023, None, 2024, 2025]
    joined = {year for trace in (observed, preliminary) for a, b in zip(trace["x"], trace["x"][1:]) if a and b
              for year in (a, b)}
    assert joined == {year for year, _, _ in values}  # every year is on a drawn segment


def test_each_kind_of_target_is_drawn_and_named():
    figure = indicator_figure(indicator([(2020, 10.0), (2022, 12.0)], [(2027, 20.0, "plan"), (2026, 18.0, "announced"),
                                                                      (2015, 15.0, "standard")]), "en")
    by_name = {t["name"]: t for t in figure["data"]}
    assert by_name["Path to target"]["x"] == [2020, 2027]  # from the baseline
    assert by_name["Aim announced in the news (not a plan KPI)"]["mode"] == "markers"
    level = by_name["National standard"]
    assert set(level["y"]) == {15.0} and level["x"] == [2015, 2027]  # from its year to the last year shown
    assert figure["layout"]["yaxis"]["range"][1] >= 20.0


def test_values_that_cannot_be_compared_are_a_series_named_in_words():
    made = indicator([(2019, 70.0), (2020, 71.0), (2021, 72.0), (2022, 80.0), (2023, 81.0)])
    made.observations[3].series = "new-survey"
    made.observations[4].series = "new-survey"
    observed, older = indicator_figure(made, "en")["data"][:2]
    assert observed["x"] == [2022, 2023]  # the latest value's series
    assert older["x"] == [2019, 2020, 2021] and older["name"] == "2019-2021: counted differently, not comparable"
    assert indicator_figure(made, "th")["data"][1]["name"] == "2562-2564: นับต่างวิธี เทียบกันไม่ได้"
    made.observations[4].coverage = "part-year"  # part of 2023 against the whole of 2022
    names = [t["name"] for t in indicator_figure(made, "en")["data"]]
    assert names[:3] == ["Observed", "2019-2021: counted differently, not comparable",
                         "2022: whole year, not comparable with part of a year"]


def test_a_value_of_another_series_in_between_breaks_the_line():
    made = indicator([(2019, 10.0), (2020, 4.0), (2021, 6.0), (2022, 9.0)])
    made.observations[1].series = "pandemic-method"
    observed, other = indicator_figure(made, "en")["data"][:2]
    assert observed["x"] == [2019, None, 2021, 2022]  # no line from 2019 to 2021 over the 2020 value
    assert other["x"] == [2020] and other["name"] == "2020: counted differently, not comparable"


def test_a_one_series_chart_has_a_legend():
    assert indicator_figure(indicator([(2020, 1.0), (2021, 2.0)]), "en")["layout"]["showlegend"] is True


def test_an_aim_in_a_year_with_a_value_stands_beside_it_inside_the_axis():
    figure = indicator_figure(indicator([(2019, 11.0), (2024, 11.5), (2025, 11.9)], [(2025, 12.0, "announced")]), "en")
    aim = next(t for t in figure["data"] if t["name"].startswith("Aim"))
    assert 2025 < aim["x"][0] < figure["layout"]["xaxis"]["range"][1] - 0.2
    assert aim["customdata"][0][0] == "2025"  # its hover still says its year
    path = indicator_figure(indicator([(2020, 10.0), (2022, 12.0)], [(2022, 13.0, "plan"), (2027, 20.0, "plan")]),
                            "en")["data"]
    target = next(t for t in path if t["name"] == "Path to target")
    assert target["x"][0] == 2020 and 2022 < target["x"][1] < 2023 and target["x"][2] == 2027  # starts on the baseline


def test_a_long_gap_in_one_series_is_not_drawn_and_a_two_yearly_survey_stays_joined():
    assert indicator_figure(indicator([(2013, 1.0), (2019, 2.0), (2020, 3.0), (2021, 4.0)]), "en")["data"][0]["x"] == [
        2013, None, 2019, 2020, 2021]
    assert None not in indicator_figure(indicator([(2013, 1.0), (2015, 2.0), (2017, 3.0)]), "en")["data"][0]["x"]
