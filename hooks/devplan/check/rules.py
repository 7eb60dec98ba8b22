"""Project rules a Table Schema cannot express: they look across tables and at files."""

from __future__ import annotations

import datetime as dt

from ..addresses import RESERVED_IDS
from .aggregates import check_aggregates
from .descriptor import unsafe_reason
from .problems import Package, Problem, resource_file

PAGE_IDS = {"plans": "plan_id", "strategies": "strategy_id", "goals": "goal_id", "indicators": "indicator_id"}
# How far ahead of the checking computer's clock (UTC) an access date may be: a maintainer
# east of UTC can be a day ahead of the CI server.
CLOCK_MARGIN = dt.timedelta(days=2)


def check_rules(package: Package, today: dt.date | None = None) -> list[Problem]:
    """Every rule's problems; rules skip rows whose cells already failed the schema."""
    tables = package.tables
    problems: list[Problem] = _reserved_ids(package) + _strategy_orders(package)
    if all(name in tables for name in ("plans", "strategies", "goals", "indicators")):
        problems += _plan_years(package)
        problems += _target_years(package)
        problems += _project_years(package)
    if "indicators" in tables and "observations" in tables:
        problems += _baselines(package)
    if "indicators" in tables:
        problems += _measures(package)
    if "sources" in tables:
        problems += _source_locations(package)
        problems += _future_access(package, today or dt.datetime.now(dt.timezone.utc).date())
    problems += _links_and_coverage(package)
    problems += check_aggregates(package)
    if "indicators" in tables and "topics" in tables:
        problems += _topic_indicators(package)
    return problems


def _rows(package: Package, name: str):
    return zip(package.tables.get(name, []), package.row_numbers.get(name, []))


def _plan_years(package: Package) -> list[Problem]:
    problems = []
    for plan, number in _rows(package, "plans"):
        if plan["start_year"] and plan["end_year"] and plan["end_year"] < plan["start_year"]:
            problems.append(Problem(
                resource_file(package, "plans"), number, "end_year", "plan-years",
                f"the plan ends ({plan['end_year']}) before it starts ({plan['start_year']})",
                f"แผนสิ้นสุด ({plan['end_year']}) ก่อนเริ่มต้น ({plan['start_year']})"))
    return problems


def _strategy_orders(package: Package) -> list[Problem]:
    """Each strategy has a position of its own in its plan: pages list them in that order."""
    problems: list[Problem] = []
    first: dict[tuple, int] = {}
    for strategy, number in _rows(package, "strategies"):
        place = (strategy["plan_id"], strategy["order"])
        if None in place:
            continue
        if place in first:
            problems.append(Problem(
                resource_file(package, "strategies"), number, "order", "duplicate-order",
                f"order {place[1]} is already the place of another strategy of plan '{place[0]}' (row {first[place]}): "
                "give each strategy of a plan its own number",
                f"ลำดับ {place[1]} เป็นลำดับของยุทธศาสตร์อื่นในแผน '{place[0]}' แล้ว (แถว {first[place]}) "
                "กรุณาให้แต่ละยุทธศาสตร์ในแผนเดียวกันมีลำดับไม่ซ้ำกัน"))
        else:
            first[place] = number
    return problems


def _plan_of_strategy(package: Package) -> dict[str, dict]:
    plans = {p["plan_id"]: p for p in package.tables["plans"]}
    return {s["strategy_id"]: plans.get(s["plan_id"]) for s in package.tables["strategies"]}


def _target_years(package: Package) -> list[Problem]:
    plan_of_strategy = _plan_of_strategy(package)
    strategy_of_goal = {g["goal_id"]: g["strategy_id"] for g in package.tables["goals"]}
    goal_of_indicator = {i["indicator_id"]: i["goal_id"] for i in package.tables["indicators"]}
    problems = []
    for target, number in _rows(package, "targets"):
        plan = plan_of_strategy.get(strategy_of_goal.get(goal_of_indicator.get(target["indicator_id"])))
        year = target["year"]
        if plan and year and plan["start_year"] and plan["end_year"] and not plan["start_year"] <= year <= plan["end_year"]:
            problems.append(Problem(
                resource_file(package, "targets"), number, "year", "target-outside-plan",
                f"target year {year} is outside its plan '{plan['plan_id']}' ({plan['start_year']}-{plan['end_year']})",
                f"ปีเป้าหมาย {year} (พ.ศ. {year + 543}) อยู่นอกช่วงของแผน '{plan['plan_id']}' "
                f"(พ.ศ. {plan['start_year'] + 543}-{plan['end_year'] + 543})"))
    return problems


def _project_years(package: Package) -> list[Problem]:
    plan_of_strategy = _plan_of_strategy(package)
    problems = []
    for project, number in _rows(package, "projects"):
        plan = plan_of_strategy.get(project["strategy_id"])
        if not plan or None in (plan["kind"], plan["start_year"], plan["end_year"]):
            continue  # the plan's own cells failed: reported there
        shown = resource_file(package, "projects")
        if plan["kind"] != "action":
            problems.append(Problem(
                shown, number, "strategy_id", "project-not-in-action-plan",
                f"projects belong to an annual action plan, but '{project['strategy_id']}' is a strategy of '{plan['plan_id']}'",
                f"โครงการต้องอยู่ภายใต้แผนปฏิบัติราชการประจำปี แต่ '{project['strategy_id']}' เป็นยุทธศาสตร์ของ '{plan['plan_id']}'"))
        elif project["fiscal_year"] and not plan["start_year"] <= project["fiscal_year"] <= plan["end_year"]:
            problems.append(Problem(
                shown, number, "fiscal_year", "project-outside-plan",
                f"fiscal year {project['fiscal_year']} is outside the plan '{plan['plan_id']}' ({plan['start_year']}-{plan['end_year']})",
                f"ปีงบประมาณ {project['fiscal_year']} อยู่นอกช่วงของแผน '{plan['plan_id']}'"))
    return problems


def _baselines(package: Package) -> list[Problem]:
    observed = {(o["indicator_id"], o["year"]) for o in package.tables["observations"]}
    problems = []
    for indicator, number in _rows(package, "indicators"):
        year = indicator["baseline_year"]
        if year and (indicator["indicator_id"], year) not in observed:
            problems.append(Problem(
                resource_file(package, "indicators"), number, "baseline_year", "baseline-without-value",
                f"there is no observed value for baseline year {year}: add it to observations.csv or leave baseline_year empty",
                f"ไม่มีค่าที่วัดได้ของปีฐาน {year} (พ.ศ. {year + 543}): เพิ่มใน observations.csv หรือเว้นว่าง baseline_year"))
    return problems


# How a unit in percent is written in the units the package has used: its changes are percentage points.
PERCENT_UNITS = {"percent", "per cent", "percentage", "%", "ร้อยละ", "เปอร์เซ็นต์"}


def _measures(package: Package) -> list[Problem]:
    """A unit in percent says so in `measure` (the site then says changes in percentage
    points), and only money at current prices names an indicator in real terms."""
    problems = []
    shown = resource_file(package, "indicators")
    for indicator, number in _rows(package, "indicators"):
        units = {(indicator.get("unit_th") or "").strip().casefold(), (indicator.get("unit_en") or "").strip().casefold()}
        if units & PERCENT_UNITS and indicator.get("measure") != "percent":
            problems.append(Problem(
                shown, number, "measure", "percent-without-measure",
                "the unit is percent: write percent in measure, so that a change is said in percentage points, not percent",
                "หน่วยเป็นร้อยละ: ใส่ percent ในช่อง measure เพื่อให้การเปลี่ยนแปลงแสดงเป็นจุดร้อยละ ไม่ใช่ร้อยละ"))
        real = indicator.get("real_terms")
        if real and indicator.get("measure") != "current-prices":
            problems.append(Problem(
                shown, number, "real_terms", "real-terms-without-current-prices",
                "real_terms names the same measured without inflation, which only money at current prices has: "
                "write current-prices in measure, or leave real_terms empty",
                "real_terms คือตัวชี้วัดเดียวกันที่หักผลของเงินเฟ้อแล้ว ซึ่งใช้กับมูลค่าเงิน ณ ราคาประจำปีเท่านั้น: "
                "ใส่ current-prices ในช่อง measure หรือเว้นว่าง real_terms"))
        elif real and real == indicator.get("indicator_id"):
            problems.append(Problem(
                shown, number, "real_terms", "real-terms-itself",
                "real_terms names this indicator itself: name the one measured without inflation",
                "real_terms ชี้มาที่ตัวชี้วัดนี้เอง: ใส่รหัสของตัวชี้วัดที่หักผลของเงินเฟ้อแล้ว"))
    return problems


def _source_locations(package: Package) -> list[Problem]:
    problems = []
    shown = resource_file(package, "sources")
    for source, number in _rows(package, "sources"):
        if not source["url"] and not source["document"]:
            problems.append(Problem(
                shown, number, "url", "source-without-location",
                "a source needs a web address (url) or a copy under documents/ (document)",
                "แหล่งข้อมูลต้องมีที่อยู่เว็บ (url) หรือสำเนาในโฟลเดอร์ documents/ (document)"))
        if source.get("publisher_url") and source["publisher_url"] == source["url"]:
            problems.append(Problem(
                shown, number, "publisher_url", "publisher-url-repeats-url",
                "publisher_url repeats url: leave it empty when url is already the publisher's own page",
                "publisher_url ซ้ำกับ url: เว้นว่างไว้เมื่อ url เป็นหน้าของผู้เผยแพร่เองอยู่แล้ว"))
        reason = source["document"] and unsafe_reason(package.base, source["document"])
        if reason:
            problems.append(Problem(shown, number, "document", "unsafe-file", *reason))
        elif source["document"] and not (package.base / source["document"]).is_file():
            problems.append(Problem(
                shown, number, "document", "missing-document",
                f"'{source['document']}' is not in the data folder",
                f"ไม่พบไฟล์ '{source['document']}' ในโฟลเดอร์ข้อมูล"))
    return problems


def _reserved_ids(package: Package) -> list[Problem]:
    problems = []
    for table, column in PAGE_IDS.items():
        for row, number in _rows(package, table):
            if row.get(column) in RESERVED_IDS:
                problems.append(Problem(
                    resource_file(package, table), number, column, "reserved-id",
                    f"'{row[column]}' is the name of a page the site makes: choose another id",
                    f"'{row[column]}' เป็นชื่อหน้าที่เว็บไซต์สร้างขึ้นเอง กรุณาใช้รหัสอื่น"))
    return problems


def _future_access(package: Package, today: dt.date) -> list[Problem]:
    """A source cannot have been read after today. The clock only decides whether the data
    passes, never what is built from it: the site's dates come from the data alone."""
    problems = []
    for source, number in _rows(package, "sources"):
        if source["accessed"] and source["accessed"] > today + CLOCK_MARGIN:
            problems.append(Problem(
                resource_file(package, "sources"), number, "accessed", "future-date",
                f"{source['accessed'].isoformat()} is in the future: write the day the figures were read",
                f"{source['accessed'].isoformat()} เป็นวันในอนาคต กรุณาใส่วันที่อ่านตัวเลขจากแหล่งข้อมูลจริง"))
    return problems


def _links_and_coverage(package: Package) -> list[Problem]:
    """Rules of strategy_goals (a link leads from another plan's strategy to a goal of the
    five-year development plan) and of part-year values (they must say which part)."""
    problems = []
    if all(name in package.tables for name in ("plans", "strategies", "goals")):
        plan_of_strategy = _plan_of_strategy(package)
        strategy_of_goal = {g["goal_id"]: g["strategy_id"] for g in package.tables["goals"]}
        shown = resource_file(package, "strategy_goals") if "strategy_goals" in package.tables else ""
        for link, number in _rows(package, "strategy_goals"):
            plan = plan_of_strategy.get(link["strategy_id"])
            if plan and plan["kind"] == "development":
                problems.append(Problem(
                    shown, number, "strategy_id", "link-from-development-plan",
                    f"'{link['strategy_id']}' is a strategy of the development plan: its goals are listed in goals.csv, not here",
                    f"'{link['strategy_id']}' เป็นยุทธศาสตร์ของแผนพัฒนาจังหวัด เป้าประสงค์ของยุทธศาสตร์นี้อยู่ใน goals.csv ไม่ต้องเชื่อมโยงที่นี่"))
            goal_plan = plan_of_strategy.get(strategy_of_goal.get(link["goal_id"]))
            if goal_plan and goal_plan["kind"] != "development":
                problems.append(Problem(
                    shown, number, "goal_id", "linked-goal-not-in-development-plan",
                    f"'{link['goal_id']}' is a goal of '{goal_plan['plan_id']}': a link must lead to a goal of the five-year development plan",
                    f"'{link['goal_id']}' เป็นเป้าประสงค์ของ '{goal_plan['plan_id']}' การเชื่อมโยงต้องชี้ไปยังเป้าประสงค์ของแผนพัฒนาจังหวัด 5 ปี"))
    shown = resource_file(package, "observations") if "observations" in package.tables else ""
    for value, number in _rows(package, "observations"):
        if value.get("coverage") == "part-year" and not (value.get("note_th") and value.get("note_en")):
            problems.append(Problem(
                shown, number, "note_th" if not value.get("note_th") else "note_en", "part-year-without-note",
                "a part-year value needs notes in Thai and English (note_th, note_en) saying which part of the year it covers",
                "ค่าที่ครอบคลุมบางช่วงของปีต้องมีหมายเหตุทั้งภาษาไทยและอังกฤษ (note_th, note_en) บอกว่าครอบคลุมช่วงใด"))
    return problems


def _topic_indicators(package: Package) -> list[Problem]:
    """Each id a topic lists (the home page's doors) is an indicator of indicators.csv."""
    known = {i["indicator_id"] for i in package.tables["indicators"]}
    problems = []
    for topic, number in _rows(package, "topics"):
        for unknown in [i for i in (topic["indicators"] or "").split() if i not in known]:
            problems.append(Problem(
                resource_file(package, "topics"), number, "indicators", "unknown-reference",
                f"'{unknown}' is not an indicator_id in indicators.csv: fix the spelling or add that row first",
                f"ไม่พบ '{unknown}' ในคอลัมน์ indicator_id ของ indicators.csv: แก้การสะกด หรือเพิ่มแถวนั้นก่อน"))
    return problems
