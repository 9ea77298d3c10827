"""The editor's web server for `make edit`: one address on 127.0.0.1 for the editor and the preview.

  /admin/            Decap CMS (bundled from npm by esbuild; never part of a build) with a status panel
  /admin/config.yml  the CMS configuration, generated from the schema at start (kennisplein.editor)
  /admin/api/check   the project's own checks (`make check`) as JSON, asked for after every save
  /api/v1            Decap's proxy backend: passed to decap-server after the rules in proxy_rules.py
  everything else    the live preview from `mkdocs serve`

It answers only requests addressed to 127.0.0.1 or localhost on its own port (no DNS rebinding) and
takes writes only from its own pages (Origin checked, JSON only). Standard library only: it serves
one editor on one computer.
"""
from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import proxy_rules
from proxy_rules import Area, Refused

log = logging.getLogger("kennisplein.editor")
STATIC = Path(__file__).with_name("static")
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "host",
               "content-length", "content-encoding"}
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".yml": "text/yaml; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".json": "application/json"}


@dataclass
class Editor:
    """What one editing session serves."""

    port: int
    content_root: Path                 # the folder decap-server reads and writes
    decap_url: str                     # http://127.0.0.1:<port>/api/v1
    preview_url: str                   # http://127.0.0.1:<port>/ (mkdocs serve)
    area: Area
    config_yaml: Callable[[], str]
    bundle: Path
    check: Callable[[list[str]], dict]  # changed paths -> {"ok", "problems", "readability"}
    after_save: Callable[[list[str]], None] = lambda paths: None
    new_product: Callable[[Path], None] = lambda index: None
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_saved: list[str] = field(default_factory=list)

    def verdict(self) -> dict:
        """The checks' result, with the easy-read gate's figures for the files saved last."""
        result = self.check(self.last_saved)
        result["saved"] = list(self.last_saved)
        result["focus"] = [line for line in result.get("readability", []) if any(line.startswith(path + ":") for path in self.last_saved)]
        return result

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    @property
    def origins(self) -> set[str]:
        return {f"http://{h}" for h in self.hosts}


class Handler(BaseHTTPRequestHandler):
    server_version = "kennisplein-editor"
    editor: Editor

    def log_message(self, fmt, *args):  # quiet: the terminal shows mkdocs' own log
        log.debug(fmt, *args)

    # --- guards ------------------------------------------------------------------------------

    def _allowed_host(self) -> bool:
        if self.headers.get("Host") in self.editor.hosts:
            return True
        self._send(403, b"Deze editor werkt alleen op deze computer: open http://127.0.0.1:%d/admin/\n" % self.editor.port, "text/plain; charset=utf-8")
        return False

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    # --- routes ------------------------------------------------------------------------------

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        if not self._allowed_host():
            return
        path = self.path.split("?", 1)[0]
        if path in ("/admin", "/admin/"):
            if path == "/admin":
                return self._send(301, b"", "text/plain", {"Location": "/admin/"})
            return self._static("index.html")
        if path == "/admin/config.yml":
            return self._send(200, self.editor.config_yaml().encode(), TYPES[".yml"])
        if path == "/admin/decap-cms.js":
            return self._send(200, self.editor.bundle.read_bytes(), TYPES[".js"])
        if path == "/admin/api/check":
            return self._json(200, self.editor.verdict())
        if path.startswith("/admin/"):
            name = path.removeprefix("/admin/")
            if "/" not in name and (STATIC / name).is_file():
                return self._static(name)
            return self._send(404, b"Niet gevonden\n", "text/plain; charset=utf-8")
        self._forward(self.editor.preview_url.rstrip("/") + self.path)

    def do_POST(self):
        if not self._allowed_host():
            return
        if self.headers.get("Origin") not in self.editor.origins or not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self._json(403, {"error": "Alleen de editor op deze computer mag bestanden bewaren."})
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._json(400, {"error": "Geen geldige aanvraag."})
        path = self.path.split("?", 1)[0]
        if path == "/admin/api/check":
            return self._json(200, self.editor.verdict())
        if path != "/api/v1":
            return self._json(404, {"error": "Niet gevonden."})
        try:
            with self.editor.lock:
                status, response = self._backend(request)
        except Refused as exc:
            return self._json(403, {"error": str(exc)})
        self._json(status, response)

    # --- Decap's backend -----------------------------------------------------------------------

    def _backend(self, request: dict) -> tuple[int, object]:
        action, params = request.get("action"), request.get("params") or {}
        area = self.editor.area
        listed = proxy_rules.level_of_virtual(params.get("folder", ""), area) if action == "entriesByFolder" else None
        request = proxy_rules.translate_paths(request, lambda p: proxy_rules.to_disk(p, area))
        params = request.get("params") or {}
        if listed:
            params.update(folder=listed[0], depth=2)
        written: list[str] = []
        new_products: list[Path] = []
        if action == "persistEntry":
            data_files = params.get("dataFiles") or [params.get("entry") or {}]
            # Decap writes a file for every language; a translation nobody wrote (no title) is not a page
            data_files = [f for f in data_files if not (proxy_rules.other_language(f.get("path", "")) and not proxy_rules.has_title(f.get("raw", "")))]
            params["dataFiles"] = data_files
            for data_file in data_files:
                path = data_file.get("path", "")
                for candidate in (path, data_file.get("newPath")):
                    if candidate is not None and not area.writable(candidate):
                        raise Refused(f"{candidate}: hier kan de editor niet schrijven")
                target = self.editor.content_root / path
                if path == proxy_rules.GLOSSARY:
                    data_file["raw"] = proxy_rules.glossary_from_decap(data_file.get("raw", ""))
                if path.endswith(".yml") and target.is_file():
                    comments = proxy_rules.leading_comments(target.read_text(encoding="utf-8"))
                    if comments:
                        data_file["raw"] = comments + "\n" + data_file.get("raw", "")
                if path.endswith("/index.md") and not target.exists() and not target.with_name("makkelijk.md").exists():
                    new_products.append(target)
                written.append(path)
            for asset in params.get("assets") or []:
                area.check_media(asset.get("path", ""), asset.get("content", ""))
                written.append(asset.get("path", ""))
        elif action == "persistMedia":
            asset = params.get("asset") or {}
            area.check_media(asset.get("path", ""), asset.get("content", ""))
        elif action in ("deleteFile", "deleteFiles"):
            for path in params.get("paths") or [params.get("path", "")]:
                if not area.writable(path) and not path.startswith(area.media + "/"):
                    raise Refused(f"{path}: dit bestand kan de editor niet verwijderen")
                written.append(path)
        elif action not in ("info", "entriesByFolder", "entriesByFiles", "getEntry", "getMedia", "getMediaFile", "getDeployPreview"):
            raise Refused(f"'{action}' kan deze editor niet")

        status, response = self._post_json(self.editor.decap_url, request)
        if status == 200 and action in ("entriesByFiles", "getEntry"):
            response = _wrap_glossary(response)
        if status == 200 and listed and isinstance(response, list):
            # this level's Dutch files only: Decap finds the other languages' files itself
            name = proxy_rules.LEVEL_FILES[listed[1]]
            response = [item for item in response if (item.get("file") or {}).get("path", "").endswith(f"/{name}.md")]
        if status == 200:
            for index in new_products:
                self.editor.new_product(index)
            if written:
                self.editor.last_saved = written
                self.editor.after_save(written)
        return status, proxy_rules.translate_paths(response, lambda p: proxy_rules.to_decap(p, area))

    @staticmethod
    def _post_json(url: str, value) -> tuple[int, object]:
        data = json.dumps(value).encode()
        req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=60) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as exc:
            body = exc.read()
            try:
                return exc.code, json.loads(body)
            except ValueError:
                return exc.code, {"error": body.decode(errors="replace")}

    # --- the preview -------------------------------------------------------------------------

    def _forward(self, url: str) -> None:
        req = urllib.request.Request(url, method=self.command, headers={"Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(req, timeout=120) as answer:
                body, status, headers = answer.read(), answer.status, answer.headers
        except urllib.error.HTTPError as exc:
            body, status, headers = exc.read(), exc.code, exc.headers
        except (urllib.error.URLError, OSError):
            return self._send(502, "De voorvertoning start nog. Probeer het over een paar seconden opnieuw.\n".encode(), "text/plain; charset=utf-8")
        self.send_response(status)
        for key, value in headers.items():
            if key.lower() not in HOP_HEADERS:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _static(self, name: str) -> None:
        path = STATIC / name
        self._send(200, path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))


def _wrap_glossary(response):
    items = response if isinstance(response, list) else [response]
    for item in items:
        if isinstance(item, dict) and (item.get("file") or {}).get("path") == proxy_rules.GLOSSARY and isinstance(item.get("data"), str):
            item["data"] = proxy_rules.glossary_for_decap(item["data"])
    return response


def serve(editor: Editor) -> ThreadingHTTPServer:
    handler = type("EditorHandler", (Handler,), {"editor": editor})
    httpd = ThreadingHTTPServer(("127.0.0.1", editor.port), handler)
    httpd.daemon_threads = True
    return httpd
