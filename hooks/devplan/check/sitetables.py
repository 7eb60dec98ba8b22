"""What the site reads from the package, pinned: every table, column, type, requirement,
allowed value, id pattern, format, bound, key and link the code relies on.

An edit of datapackage.yaml can loosen the schema without breaking any file (drop an id
pattern, an enum or a foreign key, widen a year range), and the validator would then pass
data the site cannot take: an id `../../x` written outside the site, a figure status with
no words for it, a link to a row that does not exist. So check_descriptor holds the
descriptor to this declaration before any table is read. The package may add tables and
columns; it may narrow an enum or a range; it may not loosen or drop what is pinned here.

One word per column:  name[:type][!][?][=a|b][#id|#ids|#area][~uri][[low,high]][->table]

    :type     integer, number or date (string when left out)
    !         required: every row has a value
    ?         the column may be left out of the schema (the site then has nothing from it)
    =a|b      allowed values: the schema's enum is some of these (the site has words for them)
    #id       the pattern of ids (ID_PATTERN), exactly: ids are addresses of pages and files
    #ids      ids separated by single spaces (ID_LIST), exactly
    #area     the pattern of area codes (AREA_PATTERN: TH, TH50, TH-MOTS-N), exactly
    ~uri      format: uri, a web address (the site links it)
    [lo,hi]   minimum and maximum both given, within lo..hi (the site's years, decimals)
    ->table   a foreign key to that table's key
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import DATE_YEARS

ID_PATTERN = "[a-z0-9][a-z0-9-]*"
ID_LIST = f"{ID_PATTERN}( {ID_PATTERN})*"
AREA_PATTERN = "[A-Z]{2}([0-9]{2}){0,2}|[A-Z]{2}(-[A-Z0-9]+)+"  # p-codes, and TH-SCHEME-LABEL for groupings
YEARS = f"[{DATE_YEARS.start},{DATE_YEARS.stop - 1}]"
SOURCE = "source_id!->sources"
# table: (its primary key, its columns), in the order of the shipped descriptor.
SITE_TABLES = {
    "sources": ("source_id", "source_id!#id title_th! title_en! publisher_th! publisher_en! url~uri publisher_url~uri document "
                "accessed:date! licence_th! licence_en! note?"),
    "areas": ("area_id", f"area_id!#area level!=country|region|group|province|district name_th! name_en! "
              f"parent_id->areas {SOURCE}"),
    "area_members": ("area_id member_id", "area_id!->areas member_id!->areas"),
    "plans": ("plan_id", f"plan_id!#id kind!=long-term|development|action title_th! title_en! vision_th vision_en "
              f"summary_th! summary_en! start_year:integer!{YEARS} end_year:integer!{YEARS} {SOURCE}"),
    "strategies": ("strategy_id", "strategy_id!#id plan_id!->plans order:integer! title_th! title_en! "
                   "summary_th! summary_en!"),
    "goals": ("goal_id", "goal_id!#id strategy_id!->strategies title_th! title_en!"),
    "indicators": ("indicator_id", f"indicator_id!#id goal_id!->goals name_th! name_en! unit_th! unit_en! "
                   f"decimals:integer![0,6] direction!=higher|lower year_type!=calendar|fiscal "
                   f"baseline_year:integer{YEARS} agency_th! agency_en! method_th! method_en! {SOURCE} "
                   "measure=percent|current-prices real_terms->indicators"),
    "targets": ("indicator_id year", f"indicator_id!->indicators year:integer!{YEARS} value:number! "
                f"kind!=plan|announced|standard {SOURCE} note_th? note_en?"),
    "observations": ("indicator_id area_id year", f"indicator_id!->indicators area_id!->areas year:integer!{YEARS} "
                     f"value:number! status!=preliminary|revised|final {SOURCE} note_th? note_en? series? "
                     "coverage?=part-year derivation=sum-of-months|mean-of-months|ratio|sum-of-areas"),
    "projects": ("project_id", f"project_id!#id strategy_id!->strategies fiscal_year:integer!{YEARS} name_th! "
                 f"name_en! agency_th! agency_en! budget_thb:number! {SOURCE}"),
    "strategy_goals": ("strategy_id goal_id", f"strategy_id!->strategies goal_id!->goals basis_th! basis_en! {SOURCE}"),
    "topics": ("topic_id", "topic_id!#id title_th! title_en! indicators!#ids"),  # the home page's doors
}
WORD = re.compile(r"(?P<name>[a-z0-9_]+)(?::(?P<type>[a-z]+))?(?P<required>!)?(?P<optional>\?)?"
                  r"(?:=(?P<enum>[a-z|-]+))?(?:#(?P<pattern>ids?|area))?(?:~(?P<format>uri))?"
                  r"(?:\[(?P<low>\d+),(?P<high>\d+)\])?(?:->(?P<target>[a-z_]+))?")


@dataclass(frozen=True)
class Column:
    """One column as the site reads it (see the module's notation)."""

    name: str
    type: str = "string"
    required: bool = False
    optional: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    format: str | None = None
    bounds: tuple[int, int] | None = None
    target: str | None = None


def site_columns(table: str) -> list[Column]:
    """Every column the site reads from `table`."""
    columns = []
    for word in SITE_TABLES[table][1].split():
        part = WORD.fullmatch(word).groupdict()
        columns.append(Column(
            part["name"], part["type"] or "string", bool(part["required"]), bool(part["optional"]),
            tuple(part["enum"].split("|")) if part["enum"] else None,
            {"id": ID_PATTERN, "ids": ID_LIST, "area": AREA_PATTERN}.get(part["pattern"]), part["format"],
            (int(part["low"]), int(part["high"])) if part["low"] else None, part["target"]))
    return columns


def pinned_field(table: str, name: str) -> dict:
    """A column as a Table Schema field with exactly what the site pins: what any version of
    the column must pass for the site to show it (history.py checks old versions with it).
    A column that links to another table gets that table's id pattern."""
    column = next(c for c in site_columns(table) if c.name == name)
    constraints = {"required": column.required, **({"enum": list(column.enum)} if column.enum else {})}
    if column.bounds:
        constraints.update(minimum=column.bounds[0], maximum=column.bounds[1])
    target = column.target and next(c for c in site_columns(column.target) if c.name == site_key(column.target)[0])
    if column.pattern or (target and target.pattern):
        constraints["pattern"] = column.pattern or target.pattern
    return {"name": name, "type": column.type, **({"format": column.format} if column.format else {}),
            "constraints": constraints}


def site_key(table: str) -> list[str]:
    return SITE_TABLES[table][0].split()


def check_site_tables(descriptor: dict, bad) -> None:
    """Report through bad(place, en, th) every pinned property the descriptor drops or loosens;
    the descriptor's shape (names, fields, well-formed keys) is already checked."""
    resources = {r["name"]: (n, r) for n, r in enumerate(descriptor["resources"])}
    for table in SITE_TABLES:
        if table not in resources:
            bad(("resources",), f"the table {table} is missing: the site is built from it",
                f"ไม่มีตาราง {table} ซึ่งเว็บไซต์ต้องใช้")
            continue
        number, resource = resources[table]
        schema = resource["schema"]
        key = schema.get("primaryKey", [])
        if ([key] if isinstance(key, str) else key) != site_key(table):
            bad(("resources", number, "schema", "primaryKey"),
                f"primaryKey must stay {site_key(table)}: the site finds each row by it",
                f"primaryKey ต้องคงเป็น {site_key(table)} เพราะเว็บไซต์ใช้ค้นหาแต่ละแถว")
        position = {f["name"]: i for i, f in enumerate(schema["fields"])}
        links = {_one(f["fields"]): (f["reference"]["resource"], _one(f["reference"]["fields"]))
                 for f in schema.get("foreignKeys", [])}
        for column in site_columns(table):
            if column.name not in position:
                if not column.optional:
                    bad(("resources", number, "schema", "fields"), f"the field {column.name} is missing: the site reads it",
                        f"ไม่มี field {column.name} ซึ่งเว็บไซต์ต้องใช้")
                continue
            where = ("resources", number, "schema", "fields", position[column.name])
            for en, th in _loosened(schema["fields"][position[column.name]], column, links):
                bad(where, en, th)


def _one(fields) -> str:
    return fields if isinstance(fields, str) else fields[0]


def _loosened(spec: dict, column: Column, links: dict) -> list[tuple[str, str]]:
    """(English, Thai) for each pinned property the field does not keep."""
    constraints = spec.get("constraints", {})
    found = []
    if spec.get("type", "string") != column.type:
        found.append((f"must have type {column.type}", f"ต้องมี type เป็น {column.type}"))
    if column.required and constraints.get("required") is not True:
        found.append(("must keep 'required: true': the site needs it on every row",
                      "ต้องคงไว้ 'required: true' เพราะเว็บไซต์ต้องใช้ในทุกแถว"))
    if column.enum and not (constraints.get("enum") and set(constraints["enum"]) <= set(column.enum)):
        allowed = ", ".join(column.enum)
        found.append((f"must keep an enum of some of: {allowed} (the site has words for these only)",
                      f"ต้องคง enum ที่เป็นค่าบางค่าจาก {allowed} (เว็บไซต์มีคำแสดงเฉพาะค่าเหล่านี้)"))
    if column.pattern and constraints.get("pattern") != column.pattern:
        found.append((f"must keep pattern: \"{column.pattern}\" (ids are addresses of pages and files)",
                      f"ต้องคง pattern: \"{column.pattern}\" (รหัสเป็นที่อยู่ของหน้าเว็บและไฟล์)"))
    if column.format and spec.get("format") != column.format:
        found.append((f"must keep format: {column.format} (the site links these addresses)",
                      f"ต้องคง format: {column.format} (เว็บไซต์ทำลิงก์จากที่อยู่เหล่านี้)"))
    if column.bounds:
        low, high = constraints.get("minimum"), constraints.get("maximum")
        if low is None or high is None or low < column.bounds[0] or high > column.bounds[1]:
            found.append((f"must keep a minimum and a maximum within {column.bounds[0]}-{column.bounds[1]}",
                          f"ต้องคง minimum และ maximum ไว้ภายในช่วง {column.bounds[0]}-{column.bounds[1]}"))
    if column.target and links.get(column.name) != (column.target, site_key(column.target)[0]):
        found.append((f"must keep its foreign key to {column.target} ({site_key(column.target)[0]})",
                      f"ต้องคง foreign key ไปยัง {column.target} ({site_key(column.target)[0]})"))
    return found
