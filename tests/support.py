"""Shared test helpers: paths, a tiny package with invented numbers, hostile data."""

from __future__ import annotations

import csv
import functools
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
FIXTURES = Path(__file__).parent / "fixtures"


def rows(name: str) -> list[dict]:
    """A table of the real package (data/NAME.csv), a dict per row, as csv.DictReader reads it."""
    with open(ROOT / "data" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def page(site: Path, lang: str, url: str):
    """A built page parsed as a reader's browser would read it."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "lxml")


def copy_package(source: Path, target: Path) -> Path:
    """A package folder from fixture CSVs plus the real schema (data/datapackage.yaml)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("README.md"))
    shutil.copy(ROOT / "data" / "datapackage.yaml", target / "datapackage.yaml")
    return target


HOSTILE = {
    # file: (old text, new cells): data that would run script or become markup if unescaped
    "indicator title": ("indicators.csv", "จำนวนนักท่องเที่ยว,Visitors",
                        ('<img src=x onerror="window.__xss=2">', "</title><script>window.__xss=1</script>")),
    "goal title": ("goals.csv", "การท่องเที่ยว,Tourism",
                   ("[คลิก](javascript:window.__xss=3)", "[click](javascript:window.__xss=3)")),
    "strategy title": ("strategies.csv", "เศรษฐกิจ,Economy",
                       ("{{ config.site_name }}", 'Economy { onclick="window.__xss=4" }')),
    "unit": ("indicators.csv", "คน,people", ("<b>คน</b>", "<i>people</i>")),
    "source title": ("sources.csv", "แหล่งข้อมูลทดสอบ (ตัวเลขสมมติ),Test source (invented figures)",
                     ('"><script>window.__xss=5</script>', '"><script>window.__xss=5</script>')),
    "note": ("observations.csv", "ตัวเลขเบื้องต้น,Preliminary figure",
             ('=HYPERLINK("http://evil.example/x")', '=HYPERLINK("http://evil.example/x")')),
    "project": ("projects.csv", "โครงการทดสอบหนึ่ง,Test project one", ("@SUM(1+1)", "=1+1")),
    "negative number": ("observations.csv", "pm25,2022,30.5", ("pm25", "2022", "-30.5")),
    "agency": ("projects.csv", "หน่วยงาน ก,Agency A", ("-2+3", "+cmd|' /C calc'!A0")),
    "link basis": ("strategy_goals.csv", "ข้อความเชื่อมโยงทดสอบ (สมมติ),Test link basis (invented)",
                   ('<img src=x onerror="window.__xss=6">', '<img src=x onerror="window.__xss=6">')),
    # a province's name reaches the rank sentence, the areas table, the map's titles and the
    # comparison chart's legend and hover text, drawn in the browser from compare.json
    "area name": ("areas.csv", "ลำพูน,Lamphun", ('<img src=x onerror="window.__xss=7">', '<b onmouseover="window.__xss=8">Lamphun</b>')),
}


def hostile_package(target: Path) -> Path:
    """The tiny package with hostile texts in place of ordinary ones (see HOSTILE)."""
    package = copy_package(FIXTURES / "tiny", target)
    for file, old, cells in HOSTILE.values():
        path = package / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        quoted = io.StringIO()
        csv.writer(quoted, lineterminator="").writerow(cells)
        path.write_text(text.replace(old, quoted.getvalue(), 1), encoding="utf-8")
    return package


@functools.lru_cache(maxsize=1)  # called per row by some tests: mkdocs.yml is read once
def site_area() -> str:
    """The own area mkdocs.yml configures (extra.devplan.area), as a build would use it."""
    import yaml

    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["devplan"]["area"]
