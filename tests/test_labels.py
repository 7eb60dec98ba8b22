"""Labels and how numbers and years are written."""

from devplan.render.labels import LABELS, display_year, format_number, year_label
from devplan.render.pages import check_labels


def test_every_label_has_thai_and_english():
    assert check_labels() == []
    assert len(LABELS) > 50


def test_thai_labels_are_thai():
    # No English leftovers on Thai pages: each Thai label has Thai letters.
    english_only = [k for k, v in LABELS.items() if not any("\u0e00" <= c <= "\u0e7f" for c in v["th"])]
    assert english_only == []


def test_years():
    assert display_year(2025, "th") == "2568"
    assert display_year(2025, "en") == "2025"
    assert year_label(2025, "th") == "พ.ศ. 2568"
    assert year_label(2025, "th", "fiscal") == "ปีงบประมาณ พ.ศ. 2568"
    assert year_label(2025, "en", "fiscal") == "FY 2025"


def test_numbers():
    assert format_number(1234567.891, 1) == "1,234,567.9"
    assert format_number(11955249, 0) == "11,955,249"
    assert format_number(-1500.5, 2) == "-1,500.50"
    assert format_number(0.04, 1) == "0.0"
    assert format_number(None) == ""


def test_html_blocks_skip_markdown_and_come_back_in_place():
    from devplan.render.pages import join_html, split_html

    page = "---\ntitle: x\n---\n\n## Heading { #h }\n\n<div>\n<p>a</p>\n</div>\n\ntext\n\n<table><tr><td>b</td></tr></table>\n"
    markdown, blocks = split_html(page)
    assert blocks == ["<div>\n<p>a</p>\n</div>", "<table><tr><td>b</td></tr></table>"]
    assert "<" not in markdown.split("---", 2)[2].replace("{ #h }", "")
    converted = "<h2 id=\"h\">Heading</h2>\n<p>DPBLOCK-0</p>\n<p>text</p>\n<p>DPBLOCK-1</p>"
    assert join_html(converted, blocks) == ("<h2 id=\"h\">Heading</h2>\n<div>\n<p>a</p>\n</div>\n<p>text</p>\n"
                                            "<table><tr><td>b</td></tr></table>")
