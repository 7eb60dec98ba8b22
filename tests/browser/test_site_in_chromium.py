"""What a reader sees in a real browser: charts, language switch, no outside requests."""

from __future__ import annotations

import csv
from urllib.parse import urlsplit

import pytest
from support import ROOT, site_area

pytestmark = pytest.mark.browser

PAGES = ["", "indicators/tourist-arrivals/", "embed/tourist-arrivals/", "strategies/d-1-economy/", "budget/", "indicators/", "methodology/",
         "data/", "changes/", "goals/g-tourism/"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_indicator_chart_draws_an_svg(page, site_url, lang):
    page.goto(f"{site_url}{lang}/indicators/tourist-arrivals/")
    chart = page.locator("#chart-tourist-arrivals")
    chart.locator("svg.main-svg").first.wait_for()
    points = chart.locator(".scatterlayer .trace").first.locator("path.point")
    with (ROOT / "data" / "observations.csv").open(encoding="utf-8") as f:
        years = [row for row in csv.DictReader(f)
                 if row["indicator_id"] == "tourist-arrivals" and row["area_id"] == site_area()]
    firm = [row for row in years if row["status"] != "preliminary"]
    assert points.count() == len(firm) >= 2  # one filled point per revised or final year; preliminary ones drawn apart
    ticks = chart.locator(".xtick text").all_text_contents()
    # years in the page's calendar (B.E. on the Thai site); on a phone they are thinned until they stand apart
    assert len(ticks) >= 3 and all((int(tick) > 2400) == (lang == "th") for tick in ticks)
    # Thai text in the chart is set in the self-hosted Thai font, and that font has loaded
    assert "Noto Sans Thai" in chart.locator(".ytitle").evaluate("e => getComputedStyle(e).fontFamily")
    loaded = page.evaluate("document.fonts.ready.then(() => [...document.fonts]"
                           ".filter(f => f.status === 'loaded').map(f => f.family))")
    assert any("Noto Sans Thai" in family for family in loaded)
    assert page.errors == []


@pytest.mark.parametrize("lang,other", [("th", "en"), ("en", "th")])
def test_language_switch_lands_on_the_same_indicator(page, site_url, lang, other):
    page.goto(f"{site_url}{lang}/indicators/gpp-current/")
    page.locator(".md-header .md-select").hover()  # the language menu opens on hover or focus
    page.locator(f"a.dp-language-link[hreflang={other}]").click()
    page.wait_for_url(f"{site_url}{other}/indicators/gpp-current/")
    assert page.locator("html").get_attribute("lang") == other
    page.locator("#chart-gpp-current svg.main-svg").first.wait_for()


@pytest.mark.parametrize("locale,lang", [("en-GB", "en"), ("th-TH", "th"), ("fr-FR", "en")])
def test_root_page_sends_a_reader_to_their_language(browser, site_url, locale, lang):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_url(f"{site_url}{lang}/")
    context.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_request_leaves_the_site(page, site_url, lang):
    origin = urlsplit(site_url).netloc
    for path in PAGES:
        page.goto(f"{site_url}{lang}/{path}")
        page.wait_for_load_state("networkidle")
    outside = [url for url in page.requests if urlsplit(url).netloc != origin and not url.startswith("data:")]
    assert outside == []
    assert page.errors == []


def test_hostile_data_runs_no_script(page, hostile_url):
    for path in ["en/indicators/visitors/", "th/indicators/visitors/", "en/", "th/goals/g-tourism/",
                 "en/strategies/dev-econ/", "en/budget/", "th/indicators/"]:
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, path
    page.goto(hostile_url + "en/indicators/visitors/")
    assert page.locator("h1").inner_text() == "</title><script>window.__xss=1</script>"
    # hovering a point shows the hostile source title as text, still without running it
    page.locator("#chart-visitors svg.main-svg").first.wait_for()
    page.locator("#chart-visitors .scatterlayer path.point").first.hover(force=True)
    assert page.evaluate("window.__xss") is None
    # the comparison chart names Lamphun from compare.json: as text, in its legend too
    page.locator("#chart-visitors-compare svg.main-svg").first.wait_for()
    assert '<b onmouseover="window.__xss=8">Lamphun</b>' in page.locator("#chart-visitors-compare g.legend").text_content()
    page.locator("#chart-visitors-compare .scatterlayer path.point").last.hover(force=True)
    assert page.evaluate("window.__xss") is None


# Every kind of page the site has, and the root page that picks a language.
POLICY_PAGES = ["th/", "en/indicators/pm25/", "th/embed/pm25/", "en/budget/", "th/data/", "en/changes/", "th/404.html"]
VIOLATIONS = "window.__violations = []; document.addEventListener('securitypolicyviolation', " \
             "e => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI))"


def test_no_inline_script_runs_and_the_site_needs_none(page, tiny_url):
    """The policy allows no inline script, so a javascript: address, an inline handler or
    an injected script never runs, even if one reached a page; the site's own scripts (the
    theme's included) are all files, so the policy blocks nothing of ours."""
    page.add_init_script(VIOLATIONS)
    for path in POLICY_PAGES:
        page.goto(tiny_url + path)
        page.wait_for_load_state("networkidle")
        assert [v for v in page.evaluate("window.__violations") if v.startswith("script")] == [], path
        page.evaluate("""() => {
            const a = document.createElement('a');
            a.href = 'javascript:window.__xss=1'; a.textContent = 'x'; document.body.append(a); a.click();
            document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss=2">');
            const s = document.createElement('script'); s.textContent = 'window.__xss=3'; document.body.append(s);
        }""")
        page.wait_for_timeout(100)
        assert page.evaluate("window.__xss") is None, path
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations")), path
    page.goto(tiny_url)  # the root page's own script (allowed by its hash) sends the reader on
    page.wait_for_url(f"{tiny_url}*/")
    assert page.errors == []
