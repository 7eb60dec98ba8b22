"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA) on the main kinds of
page in both languages and both colour schemes, keyboard reach of the language switch and
of the chart section, and a text alternative for every chart."""

from __future__ import annotations

import pytest
from support import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "",
    "strategy": "strategies/d-1-economy/",
    "indicator": "indicators/tourist-arrivals/",
    "data": "data/",
    "budget": "budget/",
    "methodology": "methodology/",
    "embed": "embed/tourist-arrivals/",
}
INDICATOR = "indicators/tourist-arrivals/"


def open_page(page, url: str) -> None:
    """Load a page and wait until every chart on it is drawn (an embed's comparison chart
    stays hidden unless its address asks for areas)."""
    page.goto(url, wait_until="networkidle")
    charts = page.locator(".dp-chart:visible")
    for k in range(charts.count()):
        charts.nth(k).and_(page.locator("[data-drawn]")).wait_for()


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `make test` (npm ci installs it from package-lock.json)")
    # Evaluated rather than added as a <script>: the embed page's policy allows no inline script.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1].strip() if node['summary'] else ''}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])  # the theme follows the reader's colour scheme
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_a_or_aa_violations(page, site_url, kind, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, f"{site_url}{lang}/{PAGES[kind]}")
    violations = axe_violations(page)
    assert not violations, f"axe-core on {lang}/{PAGES[kind]} ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_tab_reaches_the_language_switch_and_the_chart_section(page, site_url, lang):
    open_page(page, f"{site_url}{lang}/{INDICATOR}")
    # Every link of the chart section: from its heading (h2#chart) to the next h2.
    count = page.evaluate("""() => {
        window.__chartLinks = [];
        for (let node = document.getElementById("chart"); node; node = node.nextElementSibling) {
            if (node.tagName === "H2" && node.id !== "chart") break;
            // (a link inside a closed disclosure, such as the embed code's, is not shown yet)
            if (node.matches("a[href]")) window.__chartLinks.push(node);
            node.querySelectorAll("a[href]").forEach(a => a.checkVisibility() && window.__chartLinks.push(a));
        }
        return window.__chartLinks.length;
    }""")
    assert count, "the chart section has no link (expected at least its heading's permalink)"
    reached_language, reached_chart = False, set()
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => ({
            language: document.activeElement.matches("a.dp-language-link"),
            chart: window.__chartLinks.indexOf(document.activeElement),
        })""")
        if focused["language"] and not reached_language:
            reached_language = True
            page.wait_for_timeout(400)  # the menu opens on focus, with a short transition
            opacity = page.evaluate("getComputedStyle(document.activeElement.closest('.md-select__inner')).opacity")
            assert opacity == "1", "the focused language link is in a menu that stays hidden"
        if focused["chart"] >= 0:
            reached_chart.add(focused["chart"])
        if reached_language and len(reached_chart) == count:
            break
    missed = [] if reached_language else ["a.dp-language-link"]
    missed += page.evaluate(
        "(reached) => window.__chartLinks.filter((a, k) => !reached.includes(k)).map(a => a.outerHTML)",
        sorted(reached_chart))
    assert not missed, f"Tab never reached on {lang}/{INDICATOR}: {missed}"


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_chart_has_a_text_alternative(page, site_url, kind, lang):
    open_page(page, f"{site_url}{lang}/{PAGES[kind]}")
    charts = page.evaluate("""() => [...document.querySelectorAll(".dp-chart")].map(chart => {
        const caption = chart.closest("figure") && chart.closest("figure").querySelector("figcaption");
        return {id: chart.id, role: chart.getAttribute("role"), label: (chart.getAttribute("aria-label") || "").trim(),
                caption: caption ? caption.textContent.trim() : ""};
    })""")
    if kind == "indicator":
        assert charts, "the indicator page has no chart"
    for chart in charts:
        assert chart["role"] == "img", chart
        assert chart["label"], chart
        assert chart["caption"], chart
