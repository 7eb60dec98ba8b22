#!/usr/bin/env python3
"""Remake the maintainer guide's pictures of the workbook, as LibreOffice Calc draws it.

    python scripts/workbook_pictures.py [--data data] [--output docs/assets/img]

Each picture is a part of one sheet of the workbook `make workbook` writes, printed by
LibreOffice (headless, with its row and column headings and grid) to PDF, then to PNG by
pdftoppm and trimmed. Needs soffice, pdftoppm (poppler-utils) and a Thai font, as
`make test` installs them; run it after a change to the workbook's shape or the guide.
"""

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from devplan.edit import layout  # noqa: E402
from devplan.edit.workbook import make_workbook  # noqa: E402

# picture name: (sheet, printed range or the instructions' language, columns left out of the picture)
PICTURES = {
    "workbook-instructions-th": (layout.INSTRUCTIONS, "th", ()),
    "workbook-instructions-en": (layout.INSTRUCTIONS, "en", ()),
    "workbook-observations": ("ค่าที่วัดได้ (observations)", "A1:J12", ("E", "F", "G", "H", "I")),  # source to coverage
}
RESOLUTION = 140  # dots per inch: legible at the width the guide shows them


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"))
    parser.add_argument("--output", default=str(ROOT / "docs" / "assets" / "img"))
    args = parser.parse_args(argv)
    workbook = make_workbook(args.data)
    with tempfile.TemporaryDirectory(prefix="pictures-") as folder:
        folder = Path(folder)
        sources = []
        for name, (sheet, cells, hidden) in PICTURES.items():
            sources.append(folder / f"{name}.xlsx")
            _one_sheet(workbook, sheet, cells, hidden).save(sources[-1])
        # one start of LibreOffice for every picture
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                       check=True, capture_output=True, timeout=600)
        for source in sources:
            subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                            str(source.with_suffix(".pdf")), str(source.with_suffix(""))], check=True)
            picture = _trimmed(Image.open(source.with_suffix(".png")).convert("RGB"))
            target = Path(args.output) / source.with_suffix(".png").name
            picture.quantize(colors=64, dither=Image.Dither.NONE).save(target, optimize=True)  # a third of the bytes
            print(f"{target} ({picture.width} x {picture.height})")
    return 0


def _one_sheet(data: bytes, sheet: str, cells: str, hidden: tuple[str, ...]):
    """The workbook with only `sheet` visible, printed as the picture shows it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        if ws.title != sheet:
            ws.sheet_state = "hidden"
    ws = book[sheet]
    book.active = book.worksheets.index(ws)
    for letter, dimension in list(ws.column_dimensions.items()):  # one entry per column, to hide some
        for index in range(dimension.min + 1, (dimension.max or dimension.min) + 1):
            ws.column_dimensions[get_column_letter(index)].width = dimension.width
        dimension.max = dimension.min
    for column in hidden:
        ws.column_dimensions[column].hidden = True
    ws.print_area = _half(ws, cells) if cells in ("th", "en") else cells
    ws.print_options.headings = ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
    return book


def _half(ws, lang: str) -> str:
    """The instructions' Thai half (from the top to the English title) or English half."""
    english = next(c.row for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("Maintainer's workbook"))
    last = max(c.row for c in ws["A"] if c.value is not None)
    return f"A1:D{english - 2}" if lang == "th" else f"A{english}:D{last}"


def _trimmed(image: Image.Image) -> Image.Image:
    """The printed part of the page, with a small white margin."""
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if not box:
        return image
    margin = 8
    return image.crop((max(box[0] - margin, 0), max(box[1] - margin, 0),
                       min(box[2] + margin, image.width), min(box[3] + margin, image.height)))


if __name__ == "__main__":
    sys.exit(main())
