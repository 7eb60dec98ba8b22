"""The names of the files the site publishes, in one place: the writers (publish/), the pages
that link to them (render/) and the validator (check/), which reserves them so that no id,
table path or package name can land on a file the site makes, all read them here.

    data/datapackage.json, data/all.json, data/<table path>, data/excel/<table path>
    data/<package name>.zip, data/<package name>.xlsx, data/<package name>-workbook.xlsx,
    data/latest-values.csv, .xlsx
    data/indicators/<indicator id>.csv, .xlsx
    <lang>/changes.xml, <lang>/embed/<indicator id>/, previews/<lang>.png,
    previews/<lang>/<indicator id>.png
"""

from __future__ import annotations

DATA = "data/"  # the downloads, beside the language folders
DESCRIPTOR_JSON, ALL_JSON = "datapackage.json", "all.json"
LATEST_CSV, LATEST_XLSX = "latest-values.csv", "latest-values.xlsx"
EXCEL_FOLDER, INDICATOR_FOLDER = "excel/", "indicators/"
ZIP_README, ZIP_LICENCE = "README.txt", "LICENSE.txt"  # inside the zip, beside the tables
FEED = "changes.xml"  # beside each language's pages
# What the site writes under data/ besides the package's own files: a table's path or the
# package's zip and workbook may not be one of these, nor lie in these folders.
GENERATED = (DESCRIPTOR_JSON, ALL_JSON, LATEST_CSV, LATEST_XLSX)
GENERATED_FOLDERS = (EXCEL_FOLDER, INDICATOR_FOLDER)
# Ids that name a page the site makes in the same folder (the list of all indicators is
# indicators/index): plans, strategies, goals and indicators may not have them.
RESERVED_IDS = ("index",)


def zip_name(descriptor: dict) -> str:
    """The whole package as one zip, named after the package: a stable address."""
    return f"{descriptor['name']}.zip"


def site_xlsx_name(descriptor: dict) -> str:
    """Every indicator's values in one workbook, named after the package."""
    return f"{descriptor['name']}.xlsx"


def excel_path(path: str) -> str:
    """Where the Excel-ready copy of a package CSV lives: excel/<table>.csv."""
    return f"{EXCEL_FOLDER}{path}"


def workbook_name(descriptor: dict) -> str:
    """The maintainer's workbook (every table as a sheet to edit), named after the package."""
    return f"{descriptor['name']}-workbook.xlsx"


def generated(path: str) -> bool:
    """Whether the site writes a file of its own at this path under data/."""
    return path in GENERATED or path.startswith(GENERATED_FOLDERS)


def indicator_file(indicator_id: str, kind: str) -> str:
    """One indicator's tidy values under data/: indicators/<id>.csv or .xlsx."""
    return f"{INDICATOR_FOLDER}{indicator_id}.{kind}"


def indicator_downloads(indicator_id: str) -> dict[str, str]:
    """An indicator's files, relative to the site root (stable, documented addresses)."""
    return {kind: DATA + indicator_file(indicator_id, kind) for kind in ("csv", "xlsx")}


def preview_file(lang: str, indicator_id: str | None = None) -> str:
    """A page's link-preview image inside previews/: <lang>/<id>.png for an indicator, and
    <lang>.png for every other page (outside the folder of ids, so no id can replace it)."""
    return f"{lang}/{indicator_id}.png" if indicator_id else f"{lang}.png"


def preview_path(lang: str, indicator_id: str | None = None) -> str:
    """The same, relative to the site root (both languages' images sit outside the language
    folders, which MkDocs empties when it builds)."""
    return f"previews/{preview_file(lang, indicator_id)}"


def embed_path(indicator_id: str) -> str:
    """An indicator's chart for other sites' iframes, inside its language's folder."""
    return f"embed/{indicator_id}/index.html"
