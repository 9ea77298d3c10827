"""Every page under its own meta Content-Security-Policy, in Chromium: zero violations while the
reader searches, leaves with quick exit, has a page read aloud, loads an embedded video and filters
videos and help. The policy comes from the page itself (the test server sends no headers)."""
from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from searching import wait_for_full_index  # noqa: E402
from test_read_aloud import NL, STUB  # noqa: E402

# reported to Python, so a report survives the navigation that quick exit makes
RECORD = """document.addEventListener('securitypolicyviolation', e =>
  window.__kpCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));"""



@pytest.fixture
def page(browser):
    """A tab that runs the site under its own policy (conftest's contexts bypass it for the tools)."""
    context = browser.new_context(bypass_csp=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def violations(page, base_url):
    seen: list[str] = []
    page.expose_function("__kpCspViolation", lambda text: seen.append(text))
    page.add_init_script(RECORD)
    page.on("console", lambda message: seen.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None)
    # other hosts are not reachable from the tests: answer nothing rather than wait for the network
    # (the test servers, this site's and the embed fixture's, are all on 127.0.0.1)
    page.route(lambda url: urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != "127.0.0.1", lambda route: route.abort())
    return seen


def settle(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # a violation event is dispatched after the blocked load


def test_header_search_and_search_page(page, base_url, violations):
    page.goto(base_url + "producten/hulp-aan-sekswerkers/")
    page.locator("#kp-search-input").focus()
    page.keyboard.type("grenzen")
    page.wait_for_selector("[data-kp-search-list] li")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/**")
    wait_for_full_index(page)
    page.wait_for_selector("[data-search-results] li")
    settle(page)
    assert violations == []


def test_quick_exit(page, base_url, violations):
    page.goto(base_url + "producten/grenzen-aangeven-en-respecteren/")
    settle(page)
    page.locator("[data-kp-quick-exit-button]").click()
    page.wait_for_timeout(300)
    assert violations == []


def test_read_aloud(page, base_url, violations):
    page.add_init_script(f"{STUB}({json.dumps([[NL], False])})")
    page.goto(base_url + "producten/seksuele-assistentie/makkelijk/")
    page.locator("[data-kp-read-aloud-button]").click()
    page.wait_for_function("window.__kpSpoken.length > 0")
    settle(page)
    assert violations == []


def test_video_embed_and_filters(page, base_url, embed_base_url, violations):
    page.goto(embed_base_url + "videos/ingesloten-testvideo/")   # the test-only embedded video (tests/fixtures)
    page.locator("[data-kp-embed-load]").click()
    assert page.locator("iframe.kp-embed__frame").count() == 1
    settle(page)
    page.goto(base_url + "videos/")
    page.get_by_role("checkbox", name="Privacy").check()
    page.goto(base_url + "hulp/")
    page.locator("[data-kp-help-filter]").first.check()
    settle(page)
    assert violations == []


def test_every_page_loads_without_a_violation(page, base_url, violations, site_pages):
    """Every built page, both languages, generated pages and 404 included (scripts have run by
    DOMContentLoaded: the site's are deferred)."""
    without_policy = []
    for path in site_pages:
        page.goto(base_url + path, wait_until="domcontentloaded")
        if page.locator('meta[http-equiv="Content-Security-Policy"]').count() != 1:
            without_policy.append(path)
    settle(page)
    assert without_policy == []
    assert violations == []


def test_a_blocked_inline_script_is_reported(page, base_url, violations):
    """The recorder itself works: a script the page did not carry is refused and reported."""
    page.goto(base_url)
    settle(page)
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__kpRan = 1'; document.body.append(s); }")
    page.wait_for_timeout(150)
    assert page.evaluate("window.__kpRan") is None
    assert any("script-src" in v for v in violations), violations
