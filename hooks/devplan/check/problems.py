"""What the checks speak in: a `Problem` (file, row, column, English and Thai) and the
`Package` they fill (the descriptor, each table's typed rows and every problem found)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DESCRIPTOR_NAME = "datapackage.yaml"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, where a maintainer can find it."""

    file: str
    row: int | None
    column: str | None
    code: str
    message_en: str
    message_th: str

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
