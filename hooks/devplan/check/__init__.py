"""Check: read the Data Package and find every problem before anything is built.

The descriptor's shape first (descriptor.py), held to what the site reads (sitetables.py),
then each cell against its Table Schema (cells.py) and the rules any text obeys
(texts.py), each table's header, rows and keys (tables.py, whose `read_package` is the
way in; encoding.py says why a file's bytes are not UTF-8), then the rules that look
across tables and at files (rules.py). Every problem is data, a `Problem` with file, row,
column and a message in English and Thai (problems.py); report.py prints them for people
and for GitHub. Nothing here knows how a page looks.
"""
