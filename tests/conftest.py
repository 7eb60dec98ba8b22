"""Shared fixtures: a tiny package (invented numbers) and one built copy of the real site."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
FIXTURES = Path(__file__).parent / "fixtures"


def copy_package(source: Path, target: Path) -> Path:
    """A package folder from fixture CSVs plus the real schema (data/datapackage.yaml)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("README.md"))
    shutil.copy(ROOT / "data" / "datapackage.yaml", target / "datapackage.yaml")
    return target


@pytest.fixture
def tiny(tmp_path) -> Path:
    return copy_package(FIXTURES / "tiny", tmp_path / "pkg")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real data built once, the way a user builds it (scripts/build.py)."""
    import build

    site = tmp_path_factory.mktemp("site")
    assert build.main(["--site-dir", str(site)]) == 0
    return site
