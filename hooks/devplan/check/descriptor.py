"""The package description (datapackage.yaml) checked before any table is read, and the
one way the validator and the writers reach a file of the package.

A descriptor that is not what the site is built from gets located, plain problems instead
of a traceback later, so everything after this can trust the descriptor's shape. Files are
read only when they are regular files inside the package folder, reached without symbolic
links: a link or `../` could otherwise publish any file of the machine (say
/proc/self/environ), and a device or a FIFO would be read forever.
"""

from __future__ import annotations

import math
import re
import stat
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from ..addresses import GENERATED, generated, site_xlsx_name, zip_name
from .cells import URI
from .sitetables import check_site_tables

# Frictionless' name pattern, without "/" (a package name also names the zip download).
NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
# One part of a relative path inside the package: no "..", no hidden files, no URL, no drive.
PATH_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
FIELD_TYPES = ("string", "integer", "number", "date")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe loader, ten times faster in C
TEXTS = ("title", "title_th", "title_en", "description", "description_th", "description_en")  # shown on the Data page


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
    elif {zip_name(descriptor), site_xlsx_name(descriptor)} & set(GENERATED):
        bad(("name",), f"the name '{name}' would give the package's downloads the name of a file the site makes "
            f"({', '.join(GENERATED)}): choose another",
            f"ชื่อ '{name}' จะทำให้ไฟล์ดาวน์โหลดของชุดข้อมูลชื่อซ้ำกับไฟล์ที่เว็บไซต์สร้างขึ้นเอง "
            f"({', '.join(GENERATED)}) กรุณาใช้ชื่ออื่น")
    _check_licences(descriptor.get("licenses", []), bad)
    _check_texts((), descriptor, bad)
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
        _check_texts(where, resource, bad)
        path = resource.get("path")
        if not isinstance(path, str) or not path.endswith(".csv") or not all(PATH_PART.fullmatch(p) for p in path.split("/")):
            bad((*where, "path"), "path must name a .csv file inside the data folder (no '..', no leading '/', no web address)",
                "path ต้องเป็นชื่อไฟล์ .csv ภายในโฟลเดอร์ข้อมูล (ห้ามมี '..' ห้ามขึ้นต้นด้วย '/' ห้ามเป็นที่อยู่เว็บ)")
        elif generated(path):
            bad((*where, "path"), f"'{path}' is where the site writes a download of its own (latest-values.csv, "
                "excel/, indicators/): name the table's file otherwise",
                f"'{path}' เป็นที่ที่เว็บไซต์เขียนไฟล์ดาวน์โหลดของตัวเอง (latest-values.csv, excel/, indicators/) "
                "กรุณาตั้งชื่อไฟล์ของตารางเป็นอย่างอื่น")
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            bad((*where, "schema"), "needs a schema with a list of fields", "ต้องมี schema ที่มีรายการ fields")
            continue
        _check_fields((*where, "schema", "fields"), schema["fields"], bad)
    if ok and _check_keys(descriptor, bad):
        check_site_tables(descriptor, bad)
    return ok


def _check_licences(licenses, bad) -> None:
    """Each licence has a name (shown in the footer) or a path, and a path is a web address
    (the footer of every page links it: a javascript: address would run on a click)."""
    if not isinstance(licenses, list):
        bad(("licenses",), "licenses must be a list of entries, each with a name or a path",
            "licenses ต้องเป็นรายการ แต่ละรายการมี name หรือ path")
        return
    for number, item in enumerate(licenses):
        where = ("licenses", number)
        if not isinstance(item, dict) or not ({"name", "path"} & set(item)):
            bad(where, "each licence needs a name or a path", "แต่ละรายการใน licenses ต้องมี name หรือ path")
            continue
        if "name" in item and not isinstance(item["name"], str):
            bad((*where, "name"), "a licence's name must be text", "name ของ licenses ต้องเป็นข้อความ")
        if "path" in item and not (isinstance(item["path"], str) and URI.fullmatch(item["path"])):
            bad((*where, "path"), "a licence's path must be a web address starting with https://",
                "path ของ licenses ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://")
        _check_texts(where, item, bad)


def _check_texts(where: tuple, node: dict, bad) -> None:
    for key in TEXTS:
        if key in node and not isinstance(node[key], str):
            bad((*where, key), "must be text", "ต้องเป็นข้อความ")


def _check_fields(where: tuple, fields: list, bad) -> None:
    seen = set()
    for number, spec in enumerate(fields, start=1):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not spec["name"] or spec["name"] in seen:
            bad((*where, number - 1), "each field needs a name of its own", "แต่ละ field ต้องมีชื่อ (name) ที่ไม่ซ้ำ")
            continue
        seen.add(spec["name"])
        at = (*where, number - 1)
        _check_texts(at, spec, bad)
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
                                         or not isinstance(constraints[bound], (int, float))
                                         or not math.isfinite(constraints[bound])):
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


def _check_keys(descriptor: dict, bad) -> bool:
    """Every key names fields of its table, and every foreign key one field of a table that
    exists; True when all do."""
    ok = True

    def wrong(place, en, th):
        nonlocal ok
        ok = False
        bad(place, en, th)

    fields_of = {r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in descriptor["resources"]}
    for number, resource in enumerate(descriptor["resources"]):
        where, schema, own = ("resources", number, "schema"), resource["schema"], fields_of[resource["name"]]
        if "primaryKey" in schema:
            key = _key_fields(schema["primaryKey"])
            if key is None or not set(key) <= own:
                wrong((*where, "primaryKey"), "primaryKey must name fields of this table",
                      "primaryKey ต้องเป็นชื่อ field ของตารางนี้")
        foreign_keys = schema.get("foreignKeys", [])
        if not isinstance(foreign_keys, list):
            wrong((*where, "foreignKeys"), "foreignKeys must be a list", "foreignKeys ต้องเป็นรายการ")
            continue
        for index, foreign in enumerate(foreign_keys):
            reference = foreign.get("reference") if isinstance(foreign, dict) else None
            fields = _key_fields(foreign.get("fields")) if isinstance(foreign, dict) else None
            target = reference.get("resource") if isinstance(reference, dict) else None
            target_fields = _key_fields(reference.get("fields")) if isinstance(reference, dict) else None
            if (fields is None or target_fields is None or len(fields) != 1 or len(target_fields) != 1
                    or fields[0] not in own or not isinstance(target, str) or target not in fields_of
                    or target_fields[0] not in fields_of[target]):
                wrong((*where, "foreignKeys", index),
                      "each foreign key must link one field of this table to one field of another table",
                      "foreign key แต่ละรายการต้องเชื่อม field หนึ่งของตารางนี้กับ field หนึ่งของอีกตาราง")
    return ok


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
