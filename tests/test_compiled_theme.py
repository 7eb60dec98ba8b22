"""The theme's templates are compiled once before a build's jobs fork (render.pages.compile_theme):
a language's environment then loads every template a page uses without compiling it, and a
template edited since is compiled again."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.render import pages  # noqa: E402


def test_a_page_uses_only_templates_compiled_before(monkeypatch, tmp_path):
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "main.html").write_text('{% extends "base.html" %}{% block body %}main{% endblock %}')
    (theme / "base.html").write_text('<p>{% block body %}{% endblock %}</p>{% include "partials/footer.html" %}'
                                     '{% import "partials/macros.html" as m %}{{ m.hello() }}')
    (theme / "partials" / "footer.html").write_text("<footer>{{ year }}</footer>")
    (theme / "partials" / "macros.html").write_text("{% macro hello() %}hello{% endmacro %}")
    cache = pages._CompiledOnce()
    monkeypatch.setattr(pages, "COMPILED", cache)

    pages.compile_theme(jinja2.Environment(loader=jinja2.FileSystemLoader(theme)), pages=("main.html",))
    assert len(cache.code) == 4  # main, the one it extends, what that includes and imports

    job = jinja2.Environment(loader=jinja2.FileSystemLoader(theme), bytecode_cache=cache)
    compiled = []
    monkeypatch.setattr(job, "compile", lambda *a, **k: compiled.append(a) or jinja2.Environment.compile(job, *a, **k))
    assert job.get_template("main.html").render(year=2568) == "<p>main</p><footer>2568</footer>hello"
    assert compiled == []

    (theme / "partials" / "footer.html").write_text("<footer>edited {{ year }}</footer>")
    fresh = jinja2.Environment(loader=jinja2.FileSystemLoader(theme), bytecode_cache=cache)
    assert fresh.get_template("main.html").render(year=2568) == "<p>main</p><footer>edited 2568</footer>hello"


def test_the_real_theme_is_compiled_from_its_pages(monkeypatch):
    import properdocs.replacement  # noqa: F401  (Material imports mkdocs.*)
    from properdocs.config import load_config

    cache = pages._CompiledOnce()
    monkeypatch.setattr(pages, "COMPILED", cache)
    pages.compile_theme(load_config(str(ROOT / "mkdocs.yml")).theme.get_env())
    assert len(cache.code) >= 30  # Material's page and its partials, and overrides/ (46 when written)


def test_a_template_the_engine_cannot_compile_is_left_to_it(monkeypatch, tmp_path):
    (tmp_path / "main.html").write_text("{{ x | a_filter_a_plugin_adds }}{% include 'other.html' %}")
    cache = pages._CompiledOnce()
    monkeypatch.setattr(pages, "COMPILED", cache)
    pages.compile_theme(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path)), pages=("main.html", "gone.html"))
    assert cache.code == {}  # and nothing raised
