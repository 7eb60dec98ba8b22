"""What the checks speak in: a `Problem` (file, row, column, English and Thai) and the
`Package` they fill (the descriptor, each table's typed rows and every problem found)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DESCRIPTOR_NAME = "datapackage.yaml"
# What a message never prints as it is, because it would break the message's one line or
# change how a terminal shows it: control characters and line breaks (a cell can hold a line
# break), the direction overrides and isolates, and noncharacters.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Text with what cannot be printed on one line written as an escape: 'a\\nb', '\\u202e'."""
    return UNPRINTABLE.sub(lambda m: ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, where a maintainer can find it."""

    file: str
    row: int | None
    column: str | None
    code: str
    message_en: str
    message_th: str

    def __post_init__(self):
        # Messages quote cells and column names, which may hold anything: one line each, always.
        for name in ("file", "column", "message_en", "message_th"):
            value = getattr(self, name)
            if isinstance(value, str) and UNPRINTABLE.search(value):
                object.__setattr__(self, name, printable(value))

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
            if self.column:
                parts.append(self.column)
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message_en} / {self.message_th}"


@dataclass
class Package:
    """The descriptor, each table's typed rows and every problem found reading them."""

    descriptor: dict
    base: Path
    tables: dict[str, list[dict]] = field(default_factory=dict)
    row_numbers: dict[str, list[int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def find_descriptor(path: str | Path) -> Path:
    """The descriptor file for a package folder, or the path itself if it is one."""
    path = Path(path)
    return path / DESCRIPTOR_NAME if path.is_dir() else path


def display_path(path: Path) -> str:
    """A path relative to the current folder when possible, as a maintainer would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def resource_file(package: Package, name: str) -> str:
    """The CSV of a resource as the validator shows it."""
    for resource in package.descriptor.get("resources", []):
        if resource["name"] == name:
            return display_path(package.base / resource["path"])
    raise KeyError(name)
