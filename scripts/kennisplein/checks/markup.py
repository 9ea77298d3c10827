"""Checks on the Markdown body: raw HTML that can run script, and images without alt text.

Raw HTML is read with the standard library's HTMLParser (a real tokenizer, so
attributes in any quoting style are found); Markdown image and link syntax is
matched per line after code blocks and inline code are blanked out.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from kennisplein.content.frontmatter import MarkdownDocument
from kennisplein.problems import Problem

FENCE = re.compile(r"^\s*(?P<marker>`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`[^`\n]*`")
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)")
MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]*)")
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")
# attr_list (enabled in mkdocs.yml) turns `[x](url){ onclick="…" }` into a real attribute
ATTR_LIST = re.compile(r"\{:?(?P<attrs>[^{}\n]*)\}")
ATTR = re.compile(r"""(?P<name>[^\s=#.'"{}]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s'"}]+))""")


def _script_scheme(url: str, unescape: bool = True) -> str | None:
    """'javascript', 'vbscript' or 'data' when a browser would run the URL as script, else None.

    A browser decodes character references and drops tabs and newlines inside a URL
    before it reads the scheme, so ``java&#x09;script:`` is a javascript: URL too."""
    cleaned = re.sub(r"[\t\n\r]", "", html.unescape(url) if unescape else url).lstrip("".join(map(chr, range(33))))
    match = SCRIPT_URL.match(cleaned)
    return match.group(1).split(":")[0].strip().lower() if match else None


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


class _HtmlScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in ("script", "iframe", "object", "embed"):
            self.findings.append((line, f"raw <{tag}> is not allowed in content: it can run code or load another site"))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append((line, f"event attribute '{name}' on <{tag}> is not allowed: it runs script"))
            scheme = _script_scheme(value, unescape=False) if name in URL_ATTRIBUTES and value else None
            if scheme:  # the parser has already decoded character references in attribute values
                self.findings.append((line, f"'{scheme}:' URL in <{tag} {name}> is not allowed"))
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt is None or not alt.strip():
                self.findings.append((line, "image without alt text: describe what the image shows in alt=\"…\""))

    handle_startendtag = handle_starttag


def check(document: MarkdownDocument) -> list[Problem]:
    problems = []
    lines = _without_code(document.body)
    offset = document.body_start_line
    for index, line in enumerate(lines):
        for match in MD_IMAGE.finditer(line):
            if not match.group("alt").strip():
                problems.append(Problem(document.path, offset + index, f"image '{match.group('target')}' has no alt text: write ![what it shows]({match.group('target')})"))
        for match in MD_LINK.finditer(line):
            if _script_scheme(match.group("target")):
                problems.append(Problem(document.path, offset + index, f"link to '{match.group('target')}' is not allowed: it runs script"))
        for attr_list in ATTR_LIST.finditer(line):
            for attr in ATTR.finditer(attr_list.group("attrs")):
                name = attr.group("name").lower()
                value = attr.group("dq") or attr.group("sq") or attr.group("bare") or ""
                if name.startswith("on"):
                    problems.append(Problem(document.path, offset + index, f"event attribute '{name}' in an attribute list {{ … }} is not allowed: it runs script"))
                elif name in URL_ATTRIBUTES and (scheme := _script_scheme(value)):
                    problems.append(Problem(document.path, offset + index, f"'{scheme}:' URL in an attribute list {{ {name}=… }} is not allowed"))
    scanner = _HtmlScanner()
    scanner.feed("\n".join(lines))
    scanner.close()
    problems += [Problem(document.path, offset + line - 1, message) for line, message in scanner.findings]
    return problems
