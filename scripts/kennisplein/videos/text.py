"""Plain text from a transcript written in Markdown, for search and JSON-LD."""
from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"(^|\s)[#>]+\s*|[*_`]{1,3}|^\s*[-+]\s+", re.M)
_ATTRS = re.compile(r"\{:?[^}]*\}")


def plain(markdown: str) -> str:
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub("", text)
    text = _ATTRS.sub("", text)
    text = _MARKS.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.split())
