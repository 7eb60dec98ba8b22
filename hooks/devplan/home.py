"""What the home page picks out: key facts per area and doors by topic.

Key facts follow a rule, so nothing is hard-coded and any province's data gets them: for
each area (strategy) of the five-year development plan, each goal in order offers its
indicator with the most recent value (the first row of indicators.csv breaks a tie), up to
KEY_FACTS_PER_AREA. Topic doors come from `topics.csv` beside the data package, kept by
maintainers: one row per topic, its titles and the ids of its indicators. A wrong id stops
the build with the file, row and column, in English and Thai, like every data problem.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .labels import format_number, label, year_label
from .model import Indicator, PlanModel, Strategy
from .descriptor import unsafe_reason
from .validate import Problem, display_path

KEY_FACTS_PER_AREA = 3
TOPICS_FILE = "topics.csv"
TOPIC_COLUMNS = ("topic_id", "title_th", "title_en", "indicators")


@dataclass(frozen=True)
class Topic:
    topic_id: str
    title_th: str
    title_en: str
    indicators: tuple[Indicator, ...]


def change_words(indicator: Indicator, lang: str) -> str:
    """'+481,206 (+4.2%) from 2024': the latest value against the previous comparable one
    (the trend's: same series and coverage), or '' when there is none."""
    trend = indicator.trend
    if not trend or not trend.earlier or not trend.latest:
        return ""
    amount = trend.latest[1] - trend.earlier[1]
    text = ("+" if amount > 0 else "") + format_number(amount, indicator.decimals)
    if trend.change is not None:
        text += f" ({trend.change * 100:+.1f}%)"
    return label("change_from", lang, change=text, year=year_label(trend.earlier[0], lang, indicator.year_type))


def key_facts(areas: list[Strategy]) -> list[tuple[Strategy, list[Indicator]]]:
    """Per area that has any, the indicators the home page shows (see the module's rule)."""
    facts = []
    for area in areas:
        chosen = []
        for goal in area.goals:
            measured = [i for i in goal.indicators if i.latest]
            if measured:
                chosen.append(max(measured, key=lambda i: i.latest.year))  # max keeps the first of equals
        if chosen:
            facts.append((area, chosen[:KEY_FACTS_PER_AREA]))
    return facts


def topic_problems(base: Path, indicator_ids: set[str]) -> list[Problem]:
    """Every problem of topics.csv (none when the package has no such file)."""
    return _read(base, indicator_ids)[1]


def read_topics(base: Path, model: PlanModel) -> list[Topic]:
    """The topics of a checked package, in file order."""
    rows, _ = _read(base, set(model.indicators))
    return [Topic(r["topic_id"], r["title_th"], r["title_en"], tuple(model.indicators[i] for i in r["indicators"]))
            for r in rows]


def _read(base: Path, indicator_ids: set[str]) -> tuple[list[dict], list[Problem]]:
    path = Path(base) / TOPICS_FILE
    if not path.exists() and not path.is_symlink():
        return [], []
    shown = display_path(path)
    # The same rule as every table: only an ordinary file inside the package, never a link.
    unsafe = unsafe_reason(Path(base), TOPICS_FILE)
    if unsafe:
        return [], [Problem(shown, None, None, "unsafe-file", *unsafe)]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(shown, None, None, "not-utf8",
                            "the file is not UTF-8: save it as 'CSV UTF-8 (Comma delimited)' and commit again",
                            "ไฟล์ไม่ได้เข้ารหัส UTF-8 กรุณาบันทึกเป็น 'CSV UTF-8 (Comma delimited)' แล้ว commit ใหม่")]
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in TOPIC_COLUMNS if c not in (reader.fieldnames or [])]
    for column in missing:
        problems.append(Problem(shown, 1, column, "missing-column", f"column '{column}' is missing: add it to the header row",
                                f"ไม่มีคอลัมน์ '{column}': กรุณาเพิ่มในแถวหัวตาราง"))
    if missing:
        return [], problems
    rows, seen = [], set()
    for number, raw in enumerate(reader, start=2):
        row = {c: (raw[c] or "").strip() for c in TOPIC_COLUMNS}
        row["indicators"] = row["indicators"].split()
        for column, language in (("title_th", ("Thai", "ไทย")), ("title_en", ("English", "อังกฤษ"))):
            if not row[column]:
                problems.append(Problem(shown, number, column, "missing-text",
                                        f"{language[0]} text is missing: every text a reader sees needs Thai and English",
                                        f"ไม่มีข้อความภาษา{language[1]}: ทุกข้อความที่ผู้อ่านเห็นต้องมีทั้งภาษาไทยและภาษาอังกฤษ"))
        if row["topic_id"] in seen:
            problems.append(Problem(shown, number, "topic_id", "duplicate-key",
                                    f"'{row['topic_id']}' appears twice: each topic_id must be unique",
                                    f"'{row['topic_id']}' ซ้ำกัน: topic_id ต้องไม่ซ้ำกัน"))
        seen.add(row["topic_id"])
        if not row["indicators"]:
            problems.append(Problem(shown, number, "indicators", "missing-value",
                                    "'indicators' must not be empty: list indicator ids separated by spaces",
                                    "ช่อง 'indicators' ต้องไม่ว่าง: ใส่รหัสตัวชี้วัด คั่นด้วยเว้นวรรค"))
        for unknown in [i for i in row["indicators"] if i not in indicator_ids]:
            problems.append(Problem(shown, number, "indicators", "unknown-reference",
                                    f"'{unknown}' is not an indicator_id in indicators.csv: fix the spelling or add that row first",
                                    f"ไม่พบ '{unknown}' ในคอลัมน์ indicator_id ของ indicators.csv: แก้การสะกด หรือเพิ่มแถวนั้นก่อน"))
        rows.append(row)
    return rows, problems
