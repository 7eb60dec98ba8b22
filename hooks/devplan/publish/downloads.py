"""Open-data downloads, at addresses that never change (documented on the Data page):

    data/datapackage.json, data/<resource>.csv    the package exactly as maintained (lossless)
    data/excel/<resource>.csv                      the same tables, ready for Excel (see below)
    data/<package name>.zip                        all of these plus README and licence
    data/<package name>.xlsx                       every indicator's values in one workbook
    data/all.json                                  every table as JSON, for programmers
    data/indicators/<id>.csv, <id>.xlsx            one indicator, tidy, for spreadsheets: every area's
                                                   values with the area's code and names, the site's own first

The package CSVs are the maintained files, byte for byte, so `frictionless validate` and
any diff tool see the canonical data. Every file made for spreadsheets (the excel/ copies,
the per-indicator files, the workbooks) is written by spreadsheets.py: a byte-order mark
so Excel shows Thai, formula guards, formatted XLSX.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..addresses import (
    ALL_JSON,
    DESCRIPTOR_JSON,
    INDICATOR_FOLDER,
    LATEST_CSV,
    LATEST_XLSX,
    ZIP_LICENCE,
    ZIP_README,
    excel_path,
    indicator_file,
    site_xlsx_name,
    zip_name,
)
from ..check.descriptor import load_yaml, package_file  # package_file: only regular files inside the package
from ..model.areas import Area
from ..model.plan import Indicator, PlanModel
from ..render.labels import BE_OFFSET, display_date, display_year, label, plain_number
from ..render.latest import COLUMNS as LATEST_COLUMNS
from ..render.latest import NUMBER_COLUMNS, latest_rows
from .spreadsheets import PERCENT_POINTS, Workbook, excel_csv, number_format, write_excel_copy, zip_entry

TIDY_COLUMNS = [
    "indicator_id", "name_th", "name_en", "area_id", "area_name_th", "area_name_en", "year_ce", "year_be", "year_type",
    "kind", "value", "unit_th", "unit_en", "figure_status", "series", "coverage", "derivation",
    "source_title_th", "source_title_en",
    "source_publisher_en", "source_publisher_url", "source_url", "source_accessed", "source_licence_th", "source_licence_en",
    "note_th", "note_en",
]
VALUE_COLUMN = TIDY_COLUMNS.index("value")
TIDY_KINDS = {"observed": "observed", "plan": "target", "announced": "announced_aim", "standard": "national_standard"}
README = """{title}

{description}

Format: Frictionless Data Package (datapackage.json + UTF-8 CSV files). Check it with
`frictionless validate datapackage.json`.
The excel/ folder holds the same tables saved for Excel: UTF-8 with a byte-order mark,
so Excel on Windows shows Thai correctly, and text that starts with = + - @ preceded
by ' so a spreadsheet never runs it as a formula.
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


def tidy_rows(indicator: Indicator, own: Area, other_areas: bool = True) -> list[dict]:
    """One row per indicator, area, year and kind of value: observed, or a target, an announced
    aim or a national standard (never called a target). The own area's values come first
    (targets are the own area's), then every other area's, by code."""
    others = [values for code, values in sorted(indicator.by_area.items())
              if other_areas and values is not indicator.observations]
    rows = []
    for item in [*indicator.observations, *indicator.targets, *(item for values in others for item in values)]:
        source, area = item.source, getattr(item, "area", None) or own
        rows.append({
            "indicator_id": indicator.indicator_id, "name_th": indicator.name_th, "name_en": indicator.name_en,
            "area_id": area.area_id, "area_name_th": area.name_th, "area_name_en": area.name_en,
            "year_ce": item.year, "year_be": item.year + BE_OFFSET, "year_type": indicator.year_type,
            "kind": TIDY_KINDS[getattr(item, "kind", "observed")], "value": plain_number(item.value),
            "unit_th": indicator.unit_th, "unit_en": indicator.unit_en,
            "figure_status": getattr(item, "status", ""), "series": getattr(item, "series", None) or "",
            "coverage": getattr(item, "coverage", None) or "", "derivation": getattr(item, "derivation", None) or "",
            "source_title_th": source.title_th,
            "source_title_en": source.title_en, "source_publisher_en": source.publisher_en,
            "source_publisher_url": source.publisher_url or "", "source_url": source.url or "",
            "source_accessed": source.accessed.isoformat(),
            "source_licence_th": source.licence_th, "source_licence_en": source.licence_en,
            "note_th": item.note_th or "", "note_en": item.note_en or "", "source_id": source.source_id,
        })
    return rows


def indicator_csv(rows: list[dict]) -> bytes:
    """One indicator's tidy_rows, every column: what pandas and a spreadsheet read."""
    return excel_csv(TIDY_COLUMNS, [[row[c] for c in TIDY_COLUMNS] for row in rows])


def about_blocks(publisher: dict, base_url: str, stamp: dt.datetime, indicators: list[Indicator],
                 area: Area | None = None) -> list[list]:
    """What a citation needs, in Thai then in English: one block of (label, text) per language.
    For one indicator its name, address and sources; for the whole site the site's; and the
    one area a workbook's values are of, if they are of one."""
    blocks = []
    for lang in ("th", "en"):
        year = display_year(stamp.year, lang)
        date = display_date(stamp.date(), lang)
        rows = [(label("publisher", lang), publisher.get(lang, "")), (label("data_date", lang), date),
                (label("licence", lang), label("licence_compilation", lang))]
        if len(indicators) == 1:
            i = indicators[0]
            name, url = getattr(i, f"name_{lang}"), f"{base_url}{lang}/indicators/{i.indicator_id}/"
            rows = [(label("indicator", lang), f"{name} [{i.indicator_id}]"),
                    (label("unit", lang), getattr(i, f"unit_{lang}")),
                    (label("year_type", lang), label(i.year_type, lang)), (label("web_address", lang), url), *rows]
            sources = i.sources
            cite = f"{publisher.get(lang, '')} ({year}). {name} [{label('indicator', lang)} {i.indicator_id}]. {url} " \
                   f"({label('data_version', lang)} {date})."
        else:
            url = f"{base_url}{lang}/"
            rows = [(label("web_address", lang), url), *rows]
            if area:
                rows.append((label("workbook_area", lang), f"{getattr(area, f'name_{lang}')} [{area.area_id}]. "
                                                           f"{label('workbook_other_areas', lang)}"))
            sources = []
            cite = f"{publisher.get(lang, '')} ({year}). {url} ({label('data_version', lang)} {date})."
        for n, s in enumerate(sources, start=1):  # the publisher's page first, the copy read as "read from"
            read_from = f" {label('read_from', lang)} {s.read_from}." if s.read_from else ""
            rows.append((label("source_n", lang, n=n),
                         f"{getattr(s, f'publisher_{lang}')}: {getattr(s, f'title_{lang}')}. {s.page or s.document}.{read_from} "
                         f"{label('accessed', lang)} {display_date(s.accessed, lang)}. {label('licence', lang)}: "
                         f"{getattr(s, f'licence_{lang}')}"))
        rows.append((label("how_to_cite", lang), cite))
        blocks.append(rows)
    return blocks


def _values_sheet(workbook, title: str, tables: Iterable[tuple[Indicator, list[dict]]], columns: list[str]) -> None:
    """The tidy values of each (indicator, its tidy_rows)."""
    value = columns.index("value")

    def rows():
        for indicator, table in tables:
            fmt = number_format(indicator.decimals)
            formats = [fmt if c == value else None for c in range(len(columns))]
            for row in table:
                yield [row[c] for c in columns], formats

    workbook.add_table(title, columns, rows())


def _sources_sheet(workbook, sources) -> None:
    workbook.add_table("sources", SOURCE_COLUMNS, (([_text(getattr(s, c)) for c in SOURCE_COLUMNS], None)
                                                   for s in sorted(sources, key=lambda s: s.source_id)))


def indicator_xlsx(indicator: Indicator, rows: list[dict], stamp: dt.datetime, base_url: str = "",
                   publisher: dict | None = None) -> bytes:
    """Its tidy_rows on the first sheet, one row per area, year and kind (the indicator's name
    and unit are the "about" sheet's, its sources by id on the "sources" sheet), then the
    sources and the "about" sheet with the citation in Thai and English."""
    workbook = Workbook()
    _values_sheet(workbook, indicator.indicator_id, [(indicator, rows)], INDICATOR_WORKBOOK_COLUMNS)
    _sources_sheet(workbook, {item.source.source_id: item.source  # every area's sources, each once
                              for values in (indicator.targets, *indicator.by_area.values()) for item in values}.values())
    workbook.add_about(about_blocks(publisher or {}, base_url, stamp, [indicator]))
    return workbook.to_bytes(stamp)


# Workbooks leave out the per-row source texts of the CSV (their "sources" sheet has them once,
# by source_id), and one indicator's workbook the columns that are the same on every row: at
# 1,000 indicators with other areas' values the workbooks held millions of cells, the largest
# part of the downloads job (docs/DECISIONS.md "Build speed").
INDICATOR_WORKBOOK_COLUMNS = ["area_id", "area_name_th", "area_name_en", "year_ce", "year_be", "kind", "value",
                              "figure_status", "series", "coverage", "derivation", "note_th", "note_en", "source_id"]
# The whole-site workbook's: one area, the indicators' names and units on its "latest" sheet.
WORKBOOK_COLUMNS = ["indicator_id", "year_ce", "year_be", "kind", "value", "figure_status", "series", "coverage",
                    "derivation", "note_th", "note_en", "source_id"]
SOURCE_COLUMNS = ["source_id", "title_th", "title_en", "publisher_th", "publisher_en", "publisher_url", "url", "document",
                  "accessed", "licence_th", "licence_en"]


def latest_csv(latest: list[dict]) -> bytes:
    """The latest_rows table for spreadsheets."""
    return excel_csv(LATEST_COLUMNS, [[row[c] for c in LATEST_COLUMNS] for row in latest])


def _latest_sheet(workbook, model: PlanModel, latest: list[dict]) -> None:
    """The whole-site table (latest_rows): the latest value of every indicator, formatted in its decimals."""
    def rows():
        for indicator, row in zip(model.indicators.values(), latest):
            fmt = number_format(indicator.decimals)
            yield [row[c] for c in LATEST_COLUMNS], [fmt if c in NUMBER_COLUMNS else PERCENT_POINTS if c == "change_percent"
                                                     else None for c in LATEST_COLUMNS]

    workbook.add_table("latest", LATEST_COLUMNS, rows())


def latest_xlsx(model: PlanModel, latest: list[dict], stamp: dt.datetime, base_url: str = "",
                publisher: dict | None = None) -> bytes:
    workbook = Workbook()
    _latest_sheet(workbook, model, latest)
    workbook.add_about(about_blocks(publisher or {}, base_url, stamp, list(model.indicators.values())))
    return workbook.to_bytes(stamp)


def site_xlsx(model: PlanModel, latest: list[dict], stamp: dt.datetime, base_url: str = "",
              publisher: dict | None = None) -> bytes:
    """The site's own area in one workbook: every indicator's latest value (with its name and
    unit), all its values, their sources, and an "about" sheet. Other areas' values are in each
    indicator's files and the package's tables (at 1,000 synthetic indicators they were three
    quarters of this workbook's cells, and at 5,000 its cells alone took a gigabyte)."""
    workbook = Workbook()
    _latest_sheet(workbook, model, latest)
    own = model.areas.own
    _values_sheet(workbook, "values", ((i, tidy_rows(i, own, other_areas=False)) for i in model.indicators.values()),
                  WORKBOOK_COLUMNS)
    _sources_sheet(workbook, model.sources.values())
    workbook.add_about(about_blocks(publisher or {}, base_url, stamp, list(model.indicators.values()), own))
    return workbook.to_bytes(stamp)


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else (value or "")




def package_descriptor(data_dir: Path) -> dict:
    """datapackage.yaml as JSON, the form every Frictionless tool reads (by the checks' own
    loader: libyaml where PyYAML has it, ten times faster than its Python one)."""
    return load_yaml((data_dir / "datapackage.yaml").read_text(encoding="utf-8"))


def write_package_files(model: PlanModel, data_dir: Path, out_dir: Path, base_url: str = "") -> dict[str, int]:
    """The whole-package downloads, written into out_dir one at a time (at 5,000 indicators
    all.json alone is ~125 MB): {name: size in bytes}, which the Data page lists."""
    out_dir = Path(out_dir)
    stamp = _stamp(model)
    descriptor = package_descriptor(data_dir)
    # What a citation needs travels with the package: where it lives and how to cite it.
    published = {**descriptor, "homepage": base_url, "created": stamp.isoformat() + "Z",
                 "citation": f"{descriptor.get('title', descriptor['name'])}, data as of {stamp.date().isoformat()}. "
                             f"{base_url}"}
    tables = [r["path"] for r in descriptor["resources"]]
    documents = sorted({s.document for s in model.sources.values() if s.document})
    (out_dir / "excel").mkdir(parents=True, exist_ok=True)
    (out_dir / DESCRIPTOR_JSON).write_bytes(_json(published))
    for resource in descriptor["resources"]:
        maintained = package_file(data_dir, resource["path"])
        shutil.copyfile(maintained, out_dir / resource["path"])
        text_fields = {f["name"] for f in resource["schema"]["fields"] if f.get("type", "string") == "string"}
        write_excel_copy(maintained, out_dir / excel_path(resource["path"]), text_fields)
    for document in documents:
        (out_dir / document).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package_file(data_dir, document), out_dir / document)
    with (out_dir / ALL_JSON).open("w", encoding="utf-8", newline="") as file:
        _write_all_tables(file, model, descriptor)
    readme = README.format(title=descriptor.get("title", descriptor["name"]), description=descriptor.get("description", ""),
                           date=stamp.date().isoformat(), url=base_url)
    names = [DESCRIPTOR_JSON, *tables, *map(excel_path, tables), *documents]
    with zipfile.ZipFile(out_dir / zip_name(descriptor), "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            entry = zip_entry(name, stamp)
            entry.file_size = (out_dir / name).stat().st_size  # as writestr sets it: the same zip
            with (out_dir / name).open("rb") as source, archive.open(entry, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        archive.writestr(zip_entry(ZIP_README, stamp), readme.encode())
        archive.writestr(zip_entry(ZIP_LICENCE, stamp), LICENCE.encode())
    return {name: (out_dir / name).stat().st_size for name in [*names, ALL_JSON, zip_name(descriptor)]}


def _write_all_tables(file, model: PlanModel, descriptor: dict) -> None:
    """Every table as JSON, a row at a time: the text json.dumps(indent=1, sort_keys=True)
    makes of the whole, without the whole in memory ("tables" is the last key)."""
    envelope = _dumps({"name": descriptor.get("name"), "data_as_of": _stamp(model).date().isoformat(),
                       "licenses": descriptor.get("licenses", []), "tables": None})
    file.write(envelope.removesuffix("null\n}"))
    names = sorted(model.tables)
    file.write("{\n" if names else "{}")
    for t, name in enumerate(names):
        rows = model.tables[name]
        file.write(f'  {_dumps(name)}: ' + ("[\n" if rows else "[]"))
        for r, row in enumerate(rows):
            file.write("   " + _row_json(row) + (",\n" if r < len(rows) - 1 else "\n  ]"))
        file.write(",\n" if t < len(names) - 1 else "\n }")
    file.write("\n}\n")


def _row_json(row: dict) -> str:
    """One table row as _dumps writes it, indented by 3 more spaces. json indents in Python,
    a call per value (1.5 s at 1,000 indicators, before any job can start); a row's cells
    are single values, so the C encoder's separators give the same text."""
    text = _ROW.encode(row)
    return "{\n    " + text[1:-1] + "\n   }" if row else "{}"


_ROW = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",\n    ", ": "),
                        default=lambda value: value.isoformat())  # dates; anything else fails there


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def _json(value) -> bytes:
    return (_dumps(value) + "\n").encode("utf-8")


def _stamp(model: PlanModel) -> dt.datetime:
    """The model's data date as a timestamp for files and zip entries (never the clock)."""
    return dt.datetime.combine(model.data_date or dt.date(2000, 1, 1), dt.time())




def write_downloads(model: PlanModel, data_dir: Path, out_dir: Path, base_url: str = "",
                    publisher: dict | None = None) -> None:
    """The workbooks and every indicator's files into out_dir (the site's data/ folder;
    write_package_files writes the rest)."""
    out_dir = Path(out_dir)
    (out_dir / INDICATOR_FOLDER).mkdir(parents=True, exist_ok=True)
    stamp = _stamp(model)
    descriptor = package_descriptor(data_dir)
    latest = latest_rows(model, base_url)  # the same table in three files
    (out_dir / site_xlsx_name(descriptor)).write_bytes(site_xlsx(model, latest, stamp, base_url, publisher))
    (out_dir / LATEST_CSV).write_bytes(latest_csv(latest))
    (out_dir / LATEST_XLSX).write_bytes(latest_xlsx(model, latest, stamp, base_url, publisher))
    for indicator in model.indicators.values():
        rows = tidy_rows(indicator, model.areas.own)
        (out_dir / indicator_file(indicator.indicator_id, "csv")).write_bytes(indicator_csv(rows))
        (out_dir / indicator_file(indicator.indicator_id, "xlsx")).write_bytes(
            indicator_xlsx(indicator, rows, stamp, base_url, publisher))
