"""Loading the content again in one process (what `mkdocs serve` does after every edit) sees every edit,
even one that keeps the file's size: parsed pages are reused by content, not by modification time."""
from __future__ import annotations

import shutil
from pathlib import Path

from kennisplein import project

ROOT = Path(__file__).resolve().parents[2]


def test_a_reload_sees_a_same_size_edit(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties", "videos"))
    page = docs / "producten" / "seksuele-assistentie" / "index.md"
    first = project.load(docs, with_readability=False)
    title = next(p for p in first.catalogue.products if p.slug == "seksuele-assistentie").main.meta.title
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(f"title: {title}", f"title: {title[::-1]}", 1), encoding="utf-8")
    again = project.load(docs, with_readability=False)
    assert next(p for p in again.catalogue.products if p.slug == "seksuele-assistentie").main.meta.title == title[::-1]


def test_a_reload_reports_a_new_fault(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties", "videos"))
    page = docs / "producten" / "seksuele-assistentie" / "index.md"
    assert not [p for p in project.load(docs, with_readability=False).problems if p.severity == "error"]
    page.write_text(page.read_text(encoding="utf-8").replace("region:", "regio:", 1), encoding="utf-8")
    problems = [p for p in project.load(docs, with_readability=False).problems if p.severity == "error"]
    assert any(p.path.endswith("seksuele-assistentie/index.md") for p in problems)
