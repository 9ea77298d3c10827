"""Plain text and headings from a page's Markdown, for the index.

The index is built from the catalogue's Markdown rather than from rendered HTML,
so the search core needs no site generator. What Markdown puts around words
(links, emphasis, attribute lists, admonition markers, tags) is dropped; the
words stay.
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


@lru_cache(maxsize=8192)  # each site language indexes the same Dutch pages again
def split(markdown: str) -> tuple[tuple[str, ...], str]:
    """(headings, body text) of a Markdown body without front matter."""
    headings, lines = [], []
    for line in _COMMENT.sub(" ", markdown).splitlines():
        heading = _HEADING.match(line)
        if heading:
            headings.append(" ".join(_inline(heading.group(2)).split()))
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            lines.append(admonition.group(1) or "")
            continue
        if not _SKIP_LINE.match(line):
            lines.append(line)
    return tuple(h for h in headings if h), " ".join(_inline("\n".join(lines)).split())
