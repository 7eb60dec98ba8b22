"""Every kind of page at 390 (phone), 768 (tablet) and 1366 px (laptop, both menus open), in
both languages: nothing is out of view. A table cell lies inside every box that clips it and
inside the screen (no column reachable only by a sideways scroll nobody can see), no text
runs out of its cell or card, no cell or name is squeezed into a column of single words,
and status pills hold their text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "plans/goal-20y-2566-2585/", "plans/dev-2566-2570/", "plans/action-2568/", "strategies/d-1-economy/",
         "strategies/l-1-creative-economy/", "goals/g-tourism/", "indicators/", "indicators/tourist-arrivals/", "indicators/income-gini/",
         "indicators/ghg-emissions/", "indicators/forest-cover-percent/", "indicators/pm25-annual-mean/", "latest/", "reporting/",
         "budget/", "data/", "changes/", "methodology/", "maintainers/", "about/"]
WIDTHS = {390: 844, 768: 1024, 1366: 900}

# What the reader would see broken, measured in the page itself.
PROBLEMS = """() => {
  const screen = document.documentElement.clientWidth;
  const problems = [];
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " " + JSON.stringify((el.innerText || el.textContent || "").trim().slice(0, 50));
  // The part of the page an element can be seen in: the screen, narrowed by every ancestor
  // that clips or scrolls (its client box: a scrollbar nobody sees shows nothing).
  const view = el => {
    let left = 0, right = screen;
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (getComputedStyle(node).overflowX === "visible") continue;
      const box = node.getBoundingClientRect();
      left = Math.max(left, box.left + node.clientLeft);
      right = Math.min(right, box.left + node.clientLeft + node.clientWidth);
    }
    return [left, right];
  };
  const hidden = el => el.closest("thead") && el.closest("thead").getBoundingClientRect().width <= 1;  // headings of a card table
  if (document.documentElement.scrollWidth > screen) problems.push("page scrolls sideways: " + document.documentElement.scrollWidth + " px");
  for (const el of document.querySelectorAll(".md-content *:not(svg *)")) {  // (charts: tests/browser/test_charts.py)
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || hidden(el)) continue;
    const [left, right] = view(el);
    if (box.right > right + 1 || box.left < left - 1) problems.push("out of view: " + name(el) + " " + Math.round(box.left) + "-" + Math.round(box.right) + " of " + Math.round(left) + "-" + Math.round(right));
  }
  for (const el of document.querySelectorAll(".md-content td, .md-content th, .dp-card, .dp-keyfact, .dp-door, .dp-summary")) {
    if (!hidden(el) && el.scrollWidth > el.clientWidth + 1) problems.push("text runs out of its box: " + name(el) + " " + el.scrollWidth + " > " + el.clientWidth);
  }
  const lines = node => {  // lines of text, counted by the bottoms of its text's boxes
    const bottoms = new Set(), walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const r of range.getClientRects()) if (r.width > 1) bottoms.add(Math.round(r.bottom / 4));
    }
    return bottoms.size;
  };
  for (const link of document.querySelectorAll(".dp-table th a")) {
    if (lines(link) > 3) problems.push(lines(link) + " lines: " + name(link));
  }
  for (const cell of document.querySelectorAll(".dp-table td")) {
    const n = lines(cell), letters = cell.innerText.replace(/\\s+/g, "").length;
    // squeezed: a column of single words, or a long run of short lines (a long description
    // may wrap over many lines of a readable length)
    if (n >= 5 && letters / n < 7 || n > 8 && letters / n < 25) problems.push(n + " lines of " + letters + " letters: " + name(cell));
  }
  for (const pill of document.querySelectorAll(".dp-status, .dp-trend")) {
    if (pill.scrollWidth > pill.clientWidth + 1) problems.push("text overflows its pill: " + name(pill));
  }
  return problems;
}"""


def problems_at(browser, site_url, lang, width, scheme="light", pages=PAGES):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in pages:
        page.goto(f"{site_url}{lang}/{path}", wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        found += [f"{lang}/{path} at {width} px: {problem}" for problem in page.evaluate(PROBLEMS)]
    context.close()
    return found


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_is_in_view(browser, site_url, lang, width):
    found = problems_at(browser, site_url, lang, width)
    assert found == [], "\n".join(found[:20])


def test_dark_scheme_lays_out_the_same(browser, site_url):
    found = problems_at(browser, site_url, "th", 390, "dark", ["", "indicators/tourist-arrivals/", "latest/", "data/"])
    assert found == [], "\n".join(found[:20])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_five_year_plan_page_stays_short_on_a_phone(page, site_url, lang):
    # It was 13,190 px tall in Thai when table cells broke names into single letters, and
    # 6,404 px with three lines of "no data" for each of 14 indicators.
    page.goto(f"{site_url}{lang}/plans/dev-2566-2570/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollHeight") < 6000


TABLE_MODE = """() => [...document.querySelectorAll('table.dp-table')].map(t =>
    [t.className, t.querySelector('thead').getBoundingClientRect().width > 1])"""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_tables_are_tables_on_a_laptop_and_cards_on_a_phone(browser, site_url, lang):
    # On a laptop the reader gets columns to compare down; on a phone, cards that say each column.
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    for path in ("plans/dev-2566-2570/", "indicators/tourist-arrivals/", "latest/", "reporting/", "data/"):
        page.goto(f"{site_url}{lang}/{path}", wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        assert all(table for _, table in page.evaluate(TABLE_MODE)), (path, page.evaluate(TABLE_MODE))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{lang}/indicators/tourist-arrivals/", wait_until="networkidle")
    modes = page.evaluate(TABLE_MODE)
    # the values table's seven columns become cards; the areas table's four narrow ones fit as a table
    assert not any(table for name, table in modes if "dp-table--values" in name), modes
    labels = page.evaluate("""() => [...document.querySelectorAll('.dp-table--values tbody tr:first-child td')]
        .map(td => getComputedStyle(td, '::before').content)""")
    change = "เปลี่ยนจากค่าก่อนหน้า" if lang == "th" else "Change from previous"
    assert f'"{change}: "' in labels, labels
    context.close()
