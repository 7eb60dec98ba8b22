"""Generated pages' HTML blocks skip Markdown (pages.split_html / join_html)."""

from __future__ import annotations

import markdown

from devplan.render.pages import join_html, split_html

PAGE = """## Chart { #chart }

<figure class="dp-figure">
<div id="chart-x"></div></figure>

<div class="dp-share">*not emphasis*</div>


<p class="dp-muted">A <b>note</b></p>
Markdown right after a block belongs to it, as in Markdown.

Some *Markdown* between blocks.

<dl><dt>Unit</dt><dd>persons</dd></dl>
"""


def test_blocks_with_only_blank_lines_between_are_one_marker_and_come_back_whole():
    text, blocks = split_html(PAGE)
    assert len(blocks) == 2  # the figure, share box and note are one block; the list another
    assert blocks[0].startswith('<figure class="dp-figure">') and blocks[0].endswith(
        "Markdown right after a block belongs to it, as in Markdown.")
    html = join_html(markdown.markdown(text, extensions=["attr_list"]), blocks)
    assert '<div class="dp-share">*not emphasis*</div>\n<p class="dp-muted">' in html  # untouched by Markdown
    assert "<p>Some <em>Markdown</em> between blocks.</p>" in html
    assert html.endswith("<dl><dt>Unit</dt><dd>persons</dd></dl>")
    assert '<h2 id="chart">Chart</h2>' in html
