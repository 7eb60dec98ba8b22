"""Render: the model in one language, as readers and other sites see it.

labels.py holds how numbers and years are written and loads every label a reader sees from
labels/<language>.yml; pages.py writes each page through the Jinja2 templates (home.py,
values.py, comparison.py, latest.py, datapage.py and changelog.py prepare their parts) and
pagehtml.py makes it the page's HTML; charts.py makes the Plotly figures, previews.py the
link-preview images, share.py the link-preview tags and embed pages; thaiwords.py cuts Thai
into words. Nothing here writes the site folder.
"""
