"""The home page's key figures, doors by topic and data date, and the footer on every page."""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup
from devplan.publish.site import InvalidData, load_model
from devplan.model.summary import summarise
from devplan.render.labels import display_date, format_number, label, year_label
from support import FIXTURES, ROOT, copy_package, site_area

MODEL = load_model(ROOT / "data", site_area())


def soup(site, lang, url=""):
    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "lxml")


def indicator_id(href: str) -> str:
    return re.search(r"indicators/([^/]+)/$", href).group(1)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_key_figures_show_each_areas_latest_values_with_year_change_and_status(built_site, lang):
    home = soup(built_site, lang)
    areas = home.select(".dp-keyfacts__area")
    assert areas
    development = next(p for p in MODEL.plans if p.kind == "development")
    shown_areas = [a.h3.get_text(strip=True) for a in areas]
    measured = [getattr(s, f"title_{lang}") for s in development.strategies if any(i.latest for i in s.indicators)]
    assert shown_areas == measured  # every area with a measured indicator, in plan order
    for area in areas:
        cards = area.select(".dp-keyfact")
        assert 1 <= len(cards) <= 3
        goals = []
        for card in cards:
            indicator = MODEL.indicators[indicator_id(card.a["href"])]
            goal = indicator.goal
            goals.append(goal.goal_id)
            # the goal's most recently measured indicator (the first of equals)
            assert indicator.latest.year == max(i.latest.year for i in goal.indicators if i.latest)
            assert card.select_one(".dp-keyfact__value strong").get_text() == format_number(indicator.latest.value, indicator.decimals)
            assert year_label(indicator.latest.year, lang, indicator.year_type) in card.select_one(".dp-keyfact__when").get_text()
            assert (label("old_data", lang) in card.get_text()) == indicator.freshness.old
            status = card.select_one(".dp-headline__status")  # as on the indicator's own page
            assert status.select_one(f".dp-trend--{indicator.trend.status}")
            assert bool(status.select_one(f".dp-status--{indicator.progress.status}")) == bool(indicator.targets)
            trend = indicator.trend
            change = card.select_one(".dp-keyfact__change")
            if trend.earlier:
                pct = f"({trend.change * 100:+.1f}%)" if trend.change is not None else ""
                assert pct in change.get_text() and year_label(trend.earlier[0], lang, indicator.year_type) in change.get_text()
            else:
                assert change is None
        assert len(goals) == len(set(goals))  # one per goal


@pytest.mark.parametrize("lang", ["th", "en"])
def test_topic_doors_lead_to_their_indicators(built_site, lang):
    with open(ROOT / "data" / "topics.csv", encoding="utf-8-sig", newline="") as file:
        topics = list(csv.DictReader(file))
    doors = soup(built_site, lang).select(".dp-door")
    assert [d.h3.get_text(strip=True) for d in doors] == [t[f"title_{lang}"] for t in topics]
    for door, topic in zip(doors, topics):
        assert [indicator_id(a["href"]) for a in door.select("a")] == topic["indicators"].split()
        for a in door.select("a"):
            assert (built_site / lang / "indicators" / indicator_id(a["href"]) / "index.html").exists()
    titles = {t["title_en"] for t in topics}
    assert {"Haze and PM2.5", "Tourism", "Income and inequality", "Economy", "Forest"} <= titles


def test_a_wrong_indicator_id_in_topics_stops_the_build_with_its_place(tmp_path):
    package = copy_package(FIXTURES / "tiny", tmp_path / "pkg")
    (package / "topics.csv").write_text("topic_id,title_th,title_en,indicators\n"
                                        "haze,ฝุ่น,Haze,pm25 pm-25\nx,,X,visitors\n", encoding="utf-8")
    with pytest.raises(InvalidData) as failure:
        load_model(package, site_area())
    message = str(failure.value)
    assert re.search(r"topics\.csv:2:indicators: 'pm-25' is not an indicator_id .* / ไม่พบ 'pm-25'", message)
    assert re.search(r"topics\.csv:3:title_th: Thai text is missing", message)
    assert "pm25'" not in message  # the right id is not reported


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_has_a_footer_with_publisher_licence_citation_date_and_error_report(built_site, lang):
    date = display_date(MODEL.data_date, lang)
    assert soup(built_site, lang).select_one(".dp-data-date").get_text(" ", strip=True) == f"{label('data_date', lang)} {date}"
    themed = [p for p in (built_site / lang).rglob("index.html") if "embed" not in p.parts]  # embeds are bare charts
    for path in themed[::7] + [built_site / lang / "404.html"]:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        footer = page.select_one("footer .dp-footer")
        assert footer, path
        text = footer.get_text(" ", strip=True)
        for key in ("publisher", "licence", "how_to_cite", "updated", "report_error"):
            assert label(key, lang) in text, (path, key)
        assert date in footer.select_one(".dp-footer__cite").get_text() and "CC-BY-4.0" in text
        assert footer.select_one('a[rel="license"]')["href"].startswith("https://creativecommons.org/")
        assert footer.select_one(".dp-footer__report a")["href"].endswith("/issues/new")
        assert not footer.select("script, img, iframe, link")  # nothing the footer loads


def test_the_footer_escapes_what_it_prints(hostile_site):
    for lang in ("th", "en"):
        footer = soup(hostile_site, lang).select_one("footer .dp-footer")
        assert footer and not footer.select("script")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_names_every_indicator_with_a_trend_or_target_status_with_its_badges(built_site, lang):
    """Issue 9's promise: at a glance, each indicator that can be judged, and how it stands."""
    home = soup(built_site, lang)
    items = home.select(".dp-glance__indicators li")
    shown = {indicator_id(li.a["href"]): li for li in items}
    assessed = {i.indicator_id: i for i in MODEL.indicators.values() if i.assessed}
    assert assessed and set(shown) == set(assessed)
    for indicator_id_, li in shown.items():
        indicator = assessed[indicator_id_]
        assert label(f"trend_{indicator.trend.status}", lang) in li.get_text(" ")


def test_first_sentence_says_what_can_be_judged_and_how_it_stands(tiny_site, built_site):
    # tiny: plan targets for visitors (off track) and pm25 (on track); dust-days is held to a
    # standard, forest to an aim announced in the news; trends: 2 improving, 1 maintaining, 3 not assessed
    verdict = soup(tiny_site, "en").select_one(".dp-verdict")
    assert verdict.select_one(".dp-verdict__lead").get_text(" ", strip=True) == (
        "2 of 6 indicators can be judged against the plan's own targets: ▲ On track 1 · ◆ Off track: needs acceleration 1 ;"
        " by trend (3 of 6 indicators can be assessed): 2 improving, 1 maintaining, 0 worsening.")
    other = verdict.select_one(".dp-verdict__other").get_text(" ", strip=True)
    assert "Dusty days ✓ Meets the national standard (National standard: a reference level" in other
    assert "Forest share" in other and "(Announced aim: said by an official in the news" in other
    assert [a["href"] for a in verdict.select(".dp-verdict__links a")] == ["#status", "reporting/#missing"]
    # the real data: no plan target is public; the one aim is from a news interview
    lead = soup(built_site, "th").select_one(".dp-verdict__lead").get_text(" ", strip=True)
    summary = summarise(MODEL.indicators.values())
    assert lead.startswith("ยังไม่มีค่าเป้าหมายตามแผนที่เผยแพร่ ; จากแนวโน้ม ดีขึ้น")
    assert f"จาก {summary.assessed} ตัวชี้วัดที่ประเมินได้ (จากทั้งหมด {len(MODEL.indicators)})" in lead
    other = soup(built_site, "en").select_one(".dp-verdict__other").get_text(" ", strip=True)
    announced = [i for i in MODEL.indicators.values() if i.targets and i.progress.kind == "announced"]
    assert announced and all(f"{i.name_en} " in other for i in announced)
    assert "(Announced aim: said by an official in the news" in other
