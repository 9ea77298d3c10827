"""The built site served for the browser tests: by Python's own HTTP server, or behind the
shipped nginx configuration (Debian's nginx), each on a free loopback port."""
from __future__ import annotations

import contextlib
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import webserver  # noqa: E402


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path):
    """A folder over HTTP (Python's own server); yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def served_by_nginx(folder: Path, workdir: Path):
    """A folder behind the shipped nginx configuration; yields its URL."""
    if webserver.nginx_binary() is None:
        pytest.fail("Debian nginx is missing: run 'make test' as root (it installs it) or apt-get install nginx")
    with webserver.running_nginx(folder, workdir) as url:
        yield url
