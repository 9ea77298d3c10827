"""A reader's first walk: start page, an audience route, a product, its easy-read version and back."""
from __future__ import annotations

from urllib.parse import urljoin


def test_relative_follows_route_and_switches_versions(page, base_url):
    page.goto(base_url)
    page.get_by_role("link", name="Voor naasten").first.click()
    page.wait_for_url("**/naasten/")
    assert page.locator("h1").inner_text() == "Voor naasten"

    first_product = page.locator("article.kp-card h3 a").first
    title = first_product.inner_text()
    first_product.click()
    assert page.locator("h1").first.inner_text() == title
    standard_url = page.url

    page.locator("[data-kp-version-switch] a[data-level=makkelijk]").click()
    assert page.url.rstrip("/").endswith("makkelijk")
    assert page.locator(".kp-easy-read").count() == 1
    assert page.locator("[data-kp-version-switch] [aria-current=page]").get_attribute("data-level") == "makkelijk"

    page.locator("[data-kp-version-switch] a[data-level=standaard]").click()
    assert page.url == standard_url

    assert page.foreign_requests == [], page.foreign_requests
    assert page.context.cookies() == []


def test_language_switch_keeps_the_product(page, base_url):
    page.goto(base_url + "producten/seksuele-assistentie/makkelijk/")
    english = page.locator(".md-select__link[hreflang=en]")
    href = english.get_attribute("href")
    assert "en/producten/seksuele-assistentie/makkelijk" in href
    page.goto(urljoin(page.url, href))
    assert page.url == base_url + "en/producten/seksuele-assistentie/makkelijk/"
    assert page.locator("html").get_attribute("lang") == "en"
    # every page has its English version now (the notice for a missing one: tests/site/test_site.py)
    assert page.locator("[data-kp-translation-missing]").count() == 0
    assert page.locator("article h1").first.get_attribute("lang") in (None, "en")
