"""Markdown to the lines a reader reads, with their line numbers.

Why not the shared Markdown stripper (kennisplein.markdown_text): the gate reports
``path:line``, so this one works line by line and keeps each line's number and kind
(heading, the start of a paragraph or item, or its next line), which sentence splitting needs.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
SETEXT_RULE = re.compile(r"^\s*(=+|-+)\s*$")
HORIZONTAL_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"(.*)\")?\s*$")
DEFINITION_LINE = re.compile(r"^\s*\*?\[[^\]]+\]:")  # [ref]: url and *[HSD]: explanation
FOOTNOTE = re.compile(r"^\s*\[\^[^\]]+\]:\s*")
BLOCKQUOTE = re.compile(r"^\s*(?:>\s?)+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
DEFINITION = re.compile(r"^\s*:\s+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

INLINE_CLEANUP = [
    (re.compile(r"`[^`\n]*`"), " "),  # inline code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), " "),
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](target) -> text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}"), " "),  # template expressions
    (re.compile(r"\{[:#.][^}]*\}|\{\s*[#.][^}]*\}"), " "),  # attribute lists { #id .class }
    (re.compile(r"<[^>\n]*>"), " "),  # HTML tags and autolinks
    (re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE), " "),
    (re.compile(r"(\*\*|__|~~|==|\^\^|\+\+)"), ""),  # strong, strike, mark, insert
    (re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"), ""),  # emphasis
]
SPACE_BEFORE_MARK = re.compile(r"\s+([.,!?:;…])(?=\s|$)")


@dataclass(frozen=True)
class TextLine:
    """One line of readable text; ``line`` is 1-based within the Markdown body."""

    line: int
    text: str
    kind: str  # "heading", "start" (starts a paragraph, list item, cell …) or "more" (next line of a paragraph)


def _clean_inline(text: str) -> str:
    for pattern, replacement in INLINE_CLEANUP:
        text = pattern.sub(replacement, text)
    text = " ".join(html.unescape(text).split())
    return SPACE_BEFORE_MARK.sub(r"\1", text)  # a removed tag leaves "wacht ."


def _blank_comments(markdown: str) -> str:
    """Remove HTML comments but keep their newlines, so line numbers stay right."""
    return HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


def _classify(raw: str) -> list[tuple[str, str]]:
    """(kind, text) pieces of one source line outside code; kind 'break' ends a paragraph."""
    line = BLOCKQUOTE.sub("", raw)
    if not line.strip() or HORIZONTAL_RULE.match(line) or TABLE_RULE.match(line) or DEFINITION_LINE.match(line):
        return [("break", "")]
    if match := HEADING.match(line):
        return [("heading", match.group(1))]
    if match := ADMONITION.match(line):
        return [("heading", match.group(1) or "")]
    if line.lstrip().startswith("|"):
        return [("start", cell) for cell in line.strip().strip("|").split("|")]
    for marker in (LIST_ITEM, DEFINITION, FOOTNOTE):
        if match := marker.match(line):
            return [("start", line[match.end():])]
    return [("more", line)]


def readable_lines(markdown: str) -> list[TextLine]:
    """The text a reader reads, line by line, with Markdown syntax removed."""
    lines: list[TextLine] = []
    in_fence, after_break = False, True
    for index, raw in enumerate(_blank_comments(markdown).split("\n"), start=1):
        if FENCE.match(raw):
            in_fence, after_break = not in_fence, True
            continue
        if in_fence:
            continue
        if SETEXT_RULE.match(raw) and not after_break and lines and lines[-1].kind != "heading":
            lines[-1] = TextLine(lines[-1].line, lines[-1].text, "heading")
            after_break = True
            continue
        for kind, text in _classify(raw):
            if kind == "break":
                after_break = True
                continue
            text = _clean_inline(text)
            if not text and kind != "heading":  # only an image or code: nothing to read
                after_break = True
                continue
            kind = "start" if kind == "more" and after_break else kind
            lines.append(TextLine(index, text, kind))
            after_break = kind == "heading"
    return lines
