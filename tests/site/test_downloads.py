"""Downloads read the way a journalist reads them: pandas, openpyxl, frictionless."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from support import ROOT, rows, site_area

DATA = ROOT / "data"


INDICATORS = rows("indicators")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_indicator_pages_link_to_files_that_exist(built_site, lang):
    valued = {r["indicator_id"] for name in ("observations", "targets") for r in rows(name)
              if r.get("area_id", site_area()) == site_area()}  # the page is the own area's
    for indicator in INDICATORS:
        page = built_site / lang / "indicators" / indicator["indicator_id"]
        soup = BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "lxml")
        links = [a["href"] for a in soup.select("#downloads + ul a[download]")]
        if indicator["indicator_id"] not in valued:  # a file of headers only is not offered as "the data"
            assert links == [] and soup.select_one("#downloads + ul .dp-muted"), indicator["indicator_id"]
            continue
        assert [Path(link).suffix for link in links] == [".csv", ".xlsx"]
        for link in links:
            assert (page / link).resolve() == (built_site / "data/indicators" / Path(link).name).resolve()
            assert (page / link).resolve().is_file()


def expected_rows(indicator_id: str) -> int:
    return sum(r["indicator_id"] == indicator_id for name in ("observations", "targets") for r in rows(name))


def test_indicator_csv_opens_in_pandas_with_thai_intact(built_site):
    for indicator in INDICATORS:
        path = built_site / "data/indicators" / f"{indicator['indicator_id']}.csv"
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
        frame = pd.read_csv(path, encoding="utf-8-sig")
        assert len(frame) == expected_rows(indicator["indicator_id"])
        if len(frame):
            assert set(frame["name_th"]) == {indicator["name_th"]}
            assert indicator["name_th"].encode("utf-8") in raw
            assert (frame["year_be"] - frame["year_ce"] == 543).all()


def test_indicator_csv_values_match_the_package(built_site):
    frame = pd.read_csv(built_site / "data/indicators/tourism-revenue.csv", encoding="utf-8-sig")
    observed = frame[frame["kind"] == "observed"].set_index(["area_id", "year_ce"])["value"].to_dict()
    source = {(o["area_id"], int(o["year"])): float(o["value"]) for o in rows("observations")
              if o["indicator_id"] == "tourism-revenue"}
    assert observed == source


def test_indicator_files_carry_every_area_with_its_code_and_names(built_site):
    areas = {a["area_id"]: a for a in rows("areas")}
    frame = pd.read_csv(built_site / "data/indicators/tourist-arrivals.csv", encoding="utf-8-sig")
    provinces = {code for code in frame["area_id"] if areas[code]["level"] == "province"}
    assert len(provinces) == 77 and {"TH", "TH-MOTS-N"} <= set(frame["area_id"])
    assert frame["area_id"].iloc[0] == "TH50"  # the site's own area first
    for _, row in frame.iterrows():
        assert (row["area_name_th"], row["area_name_en"]) == (areas[row["area_id"]]["name_th"], areas[row["area_id"]]["name_en"])
    derived = frame[(frame["area_id"] == "TH57") & (frame["year_ce"] == 2021)]
    assert list(derived["derivation"]) == ["sum-of-months"]
    sheet = openpyxl.load_workbook(built_site / "data/indicators/gpp-per-capita.xlsx").active
    table = list(sheet.values)
    record = [dict(zip(table[0], r)) for r in table[1:] if r[table[0].index("area_id")] == "TH58"]
    assert {r["year_ce"] for r in record} == {2019, 2020, 2021, 2022, 2023}
    assert {r["area_name_en"] for r in record} == {"Mae Hong Son"} and {r["derivation"] for r in record} == {"ratio"}
    excel_areas = (built_site / "data/excel/areas.csv").read_text(encoding="utf-8-sig")
    assert "TH-PC-UN1,group,กลุ่มจังหวัดภาคเหนือตอนบน 1" in excel_areas


def test_indicator_xlsx_opens_with_thai_intact(built_site):
    for indicator in INDICATORS:
        path = built_site / "data/indicators" / f"{indicator['indicator_id']}.xlsx"
        book = openpyxl.load_workbook(path)
        table = list(book.active.values)
        assert len(table) - 1 == expected_rows(indicator["indicator_id"])
        header = table[0]
        sources = {row[0] for row in book["sources"].iter_rows(min_row=2, values_only=True)}
        for row in table[1:]:
            record = dict(zip(header, row))
            assert isinstance(record["value"], (int, float))
            assert record["source_id"] in sources  # each value's source is on the sources sheet
        if len(table) > 1:
            assert table[1][header.index("area_name_th")] == "เชียงใหม่"  # Thai intact, the own area first
        about = about_sheet(path)  # what every row of one indicator shares: its name and unit
        assert about["ตัวชี้วัด"] == f"{indicator['name_th']} [{indicator['indicator_id']}]"
        assert (about["หน่วย"], about["Unit"]) == (indicator["unit_th"], indicator["unit_en"])


def test_package_csvs_are_published_byte_for_byte(built_site):
    descriptor = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert (built_site / "data" / resource["path"]).read_bytes() == (DATA / resource["path"]).read_bytes()


def test_zip_validates_with_frictionless_as_downloaded(built_site, tmp_path):
    archive = built_site / "data/chiang-mai-development-plan.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert {"datapackage.json", "README.txt", "LICENSE.txt", "observations.csv"} <= set(names)
    zipfile.ZipFile(archive).extractall(tmp_path)
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_all_json_holds_every_table(built_site):
    everything = json.loads((built_site / "data/all.json").read_text(encoding="utf-8"))
    for name in ("plans", "indicators", "observations", "sources"):
        assert len(everything["tables"][name]) == len(rows(name))
    first = rows("indicators")[0]
    assert everything["tables"]["indicators"][0]["name_th"] == first["name_th"]


def test_data_page_lists_sizes_and_the_dictionary(built_site):
    for lang in ("th", "en"):
        soup = BeautifulSoup((built_site / lang / "data/index.html").read_text(encoding="utf-8"), "lxml")
        listed = {a.get_text(strip=True) for a in soup.select("#package ~ div table a")}
        assert "data/chiang-mai-development-plan.zip" in listed
        size_cells = [tr.find_all(["th", "td"])[3].get_text() for tr in soup.select("#package + p + div table tbody tr")]
        assert all(cell.endswith("KB") or cell.endswith("MB") for cell in size_cells)
        dictionary = soup.find(id="table-observations").find_next("table").get_text()
        assert "indicator_id" in dictionary and "preliminary" in dictionary


def test_hostile_cells_cannot_run_in_a_spreadsheet(hostile_site):
    csv_text = (hostile_site / "data/indicators/visitors.csv").read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert "'=HYPERLINK(\"http://evil.example/x\")" in cells  # the note, shown as text
    sheet = openpyxl.load_workbook(hostile_site / "data/indicators/visitors.xlsx").active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate  # no formula anywhere
    copy = list(csv.reader(io.StringIO((hostile_site / "data/excel/observations.csv").read_text(encoding="utf-8-sig"))))
    assert "'=HYPERLINK(\"http://evil.example/x\")" in [cell for row in copy for cell in row]
    assert ["pm25", "2022", "-30.5"] == copy[[r[:2] for r in copy].index(["pm25", "2022"])][:3]  # a number, unguarded
    negative = pd.read_csv(hostile_site / "data/indicators/pm25.csv", encoding="utf-8-sig")
    assert -30.5 in negative["value"].tolist()  # negative numbers stay numbers
    book = openpyxl.load_workbook(hostile_site / "data/indicators/pm25.xlsx").active
    value = next(book.iter_rows(max_row=1, values_only=True)).index("value")
    assert -30.5 in [row[value] for row in book.iter_rows(min_row=2, values_only=True)]


def test_package_csvs_stay_lossless_with_hostile_text(hostile_site):
    text = (hostile_site / "data/observations.csv").read_text(encoding="utf-8")
    assert '=HYPERLINK(""http://evil.example/x"")' in text  # exactly as maintained, quotes doubled by CSV


def about_sheet(path: Path) -> dict:
    return {k: v for k, v in openpyxl.load_workbook(path)["about"].iter_rows(values_only=True) if k}


def test_xlsx_carries_how_to_cite_in_thai_and_english(built_site):
    import yaml

    base_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["devplan"]["base_url"]
    about = about_sheet(built_site / "data/indicators/tourist-arrivals.xlsx")
    assert about["Web address"] == f"{base_url}en/indicators/tourist-arrivals/"
    assert about["ที่อยู่บนเว็บ"] == f"{base_url}th/indicators/tourist-arrivals/"
    assert "Ministry of Tourism and Sports" in about["Source 1"]
    assert "กระทรวงการท่องเที่ยวและกีฬา" in about["แหล่งข้อมูล 1"]
    assert about["How to cite"].endswith(").") and "tourist-arrivals" in about["How to cite"]
    year_be = int(max(r["accessed"] for r in rows("sources"))[:4]) + 543
    assert about["วิธีอ้างอิง"].startswith("จังหวัดเชียงใหม่") and f"({year_be})" in about["วิธีอ้างอิง"]


def spreadsheets(site: Path) -> list[Path]:
    return [*sorted((site / "data/indicators").glob("*.xlsx")), site / "data/chiang-mai-development-plan.xlsx",
            site / "data/latest-values.xlsx"]


def column_widths(sheet) -> dict[int, float]:
    """Each column's width by number: a writer may give neighbouring columns of one width a
    single <col min max> entry, which openpyxl lists once."""
    return {n: d.width for d in sheet.column_dimensions.values() if d.customWidth for n in range(d.min, d.max + 1)}


def test_every_xlsx_has_a_bold_frozen_header_fitted_widths_and_number_formats(built_site):
    decimals = {i["indicator_id"]: int(i["decimals"]) for i in INDICATORS}
    for path in spreadsheets(built_site):
        for sheet in openpyxl.load_workbook(path).worksheets:
            if sheet.title == "about":
                continue
            assert sheet.freeze_panes == "A2", path.name
            header = [cell.value for cell in sheet[1]]
            assert all(cell.font.b for cell in sheet[1]), path.name
            widths = column_widths(sheet)
            assert len(widths) == len(header) and all(w and w > 5 for w in widths.values()), (path.name, widths)
            for column in {"name_th", "title_th"} & set(header):
                n = header.index(column)
                longest = max((len(str(row[n].value or "")) for row in sheet.iter_rows(min_row=2)), default=0)
                # Thai vowel and tone marks take no width, so a little less than the characters is
                # enough; very long text stops at 60 (it stays whole in its cell).
                assert widths[n + 1] >= min(60, 0.8 * longest), path.name
            numbers = [header.index(c) for c in ("value", "latest_value", "previous_value", "change") if c in header]
            for row in sheet.iter_rows(min_row=2):
                indicator = row[header.index("indicator_id")].value if "indicator_id" in header else path.stem
                places = decimals[indicator] if sheet.title not in ("sources", "areas") else 0
                for n in numbers:
                    if row[n].value is not None:
                        assert row[n].number_format == "#,##0" + ("." + "0" * places if places else ""), path.name
                        assert isinstance(row[n].value, (int, float))


def test_every_xlsx_has_an_about_sheet_in_thai_and_english(built_site):
    for path in spreadsheets(built_site):
        about = about_sheet(path)
        assert {"ผู้เผยแพร่", "Publisher", "วิธีอ้างอิง", "How to cite"} <= set(about), path.name
        assert any("\u0e00" <= c <= "\u0e7f" for c in about["วิธีอ้างอิง"])


def test_whole_site_workbook_holds_every_value_of_the_sites_area(built_site):
    path = built_site / "data/chiang-mai-development-plan.xlsx"
    frame = pd.read_excel(path, sheet_name="values")
    own = [r for name in ("observations", "targets") for r in rows(name) if r.get("area_id", site_area()) == site_area()]
    assert len(frame) == len(own)
    observed = frame[frame["kind"] == "observed"]
    assert {(r.indicator_id, r.year_ce, float(r.value)) for r in observed.itertuples()} == {
        (o["indicator_id"], int(o["year"]), float(o["value"])) for o in rows("observations") if o["area_id"] == site_area()}
    latest = pd.read_excel(path, sheet_name="latest")  # each indicator's name and unit, once
    assert set(frame["indicator_id"]) <= set(latest["indicator_id"]) and set(latest["name_th"]) <= {i["name_th"] for i in INDICATORS}
    sources = pd.read_excel(path, sheet_name="sources")
    assert set(frame["source_id"]) <= set(sources["source_id"])
    about = about_sheet(path)  # which area, and where the others are
    assert about["พื้นที่"].startswith("เชียงใหม่ [TH50]") and "data/indicators/" in about["Area"]


def test_excel_ready_copies_have_a_bom_and_the_same_cells(built_site):
    descriptor = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    archive = zipfile.ZipFile(built_site / "data/chiang-mai-development-plan.zip")
    for resource in descriptor["resources"]:
        copy = built_site / "data/excel" / resource["path"]
        raw = copy.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), copy.name
        assert archive.read(f"excel/{resource['path']}") == raw
        ours = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        theirs = list(csv.reader(io.StringIO((DATA / resource["path"]).read_text(encoding="utf-8-sig"))))
        assert ours == theirs, copy.name  # the real data has no formula-like text: nothing changed
    thai = rows("indicators")[0]["name_th"]
    assert thai in (built_site / "data/excel/indicators.csv").read_bytes().decode("utf-8-sig")


def test_data_page_links_every_excel_copy(built_site):
    for lang in ("th", "en"):
        soup = BeautifulSoup((built_site / lang / "data/index.html").read_text(encoding="utf-8"), "lxml")
        page = built_site / lang / "data"
        copies = [a["href"] for a in soup.select("#package ~ div table a[href*='excel/']")]
        assert len(copies) == len(list((built_site / "data/excel").glob("*.csv")))
        assert all((page / href).resolve().is_file() for href in copies)
        workbook = soup.select_one("#workbook + p + ul a")
        assert (page / workbook["href"]).resolve() == (built_site / "data/chiang-mai-development-plan.xlsx").resolve()


def test_thai_data_page_describes_tables_and_fields_in_thai(built_site):
    soup = BeautifulSoup((built_site / "th/data/index.html").read_text(encoding="utf-8"), "lxml")
    thai = re.compile("[\u0e00-\u0e7f]")
    for heading in soup.select("h3[id^=table-]"):
        assert thai.search(heading.get_text()), heading.get_text()
        for tr in heading.find_next("table").select("tbody tr"):
            kind, description = tr.find_all(["th", "td"])[1].get_text(), tr.find_all(["th", "td"])[3].get_text()
            assert thai.search(kind) and thai.search(description), tr.get_text()
    for tr in soup.select("#package + p + div table tbody tr"):
        assert thai.search(tr.find_all(["th", "td"])[1].get_text()), tr.get_text()


def test_data_page_sizes_are_the_real_sizes(built_site):
    soup = BeautifulSoup((built_site / "en/data/index.html").read_text(encoding="utf-8"), "lxml")
    for tr in soup.select("#package + p + div table tbody tr"):
        name = tr.find("code").get_text()
        listed = tr.find_all(["th", "td"])[3].get_text()
        number, unit = listed.replace(",", "").split()
        listed_bytes = float(number) * {"KB": 1024, "MB": 1024 * 1024}[unit]
        real = (built_site / name).stat().st_size
        assert abs(listed_bytes - real) <= 0.05 * {"KB": 1024, "MB": 1024 * 1024}[unit], (name, listed, real)


def test_published_descriptor_says_how_to_cite(built_site):
    import yaml

    base_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["devplan"]["base_url"]
    descriptor = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["homepage"] == base_url
    assert descriptor["citation"].endswith(base_url) and "data as of" in descriptor["citation"]
    accessed = max(r["accessed"] for r in rows("sources"))
    assert descriptor["created"].startswith(accessed)


def test_whole_site_table_equals_the_per_indicator_values(built_site):
    table = pd.read_csv(built_site / "data/latest-values.csv", encoding="utf-8-sig").set_index("indicator_id")
    assert (built_site / "data/latest-values.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(table.index) == [i["indicator_id"] for i in INDICATORS]
    for indicator in INDICATORS:
        values = pd.read_csv(built_site / "data/indicators" / f"{indicator['indicator_id']}.csv", encoding="utf-8-sig")
        observed = values[(values["kind"] == "observed") & (values["area_id"] == site_area())].sort_values("year_ce")
        row = table.loc[indicator["indicator_id"]]
        if observed.empty:
            assert pd.isna(row["latest_value"])
            continue
        assert (row["latest_year_ce"], row["latest_value"]) == (observed["year_ce"].iloc[-1], observed["value"].iloc[-1])
        if not pd.isna(row["previous_value"]):
            earlier = observed[observed["year_ce"] == row["previous_year_ce"]]["value"].iloc[0]
            assert row["previous_value"] == earlier
            assert row["change"] == pytest.approx(row["latest_value"] - earlier)
    sheet = pd.read_excel(built_site / "data/latest-values.xlsx", sheet_name="latest").set_index("indicator_id")
    pd.testing.assert_frame_equal(sheet, table, check_dtype=False)
    whole = pd.read_excel(built_site / "data/chiang-mai-development-plan.xlsx", sheet_name="latest").set_index("indicator_id")
    pd.testing.assert_frame_equal(whole, table, check_dtype=False)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_whole_site_table_page_matches_the_download(built_site, lang):
    table = pd.read_csv(built_site / "data/latest-values.csv", encoding="utf-8-sig").set_index("indicator_id")
    soup = BeautifulSoup((built_site / lang / "latest/index.html").read_text(encoding="utf-8"), "lxml")
    rows = soup.select("table.dp-table--latest tbody tr")
    # the indicators with a value, in order; those without are named once below the table
    assert [tr["id"] for tr in rows] == [i for i in table.index if not pd.isna(table.loc[i, "latest_value"])]
    unmeasured = [a["href"].split("/")[-2] for a in soup.select(".dp-nodata a")]
    assert unmeasured == [i for i in table.index if pd.isna(table.loc[i, "latest_value"])]
    for tr in rows:
        row = table.loc[tr["id"]]
        cells = tr.find_all("td")
        if not pd.isna(row["latest_value"]):
            shown = float(cells[0].get_text(" ", strip=True).split()[0].replace(",", ""))
            places = int(next(i["decimals"] for i in INDICATORS if i["indicator_id"] == tr["id"]))
            assert shown == pytest.approx(row["latest_value"], abs=0.5 * 10 ** -places)
    links = [a["href"] for a in soup.select("ul.dp-downloads a[download]")]
    page = built_site / lang / "latest"
    assert {(page / href).resolve().name for href in links} == {"latest-values.csv", "latest-values.xlsx"}
    data_page = (built_site / lang / "data/index.html").read_text(encoding="utf-8")
    assert "latest-values.xlsx" in data_page and 'href="../latest/"' in data_page
