"""The package description (datapackage.yaml) checked before any table is read, and the
one way the validator and the writers reach a file of the package.

A descriptor that is not what the site is built from gets located, plain problems instead
of a traceback later, so everything after this can trust the descriptor's shape. Files are
read only when they are regular files inside the package folder, reached without symbolic
links: a link or `../` could otherwise publish any file of the machine (say
/proc/self/environ), and a device or a FIFO would be read forever.
"""

from __future__ import annotations

import re
import stat
from functools import lru_cache
from pathlib import Path

import regex
import yaml

# Frictionless' name pattern, without "/" (a package name also names the zip download).
NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
# One part of a relative path inside the package: no "..", no hidden files, no URL, no drive.
PATH_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
FIELD_TYPES = ("string", "integer", "number", "date")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe loader, ten times faster in C
# What the site reads from each table (model/): the column, its type ("uri" is text that
# must be an http(s) address: format uri), "!" if every row must have it, "->table" for a
# column that must point at a row of that table, and "=a|b" for a column whose allowed
# values the model branches on (exactly these).
SITE_TABLES = {
    "sources": "source_id! title_th! title_en! publisher_th! publisher_en! url:uri publisher_url:uri document "
               "accessed:date! licence_th! licence_en!",
    "plans": "plan_id! kind! title_th! title_en! vision_th vision_en summary_th! summary_en! start_year:integer! "
             "end_year:integer! source_id!->sources",
    "strategies": "strategy_id! plan_id!->plans order:integer! title_th! title_en! summary_th! summary_en!",
    "goals": "goal_id! strategy_id!->strategies title_th! title_en!",
    "indicators": "indicator_id! goal_id!->goals name_th! name_en! unit_th! unit_en! decimals:integer! direction! "
                  "year_type! baseline_year:integer agency_th! agency_en! method_th! method_en! source_id!->sources "
                  "measure=percent|current-prices real_terms->indicators",
    "areas": "area_id! level!=country|region|group|province|district name_th! name_en! parent_id->areas source_id!->sources",
    "area_members": "area_id!->areas member_id!->areas",
    "observations": "indicator_id!->indicators area_id!->areas year:integer! value:number! status! source_id!->sources "
                    "derivation=sum-of-months|mean-of-months|ratio|sum-of-areas",
    "targets": "indicator_id!->indicators year:integer! value:number! source_id!->sources",
    "projects": "project_id! strategy_id!->strategies fiscal_year:integer! name_th! name_en! agency_th! agency_en! "
                "budget_thb:number! source_id!->sources",
}


# Keys the model relies on: one area per code, one value per indicator, area and year.
SITE_KEYS = {"areas": ["area_id"], "area_members": ["area_id", "member_id"],
             "observations": ["indicator_id", "area_id", "year"]}


def site_columns(table: str) -> list[tuple[str, str, bool, str | None]]:
    """(column, type, required, referenced table) for every column the site reads."""
    return [column[:4] for column in _site_columns(table)]


def site_enums(table: str) -> dict[str, list[str]]:
    """The columns of a table whose exact allowed values the site relies on."""
    return {column[0]: column[4] for column in _site_columns(table) if column[4]}


def _site_columns(table: str) -> list[tuple[str, str, bool, str | None, list[str] | None]]:
    columns = []
    for word in SITE_TABLES[table].split():
        word, _, values = word.partition("=")
        word, _, target = word.partition("->")
        required = "!" in word
        name, _, kind = word.replace("!", "").partition(":")
        columns.append((name, kind or "string", required, target or None, values.split("|") if values else None))
    return columns


def unsafe_reason(base: Path, relative: str) -> tuple[str, str] | None:
    """Why `relative` may not be read from the package at `base` (English, Thai), or None."""
    parts = relative.split("/")
    if not all(PATH_PART.fullmatch(part) for part in parts):
        return ("the path must stay inside the data folder: letters, digits, '.', '_', '-' and '/' only, "
                "no '..', no leading '/' and no web address",
                "ที่อยู่ไฟล์ต้องอยู่ภายในโฟลเดอร์ข้อมูล ใช้ได้เฉพาะตัวอักษร ตัวเลข '.' '_' '-' และ '/' "
                "ห้ามมี '..' ห้ามขึ้นต้นด้วย '/' และห้ามเป็นที่อยู่เว็บ")
    path = Path(base)
    for part in parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except OSError:
            return None  # missing: the caller reports a missing file in its own words
        if stat.S_ISLNK(mode):
            return ("this is a link (shortcut) to another file: put the file itself in the data folder",
                    "ไฟล์นี้เป็นลิงก์ (ทางลัด) ไปยังไฟล์อื่น กรุณาวางตัวไฟล์จริงในโฟลเดอร์ข้อมูล")
    if not stat.S_ISREG(mode):
        return ("this is not an ordinary file (a folder or a device)", "รายการนี้ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์หรืออุปกรณ์)")
    return None


def package_file(base: Path, relative: str) -> Path:
    """The path of a file the writers may copy; raises ValueError for anything unsafe
    (validation refuses these first: this is the writers' own guard)."""
    reason = unsafe_reason(base, relative)
    path = Path(base) / relative
    if reason or not path.is_file():
        raise ValueError(f"{relative}: {reason[0] if reason else 'not found'}")
    return path


def load_yaml(text: str):
    return yaml.load(text, Loader=LOADER)


@lru_cache(maxsize=2)
def _compose(text: str):
    return yaml.compose(text, Loader=LOADER)


def line_of(text: str, place: tuple) -> int:
    """The line of the descriptor holding `place` (keys and list positions), or the
    nearest line above it that exists: where a maintainer should look."""
    try:
        node = _compose(text)
    except yaml.YAMLError:
        return 1
    line = 1 if node is None else node.start_mark.line + 1
    for step in place:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def check_descriptor(descriptor, add) -> bool:
    """Report every structural problem through add(place, label, code, en, th), place being
    the keys and list positions leading to it and label its words; True when the tables can be read with it (the
    shape the rest of the validator and the site rely on)."""
    if not isinstance(descriptor, dict):
        add((), None, "descriptor-structure", "the package description is empty or is not a list of 'key: value' lines",
            "ไฟล์คำอธิบายชุดข้อมูลว่างเปล่า หรือไม่ได้เขียนเป็นบรรทัด 'ชื่อ: ค่า'")
        return False
    ok = True

    def bad(place: tuple, en: str, th: str) -> None:
        nonlocal ok
        ok = False
        add(place, _label(descriptor, place), "descriptor-structure", en, th)

    name = descriptor.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        bad(("name",), "the package needs a name in lowercase letters, digits, '.', '_' and '-' (e.g. my-province-plan)",
            "ชุดข้อมูลต้องมีชื่อ (name) ที่ใช้อักษรอังกฤษตัวเล็ก ตัวเลข '.' '_' และ '-' เช่น my-province-plan")
    licenses = descriptor.get("licenses", [])
    if not isinstance(licenses, list) or not all(
            isinstance(item, dict) and isinstance(item.get("name", item.get("path")), str) for item in licenses):
        bad(("licenses",), "licenses must be a list of entries, each with a name or a path",
            "licenses ต้องเป็นรายการ แต่ละรายการมี name หรือ path")
    for key in ("title", "description"):
        if key in descriptor and not isinstance(descriptor[key], str):
            bad((key,), "must be text", "ต้องเป็นข้อความ")
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        bad(("resources",), "the package needs a list of resources (tables), each starting with '- name:'",
            "ชุดข้อมูลต้องมีรายการ resources (ตาราง) แต่ละรายการขึ้นต้นด้วย '- name:'")
        return False
    names = []
    for number, resource in enumerate(resources, start=1):
        where = ("resources", number - 1)
        if not isinstance(resource, dict):
            bad(where, "each resource must be a set of 'key: value' lines", "แต่ละ resource ต้องเขียนเป็นบรรทัด 'ชื่อ: ค่า'")
            continue
        rname = resource.get("name")
        if not isinstance(rname, str) or not NAME.fullmatch(rname) or rname in names:
            bad((*where, "name"), f"needs a name of its own in lowercase letters, digits and '-' (found {rname!r})",
                f"ต้องมีชื่อ (name) ที่ไม่ซ้ำ ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ '-' (พบ {rname!r})")
            continue
        names.append(rname)
        path = resource.get("path")
        if not isinstance(path, str) or not path.endswith(".csv") or not all(PATH_PART.fullmatch(p) for p in path.split("/")):
            bad((*where, "path"), "path must name a .csv file inside the data folder (no '..', no leading '/', no web address)",
                "path ต้องเป็นชื่อไฟล์ .csv ภายในโฟลเดอร์ข้อมูล (ห้ามมี '..' ห้ามขึ้นต้นด้วย '/' ห้ามเป็นที่อยู่เว็บ)")
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            bad((*where, "schema"), "needs a schema with a list of fields", "ต้องมี schema ที่มีรายการ fields")
            continue
        _check_fields((*where, "schema", "fields"), schema["fields"], bad)
    if ok:
        _check_keys(descriptor, bad)
        _check_site_tables(descriptor, bad)
    return ok


def _check_fields(where: tuple, fields: list, bad) -> None:
    seen = set()
    for number, spec in enumerate(fields, start=1):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not spec["name"] or spec["name"] in seen:
            bad((*where, number - 1), "each field needs a name of its own", "แต่ละ field ต้องมีชื่อ (name) ที่ไม่ซ้ำ")
            continue
        seen.add(spec["name"])
        at = (*where, number - 1)
        if spec.get("type", "string") not in FIELD_TYPES:
            bad((*at, "type"), f"type must be one of {', '.join(FIELD_TYPES)} (found {spec.get('type')!r})",
                f"type ต้องเป็นหนึ่งใน {', '.join(FIELD_TYPES)} (พบ {spec.get('type')!r})")
            continue  # its constraints cannot be judged without a type
        if spec.get("format", "default") not in ("default", "uri"):
            bad((*at, "format"), "format may only be uri", "format ใช้ได้เฉพาะ uri")
        constraints = spec.get("constraints", {})
        if not isinstance(constraints, dict):
            bad((*at, "constraints"), "constraints must be a set of 'key: value' lines", "constraints ต้องเขียนเป็นบรรทัด 'ชื่อ: ค่า'")
            continue
        kind = spec.get("type", "string")
        if "enum" in constraints and (kind != "string" or not isinstance(constraints["enum"], list)
                                      or not all(isinstance(v, str) for v in constraints["enum"])):
            bad((*at, "constraints", "enum"), "enum must be a list of texts, on a string field",
                "enum ต้องเป็นรายการข้อความ และใช้กับ field ชนิด string เท่านั้น")
        for bound in ("minimum", "maximum"):
            if bound in constraints and (kind not in ("integer", "number") or isinstance(constraints[bound], bool)
                                         or not isinstance(constraints[bound], (int, float))):
                bad((*at, "constraints", bound), f"{bound} must be a number, on a number or integer field",
                    f"{bound} ต้องเป็นตัวเลข และใช้กับ field ชนิด number หรือ integer เท่านั้น")
        if "pattern" in constraints:
            try:
                regex.compile(constraints["pattern"])
            except (regex.error, TypeError):
                bad((*at, "constraints", "pattern"), "pattern is not a valid regular expression", "pattern ไม่ใช่รูปแบบ (regular expression) ที่ถูกต้อง")


def _key_fields(value) -> list | None:
    fields = [value] if isinstance(value, str) else value
    return fields if isinstance(fields, list) and fields and all(isinstance(f, str) for f in fields) else None


def _check_keys(descriptor: dict, bad) -> None:
    fields_of = {r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in descriptor["resources"]}
    for number, resource in enumerate(descriptor["resources"]):
        where, schema, own = ("resources", number, "schema"), resource["schema"], fields_of[resource["name"]]
        if "primaryKey" in schema:
            key = _key_fields(schema["primaryKey"])
            if key is None or not set(key) <= own:
                bad((*where, "primaryKey"), "primaryKey must name fields of this table", "primaryKey ต้องเป็นชื่อ field ของตารางนี้")
        foreign_keys = schema.get("foreignKeys", [])
        if not isinstance(foreign_keys, list):
            bad((*where, "foreignKeys"), "foreignKeys must be a list", "foreignKeys ต้องเป็นรายการ")
            continue
        for index, foreign in enumerate(foreign_keys):
            reference = foreign.get("reference") if isinstance(foreign, dict) else None
            fields = _key_fields(foreign.get("fields")) if isinstance(foreign, dict) else None
            target = reference.get("resource") if isinstance(reference, dict) else None
            target_fields = _key_fields(reference.get("fields")) if isinstance(reference, dict) else None
            if (fields is None or target_fields is None or len(fields) != 1 or len(target_fields) != 1
                    or fields[0] not in own or target not in fields_of or target_fields[0] not in fields_of[target]):
                bad((*where, "foreignKeys", index), "each foreign key must link one field of this table to one field of another table",
                    "foreign key แต่ละรายการต้องเชื่อม field หนึ่งของตารางนี้กับ field หนึ่งของอีกตาราง")


def _check_site_tables(descriptor: dict, bad) -> None:
    """The tables and columns the site is made of are there, typed and linked as it reads them."""
    resources = {r["name"]: (n, r) for n, r in enumerate(descriptor["resources"])}
    for table in SITE_TABLES:
        if table not in resources:
            bad(("resources",), f"the table {table} is missing: the site is built from it",
                f"ไม่มีตาราง {table} ซึ่งเว็บไซต์ต้องใช้")
            continue
        number, resource = resources[table]
        schema = resource["schema"]
        position = {f["name"]: i for i, f in enumerate(schema["fields"])}
        fields = {f["name"]: f for f in schema["fields"]}
        links = {f["fields"][0] if isinstance(f["fields"], list) else f["fields"]: f["reference"]["resource"]
                 for f in schema.get("foreignKeys", [])}
        for name, kind, required, target in site_columns(table):
            spec = fields.get(name)
            where = ("resources", number, "schema", "fields", position[name]) if name in position else \
                ("resources", number, "schema", "fields")
            if spec is None:
                bad(where, f"the field {name} is missing: the site reads it", f"ไม่มี field {name} ซึ่งเว็บไซต์ต้องใช้")
            elif spec.get("type", "string") != ("string" if kind == "uri" else kind):
                bad(where, f"must have type {kind}", f"ต้องมี type เป็น {kind}")
            elif kind == "uri" and spec.get("format") != "uri":
                bad(where, "must keep 'format: uri': the site links to it, so only http(s) addresses may be written",
                    "ต้องคงไว้ 'format: uri' เพราะเว็บไซต์ลิงก์ไปยังที่อยู่นี้ จึงรับเฉพาะที่อยู่ http(s)")
            elif required and not spec.get("constraints", {}).get("required"):
                bad(where, "must keep 'required: true': the site needs it on every row",
                    "ต้องคงไว้ 'required: true' เพราะเว็บไซต์ต้องใช้ในทุกแถว")
            elif target and links.get(name) != target:
                bad(where, f"must keep its foreign key to {target}", f"ต้องคง foreign key ไปยัง {target}")
            elif name in site_enums(table) and spec.get("constraints", {}).get("enum") != site_enums(table)[name]:
                values = ", ".join(site_enums(table)[name])
                bad(where, f"must keep exactly the allowed values (enum) {values}: the site reads each of them",
                    f"ต้องคงค่าที่อนุญาต (enum) ไว้ตามนี้ทุกค่า: {values} เพราะเว็บไซต์อ่านแต่ละค่า")
        key = schema.get("primaryKey")
        if table in SITE_KEYS and ([key] if isinstance(key, str) else key) != SITE_KEYS[table]:
            bad(("resources", number, "schema", "primaryKey"), f"primaryKey must stay [{', '.join(SITE_KEYS[table])}]",
                f"primaryKey ต้องคงเป็น [{', '.join(SITE_KEYS[table])}]")


def _label(descriptor, place: tuple) -> str:
    """A place in the descriptor as a maintainer reads it: resource sources > field year > type."""
    words, node = [], descriptor
    for step in place:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(step, int):
            name = node.get("name") if isinstance(node, dict) else None
            words[-1] = f"{words[-1]} {name}" if isinstance(name, str) else f"{words[-1]} #{step + 1}"
        elif step not in ("schema", "fields", "constraints"):
            words.append({"resources": "resource", "foreignKeys": "foreign key"}.get(step, step))
        elif step == "fields":
            words.append("field")
    return " > ".join(words) or "datapackage"
