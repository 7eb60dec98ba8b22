"""A generated page's text made HTML, without Markdown.

The page writer (pages.py) writes each page as front matter (one `key: JSON` line per
field), `## Heading { #id }` lines from the label table and HTML blocks, nothing else.
Python-Markdown made of that the HTML this module makes, at ~2 ms a page: a tenth of the
pages' time at 1,000 indicators (measured); tests hold the two to the same bytes on every
generated page of the test sites. A line that is neither stops the build: it would be
Markdown from a template, which this module does not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

HEADING = re.compile(r"## (.+?) \{ #([A-Za-z0-9_-]+) \}")  # the contents are one level: h2
FIELD = re.compile(r"([a-z_]+): (.*)")


@dataclass(frozen=True)
class PageHtml:
    meta: dict  # the front matter: title (HTML-escaped), description, preview, search, hide
    html: str
    headings: list  # (id, title as HTML) of each h2, in order: the page's table of contents


def to_html(text: str, path: str) -> PageHtml:
    """The page's front matter, HTML and headings. A block is a run of lines whose first
    starts with "<"; it goes on over blank lines while the next line starts with "<" too,
    as the page writer's Markdown markers did (one line break between its parts)."""
    meta, body = _front_matter(text, path)
    parts, headings, block, gap = [], [], None, False
    for line in body.split("\n"):
        if block is not None:
            if not line.strip():
                gap = True
                continue
            if not gap or line.startswith("<"):
                block.append(line)
                gap = False
                continue
            parts.append("\n".join(block))
            block = None
        heading = HEADING.fullmatch(line)
        if line.startswith("<"):
            block, gap = [line], False
        elif heading:
            title, anchor = heading.groups()
            parts.append(f'<h2 id="{anchor}">{title}<a class="headerlink" href="#{anchor}" '
                         'title="Permanent link">&para;</a></h2>')
            headings.append((anchor, title))
        elif line.strip():
            raise ValueError(f"{path}: a line that is neither a heading nor HTML: {line[:80]!r}")
    if block is not None:
        parts.append("\n".join(block))
    return PageHtml(meta, "\n".join(parts), headings)


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    head, separator, body = text.partition("\n---\n")
    if not text.startswith("---\n") or not separator:
        raise ValueError(f"{path}: a generated page starts with its front matter")
    meta = {}
    for line in head.split("\n")[1:]:
        field = FIELD.fullmatch(line)
        if not field:
            raise ValueError(f"{path}: front matter line {line[:80]!r} is not `key: JSON`")
        meta[field.group(1)] = json.loads(field.group(2))
    return meta, body

