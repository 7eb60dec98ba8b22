"""Link-preview images (Open Graph, 1200x630 PNG): what a card in LINE, Facebook or X shows
when someone shares a page. One per indicator and language (name, latest value and year,
status, a small chart, source) and one per language for every other page.

Drawn with Pillow at build time. Pillow's wheels bundle Raqm/HarfBuzz, which place Thai
vowels and tone marks as a browser does; the fonts are the site's own Noto Sans Thai
subsets (docs/assets/fonts: a Thai file and a Latin file, as the browser uses them), so
each run of text is set in the file that has its glyphs. Images are PNGs on one fixed
64-colour palette (small files, fast to write) with no timestamp: the same data gives
the same bytes. They are drawn on the palette directly: shapes in palette colours, and
each run of text as a small sprite, set on its background and mapped to the palette once
(a whole-image colour mapping cost a fifth of each image's time, measured).
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from pathlib import Path

import regex
from PIL import Image, ImageDraw, ImageFont, features
from zlib_ng import zlib_ng

from ..addresses import preview_file
from ..check.texts import MAX_MARKS
from ..model.plan import Indicator, PlanModel
from . import thaiwords
from .charts import _joined, _kind, _other_kinds, value_ticks
from .labels import display_year, format_number, label, year_label

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parents[3] / "docs" / "assets" / "fonts"
THAI_RUN = re.compile(r"([\u0e00-\u0e7f][\u0e00-\u0e7f ]*)")
SPACED = re.compile(r"\s+|\S+")
PAPER, INK, MUTED, TEAL, BLUE, VERMILLION, LINE = (
    "#ffffff", "#1a1a1a", "#555555", "#00796b", "#0072B2", "#D55E00", "#cccccc")
STATUS_COLOURS = {  # as the badges on the site (docs/assets/css/site.css)
    "achieved": ("#00603f", "#e3f5ee"), "on_track": ("#004f80", "#e2f0fa"), "off_track": ("#7a4a00", "#fdf0d9"),
    "moving_away": ("#8f2f00", "#fbe6dc"), "not_achieved": ("#8f2f00", "#fbe6dc"), "meets_standard": ("#00603f", "#e3f5ee"),
    "misses_standard": ("#8f2f00", "#fbe6dc"), "not_enough_data": ("#3d3d3d", "#eeeeee"), "no_target": ("#3d3d3d", "#eeeeee"),
}
MARGIN = 64
# What an image can show of a text: the longest line fits ~60 characters and a name has at
# most 3 lines. Drawing more (a 100,000-character cell) would only cost time and memory.
MAX_DRAWN = 400
# Text a layout engine cannot set on one line (Raqm fails on a line break) or that stacks
# without end (thousands of tone marks on one letter took a gigabyte for one image).
NOT_DRAWN = regex.compile(r"[\p{Cc}\p{Zl}\p{Zp}]|\p{Noncharacter_Code_Point}")
MARKS = regex.compile(r"(\p{M}{%d})\p{M}+" % MAX_MARKS)
NAME_LARGE, NAME_SMALL = (44, 62, 160), (38, 52, 150)  # an indicator's name: size, line step, first baseline
BADGE_TOP = HEIGHT - 160
COVERED = [0] + [255] * 255  # a sprite's mask: any coverage at all is the whole pixel
CHART = (760, 220, 1136, 440)  # left, top, right, bottom of the small chart (its scale's labels above and below)


def shapes_thai() -> bool:
    """Raqm lays out Thai marks; without it Pillow's basic layout stacks them wrongly."""
    return features.check("raqm")


@lru_cache(maxsize=None)
def _font(script: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = f"noto-sans-thai-{script}-{700 if bold else 400}-normal.woff2"
    engine = ImageFont.Layout.RAQM if shapes_thai() else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=engine)


@lru_cache(maxsize=4096)  # names, units and labels recur
def drawable(text: str) -> str:
    """The part of a text an image can draw, whatever the text holds: line breaks, control
    characters and noncharacters as spaces, at most MAX_MARKS marks on a letter, at most
    MAX_DRAWN characters. Validated data never needs this; the drawing is bounded
    in time and memory even so."""
    text = text[: MAX_DRAWN * 2]
    return MARKS.sub(r"\1", NOT_DRAWN.sub(" ", text))[:MAX_DRAWN]


def _runs(text: str, bold: bool, size: int):
    """(text, font) pieces: Thai letters in the Thai file, everything else in the Latin one."""
    text = drawable(text)
    for part in THAI_RUN.split(text):
        if part:
            yield part, _font("thai" if THAI_RUN.fullmatch(part) else "latin", bold, size)


@lru_cache(maxsize=4096)
def text_width(text: str, bold: bool, size: int) -> float:
    return sum(font.getlength(part) for part, font in _runs(text, bold, size))


@lru_cache(maxsize=512)
def _sprite(part: str, font: ImageFont.FreeTypeFont, fill: str, background: str):
    """A run of text drawn once, anti-aliased against its background and mapped to the
    palette, with a mask of the pixels it covers and how far it advances: labels, years,
    units and publishers recur on every image, and laying out and rasterising text is most
    of the cost."""
    left, top, right, bottom = font.getbbox(part, anchor="ls")
    alpha = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
    ImageDraw.Draw(alpha).text((-left, -top), part, font=font, fill=255, anchor="ls")
    sprite = Image.new("RGB", alpha.size, background)
    sprite.paste(fill, (0, 0), alpha)
    covered = alpha.point(COVERED)  # 0 or 255: copies palette entries, never blends them
    return sprite.quantize(palette=_palette(), dither=Image.Dither.NONE), covered, left, top, font.getlength(part)


def _draw_text(image: Image.Image, xy, text: str, fill, bold=False, size=28, background=PAPER) -> float:
    """Text on a baseline at xy, on a plain `background`; returns the x where it ends."""
    x, y = xy
    for part, font in _runs(text, bold, size):
        sprite, covered, left, top, advance = _sprite(part, font, fill, background)
        image.paste(sprite, (round(x) + left, round(y) + top), covered)
        x += advance
    return x


@lru_cache(maxsize=4096)  # units and source lines recur on many images
def _words(text: str) -> tuple[str, ...]:
    """Break points: Thai has no spaces between words, so pythainlp finds them; other text
    breaks at its spaces (and never before a closing bracket or a full stop)."""
    if not THAI_RUN.search(text):
        return tuple(SPACED.findall(text))
    return tuple(thaiwords.cut(text, keep_whitespace=True))


def wrap(text: str, width: float, bold: bool, size: int, max_lines: int) -> list[str]:
    """Lines no wider than width (measured word by word); the last one ends in an
    ellipsis if text is left over."""
    lines, current, used = [], "", 0.0
    for word in _words(drawable(text)):
        extra = text_width(word, bold, size)
        if current and used + extra > width:
            lines.append(current.rstrip())
            current, used = word.lstrip(), text_width(word.lstrip(), bold, size)
        else:
            current, used = current + word, used + extra
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", bold, size) > width:
            last = last[:-1]
        lines = lines[:max_lines - 1] + [last.rstrip() + "…"]
    return lines


@lru_cache(maxsize=8)
def _frame(site_name: str, host: str, lang: str) -> Image.Image:
    """What every image of a language shares (drawn once, copied for each indicator)."""
    image = blank()
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 84), fill=ink(TEAL))
    _draw_text(image, (MARGIN, 54), site_name, PAPER, bold=True, size=30, background=TEAL)
    draw.line((MARGIN, HEIGHT - 80, WIDTH - MARGIN, HEIGHT - 80), fill=ink(LINE), width=2)
    _draw_text(image, (WIDTH - MARGIN - text_width(host, False, 22), HEIGHT - 36), host, MUTED, size=22)
    return image


def _status_badge(image, xy, status: str, lang: str) -> None:
    """The badge as on the page: a shape as well as a colour, then the words."""
    draw = ImageDraw.Draw(image)
    x, y = xy
    text, fill = STATUS_COLOURS[status]
    words = label(f"status_{status}", lang)
    width = 60 + text_width(words, True, 28) + 24
    mark = ink(text)
    draw.rounded_rectangle((x, y, x + width, y + 52), radius=26, fill=ink(fill), outline=mark, width=3)
    cx, cy, r = x + 32, y + 26, 11
    shape = {
        "achieved": [(cx + r * dx, cy + r * dy) for dx, dy in
                     ((0, -1.2), (0.35, -0.35), (1.2, -0.3), (0.5, 0.25), (0.75, 1.1), (0, 0.6), (-0.75, 1.1),
                      (-0.5, 0.25), (-1.2, -0.3), (-0.35, -0.35))],
        "on_track": [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)],
        "off_track": [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
        "moving_away": [(cx - r, cy - r), (cx + r, cy - r), (cx, cy + r)],
        "not_achieved": [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)],
    }.get(status)
    if shape:
        draw.polygon(shape, fill=mark)
    elif status == "meets_standard":  # a tick
        draw.line([(cx - r, cy), (cx - r / 3, cy + r), (cx + r, cy - r)], fill=mark, width=4, joint="curve")
    elif status == "misses_standard":  # a cross
        draw.line((cx - r, cy - r, cx + r, cy + r), fill=mark, width=4)
        draw.line((cx - r, cy + r, cx + r, cy - r), fill=mark, width=4)
    elif status == "not_enough_data":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=mark, width=3)
    else:
        draw.line((cx - r, cy, cx + r, cy), fill=mark, width=4)
    _draw_text(image, (x + 56, y + 36), words, text, bold=True, size=28, background=fill)


def _small_chart(image, indicator: Indicator, lang: str) -> None:
    """The page's chart in small: a scale from zero to a round top value, each labelled;
    values comparable with the latest in blue and any counted differently in grey squares;
    the plan's target path dashed, an announced aim a hollow diamond and a national
    standard a dotted level, each named in a legend below; years at both ends."""
    draw = ImageDraw.Draw(image)
    observed = indicator.observations
    if not observed:
        return
    left, top, right, bottom = CHART
    targets = {kind: [(t.year, t.value) for t in indicator.targets if t.kind == kind] for kind in ("plan", "announced", "standard")}
    years = [o.year for o in observed] + [t.year for t in indicator.targets]
    values = [o.value for o in observed] + [t.value for t in indicator.targets]
    ticks, labels, (low, high) = value_ticks(min(values), max(values), 4)
    first, last = min(years), max(years)
    step_aside = 14 if last > first else 0  # px: a target in a year with a value stands beside it

    def at(year, value, aside=False):
        x = left + (right - left) * ((year - first) / (last - first) if last > first else 0.5)
        y = bottom - (bottom - top) * ((value - low) / (high - low) if high > low else 0.5)
        return x + (step_aside if aside else 0), y

    # The scale: the baseline at zero (or the lowest tick) and a light line at the top tick, labelled.
    draw.line((left, bottom, right, bottom), fill=ink(LINE), width=2)
    draw.line((left, top, right, top), fill=ink(LINE), width=1)
    _draw_text(image, (left, top - 10), labels[-1], MUTED, size=20)
    _draw_text(image, (left - 10 - text_width(labels[0], False, 20), bottom + 7), labels[0], MUTED, size=20)
    observed_years = {o.year for o in observed}
    legend = []
    if targets["standard"]:
        for n, (year, value) in enumerate(targets["standard"]):
            end_year = targets["standard"][n + 1][0] if n + 1 < len(targets["standard"]) else last
            (x1, y), (x2, _) = at(max(year, first), value), at(end_year, value)
            for x in range(round(x1), round(x2), 12):
                draw.line((x, y, min(x + 5, x2), y), fill=ink(MUTED), width=3)
        legend.append(("standard", label("reference_standard", lang)))
    if targets["plan"]:
        baseline = indicator.progress.baseline if indicator.progress else None
        path = ([at(*baseline)] if baseline else []) + [at(y, v, y in observed_years) for y, v in targets["plan"]]
        for a, b in zip(path, path[1:]):
            _dashed(draw, a, b, ink(VERMILLION))
        for x, y in path[1 if baseline else 0:]:
            draw.polygon([(x, y - 9), (x + 9, y), (x, y + 9), (x - 9, y)], fill=ink(VERMILLION))
        legend.append(("plan", label("reference_plan", lang)))
    latest_kind = _kind(observed[-1])
    others = _other_kinds(observed, latest_kind)
    for other, points in others:
        years = sorted({display_year(o.year, lang) for o in points})
        key = "other_series" if other[0] != latest_kind[0] else "other_part_year" if other[1] else "other_whole_year"
        legend.append(("other", label(key, lang, years=years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}")))
    for kind, points in [(latest_kind, [o for o in observed if _kind(o) == latest_kind]), *others]:
        colour, square = (BLUE, False) if kind == latest_kind else (MUTED, True)
        run: list = []
        for point in [*_joined(points, observed), None]:
            if point:
                run.append(at(point[0], point[1]))
                continue
            if len(run) > 1:
                draw.line(run, fill=ink(colour), width=5 if not square else 3, joint="curve")
            for x, y in run:
                shape = draw.rectangle if square else draw.ellipse
                shape((x - 7, y - 7, x + 7, y + 7), fill=ink(colour))
            run = []
    for year, value in targets["announced"]:  # an aim said in public: a point, not a path
        x, y = at(year, value, year in observed_years)
        draw.polygon([(x, y - 11), (x + 11, y), (x, y + 11), (x - 11, y)], outline=ink(VERMILLION), width=4)
    if targets["announced"]:
        legend.append(("announced", label("reference_announced", lang)))
    kind = indicator.year_type
    _draw_text(image, (left, bottom + 34), year_label(first, lang, kind), MUTED, size=22)
    end = year_label(last, lang, kind)
    _draw_text(image, (right - text_width(end, False, 22), bottom + 34), end, MUTED, size=22)
    x, y = left, bottom + 60
    for kind, words in legend:  # below the years: what each mark that is not a comparable value means
        if x > left and x + 26 + text_width(words, False, 20) > right:
            x, y = left, y + 26
        _legend_mark(draw, (x + 10, y), kind)
        for n, line in enumerate(wrap(words, right - x - 26, False, 20, 2)):
            end = _draw_text(image, (x + 26, y + 7 + 24 * n), line, MUTED, size=20)
        x, y = end + 20, y + 24 * n


def _legend_mark(draw, centre, kind: str) -> None:
    x, y = centre
    if kind == "other":
        draw.rectangle((x - 6, y - 6, x + 6, y + 6), fill=ink(MUTED))
    elif kind == "standard":
        draw.line((x - 10, y, x - 4, y), fill=ink(MUTED), width=3)
        draw.line((x + 2, y, x + 8, y), fill=ink(MUTED), width=3)
    elif kind == "plan":
        draw.polygon([(x, y - 8), (x + 8, y), (x, y + 8), (x - 8, y)], fill=ink(VERMILLION))
    else:
        draw.polygon([(x, y - 9), (x + 9, y), (x, y + 9), (x - 9, y)], outline=ink(VERMILLION), width=3)


def _dashed(draw, a, b, fill, dash=14, gap=10) -> None:
    (x1, y1), (x2, y2) = a, b
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1
    step = 0.0
    while step < length:
        end = min(step + dash, length)
        draw.line((x1 + (x2 - x1) * step / length, y1 + (y2 - y1) * step / length,
                   x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length), fill=fill, width=4)
        step = end + gap


def indicator_image(indicator: Indicator, lang: str, site_name: str, host: str) -> Image.Image:
    image = _frame(site_name, host, lang).copy()
    tr = lambda name: getattr(indicator, f"{name}_{lang}")  # noqa: E731
    # A name of three lines is set smaller, or the value's year would run into the badge.
    room = CHART[0] - MARGIN - 40
    (size, step, y), lines = NAME_LARGE, wrap(tr("name"), room, True, NAME_LARGE[0], 3)
    if len(lines) > 2:
        (size, step, y), lines = NAME_SMALL, wrap(tr("name"), room, True, NAME_SMALL[0], 3)
    for line in lines:
        _draw_text(image, (MARGIN, y), line, INK, bold=True, size=size)
        y += step
    latest = indicator.latest
    y += 18
    _draw_text(image, (MARGIN, y), label("latest_value", lang), MUTED, size=26)
    y += 68
    if latest:
        end = _draw_text(image, (MARGIN, y), format_number(latest.value, indicator.decimals), INK, bold=True, size=60)
        unit = wrap(tr("unit"), CHART[0] - end - 56, False, 28, 1)
        _draw_text(image, (end + 16, y), unit[0] if unit else "", INK, size=28)
        when = f"{year_label(latest.year, lang, indicator.year_type)} · {label(latest.status, lang)}"
        _draw_text(image, (MARGIN, y + 40), when, MUTED, size=24)
    else:
        _draw_text(image, (MARGIN, y), label("no_data", lang), INK, bold=True, size=40)
    status = indicator.progress.status if indicator.progress else "no_target"
    _status_badge(image, (MARGIN, BADGE_TOP), status, lang)
    _small_chart(image, indicator, lang)
    source = latest.source if latest else indicator.source
    line = source_line(f"{label('source', lang)}: {getattr(source, f'publisher_{lang}')}", host)
    _draw_text(image, (MARGIN, HEIGHT - 36), line, MUTED, size=22)
    return image


def source_line(text: str, host: str) -> str:
    """The source, cut to end before the site's address at the right of the same line."""
    room = WIDTH - 2 * MARGIN - text_width(host, False, 22) - 40
    return wrap(text, room, False, 22, 1)[0]


def site_image(lang: str, site_name: str, description: str, host: str) -> Image.Image:
    image = _frame(site_name, host, lang).copy()
    y = 230
    for line in wrap(description, WIDTH - 2 * MARGIN, True, 46, 4):
        _draw_text(image, (MARGIN, y), line, INK, bold=True, size=46)
        y += 68
    return image


def blank() -> Image.Image:
    """A white image on the palette, to draw on."""
    image = Image.new("P", (WIDTH, HEIGHT), ink(PAPER))
    image.putpalette(_palette().getpalette())
    return image


@lru_cache(maxsize=None)
def ink(colour: str) -> int:
    """A drawing colour's entry in the palette (every colour the images draw has one)."""
    return _colours().index(_rgb(colour))


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    palette = Image.new("P", (1, 1))
    palette.putpalette([c for rgb in _colours() for c in rgb])
    return palette


@lru_cache(maxsize=1)
def _colours() -> list[tuple[int, int, int]]:
    """The drawing's colours and their blends with the background (anti-aliased edges):
    one fixed palette, so no image needs a colour search of its own."""
    inks = [INK, MUTED, TEAL, BLUE, VERMILLION, LINE, *sorted({ink for ink, _ in STATUS_COLOURS.values()})]
    colours = [(255, 255, 255), *sorted({_rgb(fill) for _, fill in STATUS_COLOURS.values()})]
    for ink in inks:
        rgb = _rgb(ink)
        for share in (1.0, 0.75, 0.5, 0.25):
            colours.append(tuple(round(c * share + 255 * (1 - share)) for c in rgb))
    for ink, fill in STATUS_COLOURS.values():  # text on a badge blends into the badge colour
        a, b = _rgb(ink), _rgb(fill)
        colours += [tuple(round(x * s + y * (1 - s)) for x, y in zip(a, b)) for s in (0.66, 0.33)]
    teal = _rgb(TEAL)  # white text on the teal band
    colours += [tuple(round(255 * s + c * (1 - s)) for c in teal) for s in (0.66, 0.33)]
    return colours


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def png(image: Image.Image) -> bytes:
    """A palette PNG (the image has a few colours and their blends): a fraction of an
    RGB file's size and time to write. Written here rather than by Pillow, whose encoder
    compresses with the system's zlib: zlib-ng does the same run-length compression five
    times faster (0.7 against 3.8 ms an image, the same size; measured). The chunks are
    PNG's minimum (IHDR, PLTE, IDAT, IEND): no timestamp, the same data gives the same bytes."""
    width, height = image.size
    framed = Image.new("P", (width + 1, height), 0)  # each row after a 0: its filter type, none
    framed.paste(image, (1, 0))
    rows = framed.tobytes()  # a third of the time of joining the rows in Python (measured)
    deflate = zlib_ng.compressobj(3, zlib_ng.DEFLATED, 15, 9, zlib_ng.Z_RLE)
    palette = bytes(image.getpalette()[: 3 * len(_colours())])
    return b"".join((PNG_SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)),
                     _chunk(b"PLTE", palette), _chunk(b"IDAT", deflate.compress(rows) + deflate.flush()),
                     _chunk(b"IEND", b"")))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib_ng.crc32(kind + data))


def write_previews(model: PlanModel, out_dir: Path, lang: str, site: tuple[str, str], base_url: str,
                   share: tuple[int, int] = (0, 1)) -> None:
    """One language's preview images into out_dir (the site's previews/ folder). site: the
    site's name and description; base_url: the address printed on each; share (k, n): draw
    every n-th indicator from the k-th, so n jobs can share the work (the first also draws
    the site's own image)."""
    host = base_url.split("://", 1)[-1].rstrip("/")
    # Keep a few freed image blocks for the next image instead of handing them back to the
    # system and faulting fresh memory in for each one (an eighth of the time, measured).
    Image.core.set_blocks_max(8)
    site_name, site_description = site
    out_dir = Path(out_dir)
    (out_dir / lang).mkdir(parents=True, exist_ok=True)
    k, n = share
    if k == 0:
        (out_dir / preview_file(lang)).write_bytes(png(site_image(lang, site_name, site_description, host)))
    for indicator in list(model.indicators.values())[k::n]:
        (out_dir / preview_file(lang, indicator.indicator_id)).write_bytes(
            png(indicator_image(indicator, lang, site_name, host)))
