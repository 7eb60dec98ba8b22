"""Charts a reader can trust, read from the SVG Chromium draws: axis labels that neither
repeat nor collide on a phone, no chart without values, preliminary figures told apart,
hover labels on the screen of a phone, and plotly.js fetched only by pages that draw a chart."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from support import ROOT

pytestmark = pytest.mark.browser

COUNTS = Counter(row["indicator_id"] for row in csv.DictReader(open(ROOT / "data" / "observations.csv", encoding="utf-8-sig")))
INDICATORS = [row["indicator_id"] for row in csv.DictReader(open(ROOT / "data" / "indicators.csv", encoding="utf-8-sig"))]


def drawn(page, url: str) -> list:
    """Open a page and wait for each of its charts to be drawn; the chart elements, in page
    order (an indicator's own chart first, then its comparison with other areas, if any)."""
    page.goto(url, wait_until="networkidle")
    charts = page.locator(".dp-chart")
    for k in range(charts.count()):
        charts.nth(k).and_(page.locator("[data-drawn]")).wait_for()
    return [charts.nth(k) for k in range(charts.count())]


BOXES = "els => els.map(e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; })"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_axis_labels_neither_repeat_nor_collide_on_a_phone(page, site_url, lang):
    paths = [f"indicators/{i}/" for i in INDICATORS if COUNTS[i] >= 2] + ["budget/"]
    repeated, unlabelled, collide = [], [], []
    for path in paths:
        for chart in drawn(page, f"{site_url}{lang}/{path}"):
            for axis in ("xtick", "ytick"):
                texts = chart.locator(f".{axis} text")
                labels = texts.all_text_contents()
                if not labels:
                    unlabelled.append(f"{path} {axis}")
                if len(labels) != len(set(labels)):
                    repeated.append(f"{path} {axis}: {labels}")
                if overlapping(texts.evaluate_all(BOXES)):  # every label's box in one call, as drawn
                    collide.append(f"{path} {axis}: {labels}")
    assert repeated == [] and unlabelled == [] and collide == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_gini_axis_carries_decimals_and_years_are_upright(page, site_url, lang):
    chart = drawn(page, f"{site_url}{lang}/indicators/income-gini/")[0]  # the indicator's own chart; a comparison chart may follow
    values = chart.locator(".ytick text").all_text_contents()
    assert all("." in v for v in values), values  # 0.0, 0.1 ... not 0, 0, 0
    years = chart.locator(".xtick text").all_text_contents()
    assert all(y.startswith("25" if lang == "th" else "20") for y in years), years  # B.E. on Thai pages
    transforms = chart.locator(".xtick text").evaluate_all("els => els.map(e => e.getAttribute('transform') || '')")
    assert not any("rotate" in t for t in transforms)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_value_axis_zero_clear_of_the_first_year(page, site_url, lang):
    for path in ("indicators/income-gini/", "indicators/tourist-arrivals/", "indicators/household-income-monthly/"):
        chart = drawn(page, f"{site_url}{lang}/{path}")[0]  # the indicator's own chart; a comparison chart may follow
        zero = chart.locator(".ytick text").first.bounding_box()
        first_year = chart.locator(".xtick text").first.bounding_box()
        apart = (zero["x"] + zero["width"] <= first_year["x"] or zero["y"] + zero["height"] <= first_year["y"])
        assert apart, f"{path}: '0' {zero} touches the first year {first_year}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_chart_without_two_values(page, site_url, lang):
    for indicator in [i for i in INDICATORS if COUNTS[i] < 2]:
        page.goto(f"{site_url}{lang}/indicators/{indicator}/", wait_until="networkidle")
        section = page.locator("#chart ~ p").first.inner_text()
        assert page.locator(".dp-chart, svg.main-svg").count() == 0, indicator
        if COUNTS[indicator] == 0:
            assert section == ("ยังไม่มีข้อมูล" if lang == "th" else "No data yet")
        else:  # one value: said in words, with its year
            assert ("พ.ศ. 25" if lang == "th" else " (20") in section
        # and plotly.js is not even downloaded
        assert not any("plotly" in url for url in page.requests), indicator
    assert page.errors == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_preliminary_values_are_hollow_and_named_in_the_legend(page, site_url, lang):
    chart = drawn(page, f"{site_url}{lang}/indicators/tourist-arrivals/")[0]  # the indicator's own chart; a comparison chart may follow
    legend = chart.locator(".legendtext").all_text_contents()
    assert ("ตัวเลขเบื้องต้น" if lang == "th" else "Preliminary") in legend
    hollow = "els => els.map(e => e.style.fill === 'none')"
    # revised years filled; 2025 (B.E. 2568) is preliminary (hollow), in the plot and the legend
    firm = chart.locator(".scatterlayer .trace").nth(0).locator("path.point").evaluate_all(hollow)
    assert firm and not any(firm)
    assert chart.locator(".scatterlayer .trace").nth(1).locator("path.point").evaluate_all(hollow)[-1] is True
    assert chart.locator(".legend .traces").nth(1).locator("path.scatterpts").evaluate_all(hollow) == [True]
    dotted = chart.locator(".scatterlayer .js-line").evaluate_all("els => els.map(e => e.style.strokeDasharray)")
    assert any(d and d != "none" for d in dotted)
    table = page.locator("table.dp-table--values").inner_text()
    assert ("ตัวเลขเบื้องต้น" if lang == "th" else "Preliminary") in table


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hover_labels_stay_on_a_phone_screen(page, site_url, lang):
    width = page.viewport_size["width"]
    for path in ("indicators/tourist-arrivals/", "indicators/household-income-monthly/"):
        chart = drawn(page, f"{site_url}{lang}/{path}")[0]  # the indicator's own chart; a comparison chart may follow
        points = chart.locator(".scatterlayer path.point")
        for k in range(points.count()):
            points.nth(k).hover(force=True)
            chart.locator(".hoverlayer .hovertext path").first.wait_for()
            left, right = chart.locator(".hoverlayer .hovertext path").first.evaluate(
                "e => { const box = e.getBoundingClientRect(); return [box.left, box.right]; }")
            assert left >= 0 and right <= width, f"{path} point {k}: {left}-{right}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_plotly_loads_only_where_a_chart_is_drawn(page, site_url, lang):
    page.goto(f"{site_url}{lang}/", wait_until="networkidle")
    page.goto(f"{site_url}{lang}/methodology/", wait_until="networkidle")
    assert not any("plotly" in url for url in page.requests)
    drawn(page, f"{site_url}{lang}/indicators/tourist-arrivals/")
    assert any(url.endswith("/assets/vendor/plotly-basic.min.js") for url in page.requests)
    assert page.errors == []


def overlapping(boxes: list) -> list:
    """Pairs of neighbouring labels whose boxes touch (2 px to spare)."""
    return [(a, b) for a, b in zip(boxes, boxes[1:])
            if a["x"] < b["x"] + b["width"] + 2 and b["x"] < a["x"] + a["width"] + 2
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_values_counted_differently_are_named_in_the_legend(page, site_url, lang):
    words = "นับต่างวิธี เทียบกันไม่ได้" if lang == "th" else "counted differently, not comparable"
    for path, years in (("indicators/tourist-arrivals/", ("2563", "2020")), ("indicators/forest-cover-percent/",
                                                                           ("2536-2541", "1993-1998"))):
        chart = drawn(page, f"{site_url}{lang}/{path}")[0]  # the indicator's own chart; a comparison chart may follow
        legend = chart.locator(".legendtext").all_text_contents()
        assert f"{years[0] if lang == 'th' else years[1]}: {words}" in legend, legend


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_aim_never_hides_the_value_of_its_year(page, site_url, lang):
    chart = drawn(page, f"{site_url}{lang}/indicators/tourist-arrivals/")[0]  # the indicator's own chart; a comparison chart may follow
    traces = chart.locator(".scatterlayer .trace")
    names = chart.locator(".legendtext").all_text_contents()
    aim = traces.nth(next(k for k, n in enumerate(names) if "KPI" in n)).locator("path.point").last.bounding_box()
    value = traces.nth(1).locator("path.point").last.bounding_box()  # 2025, preliminary
    assert aim["x"] >= value["x"] + value["width"] - 1, (aim, value)  # side by side, not on top
    plot = chart.locator(".nsewdrag").first.bounding_box()
    assert aim["x"] + aim["width"] <= plot["x"] + plot["width"] + 1  # the whole diamond inside the plot
