"""The maintainers' workbook on the built site, reached the way a maintainer reaches it:
from the maintainer guide to the Data page, then the download."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ROOT

from devplan.edit.workbook import make_workbook


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_guide_leads_to_the_workbook_made_from_the_data(built_site, lang):
    guide = built_site / lang / "maintainers"
    soup = BeautifulSoup((guide / "index.html").read_text(encoding="utf-8"), "lxml")
    to_data = next(a["href"] for a in soup.select("a[href]") if a["href"].endswith("data/#maintainers-workbook"))
    data_page = (guide / to_data.split("#")[0]).resolve()
    data = BeautifulSoup((data_page / "index.html").read_text(encoding="utf-8"), "lxml")
    (link,) = [a["href"] for a in data.select("#maintainers-workbook ~ ul.dp-downloads a[download]")][:1]
    workbook = (data_page / link).resolve()
    assert workbook == (built_site / "data" / "chiang-mai-development-plan-workbook.xlsx").resolve()
    assert workbook.read_bytes() == make_workbook(ROOT / "data")
