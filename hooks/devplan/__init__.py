"""devplan: turns a province's development-plan Data Package into a bilingual static site.

A datum flows through the sub-packages in order, and each imports only those before it:

    check/    is the package right? descriptor, cells, tables, cross-table rules, problem reports
    model/    what the data says: plans > strategies > goals > indicators, status, trend, changes
    render/   pages, charts, preview images and sharing, in one language, with every label
    publish/  the downloads, the search index and the site folder a build swaps in
    edit/     the way back in: new rows for maintainers

`addresses.py` names the files the site publishes, for any of them. Nothing here imports
MkDocs: hooks/site_hooks.py adapts it, scripts/build.py runs it.
"""
