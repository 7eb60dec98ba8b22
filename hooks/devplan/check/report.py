"""Print validation problems for people (one per line) or for GitHub Actions annotations."""

from __future__ import annotations

from .tables import Package, Problem


def _escape_annotation(text: str, *, property: bool = False) -> str:
    # GitHub's workflow-command escaping: % CR LF always; ':' and ',' inside properties.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def format_problem(problem: Problem, style: str = "text") -> str:
    if style == "github":
        props = [f"file={_escape_annotation(problem.file, property=True)}"]
        if problem.row is not None:
            props.append(f"line={problem.row}")
        title = f"{problem.column or problem.code}"
        props.append(f"title={_escape_annotation(title, property=True)}")
        message = f"{problem.message_en} / {problem.message_th}"
        return f"::error {','.join(props)}::{_escape_annotation(message)}"
    return str(problem)


def summary(package: Package) -> str:
    tables = package.tables
    rows = sum(len(rows) for rows in tables.values())
    return (f"OK: {len(tables)} tables, {rows} rows, {len(tables.get('indicators', []))} indicators, "
            f"{len(tables.get('observations', []))} observations / ข้อมูลถูกต้อง")


def failure_summary(package: Package) -> str:
    count = len(package.problems)
    return (f"{count} problem{'s' if count != 1 else ''} found: nothing was published. "
            f"/ พบปัญหา {count} รายการ: ยังไม่มีการเผยแพร่")
