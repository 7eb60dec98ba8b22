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


# A file with 100,000 duplicate rows would print 100,000 lines nobody reads: after this many
# problems of one kind in one file, one line says how many more there are.
SHOWN_PER_KIND = 20


def listing(problems: list[Problem], style: str = "text", shown: int = SHOWN_PER_KIND) -> list[str]:
    """The problems to print, one per line: at most `shown` of each code in each file, the
    last of them followed by a line that counts the rest."""
    counts: dict[tuple[str, str], int] = {}
    for problem in problems:
        counts[problem.file, problem.code] = counts.get((problem.file, problem.code), 0) + 1
    lines, seen = [], dict.fromkeys(counts, 0)
    for problem in problems:
        kind = (problem.file, problem.code)
        seen[kind] += 1
        if seen[kind] <= shown:
            lines.append(format_problem(problem, style))
        if seen[kind] == shown and counts[kind] > shown:
            more = counts[kind] - shown
            lines.append(f"{problem.file}: ... {more:,} more '{problem.code}' problem{'s' if more != 1 else ''} "
                         f"in this file, not listed "
                         f"/ ... และปัญหา '{problem.code}' อีก {more:,} รายการในไฟล์นี้ที่ไม่ได้แสดง")
    return lines


def summary(package: Package) -> str:
    tables = package.tables
    rows = sum(len(rows) for rows in tables.values())
    return (f"OK: {len(tables)} tables, {rows} rows, {len(tables.get('indicators', []))} indicators, "
            f"{len(tables.get('observations', []))} observations / ข้อมูลถูกต้อง")


def failure_summary(package: Package) -> str:
    count = len(package.problems)
    return (f"{count} problem{'s' if count != 1 else ''} found: nothing was published. "
            f"/ พบปัญหา {count} รายการ: ยังไม่มีการเผยแพร่")
