"""The whole-site table: every indicator's latest value, the previous comparable value and
the change, its target status and trend, and its source. One row per indicator, shown as a
page in each language and downloaded as CSV and XLSX (the same rows, so they agree)."""

from __future__ import annotations

from ..model.changes import value_changes
from ..model.plan import Indicator, PlanModel
from .labels import BE_OFFSET, label, plain_number

COLUMNS = [
    "indicator_id", "name_th", "name_en", "unit_th", "unit_en", "year_type", "latest_year_ce", "latest_year_be",
    "latest_value", "figure_status", "previous_year_ce", "previous_value", "change", "change_unit_th", "change_unit_en",
    "change_percent",
    "target_status", "target_status_th", "target_status_en", "trend", "trend_th", "trend_en", "old_data",
    "source_id", "source_publisher_th", "source_publisher_en", "source_title_en", "source_publisher_url", "source_url", "page_th", "page_en",
]
NUMBER_COLUMNS = ("latest_value", "previous_value", "change")  # in the indicator's unit and decimals


def latest_rows(model: PlanModel, base_url: str = "") -> list[dict]:
    """One row per indicator, in the model's order; empty cells where there is no value."""
    return [_row(indicator, base_url) for indicator in model.indicators.values()]


def previous(indicator: Indicator):
    """The change of the latest value from the previous comparable one, or None."""
    latest = indicator.latest
    return value_changes(indicator)[latest.year].previous if latest else None


def _change_unit(indicator: Indicator, lang: str) -> str:
    return label("percentage_points", lang) if indicator.measure == "percent" else getattr(indicator, f"unit_{lang}")


def _row(indicator: Indicator, base_url: str) -> dict:
    latest, before = indicator.latest, previous(indicator)
    trend = indicator.trend.status if indicator.trend else ""
    source = latest.source if latest else indicator.source
    status = indicator.progress.status
    return {
        "indicator_id": indicator.indicator_id, "name_th": indicator.name_th, "name_en": indicator.name_en,
        "unit_th": indicator.unit_th, "unit_en": indicator.unit_en, "year_type": indicator.year_type,
        "latest_year_ce": latest.year if latest else None, "latest_year_be": latest.year + BE_OFFSET if latest else None,
        "latest_value": plain_number(latest.value) if latest else None, "figure_status": latest.status if latest else "",
        "previous_year_ce": before.since_year if before else None,
        "previous_value": plain_number(before.since_value) if before else None,
        "change": plain_number(round(before.absolute, 10)) if before else None,
        # the unit of `change`: percentage points for a rate or share in percent, never "percent"
        "change_unit_th": _change_unit(indicator, "th") if before else "", "change_unit_en": _change_unit(indicator, "en") if before else "",
        "change_percent": round(before.relative * 100, 2) if before and before.relative is not None else None,
        "target_status": status, "target_status_th": label(f"status_{status}", "th"),
        "target_status_en": label(f"status_{status}", "en"), "trend": trend,
        "trend_th": label(f"trend_{trend}", "th") if trend else "", "trend_en": label(f"trend_{trend}", "en") if trend else "",
        "old_data": bool(indicator.freshness.old), "source_id": source.source_id,
        "source_publisher_th": source.publisher_th, "source_publisher_en": source.publisher_en,
        "source_title_en": source.title_en, "source_publisher_url": source.publisher_url or "", "source_url": source.url or "",
        "page_th": f"{base_url}th/indicators/{indicator.indicator_id}/",
        "page_en": f"{base_url}en/indicators/{indicator.indicator_id}/",
    }
