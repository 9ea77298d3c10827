"""A copy opened from file:// (intranet share, USB stick) can still search: the index comes as scripts."""
from __future__ import annotations

import re


def test_search_from_file_url(page, site_dir):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site_dir / "index.html").as_uri())
    page.locator("#kp-search-input").click()
    page.keyboard.type("privacy")
    first = page.locator(".kp-search__link").first
    first.wait_for()
    assert first.get_attribute("href").startswith("file://") and first.get_attribute("href").endswith("index.html")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"zoeken/index\.html\?q=privacy$"))
    page.locator("[data-search-results] > li a").first.wait_for()
    page.locator("[data-search-results] > li a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and any(part in page.url for part in ("/producten/", "/videos/", "/begrippen/", "/hulp/"))
    assert page.locator("h1").count() >= 1
    assert errors == [] and page.foreign_requests == []
