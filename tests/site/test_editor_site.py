"""The browser editor is never part of the published site: no /admin/, no Decap, no config."""
from __future__ import annotations

import re


def test_no_page_or_file_of_the_site_mentions_the_editor(built_site):
    root = built_site
    names = [p.relative_to(root).as_posix() for p in root.rglob("*")]
    assert not [n for n in names if n.startswith("admin") or "decap" in n.lower()]
    pattern = re.compile(r"decap|/admin/|netlify-cms|config\.yml", re.IGNORECASE)
    hits = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".css", ".xml", ".json")
            and pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert hits == [], f"the editor leaked into the site: {hits[:5]}"
