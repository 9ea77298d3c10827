"""Print: a product prints as a clean handout, with its text, its sources (with their web
address) and its review date, and without navigation, header buttons, search or quick exit."""
from __future__ import annotations

import pytest

HIDDEN_IN_PRINT = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer",
    "quick exit": ".kp-quick-exit",
    "search": ".kp-search",
    "version switch": ".kp-version-switch",
    "read aloud": ".kp-read-aloud",
    "skip link": ".md-skip",
    "back to top": ".md-top",
}


@pytest.fixture(scope="module")
def printed(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("path", ["producten/seksuele-assistentie/", "producten/seksuele-assistentie/makkelijk/"])
def test_product_prints_as_a_clean_handout(printed, base_url, path):
    printed.goto(base_url + path)
    shown = printed.evaluate("""(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, sel]) =>
        [name, [...document.querySelectorAll(sel)].some(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })]))""",
                             HIDDEN_IN_PRINT)
    assert not any(shown.values()), f"/{path} prints: {[name for name, on in shown.items() if on]}"
    buttons = printed.evaluate("() => [...document.querySelectorAll('button, [role=button], .md-button')].filter(el => el.getBoundingClientRect().height > 0).map(el => el.outerHTML.slice(0, 80))")
    assert not buttons, f"/{path} prints buttons: {buttons}"
    assert printed.locator("h1").first.is_visible()
    assert printed.locator(".kp-meta").is_visible(), "the 'about this page' block (sources, review date) is not printed"
    assert printed.locator(".kp-sources li").first.is_visible(), "sources are not printed"
    assert printed.locator(".kp-meta time").first.is_visible(), "the review date is not printed"
    # A source with a web address shows the address on paper.
    after = printed.evaluate("""() => { const a = document.querySelector('.kp-sources a[href^="http"]');
        return a ? getComputedStyle(a, '::after').content : null; }""")
    if after is not None:
        assert "http" in after or "attr" in after or after.startswith('" ('), after
    # Black on white.
    assert printed.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")


def test_product_pdf_is_made(printed, base_url):
    printed.goto(base_url + "producten/seksuele-assistentie/")
    pdf = printed.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
