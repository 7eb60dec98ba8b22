"""A table's bytes as text, or why they are not UTF-8 text, in words a maintainer can act on.

Excel saves Thai CSV three ways: 'CSV UTF-8' (what the package needs), plain 'CSV' in the
Windows Thai code page (874/TIS-620), and 'Unicode Text', which is UTF-16. UTF-16 begins
with a byte-order mark and puts a NUL byte beside every Latin letter; read as UTF-8 it
either fails at the mark or, without one, gives column names spotted with NULs. No column
name holds a NUL, so a NUL in the header line (or a UTF-16/32 mark) says UTF-16, or a file
that is not text.
"""

from __future__ import annotations

import codecs

WIDE_MARKS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SAVE_AS_EN = ("Fix: open it and save as 'CSV UTF-8 (Comma delimited)' in Excel, or choose "
              "'Unicode (UTF-8)' in LibreOffice, then commit again")
SAVE_AS_TH = ("วิธีแก้: เปิดไฟล์แล้วบันทึกเป็น 'CSV UTF-8 (Comma delimited)' ใน Excel "
              "หรือเลือก 'Unicode (UTF-8)' ใน LibreOffice แล้ว commit ใหม่")


class NotUtf8(ValueError):
    """The bytes are not UTF-8 text: `line` is where that shows, the messages say why."""

    def __init__(self, line: int, en: str, th: str):
        super().__init__(en)
        self.line, self.en, self.th = line, en, th


def csv_text(raw: bytes) -> str:
    """The text of a CSV file saved as UTF-8 (with or without Excel's mark); else NotUtf8.

    >>> csv_text(b"\\xef\\xbb\\xbfa,b\\n")
    'a,b\\n'
    """
    if raw.startswith(WIDE_MARKS) or b"\0" in raw.split(b"\n", 1)[0]:  # a NUL in a cell: that cell's problem
        raise NotUtf8(1, "the file is UTF-16 (Excel's 'Unicode Text') or not a text file, not UTF-8. "
                      + SAVE_AS_EN, "ไฟล์เข้ารหัสเป็น UTF-16 ('Unicode Text' ของ Excel) หรือไม่ใช่ไฟล์ข้อความ "
                      "ไม่ใช่ UTF-8 " + SAVE_AS_TH)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(raw[: error.start].count(b"\n") + 1,
                      "the file is not UTF-8 (probably saved by Excel as Windows-874/TIS-620 Thai). " + SAVE_AS_EN,
                      "ไฟล์ไม่ได้เข้ารหัส UTF-8 (น่าจะบันทึกจาก Excel เป็น Windows-874/TIS-620) "
                      + SAVE_AS_TH) from None
