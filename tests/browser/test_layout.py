"""The public-service layout, per page type, at a phone (360x740) and a desktop (1280x800) width:
no sideways scrolling; the site name in the header; the quick exit visible and on top (the element
at its centre is the button), also with the drawer open and with the search results open; no left
sidebar, no table-of-contents sidebar and no prev/next footer; the page title at a contrast of at
least 7:1; no glossary marks in headings, titles, links or buttons."""
from __future__ import annotations

import pytest

SIZES = [(360, 740), (1280, 800)]
PAGES = {
    "start": "",
    "route naasten": "naasten/",
    "route professionals": "professionals/",
    "route clienten": "clienten/",
    "product": "producten/praten-over-intimiteit-met-je-naaste/",
    "product easy-read": "producten/praten-over-intimiteit-met-je-naaste/makkelijk/",
    "search": "zoeken/",
    "videos": "videos/",
    "video page": "videos/grenzen/",
    "help": "hulp/",
    "glossary": "begrippen/",
    "accessibility": "toegankelijkheid/",
    "new": "nieuw/",
    "404": "404.html",
    "English product": "en/producten/praten-over-intimiteit-met-je-naaste/",
    "English 404": "en/404.html",
}
QUICK_EXIT = "[data-kp-quick-exit-button]"

FACTS = """() => {
  const visible = el => { if (!el) return false; const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; } return [255, 255, 255, 1]; };
  const h1 = document.querySelector('article h1');
  let contrast = null;
  if (h1) { const bg = background(h1), fg = rgba(getComputedStyle(h1).color);
    const mixed = [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const a = lum(mixed), b = lum(bg); contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }
  const name = document.querySelector('.md-header__topic:first-child');
  return {
    scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    siteName: visible(name) ? name.textContent.trim() : null,
    leftSidebar: visible(document.querySelector('.md-sidebar--primary')) && getComputedStyle(document.querySelector('.md-sidebar--primary')).position !== 'fixed',
    tocSidebar: visible(document.querySelector('.md-sidebar--secondary')),
    prevNext: !!document.querySelector('.md-footer__link, .md-footer__inner'),
    contrast,
    marked: [...document.querySelectorAll('h1 abbr, h2 abbr, h3 abbr, h4 abbr, a abbr, button abbr, label abbr, .kp-card abbr')].map(e => e.outerHTML.slice(0, 80)),
  };
}"""

ON_TOP = """(selector) => {
  const el = document.querySelector(selector); const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight, onTop: !!hit && (hit === el || el.contains(hit)), hit: hit ? hit.outerHTML.slice(0, 80) : null, top: r.top };
}"""


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def sized(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield page, width
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_type_layout(sized, base_url, name):
    page, width = sized
    path = PAGES[name]
    page.goto(base_url + path)
    facts = page.evaluate(FACTS)
    where = f"/{path} at {width}px"
    assert not facts["scrollsSideways"], f"{where} scrolls sideways"
    assert facts["siteName"], f"{where}: no site name visible in the header"
    assert not facts["leftSidebar"], f"{where} shows a left sidebar"
    assert not facts["tocSidebar"], f"{where} shows a table-of-contents sidebar"
    assert not facts["prevNext"], f"{where} has a previous/next footer"
    assert facts["contrast"] and facts["contrast"] >= 7, f"{where}: title contrast {facts['contrast']}"
    assert not facts["marked"], f"{where}: glossary marks in headings, links or cards: {facts['marked']}"
    quick_exit = page.evaluate(ON_TOP, QUICK_EXIT)
    assert quick_exit["visible"] and quick_exit["onTop"], f"{where}: quick exit not visible or covered by {quick_exit['hit']}"
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(100)
    scrolled = page.evaluate(ON_TOP, QUICK_EXIT)
    assert scrolled["onTop"] and abs(scrolled["top"] - quick_exit["top"]) < 2, f"{where}: the quick exit moves or is covered when scrolling"


def test_title_contrast_in_the_dark_palette(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    page = context.new_page()
    for path in (PAGES["product"], PAGES["start"], PAGES["404"]):
        page.goto(base_url + path)
        contrast = page.evaluate(FACTS)["contrast"]
        assert contrast >= 7, f"/{path} dark: title contrast {contrast:.1f}"
    context.close()


def test_quick_exit_stays_on_top_with_the_drawer_open(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + PAGES["route naasten"])
    page.click('label.md-header__button[for="__drawer"]')
    page.wait_for_timeout(400)
    assert page.evaluate("() => document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    state = page.evaluate(ON_TOP, QUICK_EXIT)
    assert state["visible"] and state["onTop"], f"the open drawer covers the quick exit: {state['hit']}"
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quick_exit_stays_on_top_with_the_search_results_open(browser, base_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(base_url + PAGES["product"])
    page.locator("#kp-search-input").fill("grenzen")
    panel = page.locator("[data-kp-search-panel]")
    panel.wait_for(state="visible", timeout=5000)
    state = page.evaluate(ON_TOP, QUICK_EXIT)
    assert state["visible"] and state["onTop"], f"the search results cover the quick exit: {state['hit']}"
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= size[0], f"the search results reach past the screen: {box}"
    context.close()


def test_wide_screens_have_the_tabs_and_no_menu_button(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + PAGES["product"])
    assert page.locator(".md-tabs").is_visible()
    assert page.locator(".md-tabs__link").count() >= 5
    hidden = page.evaluate("""() => [...document.querySelectorAll('.md-tabs__link')].filter(a => a.offsetParent).filter(a => { const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.right - 3, r.top + r.height / 2); return r.right > innerWidth || !(hit === a || a.contains(hit)); })
      .map(a => a.textContent.trim())""")
    assert not hidden, f"tabs cut off or covered: {hidden}"
    assert page.locator("[data-md-component=palette]").is_visible(), "the colour toggle may stay on wide screens"
    context.close()


@pytest.mark.parametrize("path", ["", "en/", "producten/praten-over-intimiteit-met-je-naaste/makkelijk/"])
def test_the_tabs_are_one_row_at_1280_without_a_start_tab(browser, base_url, path):
    """The start page's tab is left out (the logo and the breadcrumbs lead there), so the hubs fit one row."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + path)
    rows = page.evaluate("""() => new Set([...document.querySelectorAll('.md-tabs__item')].filter(i => i.offsetParent)
      .map(i => Math.round(i.getBoundingClientRect().top))).size""")
    assert rows == 1, f"/{path}: the tabs take {rows} rows"
    assert page.locator(".md-tabs__item.kp-tab--home").count() == 1 and not page.locator(".md-tabs__item.kp-tab--home").is_visible()
    assert page.locator(".md-header a.md-logo").get_attribute("href") is not None
    context.close()


def test_phones_have_no_colour_toggle_in_the_header(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + PAGES["product"])
    assert not page.locator("[data-md-component=palette]").is_visible()
    assert page.locator("label.md-header__button[for='__drawer']").is_visible()
    context.close()
