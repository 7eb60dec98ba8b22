"""Every table the generator writes is the one table component (the `table` macro): on a
narrow column each row becomes a card, and a card can only say which column a figure
belongs to if every cell carries its column's heading."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

HAND_WRITTEN = {"methodology", "maintainers", "about"}  # Markdown tables, styled by the theme


def tables(site):
    for path in sorted(site.glob("*/**/index.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for table in page.select("article table"):
            yield path.relative_to(site), table


@pytest.mark.parametrize("which", ["built_site", "tiny_site"])
def test_every_cell_says_its_column(request, which):
    site = request.getfixturevalue(which)
    checked = 0
    for path, table in tables(site):
        if path.parts[1] in HAND_WRITTEN:
            continue
        assert "dp-table" in table.get("class", []), f"{path}: a table outside the table component"
        headings = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
        for row in table.tbody.find_all("tr"):
            column = 0
            for cell in row.find_all(["th", "td"], recursive=False):
                if cell.name == "td" and not cell.get("colspan"):
                    assert cell.get("data-label") == headings[column], (str(path), headings, str(cell)[:200])
                    checked += 1
                column += int(cell.get("colspan", 1))
            assert column == len(headings), (str(path), str(row)[:200])
    assert checked > 1000


@pytest.mark.parametrize("which", ["built_site", "tiny_site"])
def test_headings_after_html_are_still_headings(request, which):
    # A heading right after a table or a paragraph of HTML was printed as "## What is missing { #missing }".
    for path in sorted(request.getfixturevalue(which).glob("*/**/index.html")):
        assert "{ #" not in path.read_text(encoding="utf-8"), path
