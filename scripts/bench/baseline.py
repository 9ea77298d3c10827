"""The baseline both benchmarks compare against: plain mkdocs-material over the same Markdown.

One definition, so "plain material" means the same thing in BENCHMARKS.md's build section
(scripts/bench/build_bench.py: with mkdocs-static-i18n for the same two languages) and its
search section (scripts/bench/search_bench.py: one language with material's search plugin):
theme material in Dutch, no Google Fonts, ``_data/`` left out, hub-only navigation unless
asked otherwise.
"""
from __future__ import annotations

from pathlib import Path

import yaml

I18N = {"i18n": {"docs_structure": "suffix", "languages": [
    {"locale": "nl", "default": True, "name": "Nederlands"},
    {"locale": "en", "name": "English"},
]}}


def config(docs: Path, *, site_name: str = "Baseline", i18n: bool = True, search: dict | None = None,
           auto_nav: bool = False, hooks: tuple[Path, ...] = ()) -> str:
    """The mkdocs.yml text. ``search``: material's search plugin with these options (None: no
    search plugin); ``auto_nav``: mkdocs' automatic navigation of every page instead of ``[index.md]``."""
    data: dict = {
        "site_name": site_name,
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "nl", "font": False},
        "exclude_docs": "_data/\n",
    }
    if not auto_nav:
        data["nav"] = ["index.md"]
    plugins = ([{"search": search} if search else "search"] if search is not None else []) + ([I18N] if i18n else [])
    data["plugins"] = plugins
    if hooks:
        data["hooks"] = [str(hook) for hook in hooks]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write(path: Path, docs: Path, **options) -> Path:
    path.write_text(config(docs, **options), encoding="utf-8")
    return path
