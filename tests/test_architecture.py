"""The generator's folders follow the flow of a datum (check -> model -> render -> publish
-> edit): a module imports only from its own stage and the stages before it, no import
circle exists, and nothing in the generator imports the site engine (MkDocs)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "devplan"
STAGES = ["check", "model", "render", "publish", "edit"]  # in the order a datum flows


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every devplan module this file imports, at the top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names} & MODULES
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: package.count(".") + 2 - node.level] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:  # `from . import charts` names a module; `from .charts import x` its module
                found |= {f"{target}.{alias.name}"} & MODULES or {target} & MODULES
    found.discard(name)
    return found


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_every_module_lives_in_a_stage_folder():
    loose = sorted(m for m in MODULES if stage(m) is None and m not in {"devplan", "devplan.addresses"})
    assert loose == [], "put each module in the stage it belongs to: " + ", ".join(loose)


def test_every_stage_says_what_it_does():
    for name in STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 25, f"{name}/__init__.py needs a paragraph saying what the stage does"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_runs_against_the_flow(module):
    backwards = [t for t in GRAPH[module]
                 if stage(module) is not None and stage(t) is not None and stage(t) > stage(module)]
    assert backwards == [], f"{module} imports a later stage: {backwards}"


def test_no_import_circle():
    done, path = set(), []

    def visit(module):
        if module in path:
            cycle = path[path.index(module):] + [module]
            pytest.fail("import circle: " + " -> ".join(cycle))
        if module in done:
            return
        path.append(module)
        for target in sorted(GRAPH[module]):
            visit(target)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


def test_the_generator_never_imports_the_site_engine():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level]
        assert not [n for n in names if n.split(".")[0] in {"mkdocs", "material", "properdocs"}], path
