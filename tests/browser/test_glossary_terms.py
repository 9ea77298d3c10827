"""Glossary terms explain themselves on hover and on keyboard focus, in the page's reading level."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = {t["term"]: t for t in yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))}


def _tooltip_after_focus(page, url: str, word: str) -> str:
    page.goto(url)
    term = page.locator("article.md-content__inner abbr", has_text=word).first
    assert term.get_attribute("tabindex") == "0", "a term can be reached with the keyboard"
    term.focus()
    tooltip = page.locator(".md-tooltip2--active").first
    tooltip.wait_for(state="visible", timeout=3000)
    return " ".join(tooltip.inner_text().split())


def test_standard_page_shows_the_standard_explanation_on_focus(page, base_url):
    text = _tooltip_after_focus(page, base_url + "producten/wat-doet-een-seksuoloog/", "seksuoloog")
    assert text == " ".join(GLOSSARY["seksuoloog"]["standard"].split())


def test_easy_read_page_shows_the_easy_explanation_on_focus(page, base_url):
    text = _tooltip_after_focus(page, base_url + "producten/wat-doet-een-seksuoloog/makkelijk/", "seksuoloog")
    assert text == " ".join(GLOSSARY["seksuoloog"]["easy"].split())


def test_hover_shows_the_explanation_too(page, base_url):
    page.goto(base_url + "producten/wat-doet-een-seksuoloog/")
    page.locator("article.md-content__inner abbr", has_text="seksuoloog").first.hover()
    page.locator(".md-tooltip2--active").first.wait_for(state="visible", timeout=3000)
