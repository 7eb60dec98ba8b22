"""What any text cell may hold, whatever its column: characters every writer of the site
(pages, feeds, spreadsheets, preview images) can take, and something a reader can see.

Each rule refuses a class of text that broke a writer: invisible control characters
(spreadsheets cannot hold them), noncharacters such as U+FFFF (not allowed in XML, so the
feeds broke, and MkDocs dropped the page's title), a line break in a one-line text (a name
drawn on a preview image), a stack of combining marks (thousands of Thai tone marks on one
letter took a gigabyte to draw), a cell longer than a spreadsheet cell, and a text of only
invisible characters (a name of zero-width spaces shows as nothing). The message gives
the position and the character's code, never the character itself.
"""

from __future__ import annotations

import re

import regex

# C0 but tab and line breaks, DEL and C1: they come from copying out of PDFs, show as
# nothing or garbage, and spreadsheet files cannot hold them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unicode's noncharacters (U+FDD0-FDEF and the last two of every plane): never text.
NONCHARACTER = regex.compile(r"\p{Noncharacter_Code_Point}")
# Thai stacks at most a vowel and a tone mark on a letter (e.g. กั้, ปื้); other scripts a few more.
MAX_MARKS = 4
STACKED_MARKS = regex.compile(r"\p{M}{%d,}" % (MAX_MARKS + 1))
LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
# Whitespace and the invisible format characters (zero-width space and joiners, word
# joiner, byte-order mark, soft hyphen, direction marks): a text of only these shows nothing.
INVISIBLE = regex.compile(r"[\s\p{Cf}]+")
# Excel's limit: a longer cell is cut short when the downloads are opened in a spreadsheet.
MAX_CELL = 32_767
# Texts a page shows on one line (and a preview image draws): a name, a title, a unit, a
# publisher, an agency, a licence. Notes, summaries and methods may have paragraphs.
ONE_LINE = ("name", "title", "unit", "publisher", "agency", "licence")


def one_line(column: str) -> bool:
    return column.split("_")[0] in ONE_LINE


def check_text(raw: str, row: int, column: str, add) -> bool:
    """True when `raw` may be published; otherwise reports through add(row, column, code,
    en, th) the first rule it breaks."""
    if len(raw) > MAX_CELL:
        add(row, column, "cell-too-long",
            f"this cell holds {len(raw):,} characters: a spreadsheet cell holds at most {MAX_CELL:,}, "
            "so the downloads would cut it short; shorten it",
            f"ช่องนี้มี {len(raw):,} ตัวอักษร แต่ช่องของสเปรดชีตรับได้ไม่เกิน {MAX_CELL:,} ตัว "
            "ไฟล์ดาวน์โหลดจะถูกตัดข้อความ กรุณาย่อให้สั้นลง")
        return False
    found = CONTROL.search(raw)
    if found:
        add(row, column, "control-character",
            f"character {found.start() + 1} of this cell is an invisible control character "
            f"(U+{ord(found.group()):04X}), often left by copying from a PDF: retype the cell",
            f"อักขระที่ {found.start() + 1} ของช่องนี้เป็นอักขระควบคุมที่มองไม่เห็น (U+{ord(found.group()):04X}) "
            "มักติดมาจากการคัดลอกจาก PDF กรุณาพิมพ์ช่องนี้ใหม่")
        return False
    found = LINE_BREAK.search(raw) if one_line(column) else None
    if found:
        add(row, column, "line-break",
            f"character {found.start() + 1} of this cell is a line break (U+{ord(found.group()):04X}): "
            "a name or title is one line, so write it on one line",
            f"อักขระที่ {found.start() + 1} ของช่องนี้เป็นการขึ้นบรรทัดใหม่ (U+{ord(found.group()):04X}) "
            "ชื่อหรือหัวข้อต้องอยู่ในบรรทัดเดียว กรุณาเขียนให้อยู่ในบรรทัดเดียว")
        return False
    if raw.isascii():
        return True  # the rules below are about characters outside ASCII
    found = NONCHARACTER.search(raw)
    if found:
        add(row, column, "noncharacter",
            f"character {found.start() + 1} of this cell (U+{ord(found.group()):04X}) is not a character "
            "any text may hold (often left by a broken conversion): retype the cell",
            f"อักขระที่ {found.start() + 1} ของช่องนี้ (U+{ord(found.group()):04X}) ไม่ใช่อักขระที่ข้อความใดจะมีได้ "
            "(มักเกิดจากการแปลงไฟล์ที่ผิดพลาด) กรุณาพิมพ์ช่องนี้ใหม่")
        return False
    found = STACKED_MARKS.search(raw)
    if found:
        count = found.end() - found.start()
        add(row, column, "stacked-marks",
            f"characters {found.start() + 1}-{found.end()} of this cell are {count} marks (vowels or tone marks) "
            f"stacked on one letter, more than the {MAX_MARKS} any word needs: retype the cell",
            f"อักขระที่ {found.start() + 1}-{found.end()} ของช่องนี้เป็นสระหรือวรรณยุกต์ {count} ตัวซ้อนกันบนตัวอักษรเดียว "
            f"เกิน {MAX_MARKS} ตัวที่คำใดๆ ต้องใช้ กรุณาพิมพ์ช่องนี้ใหม่")
        return False
    if raw.strip() and INVISIBLE.fullmatch(raw):
        add(row, column, "invisible-text",
            "this cell holds only invisible characters (such as zero-width spaces): type the text, or empty the cell",
            "ช่องนี้มีแต่อักขระที่มองไม่เห็น (เช่น zero-width space) กรุณาพิมพ์ข้อความ หรือลบให้ว่าง")
        return False
    return True
