"""Link-preview images drawn by Pillow: Thai set with a shaping engine, nothing drawn
over anything else, plain white paper, the same bytes for the same data."""

from __future__ import annotations

import io

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


def test_long_names_wrap_within_their_column_and_end_in_an_ellipsis():
    name = "จำนวนวันที่ค่าเฉลี่ย 24 ชั่วโมงของ PM2.5 เกินค่ามาตรฐาน " * 4
    lines = previews.wrap(name, 600, True, 44, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(previews.text_width(line, True, 44) <= 600 for line in lines)


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
