"""The search as a reader on a phone meets it: results first, filters behind one button, one result
per page with both versions, what each result is in words, corrections, best bets, and a header
panel that never covers the quick-exit button and helps when nothing is found."""
from __future__ import annotations

import pytest
from searching import wait_for_full_index  # noqa: E402

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def open_page(page, base_url, search: str, viewport=PHONE):
    page.set_viewport_size(viewport)
    page.goto(base_url + "zoeken/" + search)
    wait_for_full_index(page)
    page.wait_for_function("document.querySelector('[data-search-results]').hasAttribute('data-kp-rendered')")
    page.wait_for_timeout(300)  # a correction re-renders once the lexicon has arrived


def items(page):
    return page.locator("[data-search-results] > li")


@pytest.mark.parametrize("search", ["?q=seks+hulp", "?q=grenzen", "?q=sexuoloog", "?q=hoe+begin+ik+het+gesprek+over+seks+met+mijn+broer",
                                    "?q=privacy&doelgroep=naasten&niveau=standaard"])
def test_first_result_is_on_the_first_screen_of_a_phone(page, base_url, search):
    open_page(page, base_url, search)
    first = items(page).first.locator(".kp-search-result__heading")
    box = first.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], f"first result heading ends at {box and box['y'] + box['height']:.0f}px"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_filters_wait_behind_one_button_that_counts_the_active_ones(page, base_url):
    open_page(page, base_url, "?q=grenzen")
    toggle = page.locator("[data-kp-search-filters-toggle]")
    facets = page.locator("[data-kp-search-facets]")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not facets.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and facets.is_visible()
    page.locator("input[name=doelgroep][value=naasten]").check()
    page.wait_for_function("location.search.includes('doelgroep=naasten')")
    assert "(1 gekozen)" in toggle.inner_text()
    assert facets.is_visible(), "the filters stay open while the reader chooses"


def test_wide_screen_shows_the_filters_beside_the_results(page, base_url):
    open_page(page, base_url, "?q=seks", DESKTOP)
    assert not page.locator("[data-kp-search-filters-toggle]").is_visible()
    facets = page.locator("[data-kp-search-facets]").bounding_box()
    results = page.locator("[data-search-results]").bounding_box()
    assert facets["x"] + facets["width"] <= results["x"], "filters left of the results"


def test_a_facet_with_one_value_is_not_shown(page, base_url):
    open_page(page, base_url, "?q=seks", DESKTOP)
    assert page.locator("input[name=taal]").count() == 0, "every result is Dutch: no language filter"
    for legend in page.locator(".kp-search-facet").all():
        assert legend.locator("input").count() >= 2


def test_more_results_only_when_there_are_more_and_it_works(page, base_url):
    open_page(page, base_url, "?q=sekswerkers", DESKTOP)
    more = page.locator("[data-kp-search-more]")
    assert items(page).count() < 20 and not more.is_visible()
    open_page(page, base_url, "?doelgroep=naasten", DESKTOP)
    assert items(page).count() == 20 and more.is_visible()
    box, results = more.bounding_box(), page.locator("[data-search-results]").bounding_box()
    assert box["x"] >= results["x"] - 1 and box["y"] > results["y"], "under the results, not left of them"
    more.click()
    assert items(page).count() > 20
    assert page.evaluate("document.activeElement.closest('[data-search-results] > li') !== null")


def test_a_region_includes_pages_for_both_regions(page, base_url):
    for region in ("vlaanderen", "nl"):
        open_page(page, base_url, f"?q=grenzen&regio={region}", DESKTOP)
        titles = items(page).locator(".kp-search-result__title").all_inner_texts()
        assert "Grenzen aangeven en respecteren" in titles, f"{region}: a page for both regions is left out"


def test_one_result_per_product_with_both_versions_and_what_it_is(page, base_url):
    open_page(page, base_url, "?q=seksuoloog", DESKTOP)
    hrefs = [a.get_attribute("href") for a in page.locator("[data-search-results] a").all()]
    assert sum(h.endswith("producten/wat-doet-een-seksuoloog/") for h in hrefs) == 1
    assert sum(h.endswith("producten/wat-doet-een-seksuoloog/makkelijk/") for h in hrefs) == 1
    first = items(page).first
    assert first.locator(".kp-search-result__link").get_attribute("href").endswith("wat-doet-een-seksuoloog/")
    assert first.locator(".kp-search-result__version").inner_text() == "Lees de makkelijke versie"
    badges = first.locator(".kp-search-result__badges").inner_text()
    assert "Kennisproduct" in badges and "Leesniveau: Standaard" in badges
    all_badges = " ".join(items(page).locator(".kp-search-result__badges").all_inner_texts())
    assert "Begrip" in all_badges
    open_page(page, base_url, "?q=seksuoloog&versie=makkelijk", DESKTOP)
    first = items(page).first
    assert first.locator(".kp-search-result__link").get_attribute("href").endswith("wat-doet-een-seksuoloog/makkelijk/")
    assert "Leesniveau: Makkelijk lezen" in first.locator(".kp-search-result__badges").inner_text()


def test_a_slip_is_corrected_and_the_words_as_typed_are_one_click_away(page, base_url):
    open_page(page, base_url, "?q=sexuoloog")
    note = page.locator("[data-kp-search-corrected]")
    assert note.is_visible() and note.locator("b").inner_text() == "seksuoloog"
    assert "Wat doet een seksuoloog?" in items(page).first.inner_text()
    note.locator("a").click()
    page.wait_for_function("location.search.includes('letterlijk=1')")
    assert items(page).count() == 0 and not note.is_visible()


def test_best_bet_comes_first_with_a_mark(page, base_url):
    open_page(page, base_url, "?q=wie+kan+ik+bellen")
    first = items(page).first
    assert first.locator(".kp-badge--best").inner_text() == "Tip"
    assert first.locator(".kp-search-result__link").get_attribute("href").endswith("/hulp/")
    assert items(page).nth(1).locator(".kp-badge--best").count() == 0


def type_in_header(page, base_url, path: str, text: str, viewport):
    page.set_viewport_size(viewport)
    page.goto(base_url + path)
    page.locator("#kp-search-input").focus()
    wait_for_full_index(page)
    page.keyboard.type(text)
    page.wait_for_function("!document.querySelector('[data-kp-search-panel]').hidden")
    page.wait_for_timeout(400)


# The quick-exit button as the layout moves it: into the header bar, at the right.
IN_HEADER = ".kp-quick-exit { position: fixed; top: 0; right: 0; z-index: 5; padding: .2rem .4rem; }"


@pytest.mark.parametrize("placement", ["under-header", "in-header"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP, {"width": 320, "height": 640}])
def test_header_panel_never_covers_quick_exit(page, base_url, viewport, placement):
    if placement == "in-header":
        page.add_init_script(f"document.addEventListener('DOMContentLoaded', () => {{ const s = document.createElement('style');"
                             f" s.textContent = {IN_HEADER!r}; document.head.append(s); }});")
    type_in_header(page, base_url, "producten/privacy-en-intimiteit/", "seks", viewport)
    hit = page.evaluate("""() => {
        const b = document.querySelector('[data-kp-quick-exit-button]').getBoundingClientRect();
        const at = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return at && at.closest('[data-kp-quick-exit-button]') !== null; }""")
    assert hit, "the search panel covers the quick-exit button"
    assert page.locator(".kp-search__link").count() > 0
    panel = page.locator("[data-kp-search-panel]").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"], "the panel stays on the screen"


def test_header_with_no_results_says_so_and_offers_ways_on(page, base_url):
    type_in_header(page, base_url, "", "qqqzzzxw", PHONE)
    note = page.locator("[data-kp-search-note]")
    assert "Geen resultaten" in note.inner_text()
    hrefs = [a.get_attribute("href") for a in note.locator("a").all()]
    assert any(h.endswith("/hulp/") for h in hrefs) and any(h.endswith("/naasten/") for h in hrefs)
    assert not page.locator("[data-kp-search-all]").is_visible()


def test_header_corrects_and_prefers_easy_read_on_an_easy_read_page(page, base_url):
    type_in_header(page, base_url, "producten/privacy-en-intimiteit/makkelijk/", "sexuoloog ", PHONE)
    assert page.locator("[data-kp-search-note] b").inner_text() == "seksuoloog"
    first = page.locator(".kp-search__link").first.get_attribute("href")
    assert first.endswith("wat-doet-een-seksuoloog/makkelijk/")
    assert "versie=makkelijk" in page.locator("[data-kp-search-all]").get_attribute("href")


AXE = """async (scheme) => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  await new Promise(requestAnimationFrame);
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
  return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
}"""


def axe_violations(page) -> list[str]:
    from axe_audit import AXE_JS

    page.add_script_tag(path=str(AXE_JS))
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    return [f"{scheme}: {v}" for scheme in ("default", "slate") for v in page.evaluate(AXE, scheme)]


@pytest.mark.parametrize("state", ["page-phone", "page-wide", "header-results", "header-none"])
def test_search_states_pass_axe(page, base_url, state):
    """What the all-pages axe pass cannot see: the search page with results, a correction, a best bet and
    open filters; the header panel with results and a correction, and with nothing found."""
    if state == "page-phone":
        open_page(page, base_url, "?q=sexuoloog")
        page.locator("[data-kp-search-filters-toggle]").click()
    elif state == "page-wide":
        open_page(page, base_url, "?q=klacht&regio=nl", DESKTOP)
    elif state == "header-results":
        type_in_header(page, base_url, "producten/privacy-en-intimiteit/makkelijk/", "vertrouwenspersoom", PHONE)
    else:
        type_in_header(page, base_url, "", "qqqzzzxw", DESKTOP)
    assert axe_violations(page) == []
