"""Fixtures shared by every test: tiny packages and the built site (real and hostile data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, copy_package, hostile_package


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


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    import build

    package = hostile_package(tmp_path_factory.mktemp("hostile") / "pkg")
    site = tmp_path_factory.mktemp("hostile-site")
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    return site


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory) -> Path:
    """The tiny fixture package (invented numbers, with projects and targets) built."""
    import build

    package = copy_package(FIXTURES / "tiny", tmp_path_factory.mktemp("tiny") / "pkg")
    site = tmp_path_factory.mktemp("tiny-site")
    assert build.main(["--site-dir", str(site), "--data", str(package)]) == 0
    return site
