"""Headless Debian Chromium through Playwright, against the built site served on a free port.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium
with the flags that keep Chromium from calling home.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import cli  # noqa: E402
from servers import served, served_by_nginx  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("browser-site") / "site"
    assert cli.build_site(ROOT / "mkdocs.yml", site) == 0, "strict build failed"
    return site


@pytest.fixture(scope="session")
def base_url(site_dir):
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def embed_base_url(tmp_path_factory):
    """The site plus the test-only embedded video (tests/fixtures/embed-video), served."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    import embed_site as fixture

    with served(fixture.build(tmp_path_factory.mktemp("embed-site"))) as url:
        yield url


@pytest.fixture(scope="session")
def nginx_url(site_dir, tmp_path_factory):
    """The built site behind the shipped nginx configuration."""
    with served_by_nginx(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run 'make test' (it installs it as root) or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _tools_bypass_the_pages_csp(browser)
        yield browser
        browser.close()


def _tools_bypass_the_pages_csp(browser) -> None:
    """Every page carries a Content-Security-Policy that refuses scripts it did not ship, and so
    would refuse the tests' own tools (axe from its own port, Playwright's string predicates).
    Contexts bypass it unless a test asks otherwise: tests/browser/test_csp.py runs the pages
    under their policy (bypass_csp=False) and fails on any violation."""
    new_context = browser.new_context

    def new_context_for_tests(**options):
        options.setdefault("bypass_csp", True)
        return new_context(**options)

    browser.new_context = new_context_for_tests


class ForeignRequests(list):
    """Every request a page makes to a host other than the local test server."""


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    own_host = urlparse(base_url).netloc
    foreign = ForeignRequests()

    def record(request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != own_host:
            foreign.append(request.url)

    page.on("request", record)
    page.foreign_requests = foreign
    yield page
    context.close()


# --- Every page of the site, and one pass over all of them (tests/browser/axe_audit.py) -------

@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """The served path of every built HTML page, both languages, generated pages included."""
    from axe_audit import page_url

    return [page_url(site_dir, html) for html in sorted(site_dir.rglob("*.html"))]


@pytest.fixture(scope="session")
def site_pass(browser, base_url, site_pages, vnu_run):
    """One load of every page at 1280 and 320 px: axe (light and dark), plus what each page showed
    (quick exit, reflow) and left behind (requests to other hosts, cookies, storage) before the
    reader did anything. Shared by test_accessibility.py and test_privacy.py."""
    from axe_audit import site_pass

    return site_pass(browser, base_url, site_pages)


@pytest.fixture(scope="session")
def vnu_run(site_dir):
    """The Nu Html Checker over every built page, one JVM, started in the background as soon as a
    test asks for it (site_pass does, so it runs while axe runs); see vnu.py."""
    from vnu import VnuRun

    run = VnuRun(site_dir)
    yield run
    run.close()
