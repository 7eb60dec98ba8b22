"""Every kind of page on a 390 × 844 phone, in both languages: words stay whole, nothing
is wider than the screen, and status pills hold their text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "plans/goal-20y-2566-2585/", "plans/dev-2566-2570/", "plans/action-2568/", "strategies/d-1-economy/",
         "goals/g-tourism/", "indicators/", "indicators/tourist-arrivals/", "indicators/income-gini/",
         "indicators/ghg-emissions/", "budget/", "data/", "changes/", "methodology/", "maintainers/", "about/"]

# What the reader would see broken, measured in the page itself.
PROBLEMS = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const scrollBox = el => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " " + JSON.stringify((el.textContent || "").trim().slice(0, 40));
  if (document.documentElement.scrollWidth > width) problems.push("page scrolls sideways: " + document.documentElement.scrollWidth + " px");
  for (const el of document.querySelectorAll(".md-content *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 && !scrollBox(el)) problems.push("wider than the screen: " + name(el) + " right " + Math.round(box.right));
  }
  for (const link of document.querySelectorAll(".md-content table a")) {
    const lines = new Set([...link.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size > 3) problems.push(lines.size + " lines: " + name(link));
  }
  for (const pill of document.querySelectorAll(".dp-status")) {
    if (pill.scrollWidth > pill.clientWidth + 1 || pill.getBoundingClientRect().right > width + 1 && !scrollBox(pill))
      problems.push("status text overflows its pill: " + name(pill));
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_reads_on_a_phone(page, site_url, lang, path):
    page.goto(f"{site_url}{lang}/{path}", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    problems = page.evaluate(PROBLEMS)
    assert problems == [], f"{lang}/{path} at 390 px:\n" + "\n".join(problems[:15])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_five_year_plan_page_stays_short_on_a_phone(page, site_url, lang):
    # It was 13,190 px tall in Thai when table cells broke names into single letters.
    page.goto(f"{site_url}{lang}/plans/dev-2566-2570/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollHeight") < 8000


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("width", [768, 1024, 1366])
def test_values_table_fits_its_column_wider_than_a_phone(page, site_url, lang, width):
    # At 1366 px the source column was cut off at the column's edge, nothing showing it scrolled.
    page.set_viewport_size({"width": width, "height": 900})
    for indicator in ("tourist-arrivals", "income-gini", "ghg-emissions"):
        page.goto(f"{site_url}{lang}/indicators/{indicator}/", wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.dp-table--values')]
            .map(t => [t.scrollWidth, t.parentElement.clientWidth])""")
        assert all(table <= column + 1 for table, column in sizes), (indicator, sizes)


@pytest.mark.parametrize("lang,age", [("th", "อายุข้อมูล"), ("en", "Age")])
def test_status_cards_say_which_figure_is_the_age(page, site_url, lang, age):
    # On a phone the column headings are hidden: the age read "1 ปี" with nothing to say what it was.
    ages = """() => [...document.querySelectorAll('.dp-table--status tbody tr')]
        .filter(row => row.cells.length === 6).map(row => row.cells[3].innerText)"""
    page.goto(f"{site_url}{lang}/goals/g-tourism/", wait_until="networkidle")
    cells = page.evaluate(ages)
    assert cells and all(cell.startswith(f"{age}:") for cell in cells), cells
    page.set_viewport_size({"width": 1366, "height": 900})  # a table with its headings: no label in the cell
    assert not any(age in cell for cell in page.evaluate(ages))
