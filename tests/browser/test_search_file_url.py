"""A copy opened from file:// (intranet share, USB stick) can still search: the index comes as scripts."""
from __future__ import annotations

import re

from searching import first_result_from_file


def test_search_from_file_url(page, site_dir):
    errors: list[str] = []
    first = first_result_from_file(page, site_dir, "privacy", errors)
    # a folder's link names its index.html from file:// (a glossary term's too, before its #anchor)
    assert first.get_attribute("href").split("#")[0].endswith("index.html")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"zoeken/index\.html\?q=privacy$"))
    page.locator("[data-search-results] > li a").first.wait_for()
    page.locator("[data-search-results] > li a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and any(part in page.url for part in ("/producten/", "/videos/", "/begrippen/", "/hulp/"))
    assert page.locator("h1").count() >= 1
    assert errors == [] and page.foreign_requests == []
