"""The content check for markup: every construct the build's sanitiser would change, as ``path:line: message``.

The build cleans every page with one allowlist (``kennisplein.sanitise``), so
nothing unsafe is published; this check tells the editor beforehand, in plain
Dutch, what would be taken out and why. It renders the Markdown as the build
does (the same extensions as mkdocs.yml), asks the sanitiser what it would
change, and finds the line in the source where that construct is written.
A blocklist over the source lost to parser tricks and reference-style links;
reading the rendered HTML sees what the browser would see.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from pathlib import Path

import markdown
import nh3

from kennisplein import sanitise
from kennisplein.cache import ResultCache, key
from kennisplein.content.frontmatter import MarkdownDocument
from kennisplein.problems import Problem

# the same as markdown_extensions in mkdocs.yml (tests/unit/test_adversarial_markup.py keeps them equal)
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code"]
FENCE = re.compile(r"^\s*(?P<marker>`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`[^`\n]*`")
_local = threading.local()
# what a result depends on besides the text: this code, the policy and the libraries' versions
_CODE = key(Path(__file__).read_text(encoding="utf-8"), Path(sanitise.__file__).read_text(encoding="utf-8"),
            markdown.__version__, getattr(nh3, "__version__", ""))
_cache: ResultCache | None = None


@contextmanager
def cached(path: Path | None):
    """Keep results on disk while a project loads: rendering every page's Markdown is most of
    this check's time, and a page whose text did not change gives the same findings."""
    global _cache
    previous, _cache = _cache, ResultCache(path)
    try:
        yield
    finally:
        _cache.save()
        _cache = previous


def render(text: str) -> str:
    """Markdown to HTML with the build's extensions (one renderer per thread, reset per text)."""
    renderer = getattr(_local, "markdown", None)
    if renderer is None:
        renderer = _local.markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    try:
        return renderer.reset().convert(text)
    except Exception:  # noqa: BLE001 - Python-Markdown on pathological input; the build renders it again
        _local.markdown = None
        return ""


def _closes(line: str, marker: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(marker) and set(stripped) == {marker[0]}


def _without_code(body: str) -> list[str]:
    """Body lines with fenced code and inline code blanked out; line numbers are kept.

    A fence is closed only by a line of the same character, at least as long: a ``` line
    inside a ~~~ block does not end it. A fence that is never closed is no code block
    (Markdown renders what follows it), so what follows it is checked."""
    raw = body.split("\n")
    lines = [INLINE_CODE.sub("", line) for line in raw]
    index = 0
    while index < len(raw):
        match = FENCE.match(raw[index])
        close = None
        if match:
            marker = match.group("marker")
            close = next((j for j in range(index + 1, len(raw)) if _closes(raw[j], marker)), None)
        if close is None:
            index += 1
            continue
        lines[index : close + 1] = [""] * (close + 1 - index)
        index = close + 1
    return lines


class _Lines:
    """Finds the source line of a finding: the first line, not yet used for the same needle,
    that contains one of its needles (case-insensitive), outside code."""

    def __init__(self, text: str):
        self.lines = [line.lower() for line in _without_code(text)]
        self.next_from: dict[str, int] = {}

    def find(self, needles: tuple[str, ...]) -> int:
        for needle in needles:
            needle = needle.lower().strip()
            if len(needle) < 2:
                continue
            start = self.next_from.get(needle, 0)
            for index in range(start, len(self.lines)):
                if needle in self.lines[index]:
                    self.next_from[needle] = index + 1
                    return index
            for index in range(0, start):  # the same construct twice on one line
                if needle in self.lines[index]:
                    return index
        return 0


def _needles(finding: sanitise.Finding) -> tuple[str, ...]:
    more = []
    for needle in finding.needles:
        cleaned = sanitise.CONTROL.sub("", needle)
        if cleaned != needle:
            more.append(cleaned)
        tail = needle.rsplit(":", 1)[-1]
        if tail != needle and len(tail) >= 4:
            more.append(tail[:30])  # a scheme written with character references: find the rest
    return (*finding.needles, *more)


def check_text(text: str, path: str, first_line: int) -> list[Problem]:
    """Problems for Markdown (or plain) ``text`` that starts on ``first_line`` of ``path``."""
    if "<" not in text and "](" not in text and "]:" not in text and "{" not in text and "![" not in text:
        return []  # nothing that can become an element, attribute or URL
    k = key(_CODE, text)
    hit = _cache.get(k) if _cache is not None else None
    if hit is None:
        hit = _findings(text)
        if _cache is not None:
            _cache.put(k, hit)
    problems = [Problem(path, first_line + offset, message) for offset, message in hit]
    return list(dict.fromkeys(problems))  # one message per line, even when the HTML repeats it


def _findings(text: str) -> list[list]:
    """[line offset in ``text``, message] for everything the sanitiser would change."""
    found = sanitise.findings(render(text))
    if not found:
        return []
    lines = _Lines(text)
    return [[lines.find(_needles(finding)), finding.message] for finding in found]


def check(document: MarkdownDocument) -> list[Problem]:
    return check_text(document.body, document.path, document.body_start_line)
