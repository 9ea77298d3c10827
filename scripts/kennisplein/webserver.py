"""The nginx configuration shipped with a built site.

Generated rather than hand-kept, because its Content-Security-Policy must list
exactly the site's own inline scripts (by hash) and the allow-listed video
hosts, and both change with the content. The site itself needs nothing else:
no other host is ever allowed for scripts, styles, fonts or connections.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_BLOCK = re.compile(r"type=[\"']?application/(ld\+)?json", re.I)
TEMPLATE = Path(__file__).with_name("templates") / "nginx.conf"
EMBED_HOST = re.compile(r'data-kp-embed-host="([a-z0-9.-]+)"')


def inline_script_hashes(site: Path) -> list[str]:
    """sha256 sources for every executable inline script in the built HTML."""
    hashes = set()
    for page in site.rglob("*.html"):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8", errors="replace")):
            if DATA_BLOCK.search(match.group("attrs")):
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def embedded_hosts(site: Path) -> set[str]:
    """Hosts of the embedded videos on the built pages (loaded only after the reader presses a button)."""
    return {host for page in site.rglob("*.html") for host in EMBED_HOST.findall(page.read_text(encoding="utf-8", errors="replace"))}


def content_security_policy(site: Path, video_hosts: list[str] = ()) -> str:
    frames = " ".join(f"https://{h}" for h in sorted(set(video_hosts) | embedded_hosts(site))) or "'none'"
    scripts = " ".join(["'self'", *inline_script_hashes(site)])
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
    return "; ".join(directives)


def nginx_config(site: Path, *, listen: str = "80", server_name: str = "_", https: bool = False,
                 video_hosts: list[str] = (), not_found: str = "/404.html") -> str:
    hsts = '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n' if https else ""
    return TEMPLATE.read_text(encoding="utf-8").format(
        listen=listen, server_name=server_name, root=site.resolve(), csp=content_security_policy(site, video_hosts),
        hsts=hsts, not_found=not_found,
    )
