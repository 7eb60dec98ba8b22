"""Link-preview images drawn by Pillow: Thai set with a shaping engine, nothing drawn
over anything else, plain white paper, the same bytes for the same data."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from devplan.publish.site import load_model
from devplan.render import previews
from PIL import Image
from support import ROOT, site_area

MODEL = load_model(ROOT / "data", site_area())
HOST = "chiang-mai-open-plan.github.io/development-plan"


def test_thai_is_shaped_by_raqm():
    # Without Raqm, Pillow's basic layout puts tone marks on top of upper vowels (ที่ -> overlapping marks).
    assert previews.shapes_thai()


def test_images_are_palette_pngs_on_white_with_the_same_bytes_each_time():
    indicator = MODEL.indicators["household-income-monthly"]
    data = previews.png(previews.indicator_image(indicator, "th", "แผนพัฒนา", HOST))
    assert data == previews.png(previews.indicator_image(indicator, "th", "แผนพัฒนา", HOST))
    image = Image.open(io.BytesIO(data))
    assert image.size == (previews.WIDTH, previews.HEIGHT) and image.mode == "P"
    assert "tIME" not in data.decode("latin-1")  # no timestamp chunk
    # The paper was once mapped to a near-white palette entry (251, 251, 251): it must stay white.
    assert image.convert("RGB").getpixel((previews.WIDTH // 2, previews.HEIGHT - 120)) == (255, 255, 255)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_png_holds_exactly_the_drawn_pixels_and_colours(lang):
    """previews.png writes the file itself (zlib-ng, not Pillow's encoder): Pillow reads
    back every pixel's palette entry and every entry's colour as drawn."""
    image = previews.indicator_image(MODEL.indicators["tourist-arrivals"], lang, "Site", HOST)
    back = Image.open(io.BytesIO(previews.png(image)))
    back.load()
    assert back.format == "PNG" and back.mode == "P" and back.size == image.size
    assert back.tobytes() == image.tobytes()
    assert back.convert("RGB").tobytes() == image.convert("RGB").tobytes()


def test_long_names_wrap_within_their_column_and_end_in_an_ellipsis():
    name = "จำนวนวันที่ค่าเฉลี่ย 24 ชั่วโมงของ PM2.5 เกินค่ามาตรฐาน " * 4
    lines = previews.wrap(name, 600, True, 44, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(previews.text_width(line, True, 44) <= 600 for line in lines)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_three_line_name_leaves_the_values_year_clear_of_the_badge(lang):
    """A name of three lines once pushed the latest value's year ("2568 · preliminary") under
    the status badge, cutting the words in half; such a name is set smaller."""
    indicator = next(i for i in MODEL.indicators.values() if i.latest and i.progress)
    long = dataclasses.replace(indicator, name_th="จำนวนวันที่ค่าเฉลี่ย 24 ชั่วโมงของฝุ่นละอองขนาดเล็ก PM2.5 เกินค่ามาตรฐานในเขตเมือง",
                               name_en="Number of days on which the 24-hour mean of fine particulate matter exceeds the standard")
    assert len(previews.wrap(getattr(long, f"name_{lang}"), previews.CHART[0] - previews.MARGIN - 40, True, 44, 3)) == 3
    image = previews.indicator_image(long, lang, "Site", HOST).convert("RGB")
    gap = image.crop((previews.MARGIN, previews.BADGE_TOP - 8, previews.CHART[0] - 40, previews.BADGE_TOP - 1))
    assert gap.getcolors() == [(gap.width * gap.height, (255, 255, 255))]  # white between the year and the badge
    written = image.crop((previews.MARGIN, 100, previews.CHART[0] - 40, previews.BADGE_TOP - 8)).getcolors(1 << 16)
    assert previews._rgb(previews.MUTED) in {colour for _, colour in written}  # the year is there, above it


def test_source_line_stops_before_the_address():
    # A long publisher list once ran into the site address printed at the right.
    line = previews.source_line("Source: National Statistical Office (NSO); " * 3, HOST)
    assert line.endswith("…")
    address_x = previews.WIDTH - previews.MARGIN - previews.text_width(HOST, False, 22)
    assert previews.MARGIN + previews.text_width(line, False, 22) < address_x - 20


def test_every_status_has_a_badge_shape_and_colours():
    from devplan.model.status import STATUSES

    assert set(previews.STATUS_COLOURS) == set(STATUSES)
    for status in STATUSES:
        image = previews.blank()
        previews._status_badge(image, (0, 0), status, "th")
        ink = previews._rgb(previews.STATUS_COLOURS[status][0])
        icon = image.convert("RGB").crop((20, 14, 44, 38)).getcolors(1 << 12)
        assert any(colour == ink for _, colour in icon), status  # a shape drawn in the ink, not only words


def colours_in(image, box) -> set:
    return {colour for _, colour in image.convert("RGB").crop(box).getcolors(1 << 16)}


def test_the_sparkline_has_a_labelled_scale_and_every_mark_in_its_legend():
    image = previews.indicator_image(MODEL.indicators["tourist-arrivals"], "en", "Site", HOST)
    left, top, right, bottom = previews.CHART
    muted, vermillion = previews._rgb(previews.MUTED), previews._rgb(previews.VERMILLION)
    assert muted in colours_in(image, (left, top - 32, left + 160, top - 4))  # the top of the scale, labelled
    assert muted in colours_in(image, (left - 40, bottom - 4, left - 4, bottom + 24))  # and its zero
    # An aim announced in the news is a diamond beside its year's value, not a dashed path from the baseline,
    # and the legend below the years says what it is.
    assert vermillion not in colours_in(image, (left + 40, top, right - 40, bottom))
    assert vermillion in colours_in(image, (left, bottom + 45, right, previews.HEIGHT - 82))


def test_the_sparkline_draws_values_counted_differently_in_grey():
    image = previews.indicator_image(MODEL.indicators["forest-cover-percent"], "en", "Site", HOST)
    left, top, right, bottom = previews.CHART
    assert previews._rgb(previews.BLUE) not in colours_in(image, (left, top, left + 140, bottom))  # 1993-1998
    assert previews._rgb(previews.MUTED) in colours_in(image, (left, bottom + 45, right, previews.HEIGHT - 82))


ANY_TEXT = {
    # defect: a name the validator refuses, given to the drawing directly
    "line-feed": "ค่าเฉลี่ย\nฝุ่น", "carriage-return": "PM2.5\rannual", "paragraph-separator": "PM2.5\u2029annual",
    "line-separator": "PM2.5\u2028annual", "nul": "PM\x002.5", "noncharacters": "ฝุ่น\ufffe\uffff",
    "tone-mark-stack": "ก" + "\u0e48" * 5000, "hundred-thousand-characters": "ฝุ่นควัน " * 12_500,
}


@pytest.mark.parametrize("text", ANY_TEXT.values(), ids=ANY_TEXT.keys())
def test_any_text_draws_in_bounded_time_and_memory(text):
    """A line break stopped the build inside the layout engine, and a stack of tone marks
    took a gigabyte for one image: whatever a text holds, what is drawn is bounded."""
    import dataclasses
    import time

    start = time.process_time()
    indicator = dataclasses.replace(MODEL.indicators["household-income-monthly"], name_th=text, unit_th=text)
    image = previews.indicator_image(indicator, "th", text, HOST)
    assert image.size == (previews.WIDTH, previews.HEIGHT)
    assert time.process_time() - start < 10
    drawn = previews.drawable(text)
    assert len(drawn) <= previews.MAX_DRAWN and not re.search(r"[\x00-\x1f\u2028\u2029\ufffe\uffff]", drawn)
    assert not re.search("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{5}", drawn)  # at most four marks on a letter
