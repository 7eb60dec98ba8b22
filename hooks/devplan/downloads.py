"""Open-data downloads, at addresses that never change (documented on the Data page):

    data/datapackage.json, data/<resource>.csv    the package exactly as maintained (lossless)
    data/<package name>.zip                        the same plus README and licence
    data/all.json                                  every table as JSON, for programmers
    data/indicators/<id>.csv, <id>.xlsx            one indicator, tidy, for spreadsheets

Spreadsheet files (per-indicator CSV and XLSX) are written for Excel: the CSV is UTF-8
with a byte-order mark (without it Excel on Windows reads Thai as Windows-874 and shows
garbage), and text cells that a spreadsheet would run as a formula (OWASP "CSV
injection": a leading = + - @ tab or carriage return) get a leading apostrophe. Numbers
stay numbers. The package CSVs are the maintained files, byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from .labels import BE_OFFSET
from .model import Indicator, PlanModel

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TIDY_COLUMNS = [
    "indicator_id", "name_th", "name_en", "year_ce", "year_be", "year_type", "kind", "value",
    "unit_th", "unit_en", "figure_status", "source_title_th", "source_title_en", "source_publisher_en",
    "source_url", "source_accessed", "source_licence_th", "source_licence_en", "note_th", "note_en",
]
README = """{title}

{description}

Format: Frictionless Data Package (datapackage.json + UTF-8 CSV files). Check it with
`frictionless validate datapackage.json`.
Years are Gregorian (C.E.); add 543 for the Buddhist Era. Thai fiscal year N runs from
1 October N-1 to 30 September N.
Licence: CC BY 4.0 for this compilation (see LICENSE.txt); each figure is also its
source's, under the terms in sources.csv (columns licence_th and licence_en).
How to cite: {title}, data as of {date}. {url}
"""
LICENCE = """This compilation is licensed under the Creative Commons Attribution 4.0
International licence (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
Every figure also remains its original publisher's: see sources.csv for each source
and the terms it states.
"""


def spreadsheet_safe(value):
    """Neutralise text a spreadsheet would run as a formula; leave numbers alone.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")"), spreadsheet_safe(-5.0)
    ('\\'=HYPERLINK("http://x")', -5.0)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def tidy_rows(indicator: Indicator) -> list[dict]:
    """One row per indicator, year and kind of value (observed or target)."""
    rows = []
    for kind, items in (("observed", indicator.observations), ("target", indicator.targets)):
        for item in items:
            source = item.source
            rows.append({
                "indicator_id": indicator.indicator_id, "name_th": indicator.name_th, "name_en": indicator.name_en,
                "year_ce": item.year, "year_be": item.year + BE_OFFSET, "year_type": indicator.year_type,
                "kind": kind, "value": item.value, "unit_th": indicator.unit_th, "unit_en": indicator.unit_en,
                "figure_status": getattr(item, "status", ""), "source_title_th": source.title_th,
                "source_title_en": source.title_en, "source_publisher_en": source.publisher_en,
                "source_url": source.url or "", "source_accessed": source.accessed.isoformat(),
                "source_licence_th": source.licence_th, "source_licence_en": source.licence_en,
                "note_th": item.note_th or "", "note_en": item.note_en or "",
            })
    return rows


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def indicator_csv(indicator: Indicator) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TIDY_COLUMNS)
    for row in tidy_rows(indicator):
        writer.writerow([spreadsheet_safe(_number(v) if k == "value" else v) for k, v in row.items()])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def citation(indicator: Indicator, stamp: dt.datetime, base_url: str, title: str) -> list[tuple[str, str]]:
    """How to cite one indicator's file: the fields a reference needs, in order."""
    sources = indicator.sources
    return [
        ("title", f"{indicator.name_en} / {indicator.name_th}"),
        ("publisher", title),
        ("year", str(stamp.year)),
        ("url", f"{base_url}en/indicators/{indicator.indicator_id}/"),
        ("data_as_of", stamp.date().isoformat()),
        ("licence", "CC BY 4.0 for this compilation; each figure also under its source's terms (below)"),
        *[(f"source {n}", f"{s.publisher_en}: {s.title_en}. {s.url or s.document}. Accessed {s.accessed.isoformat()}. "
                          f"Licence: {s.licence_en}") for n, s in enumerate(sources, start=1)],
        ("how_to_cite", f"{title} ({stamp.year}). {indicator.name_en} [{indicator.indicator_id}]. "
                        f"{base_url}en/indicators/{indicator.indicator_id}/ (data as of {stamp.date().isoformat()})."),
    ]


def indicator_xlsx(indicator: Indicator, stamp: dt.datetime, base_url: str = "", title: str = "") -> bytes:
    """The tidy table on the first sheet, and an "about" sheet with the citation."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = indicator.indicator_id[:31]
    sheet.append(TIDY_COLUMNS)
    for row in tidy_rows(indicator):
        sheet.append([spreadsheet_safe(_number(v) if k == "value" else v) for k, v in row.items()])
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("about")
    for key, value in citation(indicator, stamp, base_url, title):
        about.append([key, spreadsheet_safe(value)])
    workbook.properties.creator = "devplan"
    workbook.properties.created = workbook.properties.modified = stamp
    # ExcelWriter directly: Workbook.save() stamps "modified" with the current time.
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip(buffer.getvalue(), stamp)


def _fixed_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite a zip with one fixed timestamp per entry, so the same data gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(_entry(info.filename, stamp), source.read(info.filename))
    return buffer.getvalue()


def _entry(name: str, stamp: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def zip_name(descriptor: dict) -> str:
    """The whole package as one zip, named after the package: a stable address."""
    return f"{descriptor['name']}.zip"


def package_descriptor(data_dir: Path) -> dict:
    """datapackage.yaml as JSON, the form every Frictionless tool reads."""
    return yaml.safe_load((data_dir / "datapackage.yaml").read_text(encoding="utf-8"))


def package_files(model: PlanModel, data_dir: Path, base_url: str = "") -> dict[str, bytes]:
    """The whole-package downloads (small: built on every build, listed on the Data page)."""
    stamp = _stamp(model)
    descriptor = package_descriptor(data_dir)
    # What a citation needs travels with the package: where it lives and how to cite it.
    published = {**descriptor, "homepage": base_url, "created": stamp.isoformat() + "Z",
                 "citation": f"{descriptor.get('title', descriptor['name'])}, data as of {stamp.date().isoformat()}. "
                             f"{base_url}"}
    files: dict[str, bytes] = {"datapackage.json": _json(published)}
    for resource in descriptor["resources"]:
        files[resource["path"]] = (data_dir / resource["path"]).read_bytes()
    documents = sorted({s.document for s in model.sources.values() if s.document})
    for document in documents:
        files[document] = (data_dir / document).read_bytes()
    files["all.json"] = _json(_all_tables(model, descriptor))
    readme = README.format(title=descriptor.get("title", descriptor["name"]), description=descriptor.get("description", ""),
                           date=stamp.date().isoformat(), url=base_url)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["datapackage.json", *[r["path"] for r in descriptor["resources"]], *documents]:
            archive.writestr(_entry(name, stamp), files[name])
        archive.writestr(_entry("README.txt", stamp), readme.encode())
        archive.writestr(_entry("LICENSE.txt", stamp), LICENCE.encode())
    files[zip_name(descriptor)] = buffer.getvalue()
    return files


def _all_tables(model: PlanModel, descriptor: dict) -> dict:
    return {
        "name": descriptor.get("name"), "data_as_of": _stamp(model).date().isoformat(),
        "licenses": descriptor.get("licenses", []),
        "tables": {name: [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
                          for row in rows] for name, rows in model.tables.items()},
    }


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _stamp(model: PlanModel) -> dt.datetime:
    """The model's data date as a timestamp for files and zip entries (never the clock)."""
    return dt.datetime.combine(model.data_date or dt.date(2000, 1, 1), dt.time())


def write_downloads(model: PlanModel, data_dir: Path, out_dir: Path, base_url: str = "") -> None:
    """Every download into out_dir (the site's data/ folder)."""
    out_dir = Path(out_dir)
    (out_dir / "indicators").mkdir(parents=True, exist_ok=True)
    for name, content in package_files(model, data_dir, base_url).items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(content)
    stamp = _stamp(model)
    title = package_descriptor(data_dir).get("title", "")
    for indicator in model.indicators.values():
        (out_dir / "indicators" / f"{indicator.indicator_id}.csv").write_bytes(indicator_csv(indicator))
        (out_dir / "indicators" / f"{indicator.indicator_id}.xlsx").write_bytes(
            indicator_xlsx(indicator, stamp, base_url, title))
