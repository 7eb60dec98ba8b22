"""What a workbook column tells the person filling it in, from its Table Schema: the note
on its header, the message shown when a cell is chosen, and the spreadsheet's own check
(drop-down, whole number, number, date) with its refusal in Thai and English.

These replace the new-indicator scaffold's "what is left to fill in": a new row's required
cells are marked with * and their notes say what to write.
"""

from __future__ import annotations

import datetime as dt

from ..check.cells import DATE_YEARS
from ..render.labels import label
from . import layout

ALERT_LENGTH = 255  # Excel's limit for a validation message
TITLE_LENGTH = 32  # and for its title
EXAMPLE_LENGTH = 60
LIMITS = {"integer": (-(2 ** 31), 2 ** 31 - 1), "number": (-1e15, 1e15)}
DATES = (dt.date(DATE_YEARS[0], 1, 1), dt.date(DATE_YEARS[-1], 12, 31))


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _rule_words(spec: dict, target: tuple[str, str] | None, lang: str) -> list[str]:
    """What the schema asks of a cell, in one language."""
    constraints = spec.get("constraints", {})
    kind = spec.get("type", "string")
    words = [label(f"workbook_type_{kind}", lang)]
    words.append(label("required", lang) if constraints.get("required") else label("workbook_optional", lang))
    if target:
        words.append(label("workbook_pick", lang, column=target[1], sheet=target[0]))
    if "enum" in constraints:
        words.append(f"{label('allowed', lang)}: {', '.join(constraints['enum'])}")
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if low is not None:
        words.append(f"{label('minimum', lang)} {low}")
    if high is not None:
        words.append(f"{label('maximum', lang)} {high}")
    if "pattern" in constraints and not target:
        words.append(label("workbook_id_form", lang) if spec["name"].endswith("_id")
                     else f"{label('pattern', lang)}: {constraints['pattern']}")
    return words


def column_note(spec: dict, resource: dict, target: tuple[str, str] | None, example: str) -> str:
    """The note on a column's header: Thai, then English."""
    blocks = []
    key = layout.primary_key(resource)
    for lang in ("th", "en"):
        description = spec.get(f"description_{lang}") or spec.get("description") or ""
        lines = [f"{layout.field_title(spec, lang)} ({spec['name']})", str(description), *_rule_words(spec, target, lang)]
        if spec["name"] in key:
            lines.append(label("workbook_unique", lang, columns=" + ".join(key)))
        if example:
            lines.append(label("workbook_example", lang, example=_cut(example, EXAMPLE_LENGTH)))
        blocks.append("\n".join(line for line in lines if line))
    return "\n\n".join(blocks)


def input_message(spec: dict) -> tuple[str, str]:
    """The title and message a spreadsheet shows when a cell of the column is chosen."""
    title = _cut(layout.field_title(spec, "th"), TITLE_LENGTH)
    thai = spec.get("description_th") or ""
    english = spec.get("description") or ""
    return title, _cut(f"{thai}\n{english}".strip(), ALERT_LENGTH)


def validation(spec: dict, target: tuple[str, str] | None, source) -> dict:
    """XlsxWriter's data_validation options for the column (see its documentation)."""
    constraints = spec.get("constraints", {})
    kind = spec.get("type", "string")
    words = " / ".join("; ".join(_rule_words(spec, target, lang)) for lang in ("th", "en"))
    rule = {"error_title": _cut(label("workbook_refused", "th") + " / " + label("workbook_refused", "en"), TITLE_LENGTH),
            "error_message": _cut(words, ALERT_LENGTH), "ignore_blank": True}
    if source is not None:
        rule.update(validate="list", source=source)
        if target:  # an id added on its own sheet in this same workbook is not in the list yet
            rule.update(error_type="warning", error_message=_cut(
                label("workbook_not_listed", "th", sheet=target[0]) + "\n"
                + label("workbook_not_listed", "en", sheet=target[0]), ALERT_LENGTH))
        return rule
    if kind in LIMITS:
        low, high = constraints.get("minimum", LIMITS[kind][0]), constraints.get("maximum", LIMITS[kind][1])
        rule.update(validate="integer" if kind == "integer" else "decimal", criteria="between",
                    minimum=low, maximum=high)
        return rule
    if kind == "date":
        rule.update(validate="date", criteria="between", minimum=DATES[0], maximum=DATES[1])
        return rule
    return {"validate": "any"}
