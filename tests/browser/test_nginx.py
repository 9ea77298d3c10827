"""The shipped nginx configuration, served for real by Debian's nginx on a loopback port:
headers, caching, compression, the site's own 404 page, and a CSP that breaks nothing."""
from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import webserver  # noqa: E402
from servers import served_by_nginx  # noqa: E402



def fetch(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_security_headers_on_html(nginx_url):
    status, headers, _ = fetch(nginx_url)
    assert status == 200
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "http:" not in csp.replace("'self'", "") and "*" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]
    assert "strict-transport-security" not in headers, "HSTS only when served over HTTPS"
    assert headers["cache-control"] == "no-cache"
    assert "server" not in headers or "nginx/" not in headers["server"], "no version in the Server header"


def test_headers_also_on_assets_and_long_cache_for_fingerprinted(nginx_url, site_dir):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    status, headers, _ = fetch(nginx_url + f"assets/javascripts/{bundle.name}")
    assert status == 200
    assert "max-age=315360000" in headers["cache-control"]
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert "content-security-policy" not in headers, "the policy goes with documents only (browsers ignore it on a script)"
    status, headers, _ = fetch(nginx_url + "assets/stylesheets/kennisplein.css")
    assert headers["cache-control"] == "max-age=86400" and headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["assets/images/favicon.svg", "nieuw.xml", "index.html"])
def test_documents_carry_the_policy(nginx_url, path):
    """An SVG or the feed opened on its own is a document: the policy applies to it."""
    status, headers, _ = fetch(nginx_url + path)
    assert status == 200 and "default-src 'self'" in headers["content-security-policy"], path
    assert headers["x-content-type-options"] == "nosniff"


def test_compression(nginx_url):
    status, headers, body = fetch(nginx_url + "index.html", **{"Accept-Encoding": "gzip"})
    assert headers.get("content-encoding") == "gzip"
    assert b"<html" in gzip.decompress(body)


def test_own_404_page(nginx_url):
    status, headers, body = fetch(nginx_url + "bestaat-niet/")
    assert status == 404
    assert b"md-content" in body, "the site's own 404 page, not nginx's"
    assert "content-security-policy" in headers
    assert b'<html lang="nl"' in body


def test_english_404_page_under_en(nginx_url):
    status, headers, body = fetch(nginx_url + "en/does-not-exist/")
    assert status == 404
    assert b'<html lang="en"' in body and b"This page does not exist" in body


def test_csp_breaks_nothing_in_the_browser(browser, nginx_url):
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    for path in ("", "naasten/", "producten/seksuele-assistentie/makkelijk/", "hulp/", "begrippen/"):
        page.goto(nginx_url + path)
        page.wait_for_load_state("load")
    assert violations == []
    context.close()


# --- Files that were never meant to be public (issue 13, class 8) ---------------------------

HIDDEN = [".git/config", ".env", ".htpasswd", ".DS_Store", "producten/x/.index.md.swp", "producten/x/index.md~",
          "producten/x/index.md.swp", "producten/x/index.md.bak", "producten/x/.#index.md", "assets/site.tmp",
          "videos/media/.hidden.webm", ".well-known-secret/key.txt", "producten/#index.md#"]


@pytest.fixture(scope="module")
def leaky_site(tmp_path_factory):
    """A small site folder into which hidden and backup files were copied by hand."""
    site = tmp_path_factory.mktemp("leaky") / "site"
    (site / "producten" / "x").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>ok</title><main class='md-content'>start</main>", encoding="utf-8")
    (site / "404.html").write_text("<!doctype html><title>404</title><main class='md-content'>niet gevonden</main>", encoding="utf-8")
    (site / "producten" / "x" / "index.html").write_text("<!doctype html><title>x</title>product", encoding="utf-8")
    for name in HIDDEN:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("SECRET draft text\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def leaky_url(leaky_site, tmp_path_factory):
    with served_by_nginx(leaky_site, tmp_path_factory.mktemp("nginx-leaky")) as url:
        yield url


@pytest.mark.parametrize("path", HIDDEN)
def test_hidden_and_backup_files_are_404(leaky_url, path):
    from urllib.parse import quote

    status, headers, body = fetch(leaky_url + quote(path))
    assert status == 404, f"/{path} was served"
    assert b"SECRET" not in body and b"niet gevonden" in body, "the site's own 404 page, without the file"
    assert "content-security-policy" in headers


def test_what_is_meant_is_still_served(leaky_url):
    for path in ("", "index.html", "producten/x/"):
        status, _, body = fetch(leaky_url + path)
        assert status == 200 and b"SECRET" not in body


@pytest.mark.parametrize("host", ['x.example" always; add_header X-Injected "yes', "x.example; script-src *", "x.example}", "https://x.example"])
def test_a_bad_video_host_never_reaches_the_config(leaky_site, host):
    with pytest.raises(ValueError, match="is not a host name"):
        webserver.nginx_config(leaky_site, video_hosts=[host])
