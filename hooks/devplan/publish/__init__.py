"""Publish: what goes into the site folder besides the pages, and the folder itself.

site.py is what one language of the site is made of (the adapter calls it); downloads.py
and spreadsheets.py write the open-data files (CSV, Excel-ready CSV, XLSX, JSON, zip),
xlsxfile.py the XLSX file of a read-only table;
search.py feeds Pagefind with Thai cut into words; rootfiles.py writes the language
chooser and the 404 page; sitefolder.py swaps a finished build in so that no stopped or
failed build ever leaves a half site; processes.py ends every process a stopped build
started, and scratch.py keeps its temporary files where the next build finds them.
"""
