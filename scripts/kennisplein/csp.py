"""The site's Content-Security-Policy: one builder for the nginx header and the meta tag in every page.

A copy on a static host without custom headers must be as protected as one
behind the generated nginx config, so every page carries the policy itself as
``<meta http-equiv="Content-Security-Policy">``, with the hashes of the inline
scripts in that page. Both come from ``policy`` here, so they cannot drift.
Only the site itself is allowed, plus the allow-listed video hosts as frames
(loaded only after the reader presses a button).
"""
from __future__ import annotations

import base64
import hashlib
import html
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_BLOCK = re.compile(r"type=[\"']?application/(ld\+)?json", re.I)
EMBED_HOST = re.compile(r'data-kp-embed-host="([a-z0-9.-]+)"')
HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
META_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# directives a browser ignores (with a console error) when the policy comes in a meta tag
HEADER_ONLY = ("frame-ancestors",)


def _content_span(page_html: str) -> tuple[int, int]:
    """Where the page's content (the rendered Markdown) lies: the theme writes no script there."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    return (start, end) if 0 <= start < end else (-1, -1)


def script_hashes(page_html: str) -> set[str]:
    """sha256 sources for every executable inline script in one page (JSON data blocks do not run).

    A script inside the content is never hashed: content is sanitised and carries none, so one
    found there got past the sanitiser, and the policy then keeps it from running."""
    hashes = set()
    start, end = _content_span(page_html)
    for match in INLINE_SCRIPT.finditer(page_html):
        if DATA_BLOCK.search(match.group("attrs")) or start <= match.start() < end:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def embed_hosts(page_html: str) -> set[str]:
    """Hosts of the embedded videos on a page."""
    return set(EMBED_HOST.findall(page_html))


def policy(hashes: set[str] | list[str], frame_hosts: set[str] | list[str], meta: bool = False) -> str:
    """The policy; ``meta`` leaves out what only a header can carry. A host that is not a plain
    host name is left out rather than written into the policy (it would widen it)."""
    hosts = sorted(h for h in set(frame_hosts) if HOST.match(h))
    frames = " ".join(f"https://{h}" for h in hosts) or "'none'"
    scripts = " ".join(["'self'", *sorted(hashes)])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # the theme sets style attributes; no stylesheet from elsewhere
        "img-src 'self' data:",
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        f"frame-src {frames}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    if meta:
        directives = [d for d in directives if d.split(" ", 1)[0] not in HEADER_ONLY]
    return "; ".join(directives)


def with_meta_tag(page_html: str, video_hosts: list[str] | tuple[str, ...] = ()) -> str:
    """The page with its policy as the first thing after ``<meta charset>`` (before any script)."""
    content = policy(script_hashes(page_html), set(video_hosts) | embed_hosts(page_html), meta=True)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(content, quote=False).replace(chr(34), "&quot;")}">'
    match = META_CHARSET.search(page_html)
    if match is None:
        head = page_html.lower().find("<head>")
        if head < 0:
            return page_html
        return page_html[: head + 6] + tag + page_html[head + 6 :]
    return page_html[: match.end()] + "\n    " + tag + page_html[match.end() :]
