"""Hostile text in the data shows up as literal text everywhere it is printed."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from support import HOSTILE


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_no_data_text_becomes_markup(hostile_site):
    checked = 0
    for path, soup in pages(hostile_site):
        for script in soup.find_all("script"):
            assert "__xss" not in (script.string or ""), path
        for tag in soup.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (path, tag)
            assert not str(tag.get("href", "")).startswith("javascript:"), (path, tag)
        for forbidden in ("img", "b", "i"):
            assert not [t for t in soup.find_all(forbidden) if t.get("src") == "x"], path
        checked += 1
    assert checked > 20


def test_hostile_titles_read_literally(hostile_site):
    _, th_cell = HOSTILE["indicator title"][2]
    soup = BeautifulSoup((hostile_site / "en/indicators/visitors/index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.h1.get_text(strip=True) == th_cell  # "</title><script>..." as text
    assert soup.title.get_text().startswith(th_cell)
    goal = HOSTILE["goal title"][2][1]
    assert goal in soup.get_text()


def test_chart_json_keeps_hostile_text_as_data(hostile_site):
    soup = BeautifulSoup((hostile_site / "en/indicators/visitors/index.html").read_text(encoding="utf-8"), "lxml")
    figure = json.loads(soup.find(id="chart-visitors")["data-figure"])
    hover = json.dumps(figure)
    assert "<i>" not in hover  # Plotly renders hover text as markup: it is entity-escaped
    assert "&lt;i&gt;people&lt;/i&gt;" in hover  # the hostile unit, in the hover text and the axis title
