"""Every label a reader sees, and how numbers, years and dates are written.

The labels live in one YAML file per language at the top of the repository
(labels/th.yml, labels/en.yml), so a translator edits text, not code: a key and its text,
with named placeholders ({year}) that the site fills in. Each file also says how its
readers count years (`calendar`: the era's offset from C.E., how a year and a fiscal year
are written, the month names). A file is read once, when its language is first asked for.
A test fails if a key is missing in a language, unused, or has other placeholders; nothing
silently falls back to English.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from pathlib import Path

import yaml

LABELS_DIR = Path(__file__).resolve().parents[3] / "labels"
BE_OFFSET = 543  # the Buddhist Era, for the download columns that give both calendars


@lru_cache(maxsize=None)
def language(lang: str) -> dict:
    """A language's file: {"calendar": {...}, "labels": {key: text}}."""
    return yaml.safe_load((LABELS_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


def label(key: str, lang: str, **values) -> str:
    text = language(lang)["labels"][key]
    return text.format(**values) if values else text


def display_year(year_ce: int | None, lang: str) -> str:
    """Thai readers count years in the Buddhist Era (C.E. + 543); English readers in C.E."""
    if year_ce is None:
        return ""
    return str(year_ce + language(lang)["calendar"]["era_offset"])


def year_label(year_ce: int, lang: str, year_type: str = "calendar") -> str:
    """'พ.ศ. 2568' / '2025', with fiscal years said to be fiscal years ('FY 2025')."""
    calendar = language(lang)["calendar"]
    return calendar["fiscal_year" if year_type == "fiscal" else "year"].format(year=display_year(year_ce, lang))


def display_date(day: dt.date | None, lang: str) -> str:
    """'15 กันยายน 2568' / '15 September 2025' (month names of our own: no locale needed)."""
    if day is None:
        return ""
    return f"{day.day} {language(lang)['calendar']['months'][day.month - 1]} {display_year(day.year, lang)}"


def format_number(value: float | None, decimals: int = 0) -> str:
    """Thousands separators and a fixed number of decimals: 1234567.891, 1 -> '1,234,567.9'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # -0.04 shown with one decimal is "0.0", not "-0.0"
    return text


def format_baht(amount: float) -> str:
    """Whole baht without decimals, satang when there are any: 1500000 -> '1,500,000'."""
    return format_number(amount, 0 if float(amount).is_integer() else 2)


def format_date(iso: str, lang: str) -> str:
    """'2025-03-01' -> '1 มีนาคม 2568' / '1 March 2025' (an ISO date as text, e.g. a commit's)."""
    return display_date(dt.date.fromisoformat(iso), lang)


def format_change(value: float | None, decimals: int = 0) -> str:
    """A change with its sign: +1,234 / -5.5 / 0."""
    text = format_number(value, decimals)
    return text if not text or text.startswith("-") or float(text.replace(",", "")) == 0 else "+" + text


def format_percent(fraction: float | None) -> str:
    """A relative change: 0.0432 -> '+4.3%'."""
    return "" if fraction is None else format_change(fraction * 100, 1) + "%"


def format_rate(rate: float | None, method: str | None, decimals: int = 0) -> str:
    if rate is None:
        return ""
    if method == "compound":
        return f"{rate * 100:+.2f}%"
    return f"{rate:+,.{max(decimals, 2)}f}"


def plain_number(value: float) -> int | float:
    """1000000.0 -> 1000000: whole numbers written without a decimal point."""
    return int(value) if float(value).is_integer() else value
