"""Curated audience routes in the browser: what a reader sees first on a phone, and the
professionals' filter by type and region (URL state, no reload, keyboard, file://)."""
from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def _top_of_link(page, selector: str) -> float | None:
    return page.evaluate(
        """(selector) => {
            const link = document.querySelector(selector);
            if (!link) return null;
            const box = link.getBoundingClientRect();
            return box.width > 0 ? box.bottom + window.scrollY : null;
        }""",
        selector,
    )


def test_relatives_route_on_a_phone_shows_the_conversation_guide_and_help_on_the_first_screen(phone, base_url):
    phone.goto(base_url + "naasten/")
    content = ".md-content"
    guide = _top_of_link(phone, f'{content} a[href*="praten-over-intimiteit-met-je-naaste/"]')
    help_link = _top_of_link(phone, f'{content} a[href*="hulp/"]')
    assert guide is not None and guide <= PHONE["height"], f"conversation guide link ends at {guide} px"
    assert help_link is not None and help_link <= PHONE["height"], f"help link ends at {help_link} px"


def test_clients_route_opens_with_easy_read_products_written_for_clients(page, base_url):
    page.goto(base_url + "clienten/")
    first = page.evaluate(
        """() => {
            const heading = document.querySelector('.md-content h2');
            const list = heading && heading.nextElementSibling;
            return {
                heading: heading && heading.id,
                cards: list ? Array.from(list.querySelectorAll('.kp-card')).map(c => ({
                    easy: c.classList.contains('kp-card--easy'),
                    href: c.querySelector('h3 a').getAttribute('href'),
                })) : [],
            };
        }"""
    )
    assert first["heading"] == "begin-hier"
    assert 2 <= len(first["cards"]) <= 4
    for card in first["cards"]:
        assert card["easy"] and "makkelijk" in card["href"], card


def _visible_cards(page):
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-kp-route-filter] ~ * .kp-card, [data-kp-route-filter] ~ .kp-cards .kp-card'))
            .filter(c => c.offsetParent !== null)
            .map(c => [c.dataset.kpType, c.dataset.kpRegion])"""
    )


def _check_flemish_protocols(page):
    page.select_option("select[name=soort]", "protocol")
    page.select_option("select[name=regio]", "vlaanderen")
    cards = _visible_cards(page)
    assert cards, "no card left for Flemish protocols"
    assert all(kind == "protocol" and region in ("vlaanderen", "algemeen") for kind, region in cards), cards
    assert "soort=protocol" in page.url and "regio=vlaanderen" in page.url


def test_professionals_route_narrows_by_type_and_region_without_reload(page, base_url):
    page.goto(base_url + "professionals/")
    all_cards = len(_visible_cards(page))
    page.evaluate("window.__kpNoReload = true")
    _check_flemish_protocols(page)
    assert page.evaluate("window.__kpNoReload === true"), "the page reloaded"
    assert page.locator("[data-kp-route-filter-status]").inner_text().strip()
    page.select_option("select[name=soort]", "")
    page.select_option("select[name=regio]", "vlaanderen")
    regions = {region for _, region in _visible_cards(page)}
    assert "algemeen" in regions and "nl" not in regions, "Vlaanderen must include products for both regions"
    page.click(".kp-route-filter__reset")
    page.wait_for_function(f"document.querySelectorAll('.kp-card:not([hidden])').length > 0")
    assert len(_visible_cards(page)) == all_cards
    assert "soort=" not in page.url and "regio=" not in page.url


def test_professionals_filter_state_comes_from_the_url(page, base_url):
    page.goto(base_url + "professionals/?soort=protocol&regio=vlaanderen")
    assert page.input_value("select[name=soort]") == "protocol"
    cards = _visible_cards(page)
    assert cards and all(kind == "protocol" for kind, _ in cards)


def test_professionals_filter_works_by_keyboard(page, base_url):
    page.goto(base_url + "professionals/")
    page.focus("select[name=regio]")
    page.keyboard.press("ArrowDown")  # Nederland
    page.keyboard.press("ArrowDown")  # Vlaanderen
    page.wait_for_function("document.querySelector('select[name=regio]').value === 'vlaanderen'")
    regions = {region for _, region in _visible_cards(page)}
    assert regions <= {"vlaanderen", "algemeen"}, regions
    size = page.evaluate("(() => { const b = document.querySelector('select[name=regio]').getBoundingClientRect(); return [b.width, b.height]; })()")
    assert min(size) >= 44


def test_professionals_filter_works_from_file_url(page, site_dir):
    page.goto((site_dir / "professionals" / "index.html").as_uri())
    _check_flemish_protocols(page)


def test_help_filter_has_large_targets_and_keeps_its_state_in_the_url(phone, base_url):
    phone.goto(base_url + "hulp/")
    labels = phone.locator("[data-kp-help-filters] label")
    assert labels.count() == 3
    for i in range(labels.count()):
        box = labels.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    professionals = phone.get_by_role("checkbox", name="Professionals")
    professionals.press("Space")   # by keyboard, on the box itself
    phone.wait_for_function("() => location.search.includes('doelgroep=professionals')", timeout=10_000)
    hidden = phone.evaluate("Array.from(document.querySelectorAll('.kp-help__entry')).filter(e => e.hidden).map(e => e.dataset.audiences)")
    assert hidden and all("professionals" not in a for a in hidden)


def test_help_page_on_a_phone_does_not_scroll_sideways(phone, base_url):
    for path in ("hulp/", "hulp/makkelijk/", "professionals/"):
        phone.goto(base_url + path)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
