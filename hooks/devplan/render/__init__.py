"""Render: the model in one language, as readers and other sites see it.

labels.py holds how numbers and years are written and loads every label a reader sees from
labels/<language>.yml; pages.py turns the model into Markdown pages through the Jinja2
templates (home.py, values.py, latest.py, datapage.py and changelog.py prepare their
parts); charts.py makes the Plotly figures, previews.py the link-preview images, share.py
the link-preview tags and embed pages. Nothing here writes the site folder.
"""
