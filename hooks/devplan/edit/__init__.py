"""Edit: the way back in, for maintainers who change the data.

workbook.py makes the maintainers' workbook: every table of the package as a sheet, each
column with its note and its spreadsheet checks (notes.py), in the shape layout.py gives
both directions. readbook.py reads an uploaded workbook back as cells, refusing what it
cannot read faithfully; convert.py turns the cells into the package's CSV files (csvfiles.py
keeps an unchanged row's bytes) and validates them before anything is written;
whatchanged.py and report.py say what changed and where each problem is (located.py: by
sheet and cell and by FILE:ROW:COLUMN). scaffold.py starts a new indicator from a terminal.
"""
