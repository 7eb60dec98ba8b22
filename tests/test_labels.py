"""Labels (labels/<language>.yml) and how numbers and years are written."""

from __future__ import annotations

import ast
import re
import string

import pytest
import yaml
from support import FIXTURES, ROOT, copy_package, site_area

from devplan.render import labels
from devplan.render.labels import display_year, format_number, year_label

LANGUAGE_FILES = sorted((ROOT / "labels").glob("*.yml"))
REFERENCE = yaml.safe_load((ROOT / "labels" / "en.yml").read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.name)
def test_every_language_has_every_label_with_the_same_placeholders(path):
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(texts["calendar"]) == set(REFERENCE["calendar"]) and len(texts["calendar"]["months"]) == 12
    assert sorted(set(REFERENCE["labels"]) - set(texts["labels"])) == [], "keys missing in " + path.name
    assert sorted(set(texts["labels"]) - set(REFERENCE["labels"])) == [], "keys only in " + path.name
    assert [k for k, v in texts["labels"].items() if not isinstance(v, str) or not v.strip()] == []
    assert [k for k, v in texts["labels"].items() if placeholders(v) != placeholders(REFERENCE["labels"][k])] == []


def test_thai_labels_are_thai():
    # No English leftovers on Thai pages: each Thai label has Thai letters.
    thai = yaml.safe_load((ROOT / "labels" / "th.yml").read_text(encoding="utf-8"))["labels"]
    assert [k for k, v in thai.items() if not re.search("[\u0e00-\u0e7f]", v)] == []


def test_every_label_is_used_in_code_or_templates():
    """A key is used when the code or a template names it, builds it from a prefix
    ('status_' ~ status), or takes it from the data (an enum value such as 'higher')."""
    package = ROOT / "hooks" / "devplan"
    words, prefixes = set(), set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(node.values[0].value)  # f"status_{status}"
    for path in package.rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        words |= set(re.findall(r"'([^'\n]*)'", text)) | set(re.findall(r'"([^"\n]*)"', text))
        prefixes |= set(re.findall(r"'([a-z_]+_)'\s*~", text))  # 'trend_' ~ status
    descriptor = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
    enums = {v for r in descriptor["resources"] for f in r["schema"]["fields"]
             for v in f.get("constraints", {}).get("enum", [])}
    pages = {w[:-3] for w in words if w.endswith(".md")}  # the hand-written pages' menu entries
    unused = [k for k in REFERENCE["labels"]
              if k not in words | enums | pages and not any(k.startswith(p) for p in prefixes if p)]
    assert unused == [], "labels no code or template uses: delete them from every labels/*.yml"


def test_years():
    assert display_year(2025, "th") == "2568"
    assert display_year(2025, "en") == "2025"
    assert year_label(2025, "th") == "พ.ศ. 2568"
    assert year_label(2025, "th", "fiscal") == "ปีงบประมาณ พ.ศ. 2568"
    assert year_label(2025, "en", "fiscal") == "FY 2025"


def test_numbers():
    assert format_number(1234567.891, 1) == "1,234,567.9"
    assert format_number(11955249, 0) == "11,955,249"
    assert format_number(-1500.5, 2) == "-1,500.50"
    assert format_number(0.04, 1) == "0.0"
    assert format_number(None) == ""


@pytest.fixture
def third_language(tmp_path, monkeypatch):
    """A fixture language 'xx': English labels marked so that each can be recognised."""
    folder = tmp_path / "labels"
    folder.mkdir()
    for path in LANGUAGE_FILES:
        (folder / path.name).write_bytes(path.read_bytes())
    xx = yaml.safe_load((ROOT / "labels" / "en.yml").read_text(encoding="utf-8"))
    xx["calendar"].update(era_offset=10, year="Y{year}", fiscal_year="FY-X {year}")
    xx["labels"] = {k: "ẋ" + v for k, v in xx["labels"].items()}
    (folder / "xx.yml").write_text(yaml.safe_dump(xx, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(labels, "LABELS_DIR", folder)
    labels.language.cache_clear()
    yield "xx"
    labels.language.cache_clear()


def test_a_third_language_is_one_labels_file(third_language, tmp_path):
    """Every page, embed page, the menu and the footer render in a language that is only
    a labels file: its labels and its calendar, the data's text in English."""
    from devplan.publish.site import embed_pages, footer, generated_pages, load_model, navigation, page_writer, settings_from

    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    model = load_model(package, site_area())
    settings = settings_from("Site", {"devplan": {"languages": ["th", "en", "xx"], "publisher": {"xx": "Publisher"}}}, "", model)
    writer = page_writer(model, "xx", settings)
    pages = {path: write() for path, write in generated_pages(writer, package).items()}
    pages.update(embed_pages(writer))
    assert "ẋ" + labels.label("all_indicators", "en") in str(navigation(model, "xx"))
    assert footer(model, "xx", settings, package, "")["licence_label"].startswith("ẋ")
    home = pages["index.md"]
    assert "ẋ" + labels.label("status_at_a_glance", "en") in home
    indicator = next(i for i in model.indicators.values() if i.latest)
    page = pages[f"indicators/{indicator.indicator_id}.md"]
    assert indicator.name_en in page  # the data's text, in English
    assert f"Y{indicator.latest.year + 10}" in page  # the language's own calendar
