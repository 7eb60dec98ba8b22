"""devplan: turns a province's development-plan Data Package into bilingual site pages.

Stages, one module each: validate (+ rules) -> model (+ status) -> pages, charts,
downloads, search. Nothing here imports MkDocs; hooks/site_hooks.py adapts it.
"""
