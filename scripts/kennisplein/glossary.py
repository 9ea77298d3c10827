"""The glossary (begrippenlijst): one data file, three views.

``docs/_data/glossary.yml`` holds each term with a standard, an easy-read and an
English explanation. From it we derive the glossary page, the explanations
marked on every page (so a term shows its explanation on hover and
keyboard focus), and the set of explained words the easy-read gate accepts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from kennisplein.checks import markup
from kennisplein.content import datafile
from kennisplein.problems import Problem

GLOSSARY_FILE = "glossary.yml"


class GlossaryTerm(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    term: str = Field(min_length=2, max_length=60, description="The word as it appears in running text.")
    standard: str = Field(min_length=10, description="Explanation for the standard version.")
    easy: str = Field(min_length=5, description="Explanation in easy words for the easy-read version.")
    en: str | None = Field(default=None, description="English explanation.")
    source: str | None = Field(default=None, description="Where the explanation comes from.")


class GlossaryFile(RootModel[list[GlossaryTerm]]):
    pass


@dataclass
class Glossary:
    terms: list[GlossaryTerm]

    def words(self) -> set[str]:
        """Every word that occurs in a term, lower-cased: explained words for the easy-read gate."""
        return {w.lower() for t in self.terms for w in t.term.split()}

    def explanations(self, language: str, easy_read: bool = False) -> dict[str, str]:
        """term -> explanation (also under the term with a capital first letter)."""
        out = {}
        for t in self.terms:
            text = t.en if language == "en" and t.en else (t.easy if easy_read else t.standard)
            text = " ".join(text.split())
            out[t.term] = text
            out[t.term[:1].upper() + t.term[1:]] = text
        return out

    def marker(self, language: str, easy_read: bool = False) -> "TermMarker":
        return TermMarker(self.explanations(language, easy_read))


def load(data_dir: Path) -> tuple[Glossary, list[Problem]]:
    path = data_dir / GLOSSARY_FILE
    if not path.exists():
        return Glossary([]), []
    model, document, problems = datafile.read_model(path, GlossaryFile, f"{data_dir.parent.name}/{data_dir.name}/{GLOSSARY_FILE}")
    if model is None:
        return Glossary([]), problems
    seen: dict[str, int] = {}
    for index, term in enumerate(model.root):
        key = term.term.lower()
        if key in seen:
            problems.append(Problem(document.path, document.line_of((index,)), f"term '{term.term}' is listed twice (first as item {seen[key] + 1})"))
        seen.setdefault(key, index)
        for name in ("standard", "easy", "en"):  # Markdown on the glossary page: what the sanitiser would change
            if getattr(term, name):
                problems += markup.check_text(getattr(term, name), document.path, document.line_of((index, name)))
        problems += markup.check_text(f"## {term.term} {{ #{key.replace(' ', '-')} }}", document.path, document.line_of((index, "term")))
    return Glossary(model.root), problems


def page_markdown(glossary: Glossary, language: str, ui) -> str:
    title = ui["glossary_title"]
    parts = [f"---\ntitle: {title!r}\n---\n\n# {title}\n\n{ui['glossary_intro']}\n"]
    for t in sorted(glossary.terms, key=lambda t: t.term.lower()):
        anchor = t.term.lower().replace(" ", "-")
        if language == "en" and t.en:
            parts.append(f'\n## {t.term} {{ #{anchor} }}\n\n{t.en}\n')
        else:
            parts.append(f'\n## {t.term} {{ #{anchor} }}\n\n{t.standard}\n\n**{ui["easy_read"]}:** {t.easy}\n')
    return "".join(parts)


# Our own marking rather than Markdown's abbr extension: done on the rendered HTML, the
# Markdown output no longer depends on the language's explanations, so the build renders a
# page's Markdown once and reuses it for every language (scripts/mkdocs_wiring/render_cache.py), and the
# first-use rule below needs one pass instead of two.
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# Terms are marked in running text only: never in a title or heading, a link, a button, a form
# label or a card's title (a dotted underline there reads as a second underline or as clutter).
NOT_MARKED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "abbr", "svg", "textarea", "title",
                        "h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "legend", "summary", "select", "option"})


class TermMarker:
    """Marks glossary terms in rendered HTML as ``<abbr>``, with the explanation as title.

    Each term is explained once per page, at its first use, and keyboard users can reach it
    (its explanation shows on focus as on hover); later uses stay plain text, so a page does
    not become a long row of focus stops and repeated explanations. A term inside a link keeps
    its explanation on hover but gets no focus stop of its own (the link already is one, and a
    focus stop inside a link is invalid HTML); it does not count as the first use. Terms in
    code, in existing abbreviations and inside tags are left alone."""

    def __init__(self, explanations: dict[str, str]):
        terms = sorted(explanations, key=len, reverse=True)
        self.titles = {term: html_escape(text) for term, text in explanations.items()}
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b") if terms else None

    def mark(self, html: str) -> str:
        if self.pattern is None:
            return html
        parts = TAG.split(html)
        explained: set[str] = set()
        skipped = 0
        for i, part in enumerate(parts):
            if i % 2:
                tag = TAG_NAME.match(part)
                if tag is None or part.endswith("/>"):
                    continue
                step = -1 if tag.group(1) else 1
                name = tag.group(2).lower()
                if name in NOT_MARKED:
                    skipped = max(0, skipped + step)
            elif part and not skipped:
                parts[i] = self.pattern.sub(lambda m: self._abbr(m.group(0), explained), part)
        return "".join(parts)

    def _abbr(self, term: str, explained: set[str]) -> str:
        title = self.titles[term]
        if title in explained:
            return term
        explained.add(title)
        return f'<abbr tabindex="0" title="{title}">{term}</abbr>'
