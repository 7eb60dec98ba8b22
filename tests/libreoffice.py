"""LibreOffice Calc, headless, as the maintainer's spreadsheet program in tests.

Every edit of a test session runs in one start of LibreOffice (each start costs seconds):
a Basic macro reads a list of jobs (open a workbook, put text, numbers or formulas into
cells, delete, insert, merge or hide rows, hide or rename sheets, save as .xlsx, .xls
or .ods, or drawn as PDF) from a UTF-8 file, and LibreOffice writes every file itself.
Cells are set through its API, not typed: LibreOffice 7.4 headless aborted in a timer
when a macro dispatched keyboard input (`.uno:EnterString`) on a busy machine (see
docs/DECISIONS.md). Each run has its own profile folder, so runs never share state.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97", "ods": "calc8", "pdf": "calc_pdf_Export"}

MACRO = r"""
Function Prop(name As String, value) As com.sun.star.beans.PropertyValue
  Dim p As New com.sun.star.beans.PropertyValue
  p.Name = name
  p.Value = value
  Prop = p
End Function

Sub Run(jobFile As String, logFile As String)
  On Error GoTo Failed
  files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  stream = createUnoService("com.sun.star.io.TextInputStream")
  stream.setInputStream(files.openFileRead(ConvertToURL(jobFile)))
  stream.setEncoding("UTF-8")
  Dim doc As Object
  Dim entry As String
  Dim opened As Boolean
  Do While Not stream.isEOF()
    entry = stream.readLine()
    parts = Split(entry, Chr(9))
    If entry = "" Then
      Exit Do
    ElseIf parts(0) = "open" Then
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(1)), "_blank", 0, Array(Prop("Hidden", True)))
      opened = True
    ElseIf parts(0) = "close" Then
      opened = False
      doc.setModified(False)
      doc.close(True)
    ElseIf parts(0) = "save" Then
      doc.storeToURL(ConvertToURL(parts(1)), Array(Prop("FilterName", parts(2))))
    Else
      sheet = doc.Sheets.getByName(parts(1))
      Select Case parts(0)
      Case "text"
        sheet.getCellRangeByName(parts(2)).setString(parts(3))
      Case "number"
        sheet.getCellRangeByName(parts(2)).setValue(Val(parts(3)))
      Case "formula"
        sheet.getCellRangeByName(parts(2)).setFormula(parts(3))
      Case "unprotect"
        sheet.unprotect("")
      Case "deleterow"
        sheet.Rows.removeByIndex(CLng(parts(2)) - 1, 1)
      Case "insertrow"
        sheet.Rows.insertByIndex(CLng(parts(2)) - 1, 1)
      Case "merge"
        sheet.getCellRangeByName(parts(2)).merge(True)
      Case "hiderow"
        sheet.Rows.getByIndex(CLng(parts(2)) - 1).IsVisible = False
      Case "hidesheet"
        sheet.IsVisible = False
      Case "rename"
        sheet.Name = parts(2)
      End Select
    End If
  Loop
  stream.closeInput()
  Exit Sub
Failed:
  out = createUnoService("com.sun.star.io.TextOutputStream")
  out.setOutputStream(files.openFileWrite(ConvertToURL(logFile)))
  out.writeString("job " & entry & ": error " & Err & " " & Error$)
  out.closeOutput()
  stream.closeInput()
  If opened Then doc.close(True)  ' an open document would keep LibreOffice running
End Sub
"""


def _module_xml() -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
            '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
            f'script:language="StarBasic">{escape(MACRO)}</script:module>\n')


def run(jobs: list[list[str]], folder: Path, timeout: int = 300) -> None:
    """Run the jobs (lists of cells: the verb, then its arguments; see MACRO) in one start."""
    profile = folder / "profile"
    command = [SOFFICE, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile.as_uri()}"]
    # The first start makes the profile (with an empty Basic library); then the macro goes in.
    _soffice([*command, "--terminate_after_init"], timeout)
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_module_xml(), encoding="utf-8")
    _settings(profile / "user" / "registrymodifications.xcu")
    job_file, log = folder / "jobs.tsv", folder / "macro-error.txt"
    # Every job gets five cells: StarBasic evaluates a whole condition, parts(3) included.
    job_file.write_text("".join("\t".join([*job, "", "", "", ""][:max(5, len(job))]) + "\n" for job in jobs),
                        encoding="utf-8")
    _soffice([*command, f'macro:///Standard.Module1.Run("{job_file}","{log}")'], timeout)
    if log.exists():
        raise RuntimeError(f"LibreOffice macro failed: {log.read_text(encoding='utf-8')}")


SETTINGS = [  # no timers running in the background while the macro works (they crash a busy headless run)
    ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "false"),
    ("/org.openoffice.Office.Recovery/RecoveryInfo", "Enabled", "false"),
    ("/org.openoffice.Office.Linguistic/SpellChecking", "IsSpellAuto", "false"),
    ("/org.openoffice.Office.Calc/Input", "AutoInput", "false"),
    ("/org.openoffice.Office.Common/AutoCorrect", "ChangeUnderlineWeight", "false"),
]


def _settings(path: Path) -> None:
    items = "".join(f'<item oor:path="{where}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
                    for where, name, value in SETTINGS)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</oor:items>", items + "</oor:items>"), encoding="utf-8")


def _soffice(command: list[str], timeout: int) -> None:
    """One start; on a timeout (a dialog waiting for nobody) its whole process group is ended."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if process.wait(timeout=timeout) != 0:
            raise RuntimeError(f"LibreOffice ended with {process.returncode}: {command[-1]}")
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise RuntimeError(f"LibreOffice did not finish in {timeout} s: {command[-1]}") from None


def save(path: Path, kind: str = "xlsx") -> list[str]:
    return ["save", str(path), FILTERS[kind]]
