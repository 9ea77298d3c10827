"""The full search page: facets with counts that filter and live in the URL, reload keeps
the state, hostile input stays text, long input does not freeze, no results offers a way on."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
from searching import wait_for_full_index  # noqa: E402

XSS = '<img src=x onerror="window.__xss=1">'
FACETS = ["doelgroep", "niveau", "soort", "onderwerp", "regio", "taal"]
PAGE_SIZE = 20  # PAGE_SIZE in search-page.js: results shown before "Meer resultaten"


@pytest.fixture
def errors(page):
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(str(error)))
    page.on("dialog", lambda dialog: (seen.append("dialog: " + dialog.message), dialog.dismiss()))
    return seen


def results(page) -> list[str]:
    return page.locator("[data-search-results] > li .kp-search-result__title").all_inner_texts()


def settle(page):
    page.wait_for_function("document.querySelector('[data-kp-search-page-status]').textContent.indexOf('…') === -1")
    wait_for_full_index(page)
    page.wait_for_timeout(200)


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def results_for_audience(site_dir, text: str, audience: str) -> int:
    """How many results (pages) the built Dutch index gives ``text`` with at least one version for ``audience``:
    what the page's audience filter must show, whatever the content holds."""
    from kennisplein.search import index as search_index, query as search_query, spelling

    instant_name, full_name = search_index.file_names("nl")
    instant = search_index.read(site_dir / "search" / instant_name)
    lunr_index = search_index.load(search_index.read(site_dir / "search" / full_name))
    speller = spelling.Speller(search_index.read(site_dir / "search" / search_index.words_file_name("nl"))["words"])
    audiences = instant["fields"].index("audiences")
    found = search_query.find(lunr_index, text, "nl", instant, speller)["results"]
    return sum(any(audience in instant["docs"][ref][audiences] for ref in r["refs"]) for r in found)


def show_all(page) -> None:
    more = page.locator("[data-kp-search-more]")
    while more.is_visible():
        shown = page.locator("[data-search-results] > li").count()
        more.click()
        page.wait_for_function("(n) => document.querySelectorAll('[data-search-results] > li').length > n", arg=shown)


def test_facets_filter_count_and_update_the_url(page, base_url, site_dir, errors):
    page.goto(base_url + "zoeken/?q=grenzen")
    settle(page)
    before = results(page)
    assert before and len(page.locator("[data-search-results]").all()) == 1
    naasten = page.locator("[data-kp-search-facets] input[name=doelgroep][value=naasten]")
    count = int(re.search(r"\((\d+)\)", naasten.locator("xpath=..").inner_text()).group(1))
    assert count == results_for_audience(site_dir, "grenzen", "naasten")
    naasten.check()
    page.wait_for_function("location.search.includes('doelgroep=naasten')")
    assert len(results(page)) == min(count, PAGE_SIZE), "the first page of results, the rest behind 'Meer resultaten'"
    show_all(page)
    assert len(results(page)) == count
    assert page.locator("[data-kp-search-page-status]").inner_text() in (f"{count} resultaten", "1 resultaat")
    for item in page.locator("[data-search-results] > li").all():
        assert "Naasten" in item.locator(".kp-search-result__badges").inner_text()
    page.locator("[data-kp-search-facets] input[name=niveau][value=makkelijk]").check()
    page.wait_for_function("location.search.includes('niveau=makkelijk')")
    assert query(page) == {"q": ["grenzen"], "doelgroep": ["naasten"], "niveau": ["makkelijk"]}
    items = page.locator("[data-search-results] > li")
    assert items.count() >= 1
    for item in items.all():
        assert "kp-search-result--easy" in item.get_attribute("class"), "easy-read results are marked"
    assert errors == [] and page.foreign_requests == []


def test_reload_and_shared_links_keep_the_state(page, base_url):
    page.goto(base_url + "zoeken/?q=grenzen&doelgroep=naasten&niveau=makkelijk")
    settle(page)
    first = results(page)
    assert first
    assert page.locator("#kp-search-page-input").input_value() == "grenzen"
    assert page.locator("input[name=doelgroep][value=naasten]").is_checked()
    assert page.locator("input[name=niveau][value=makkelijk]").is_checked()
    page.reload()
    settle(page)
    assert results(page) == first
    assert page.locator("input[name=niveau][value=makkelijk]").is_checked()


def test_typing_on_the_page_updates_the_url(page, base_url):
    page.goto(base_url + "zoeken/")
    settle(page)
    page.locator("#kp-search-page-input").fill("privacy")
    page.wait_for_function("location.search === '?q=privacy'")
    assert any("Privacy" in title for title in results(page))


def test_hostile_query_is_shown_as_text(page, base_url, errors):
    page.goto(base_url + "zoeken/?q=" + quote(XSS))
    settle(page)
    assert page.locator("#kp-search-page-input").input_value() == XSS
    assert page.locator(".kp-search-page img, header img[src=x]").count() == 0
    status = page.locator("[data-kp-search-page-status]").inner_text()
    assert XSS in status or re.match(r"\d+ resulta", status)
    assert page.evaluate("window.__xss") is None
    assert errors == [] and page.foreign_requests == []


@pytest.mark.parametrize("facet", FACETS)
def test_hostile_facet_values_are_ignored(page, base_url, errors, facet):
    page.goto(f"{base_url}zoeken/?q=seks&{facet}={quote(XSS)}&{facet}=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E")
    settle(page)
    assert results(page), "an unknown filter value filters nothing"
    assert page.locator("[data-kp-search-page] img, [data-kp-search-page] script:not([src])").count() == 0
    assert page.evaluate("window.__xss") is None
    assert errors == []


def test_hostile_header_input_is_text(page, base_url, errors):
    page.goto(base_url)
    page.locator("#kp-search-input").click()
    page.keyboard.type(XSS)
    page.wait_for_function("document.querySelector('#kp-search-status').textContent !== ''")
    assert page.locator("header img[src=x]").count() == 0
    assert page.evaluate("window.__xss") is None and errors == []


@pytest.mark.parametrize("text", [
    ("grenzen " * 300)[:2000],
    "a" * 2000,
    '"*~^:+-' * 280,
    "se* ~2 ^10 title:grens +nee -ja \"\" '' ** :: ++ --",
])
def test_long_or_odd_queries_do_not_freeze(page, base_url, errors, text):
    page.goto(base_url + "zoeken/")
    settle(page)
    page.locator("#kp-search-page-input").fill(text)
    page.wait_for_function("location.search.length > 1")  # the page took the query in (Playwright's own time limit)
    page.evaluate("1")  # the page still answers (no timing here: speed is make bench's)
    page.locator("#kp-search-input").click()
    page.keyboard.insert_text(text[:2000])
    page.evaluate("1")
    assert errors == []


def test_no_results_offers_hubs_and_glossary(page, base_url):
    page.goto(base_url + "zoeken/?q=xyzzyqwv")
    settle(page)
    assert "Geen resultaten voor: xyzzyqwv" in page.locator("[data-kp-search-page-status]").inner_text()
    empty = page.locator("[data-kp-search-empty]")
    assert empty.is_visible()
    hrefs = [a.get_attribute("href") for a in empty.locator("a").all()]
    assert any("naasten" in h for h in hrefs) and any("clienten" in h for h in hrefs) and any("begrippen" in h for h in hrefs)


def test_result_count_is_announced(page, base_url):
    page.goto(base_url + "zoeken/?q=seksuoloog")
    settle(page)
    status = page.locator("#kp-search-page-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert re.fullmatch(r"\d+ resultaten|1 resultaat", status.inner_text())


def test_english_search_page(page, base_url, errors):
    page.goto(base_url + "en/zoeken/?q=sex%20workers")
    settle(page)
    assert any("sekswerk" in t.lower() or "sex work" in t.lower() for t in results(page)[:3])
    assert re.fullmatch(r"\d+ results|1 result", page.locator("[data-kp-search-page-status]").inner_text())
    assert errors == [] and page.foreign_requests == []


def test_keyboard_reaches_facets_and_results(page, base_url):
    page.goto(base_url + "zoeken/?q=grenzen")
    settle(page)
    page.locator("#kp-search-page-input").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name || ''")
        if name == "doelgroep":
            break
    assert page.evaluate("document.activeElement.name") == "doelgroep"
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('doelgroep=')")
    assert page.evaluate("document.activeElement.name") == "doelgroep", "focus stays on the filter after it re-renders"
