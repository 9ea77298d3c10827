"""The search field in every page's header: nothing loads before focus, results as you type,
keyboard operation, Enter opens the full search page."""
from __future__ import annotations

import re

import pytest
from searching import wait_for_full_index  # noqa: E402

PRODUCT = "producten/hulp-aan-sekswerkers/"


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if "/search/index-" in url or "lunr" in url]


@pytest.fixture
def requests(page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture
def errors(page):
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_index_is_not_requested_before_focus(page, base_url, requests, errors):
    page.goto(base_url + PRODUCT)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert index_requests(requests) == [], "the index must wait for the reader"
    page.locator("#kp-search-input").focus()
    wait_for_full_index(page)
    loaded = index_requests(requests)
    assert any(url.endswith("/search/index-nl.js") for url in loaded)
    assert any(url.endswith("/search/index-nl-full.js") for url in loaded)
    assert errors == [] and page.foreign_requests == []


def test_typing_shows_top_results_with_highlights(page, base_url, errors):
    page.goto(base_url + PRODUCT)
    page.locator("#kp-search-input").click()
    page.keyboard.type("grenzen")
    results = page.locator("[data-kp-search-panel] .kp-search__result")
    results.first.wait_for()
    assert "Grenzen" in results.first.locator(".kp-search__title").inner_text()
    assert results.first.locator("mark").count() >= 1
    assert 1 <= results.count() <= 6
    assert re.fullmatch(r"\d+ resultaten?", page.locator("#kp-search-status").inner_text())
    assert page.locator("#kp-search-input").get_attribute("aria-expanded") == "true"
    assert errors == [] and page.foreign_requests == []


def test_partial_word_matches_as_you_type(page, base_url):
    page.goto(base_url)
    page.locator("#kp-search-input").click()
    page.keyboard.type("seksuol")
    page.locator(".kp-search__result").first.wait_for()
    assert "seksuoloog" in page.locator(".kp-search__results").inner_text().lower()


def test_enter_opens_the_search_page_with_the_query(page, base_url, errors):
    page.goto(base_url + PRODUCT)
    page.locator("#kp-search-input").click()
    page.keyboard.type("grenzen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=grenzen$"))
    page.locator("[data-search-results] > li a").first.wait_for()
    assert page.locator("#kp-search-page-input").input_value() == "grenzen"
    assert errors == [] and page.foreign_requests == []


def test_all_results_link_opens_the_search_page(page, base_url):
    page.goto(base_url)
    page.locator("#kp-search-input").click()
    page.keyboard.type("privacy")
    link = page.locator("[data-kp-search-all]")
    link.wait_for()
    assert re.match(r"(Alle resultaten) \(\d+\)", link.inner_text())
    link.click()
    page.wait_for_url(re.compile(r"/zoeken/\?q=privacy$"))


def test_keyboard_only(page, base_url):
    page.goto(base_url)
    page.locator("#kp-search-input").focus()
    page.keyboard.type("vriendschap")
    page.locator(".kp-search__result").first.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.className")
    assert "kp-search__link" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kp-search-input"
    page.keyboard.press("Escape")
    assert page.locator("[data-kp-search-panel]").is_hidden()
    page.keyboard.press("ArrowDown")  # closed: arrow keys do nothing
    assert page.evaluate("document.activeElement.id") == "kp-search-input"


def test_english_header_searches_the_english_index(page, base_url, requests):
    page.goto(base_url + "en/")
    page.locator("#kp-search-input").click()
    page.keyboard.type("sex work")
    page.locator(".kp-search__result").first.wait_for()
    assert any(url.endswith("/en/search/index-en.js") for url in requests)
    assert not any(url.endswith("/search/index-nl.js") for url in requests)
    href = page.locator(".kp-search__link").first.get_attribute("href")
    assert "/en/" in href
