"""The nginx configuration shipped with a built site.

Generated rather than hand-kept, because its Content-Security-Policy must list
exactly the site's own inline scripts (by hash) and the allow-listed video
hosts, and both change with the content. The site itself needs nothing else:
no other host is ever allowed for scripts, styles, fonts or connections.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from kennisplein import csp
from kennisplein.videos import hosts

TEMPLATE = Path(__file__).with_name("templates") / "nginx.conf"


def _pages(site: Path):
    for page in site.rglob("*.html"):
        yield page.read_text(encoding="utf-8", errors="replace")


def inline_script_hashes(site: Path) -> list[str]:
    """sha256 sources for every executable inline script in the built HTML."""
    return sorted(set().union(*(csp.script_hashes(text) for text in _pages(site))))


def embedded_hosts(site: Path) -> set[str]:
    """Hosts of the embedded videos on the built pages (loaded only after the reader presses a button)."""
    return set().union(*(csp.embed_hosts(text) for text in _pages(site)))


def content_security_policy(site: Path, video_hosts: list[str] = ()) -> str:
    """The header policy: what every page's meta tag says (kennisplein.csp), for all pages at once."""
    return csp.policy(inline_script_hashes(site), set(video_hosts) | embedded_hosts(site))


SERVER_NAME = re.compile(r"^(_|~?\*?\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?:\.\*)?)$")
LISTEN = re.compile(r"^(\[[0-9a-fA-F:]+\]:|[0-9.]+:|[A-Za-z0-9.-]+:)?[0-9]{1,5}( (ssl|http2|default_server|reuseport|ipv6only=(on|off)))*$")


def check_values(listen: str, server_name: str, video_hosts) -> None:
    """Every value that goes into the config is what it says: no quote, semicolon or brace can
    end a directive and start another. ValueError names the bad value."""
    for host in video_hosts:
        if not hosts.valid_hostname(str(host)):
            raise ValueError(f"video host '{host}' is not a host name (write it without https://, a path, quotes or ';')")
    if not all(SERVER_NAME.match(name) for name in server_name.split(" ")):
        raise ValueError(f"server name '{server_name}' is not one or more host names separated by spaces")
    if not LISTEN.match(listen):
        raise ValueError(f"listen '{listen}' is not a port or address:port (optionally followed by ssl, http2, default_server)")


def nginx_config(site: Path, *, listen: str = "80", server_name: str = "_", https: bool = False,
                 video_hosts: list[str] = (), not_found: str = "/404.html") -> str:
    check_values(listen, server_name, video_hosts)
    headers = security_headers(https)
    document_headers = f'        add_header Content-Security-Policy "{content_security_policy(site, video_hosts)}" always;\n' + headers
    return TEMPLATE.read_text(encoding="utf-8").format(
        listen=listen, server_name=server_name, root=site.resolve(), headers=headers, document_headers=document_headers,
        not_found_lines=not_found_lines(site, not_found),
    )


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=(), payment=(), usb=()",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def security_headers(https: bool) -> str:
    """The add_header lines every response carries (inside a location block)."""
    headers = dict(SECURITY_HEADERS)
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return "".join(f'        add_header {name} "{value}" always;\n' for name, value in headers.items())


def not_found_lines(site: Path, not_found: str = "/404.html") -> str:
    """The error_page lines: each language's own 404 page (/en/404.html under /en/), where built."""
    lines = []
    others = sorted(p.parent.name for p in site.glob("*/404.html") if len(p.parent.name) == 2 and p.parent.name.isalpha())
    if others:
        lines.append(f"    set $kennisplein_404 {not_found};")
        lines += [f'    if ($uri ~ "^/{name}/") {{ set $kennisplein_404 /{name}/404.html; }}' for name in others]
        lines.append("    error_page 404 $kennisplein_404;")
    else:
        lines.append(f"    error_page 404 {not_found};")
    return "\n".join(lines) + "\n"


# A whole nginx around the site config, for previews, tests and benchmarks (not for production:
# there, the site config above goes into the host's own nginx).
_MAIN_CONF = """
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


class NginxError(RuntimeError):
    pass


def nginx_binary() -> str | None:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if Path(found).exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_nginx(site: Path, workdir: Path, video_hosts: list[str] = ()):
    """Serve a built site with the generated config on a free local port; yields its base URL."""
    nginx = nginx_binary()
    if nginx is None:
        raise NginxError("Debian nginx is missing: run 'make test' as root (it installs it) or apt-get install nginx")
    workdir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    (workdir / "site.conf").write_text(nginx_config(site, listen=f"127.0.0.1:{port}", video_hosts=video_hosts), encoding="utf-8")
    # As root, nginx's workers would switch to www-data, which cannot read private temp folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(_MAIN_CONF.format(tmp=workdir, user=user), encoding="utf-8")
    check = subprocess.run([nginx, "-t", "-p", str(workdir), "-c", str(workdir / "nginx.conf")], capture_output=True, text=True)
    if check.returncode != 0:
        raise NginxError(check.stderr)
    process = subprocess.Popen([nginx, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
