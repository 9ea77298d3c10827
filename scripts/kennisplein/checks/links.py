"""Internal links and anchors, checked with line numbers before the build.

mkdocs' strict link validation catches the same faults during a build, but
names no line; this check lets `make check` point at the line to fix.
"""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

from kennisplein.checks.markup import _without_code
from kennisplein.problems import Problem

LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*(?:\{\s*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}")


def anchors(body: str) -> set[str]:
    found = set()
    for line in _without_code(body):
        match = HEADING.match(line)
        if match:
            found.add(match.group("id") or slugify(re.sub(r"[*_`]", "", match.group("text")), "-"))
        found.update(m.group("id") for m in EXPLICIT_ID.finditer(line))
    return found


@lru_cache(maxsize=50_000)
def _link_targets(body: str) -> tuple[tuple[int, str], ...]:
    """(body line index, target) of every Markdown link: the same text is read at every load of a
    `mkdocs serve` session and of a build's processes, and most of it never changes."""
    return tuple((index, match.group("target")) for index, line in enumerate(_without_code(body)) for match in LINK.finditer(line))


def check(pages: dict[str, "object"], generated: set[str], existing: set[str] = frozenset(), only=None) -> list[Problem]:
    """pages: src (relative to docs/) -> valid Page with .document; generated: srcs of pages made at
    build time; existing: every Markdown src on disk (a page that failed validation still exists);
    only: check the links of these srcs alone (default: every page's)."""
    anchor_cache: dict[str, set[str]] = {}
    problems = []
    for src, page in pages.items() if only is None else ((src, pages[src]) for src in only):
        document = page.document
        for index, target in _link_targets(document.body):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:", "/")):
                continue
            path = unquote(parts.path)
            if path and not path.endswith(".md"):
                continue  # assets and directory URLs: left to mkdocs' own validation
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path)) if path else src
            line_no = document.body_start_line + index
            if resolved not in pages and resolved not in generated and resolved not in existing:
                problems.append(Problem(document.path, line_no, f"link to '{target}': no such page ({resolved})"))
                continue
            if parts.fragment and resolved in pages:
                if resolved not in anchor_cache:
                    anchor_cache[resolved] = anchors(pages[resolved].document.body)
                if parts.fragment not in anchor_cache[resolved]:
                    problems.append(Problem(document.path, line_no, f"link to '{target}': {resolved} has no heading or anchor '#{parts.fragment}'"))
    return problems
