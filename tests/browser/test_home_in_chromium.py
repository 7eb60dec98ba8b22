"""The home page's key figures and the footer as laid out in Chromium, phone and desktop.

Each check is a defect seen in screenshots: key-figure cards indented and stacked one per row
by the theme's list rules, "ดีขึ้น" broken over two lines, footer values indented under
their labels."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOXES = """() => [...document.querySelectorAll(%r)].map(e => {
  const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, lines: e.getClientRects().length};
})"""


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("width", [390, 1366])
def test_key_figures_are_cards_in_a_grid_within_the_screen(browser, site_url, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}{lang}/")
    cards = page.evaluate(BOXES % ".dp-keyfacts__area:first-of-type .dp-keyfact")
    heading = page.evaluate(BOXES % ".dp-keyfacts__area:first-of-type h3")[0]
    assert cards and all(0 <= c["left"] and c["right"] <= width for c in cards)
    assert abs(cards[0]["left"] - heading["left"]) <= 1  # not indented like a bulleted list
    if width > 1000 and len(cards) > 1:
        assert cards[0]["top"] == cards[1]["top"]  # side by side
    assert all(t["lines"] == 1 for t in page.evaluate(BOXES % ".dp-keyfact .dp-trend"))  # never "ดี / ขึ้น"
    context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_footer_values_line_up_with_their_labels(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}th/indicators/tourist-arrivals/")
    terms, values = page.evaluate(BOXES % ".dp-footer dt"), page.evaluate(BOXES % ".dp-footer dd")
    assert len(terms) == len(values) == 4
    for term, value in zip(terms, values):
        if width < 600:
            assert abs(value["left"] - term["left"]) <= 1  # one column on a phone, not indented
        else:
            assert value["left"] > term["right"] and abs(value["top"] - term["top"]) <= 2  # label beside value
        assert value["right"] <= width
    context.close()


@pytest.mark.parametrize("lang,words", [("th", "จากแนวโน้ม"), ("en", "by trend")])
def test_first_phone_screen_says_whether_the_province_is_on_track(page, site_url, lang, words):
    # The answer used to start 4,447 px (Thai) / 4,678 px (English) down a 390 x 844 phone.
    page.goto(f"{site_url}{lang}/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    parts = page.evaluate(BOXES.replace("top: r.top", "top: r.top, bottom: r.bottom") % ".dp-verdict__lead, .dp-verdict__other, .dp-verdict__links")
    assert len(parts) == 3 and all(part["bottom"] <= 844 for part in parts), parts
    assert words in page.locator(".dp-verdict__lead").inner_text()
