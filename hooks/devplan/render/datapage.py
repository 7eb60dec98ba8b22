"""What the Data page lists: every download with its size, and the data dictionary from
the Table Schemas, in the page's language."""

from __future__ import annotations

from ..addresses import ALL_JSON, DESCRIPTOR_JSON, excel_path, zip_name
from .labels import label


def package_files(sizes: dict[str, int], descriptor: dict, lang: str) -> list[dict]:
    """The whole-package files ({name: size in bytes}), each with its Excel-ready copy where there is one."""
    archive = zip_name(descriptor)
    described = {DESCRIPTOR_JSON: ("descriptor", "JSON"), ALL_JSON: ("json_all", "JSON"), archive: ("zip_all", "ZIP")}
    resources = {r["path"]: r for r in descriptor["resources"]}
    files = []
    for name in [archive, DESCRIPTOR_JSON, ALL_JSON, *resources]:
        key, kind = described.get(name, (None, "CSV (UTF-8)"))
        excel = excel_path(name) if name in resources else None
        files.append({"name": name, "format": kind, "size": size(sizes[name]),
                      "description": label(key, lang) if key else resource_title(resources[name], lang),
                      "excel": excel, "excel_size": size(sizes[excel]) if excel else None})
    return files


def resource_title(resource: dict, lang: str) -> str:
    return resource.get(f"title_{lang}") or resource.get("title", "")


def size(length: int) -> str:
    return f"{length / 1024:,.1f} KB" if length < 1024 * 1024 else f"{length / 1024 / 1024:,.1f} MB"


def dictionary(descriptor: dict, lang: str) -> list[dict]:
    """Each table's fields with type, constraints and description, from the Table Schemas."""
    tables = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        fields = []
        for field in schema["fields"]:
            c = field.get("constraints", {})
            words = []
            if c.get("required"):
                words.append(label("required", lang))
            if "enum" in c:
                words.append(label("allowed", lang) + " " + ", ".join(c["enum"]))
            for bound in ("minimum", "maximum"):
                if bound in c:
                    words.append(f"{label(bound, lang)} {c[bound]}")
            if "pattern" in c:
                words.append(f"{label('pattern', lang)} {c['pattern']}")
            description = field.get(f"description_{lang}") or field.get("description")
            kind = field.get("type", "string")
            fields.append({"name": field["name"], "type": label(f"type_{kind}", lang), "constraints": "; ".join(words),
                           "description": description or field.get("description", "")})
        key = schema.get("primaryKey", [])
        tables.append({"name": resource["name"], "path": resource["path"], "title": resource_title(resource, lang),
                       "fields": fields, "key": " + ".join(key if isinstance(key, list) else [key]),
                       "foreign": [(", ".join(fk["fields"]), f"{fk['reference']['resource']}.{', '.join(fk['reference']['fields'])}")
                                   for fk in schema.get("foreignKeys", [])]})
    return tables
