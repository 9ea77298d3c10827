"""Plain text from Markdown: the one stripper the search index and the video pages share.

Why: the search index is built from the catalogue's Markdown rather than from rendered HTML,
so the core needs no site generator, and a video's transcript (Markdown) becomes plain text
for its search record and its JSON-LD. What Markdown puts around words (links, emphasis,
attribute lists, admonition markers, tags, comments, table rules) is dropped; the words stay.
(The readability gate has a stripper of its own, kennisplein.readability.text, because it
reports line numbers and needs each line's kind.)
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
_SKIP_LINE = re.compile(r"^\s*(?:\*\[[^\]]+\]:|\[[^\]]+\]:\s|--8<--|[-*_]{3,}\s*$|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_ATTRS = re.compile(r"\{\s*[:.#][^}]*\}|\{\s*\w+=[^}]*\}")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_MARKS = re.compile(r"^\s*(?:>\s*)+|^\s*(?:[-+*]|\d+[.)])\s+|\|", re.M)
_INLINE_MARKS = re.compile(r"[*_`~]{1,3}")


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _ATTRS.sub("", text)
    text = _TAG.sub(" ", text)
    text = _BLOCK_MARKS.sub(" ", text)
    text = _INLINE_MARKS.sub("", text)
    return html.unescape(text)


def _lines(markdown: str):
    """(is_heading, text) per source line that carries words, in order."""
    for line in _COMMENT.sub(" ", markdown).splitlines():
        heading = _HEADING.match(line)
        if heading:
            yield True, heading.group(2)
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            yield False, admonition.group(1) or ""
        elif not _SKIP_LINE.match(line):
            yield False, line


@lru_cache(maxsize=8192)  # each site language indexes the same Dutch pages again
def split(markdown: str) -> tuple[tuple[str, ...], str]:
    """(headings, body text) of a Markdown body without front matter."""
    headings, lines = [], []
    for is_heading, text in _lines(markdown):
        if is_heading:
            headings.append(" ".join(_inline(text).split()))
        else:
            lines.append(text)
    return tuple(h for h in headings if h), " ".join(_inline("\n".join(lines)).split())


def plain(markdown: str) -> str:
    """All the words of a Markdown text, headings in their place, on one line."""
    return " ".join(_inline("\n".join(text for _, text in _lines(markdown))).split())
