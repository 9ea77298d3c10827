"""Privacy, proven in the browser: every built page is loaded (in the shared all-pages pass,
conftest.site_pass) and nothing may go to another host, no cookie may be set and nothing may
be written to localStorage, sessionStorage, IndexedDB or the Cache API before the reader acts.
Every page tells the browser not to send a referrer. The privacy statement and the safe-visit
page exist in standard and easy-read words, in both languages."""
from __future__ import annotations

import pytest
from lxml import html


def test_no_request_to_another_host_on_any_page(site_pass):
    assert not site_pass.foreign, "requests to other hosts:\n" + "\n".join(f"- /{page}: {url}" for page, url in site_pass.foreign)


def test_no_cookie_on_any_page(site_pass):
    assert not site_pass.cookies, "cookies set:\n" + "\n".join(
        f"- /{page}: {c['name']} ({c['domain']})" for page, c in site_pass.cookies)


@pytest.mark.parametrize("store", ["localStorage", "sessionStorage", "indexedDB", "caches"])
def test_nothing_stored_before_the_reader_acts(site_pass, store):
    written = {page: facts[store] for (page, width), facts in sorted(site_pass.facts.items()) if facts.get(store)}
    assert not written, f"{store} written on page load (before the reader did anything):\n" + "\n".join(
        f"- /{page}: {keys}" for page, keys in written.items())


def test_no_service_worker_registered(site_pass):
    registered = [page for (page, width), facts in site_pass.facts.items() if facts.get("serviceWorkers")]
    assert not registered, f"service workers registered on {registered}"


def test_every_page_sends_no_referrer(site_pass, site_pages):
    first = site_pass.widths[0]
    bad = [(page, site_pass.facts[(page, first)].get("referrer")) for page in site_pages
           if site_pass.facts[(page, first)].get("referrer") != "no-referrer"]
    assert not bad, f'pages without <meta name="referrer" content="no-referrer">: {bad}'


def test_choosing_the_dark_palette_is_the_only_thing_stored(page, base_url):
    # Material stores the colour scheme on every load; overrides/partials/javascripts/base.html
    # stores it only after the reader has used the toggle (the reader acted).
    page.goto(base_url)
    assert page.evaluate("() => localStorage.length") == 0
    page.locator("label[for='__palette_1']").first.click()
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert keys and all(k.endswith(".__palette") for k in keys), keys
    assert page.context.cookies() == [] and page.foreign_requests == []


@pytest.mark.parametrize("path, level", [
    ("privacy/index.html", "standaard"), ("privacy-makkelijk/index.html", "makkelijk"),
    ("en/privacy/index.html", "standaard"), ("en/privacy-makkelijk/index.html", "makkelijk"),
])
def test_privacy_statement_in_standard_and_easy_read(site_dir, path, level):
    tree = html.fromstring((site_dir / path).read_bytes())
    text = " ".join(tree.xpath("//article")[0].text_content().split()).lower()
    assert tree.xpath("//h1"), path
    english = path.startswith("en/")
    if level == "standaard":
        # What the site does not collect: no cookies, no tracking.
        assert "cookie" in text and (("not" in text or "no " in text) if english else ("geen" in text or "niet" in text)), path
    else:
        assert (("not" in text) if english else ("niet" in text)), path
        assert tree.xpath("//*[contains(concat(' ', @class, ' '), ' kp-easy-read ')]"), f"{path} is not marked easy-read"
