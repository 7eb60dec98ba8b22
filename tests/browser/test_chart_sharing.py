"""Sharing a chart in a real browser: the image it makes (read from the data URL, since
browser downloads do not work here), the copy-link button and the embed page."""

from __future__ import annotations

import base64
import io
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

pytestmark = pytest.mark.browser

INDICATOR = "household-income-monthly"
NAMES = {"th": "รายได้เฉลี่ยต่อเดือนของครัวเรือน", "en": "Average monthly household income"}
SOURCES = {"th": "แหล่งข้อมูล: สำนักงานสถิติแห่งชาติ", "en": "Source: National Statistical Office"}


def open_indicator(page, site_url, lang):
    page.goto(f"{site_url}{lang}/indicators/{INDICATOR}/")
    page.locator(f"#chart-{INDICATOR} svg.main-svg").first.wait_for()
    return page.locator(".dp-share")


def image(page, format):
    return page.evaluate("f => dpShare.image(document.querySelector('.dp-share'), f)", format)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_png_has_the_declared_size(page, site_url, lang):
    open_indicator(page, site_url, lang)
    url = image(page, "png")
    assert url.startswith("data:image/png;base64,")
    picture = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
    size = page.evaluate("[dpShare.size.width, dpShare.size.height]")
    assert picture.format == "PNG" and list(picture.size) == size and size[0] >= 1200
    # drawn, not blank: the white paper, the blue line and dark text are all there
    colours = {colour for _, colour in picture.convert("RGB").getcolors(1 << 20)}
    assert (255, 255, 255) in colours and len(colours) > 50
    assert page.errors == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_svg_carries_title_unit_source_date_and_address(page, site_url, lang):
    open_indicator(page, site_url, lang)
    url = image(page, "svg")
    assert url.startswith("data:image/svg+xml")
    text = unquote(url.split(",", 1)[1])
    assert NAMES[lang] in text and SOURCES[lang] in text
    assert ("ข้อมูล ณ วันที่" if lang == "th" else "data as of") in text
    assert f"/{lang}/indicators/{INDICATOR}/#chart" in text
    assert "@font-face" in text and "data:font/woff2;base64," in text  # the Thai font travels with it
    assert "<script" not in text
    # Lines once broke between "(" and its word: punctuation stays with the word it belongs to.
    lines = [t.get_text() for t in BeautifulSoup(text, "xml").svg.find_all("text", recursive=False)]
    assert len(lines) >= 4 and not [line for line in lines if line.endswith("(") or line.startswith((")", ",", ";", "."))]


def test_buttons_are_in_the_page_language_and_the_link_is_copied(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    share = open_indicator(page, site_url, "th")
    buttons = share.locator("button:visible").all_inner_texts()
    assert buttons[:3] == ["ดาวน์โหลดภาพ (PNG)", "ดาวน์โหลดภาพเวกเตอร์ (SVG)", "คัดลอกลิงก์"]
    share.get_by_role("button", name="คัดลอกลิงก์").click()
    page.get_by_role("status").filter(has_text="คัดลอกแล้ว").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == share.get_attribute("data-address") and copied.endswith(f"/th/indicators/{INDICATOR}/#chart")


def test_embed_code_shows_thai_in_the_thai_font(page, site_url):
    # The code box once used only the monospace font, and Thai in it showed as empty boxes.
    share = open_indicator(page, site_url, "th")
    share.locator("summary").click()
    code = share.locator("textarea")
    assert NAMES["th"] in code.input_value()
    assert "Noto Sans Thai" in code.evaluate("e => getComputedStyle(e).fontFamily")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_embed_page_draws_its_chart_from_the_site_alone(page, site_url, lang):
    page.set_viewport_size({"width": 600, "height": 520})  # the iframe the snippet makes
    page.goto(f"{site_url}{lang}/embed/{INDICATOR}/")
    page.locator(f"#chart-{INDICATOR} svg.main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    origin = urlsplit(site_url).netloc
    assert [url for url in page.requests if urlsplit(url).netloc != origin and not url.startswith("data:")] == []
    assert page.errors == []
    # everything fits the iframe: no scrolling inside it
    assert page.evaluate("document.documentElement.scrollHeight") <= 520
    assert page.locator(".dp-embed__source").is_visible()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_budget_chart_leaves_the_site_with_its_title_and_source(page, tiny_url, lang):
    from devplan.render.labels import label

    page.goto(f"{tiny_url}{lang}/budget/")
    page.locator("#chart-budget").scroll_into_view_if_needed()  # charts are drawn when they come into view
    page.locator("#chart-budget svg.main-svg").first.wait_for()
    share = "document.querySelector('.dp-share')"
    text = unquote(page.evaluate(f"dpShare.image({share}, 'svg')").split(",", 1)[1])
    assert label("budget_by_strategy", lang) in text and label("million_baht", lang) in text
    assert f"{label('source', lang)}: " in text and f"/{lang}/budget/#by-strategy" in text
    png = page.evaluate(f"dpShare.image({share}, 'png')")
    assert Image.open(io.BytesIO(base64.b64decode(png.split(",", 1)[1]))).format == "PNG"
    assert page.locator(".dp-share__embed").count() == 0  # an embed page is made for indicators only
    assert page.errors == []
