"""The glossary (begrippenlijst): one data file, three views.

``docs/_data/glossary.yml`` holds each term with a standard, an easy-read and an
English explanation. From it we derive the glossary page, the abbreviation
definitions appended to every page (so a term shows its explanation on hover and
keyboard focus), and the set of explained words the easy-read gate accepts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from kennisplein.content import datafile
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.content.validation import validate_model
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
        """term -> explanation, for Markdown's abbr extension (its `glossary` option).

        Given once per build rather than appended to every page as ``*[term]: …``
        lines: measured, those lines made each page render ten times slower."""
        out = {}
        for t in self.terms:
            text = t.en if language == "en" and t.en else (t.easy if easy_read else t.standard)
            text = " ".join(text.split())
            out[t.term] = text
            out[t.term[:1].upper() + t.term[1:]] = text
        return out

    def easy_read_titles(self, language: str) -> dict[str, str]:
        """Escaped standard explanation -> escaped easy one, to retitle terms on easy-read pages."""
        standard, easy = self.explanations(language), self.explanations(language, easy_read=True)
        return {html_escape(standard[k]): html_escape(easy[k]) for k in standard if standard[k] != easy[k]}


def load(data_dir: Path) -> tuple[Glossary, list[Problem]]:
    path = data_dir / GLOSSARY_FILE
    if not path.exists():
        return Glossary([]), []
    try:
        document = datafile.read(path, f"{data_dir.parent.name}/{data_dir.name}/{GLOSSARY_FILE}")
    except FrontMatterError as exc:
        return Glossary([]), [exc.problem]
    model, problems = validate_model(document, GlossaryFile, {})
    if model is None:
        return Glossary([]), problems
    seen: dict[str, int] = {}
    for index, term in enumerate(model.root):
        key = term.term.lower()
        if key in seen:
            problems.append(Problem(document.path, document.line_of((index,)), f"term '{term.term}' is listed twice (first as item {seen[key] + 1})"))
        seen.setdefault(key, index)
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


ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>[^<]*)</abbr>')


ANCHOR = re.compile(r"<a\b[^>]*>.*?</a>", re.S | re.I)


def focusable_terms(html: str, easy_titles: dict[str, str] | None = None) -> str:
    """Explain each glossary term once per page, at its first use, and let keyboard users
    reach it (its explanation shows on focus as on hover); later uses are plain text, so a
    page does not become a long row of focus stops and repeated explanations. On an easy-read
    page the easy explanation replaces the standard one. A term inside a link keeps its
    explanation on hover but gets no focus stop of its own (the link already is one, and a
    focus stop inside a link is invalid HTML); it does not count as the first use."""
    links = [m.span() for m in ANCHOR.finditer(html)] if "<a" in html else []
    explained: set[str] = set()

    def replace(match: re.Match) -> str:
        title, text = match.group("title"), match.group("text")
        if easy_titles:
            title = easy_titles.get(title, title)
        if any(start < match.start() < end for start, end in links):
            return f'<abbr title="{title}">{text}</abbr>'
        if title in explained:
            return text
        explained.add(title)
        return f'<abbr tabindex="0" title="{title}">{text}</abbr>'

    return ABBR.sub(replace, html)
