"""An indicator beside other areas, in Chromium, on the tiny package (visitors: Chiang Mai
TH50, Lamphun TH51, Chiang Rai TH57, a test group and Thailand): the comparison chart and
its address, the map, the all-areas table and its sorting, and axe-core."""

from __future__ import annotations

import pytest
from test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

PAGE = "indicators/visitors/"
CHART = "#chart-visitors-compare"
NAMES = {"th": ["เชียงใหม่", "ลำพูน", "เชียงราย", "ประเทศไทย"], "en": ["Chiang Mai", "Lamphun", "Chiang Rai", "Thailand"]}


def open_comparison(page, url: str) -> None:
    page.goto(url)
    page.locator(f"{CHART}[data-drawn] svg.main-svg").first.wait_for()


def traces(page) -> list[str]:
    """The names of the lines drawn, as Plotly holds them."""
    return page.evaluate(f"document.querySelector('{CHART}').data.map(t => t.name)")


def query(page) -> str:
    return page.evaluate("location.search")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_chart_opens_on_the_own_area_its_group_and_the_country(page, tiny_url, lang):
    open_comparison(page, f"{tiny_url}{lang}/{PAGE}")
    assert traces(page) == NAMES[lang]
    assert query(page) == ""  # the default choice needs nothing in the address
    assert page.locator("input[name=compare-view][value=relative]").is_checked()  # the country is 28x Chiang Mai
    assert "%" in page.evaluate(f"document.querySelector('{CHART}').layout.yaxis.title.text")


def test_adding_and_removing_an_area_by_keyboard_changes_the_chart_and_the_address(page, tiny_url):
    open_comparison(page, f"{tiny_url}en/{PAGE}")
    page.locator(".dp-compare__picker summary").focus()
    page.keyboard.press("Enter")  # opens the list of areas
    page.get_by_role("checkbox", name="Lamphun").focus()
    page.keyboard.press("Space")
    assert traces(page) == ["Thailand", "Chiang Mai", "Chiang Rai"]
    assert query(page) == "?areas=TH~TH50~TH57&view=relative&since=2024"
    status = page.locator(".dp-compare__status")
    assert status.inner_text() == "Showing Thailand, Chiang Mai, Chiang Rai."  # the change is announced
    page.get_by_role("checkbox", name="Lamphun").focus()
    page.keyboard.press("Space")
    assert traces(page) == ["Thailand", "Chiang Mai", "Chiang Rai", "Lamphun"]
    assert query(page) == "?areas=TH~TH50~TH57~TH51&view=relative&since=2024"
    # an area without a value in the base year is named, not drawn from nothing
    page.get_by_role("checkbox", name="Test province group (invented)").check()
    assert "TH-TEST-G" in query(page) and len(traces(page)) == 4
    assert status.inner_text().endswith("Not drawn, as they have no value in the base year: Test province group (invented).")
    # the copy-link button shares this same chart
    assert page.locator(".dp-share[data-chart='chart-visitors-compare']").get_attribute("data-address").endswith(
        query(page) + "#compare-chart")


def test_opening_a_shared_address_restores_the_chart(page, tiny_url):
    open_comparison(page, f"{tiny_url}th/{PAGE}?areas=TH50~TH57&view=values#compare-chart")
    assert traces(page) == ["เชียงใหม่", "เชียงราย"]
    assert page.locator("input[name=compare-view][value=values]").is_checked()
    assert page.evaluate(f"document.querySelector('{CHART}').data[1].y") == [None, 2000000, 2100000]
    page.locator("input[name=compare-view][value=relative]").check()
    assert page.evaluate(f"document.querySelector('{CHART}').data[1].y") == [None, 0, 5]  # % change since 2024
    assert query(page) == "?areas=TH50~TH57&view=relative&since=2024"
    page.locator(".dp-compare__picker summary").click()
    page.get_by_role("button", name="กลับไปใช้พื้นที่เริ่มต้น").click()
    assert traces(page) == NAMES["th"] and query(page) == ""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_map_has_one_shape_per_province_with_its_name_and_value(page, tiny_url, lang):
    page.goto(f"{tiny_url}{lang}/{PAGE}")
    titles = page.locator(".dp-map__svg path > title").all_text_contents()
    assert len(titles) == 77 == page.locator(".dp-map__svg path").count()
    assert f"{NAMES[lang][2]}: 2,100,000" in titles and f"{NAMES[lang][0]}: 1,150,000" in titles
    assert page.locator(".dp-map__svg path.dp-map__own > title").text_content() == f"{NAMES[lang][0]}: 1,150,000"


def test_the_map_and_table_work_without_javascript(browser, tiny_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{tiny_url}en/{PAGE}")
    assert page.locator(".dp-map__svg path").count() == 77 and page.locator(".dp-map__svg").is_visible()
    assert page.locator(".dp-table--areas tbody:first-of-type tr").count() == 3  # the provinces
    assert page.locator(".dp-table--areas tbody tr").count() == 6  # then a heading, the country and the group
    assert page.locator(".dp-compare").is_hidden()  # the chart needs JavaScript: its controls stay hidden
    context.close()


@pytest.mark.parametrize("width", [390, 768, 1366])
def test_the_areas_table_shows_every_column(browser, tiny_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for lang in ("th", "en"):
        page.goto(f"{tiny_url}{lang}/{PAGE}")
        wrap = page.locator(".dp-table-wrap:has(.dp-table--areas)")
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), f"{lang} at {width} px scrolls sideways"
        for cell in page.locator(".dp-table--areas thead th").all():
            assert cell.is_visible() and cell.bounding_box()["width"] > 10
    context.close()


def test_sorting_the_table_by_keyboard_is_announced(page, tiny_url):
    page.goto(f"{tiny_url}en/{PAGE}")
    names = lambda: page.locator(".dp-table--areas tbody:first-of-type th[scope=row]").all_inner_texts()  # noqa: E731
    assert [n.split("\n")[0].split(" this")[0] for n in names()] == ["Chiang Rai", "Chiang Mai", "Lamphun"]
    page.get_by_role("button", name="Area").focus()
    page.keyboard.press("Enter")
    assert [n.split(" this")[0] for n in names()] == ["Chiang Mai", "Chiang Rai", "Lamphun"]
    assert page.locator("th:has(> button.dp-sort:text('Area'))").get_attribute("aria-sort") == "ascending"
    assert page.locator("#areas-status").inner_text() == "Sorted by Area, from lowest (or A)."
    page.get_by_role("button", name="Change from the previous year").click()
    assert [n.split(" this")[0] for n in names()] == ["Lamphun", "Chiang Rai", "Chiang Mai"]  # +27.8%, +5.0%, +4.5%


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_wcag_violations_beside_other_areas(page, tiny_url, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    open_comparison(page, f"{tiny_url}{lang}/{PAGE}")
    page.locator(".dp-compare__picker summary").click()  # the list of areas too
    violations = axe_violations(page)
    assert not violations, f"axe-core on {lang}/{PAGE} ({scheme}):\n{describe(violations)}"


def test_the_image_and_the_embed_page_show_the_readers_comparison(page, tiny_url):
    open_comparison(page, f"{tiny_url}en/{PAGE}?areas=TH50~TH57&view=values")
    svg = page.evaluate("dpShare.image(document.querySelector(\".dp-share[data-chart='chart-visitors-compare']\"), 'svg')")
    assert "Chiang%20Rai" in svg and "Lamphun" not in svg  # the lines the reader chose, named in the legend
    snippet = page.locator("#embed-visitors-compare").input_value()
    assert "embed/visitors/?areas=TH50~TH57&amp;view=values" in snippet
    page.goto(page.locator(".dp-share[data-chart='chart-visitors-compare'] .dp-share__embed a").evaluate("a => a.href"))
    page.locator(f"{CHART}[data-drawn] svg.main-svg").first.wait_for()
    assert traces(page) == ["Chiang Mai", "Chiang Rai"]
    assert page.locator("#chart-visitors").is_hidden()  # the comparison instead of the indicator's own chart
    page.goto(f"{tiny_url}en/embed/visitors/")
    page.locator("#chart-visitors[data-drawn]").wait_for()
    assert page.locator(".dp-compare").is_hidden()  # without a choice of areas: the indicator's chart
