"""The methodology page's worked example is computed from the site's own data: if the data
changes (a revised figure, a new year), this test says the example must be re-worked."""

from __future__ import annotations

from bs4 import BeautifulSoup
from devplan.publish.site import load_model
from devplan.render.labels import format_number
from support import ROOT, site_area

EXAMPLES = {"tourist-arrivals": ("Improving", "ดีขึ้น"), "foreign-visitors": ("Worsening", "แย่ลง")}


def page_text(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml").get_text(" ", strip=True)


def test_worked_example_matches_the_data(built_site):
    model = load_model(ROOT / "data", site_area())
    english, thai = page_text(built_site, "en/methodology"), page_text(built_site, "th/methodology")
    for indicator_id, (word_en, word_th) in EXAMPLES.items():
        trend = model.indicators[indicator_id].trend
        numbers = [format_number(trend.earlier[1]), format_number(trend.latest[1]),
                   f"{trend.change * 100:+.2f}%".replace("-", "−")]
        for text in (english, thai):
            assert all(n in text for n in numbers), (indicator_id, numbers)
        assert f"{word_en}" in english and word_th in thai
        assert trend.status == word_en.lower()
    income = model.indicators["household-income-monthly"]
    assert income.trend.reason == "old" and format_number(income.latest.value, 1) in english


def test_worked_target_example_matches_the_data(built_site):
    visitors = load_model(ROOT / "data", site_area()).indicators["tourist-arrivals"]
    progress = visitors.progress
    assert (progress.status, progress.kind) == ("not_achieved", "announced")
    assert progress.latest[0] == progress.target[0]  # the latest value is for the target year
    english, thai = page_text(built_site, "en/methodology"), page_text(built_site, "th/methodology")
    for text in (english, thai):
        assert format_number(progress.target[1]) in text and format_number(progress.latest[1]) in text
    assert "Target year reached, target not met" in english and "ถึงปีเป้าหมายแล้วแต่ไม่บรรลุ" in thai
