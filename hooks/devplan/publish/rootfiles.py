"""Files at the site's root, shared by every language: the page that sends a reader to
their language and the 404 page GitHub Pages serves for any missing address. (The data
downloads under data/ are written by downloads.write_downloads.)"""

from __future__ import annotations

import base64
import hashlib
import html
import shutil
from pathlib import Path

STYLE = "body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;line-height:1.6}"


def _hash(text: str) -> str:
    """A Content-Security-Policy source that allows exactly this inline script or style."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def language_chooser(site_names: dict[str, str]) -> str:
    """Root index.html: links to each language (site name per language, default first).
    A browser that lists the default language goes there; one that does not goes to the
    other language it lists, or else to the first other one (a reader without Thai is
    better served in English). The links work without JavaScript."""
    languages = list(site_names)
    links = "\n".join(
        f'<li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{html.escape(name)}</a></li>'
        for lang, name in site_names.items())
    default, others = languages[0], languages[1:]
    script = f"""
(function () {{
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {{ return l.slice(0, 2); }});
  var others = {list(others)!r};
  var pick = wanted.indexOf("{default}") !== -1 ? "{default}"
    : others.filter(function (l) {{ return wanted.indexOf(l) !== -1; }})[0] || others[0] || "{default}";
  location.replace(pick + "/");
}})();
"""
    # The page's own script and style only, by their hashes: no other inline script can run.
    policy = f"default-src 'self'; script-src {_hash(script)}; style-src {_hash(STYLE)}"
    return f"""<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{html.escape(site_names[default])}</title>
<link rel="icon" href="{default}/assets/images/favicon.png">
<style>{STYLE}</style>
<script>{script}</script>
</head>
<body>
<ul>
{links}
</ul>
</body>
</html>
"""


def write_root_files(site_dir: Path, *, site_names: dict[str, str]) -> None:
    site_dir = Path(site_dir)
    languages = list(site_names)
    (site_dir / "index.html").write_text(language_chooser(site_names), encoding="utf-8")
    # Each language's 404 page links its assets by absolute URL, so it works at any depth.
    built_404 = site_dir / languages[0] / "404.html"
    if built_404.exists():
        shutil.copyfile(built_404, site_dir / "404.html")
