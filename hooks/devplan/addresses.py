"""The addresses of the files the site publishes under data/, in one place: the writers
(publish/) and the pages that link to them (render/) agree because both read them here."""

from __future__ import annotations

LATEST_CSV, LATEST_XLSX = "latest-values.csv", "latest-values.xlsx"


def zip_name(descriptor: dict) -> str:
    """The whole package as one zip, named after the package: a stable address."""
    return f"{descriptor['name']}.zip"


def site_xlsx_name(descriptor: dict) -> str:
    """Every indicator's values in one workbook, named after the package."""
    return f"{descriptor['name']}.xlsx"


def excel_path(path: str) -> str:
    """Where the Excel-ready copy of a package CSV lives: excel/<table>.csv."""
    return f"excel/{path}"


def workbook_name(descriptor: dict) -> str:
    """The maintainer's workbook (every table as a sheet to edit), named after the package."""
    return f"{descriptor['name']}-workbook.xlsx"
