"""What an import says, in Thai then English: in a terminal, and as the pull request's comment.

`summary` turns a Result into plain data (it is kept between the workflow's steps as JSON);
`text` and `comment` word it. The comment is Markdown that GitHub renders: every text that
came from the data or the upload is escaped, so a cell cannot add links, markup or mentions.
"""

from __future__ import annotations

from ..render.labels import label
from .convert import Result
from .whatchanged import lines

LANGUAGES = ("th", "en")
SHOWN_PROBLEMS = 100  # a comment holds at most 65,536 characters
MARKDOWN = set("\\`*_{}[]()+-.!|~")
SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "@\u2060", "#": "#\u2060"}


def summary(result: Result, upload: str) -> dict:
    """The import's outcome as plain data: what changed and every problem, in both languages."""
    return {
        "upload": upload, "ok": result.ok, "written": result.written, "stale": result.stale,
        "files": sorted(result.changed),
        "changes": {lang: lines(result.changes, result.indicators, lang) if result.changes else [] for lang in LANGUAGES},
        "problems": [{"place": {lang: p.place(lang) for lang in LANGUAGES}, "csv": p.csv_place() if p.sheet else None,
                      "code": p.code, "message": {lang: p.message(lang) for lang in LANGUAGES}} for p in result.problems],
    }


def outcome(data: dict, checks: str | None = None, commit: str | None = None) -> str:
    """Which sentence opens the answer: refused, unchanged, checked and committed, or not."""
    if not data["ok"]:
        return "refused"
    if not data["files"]:
        return "unchanged"
    if checks is None:
        return "valid"
    if checks != "success":
        return "checks_failed"
    return "committed" if commit else "not_committed"


def text(data: dict) -> str:
    """For a terminal: the outcome, what changed and each problem, Thai then English."""
    out = []
    for lang in LANGUAGES:
        out.append(label(f"import_{outcome(data)}", lang, file=data["upload"], commit=""))
        if data["stale"]:
            out.append(label("import_stale", lang))
        out += [f"  - {line}" for line in data["changes"][lang]]
        for problem in data["problems"]:
            where = problem["place"][lang] + (f" ({problem['csv']})" if problem["csv"] else "")
            out.append(f"  - {where}: {problem['message'][lang]}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def escape(value: str) -> str:
    """Text from the data or the upload, shown as written in GitHub's Markdown: HTML's
    characters as entities, Markdown's escaped, and an invisible word joiner after @ and #
    so that no cell mentions a person or links an issue."""
    return "".join(SPECIAL.get(c) or (f"\\{c}" if c in MARKDOWN else c) for c in " ".join(value.split()))


def comment(data: dict, checks: str | None, commit: str | None) -> str:
    """The pull request's comment: Thai, then English."""
    state = outcome(data, checks, commit)
    short = (commit or "")[:7]
    out = []
    for lang in LANGUAGES:
        out += [f"### {label('import_title', lang)}", "",
                label(f"import_{state}", lang, file=escape(data["upload"]), commit=short), ""]
        if data["stale"]:
            out += [f"> {label('import_stale', lang)}", ""]
        if data["changes"][lang]:
            out += [f"**{label('import_changes', lang)}**", ""]
            out += [f"- {escape(line)}" for line in data["changes"][lang]] + [""]
        if data["problems"]:
            count = len(data["problems"])
            out += [f"**{label('import_problems', lang, n=count)}**", ""]
            for problem in data["problems"][:SHOWN_PROBLEMS]:
                where = f"**{escape(problem['place'][lang])}**" + (f" ({escape(problem['csv'])})" if problem["csv"] else "")
                out.append(f"- {where}: {escape(problem['message'][lang])}")
            if count > SHOWN_PROBLEMS:
                out.append(f"- {label('import_more', lang, n=count - SHOWN_PROBLEMS)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
