"""Keyboard and layout checks axe cannot do, once per page type, in headless Chromium.

- Tab walk from the top (2.1.1, 2.1.2, 2.4.1, 2.4.7, 2.4.11): the skip link is the first stop and
  leads into the content; every stop has a size and a visible focus indicator (outline or box
  shadow), is not hidden under the sticky header or the quick exit, and the walk ends (no trap).
- 1.4.10 reflow at 320 CSS px, 1.4.4 200 % zoom (page zoom and text-only zoom) and the 1.4.12
  text-spacing overrides: no sideways scrolling and no clipped text.
- 2.3.3 prefers-reduced-motion: no transition or animation longer than 0.01 s.
"""
from __future__ import annotations

import pytest

PAGE_TYPES = {
    "start page": "",
    "audience hub": "naasten/",
    "standard product": "producten/seksuele-assistentie/",
    "easy-read product": "producten/seksuele-assistentie/makkelijk/",
    "glossary": "begrippen/",
    "help directory": "hulp/",
    "search page": "zoeken/",
    "video index": "videos/",
    "video page": "videos/grenzen/",
}
MAX_STOPS = 400

# What the element that has focus looks like; null when focus has left the page.
FOCUS_INFO = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!el.__kpStop) el.__kpStop = (window.__kpStops = (window.__kpStops || 0) + 1);
  const cs = getComputedStyle(el);
  const rects = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const box = el.getBoundingClientRect();
  const transparent = c => c === 'transparent' || /rgba\\([^)]*,\\s*0\\)$/.test(c);
  const drawn = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor))
    || (s.boxShadow && s.boxShadow !== 'none');
  // The indicator may be drawn by the element or, through :focus-within, by its card (up to 3 levels up).
  let indicator = drawn(cs), up = el.parentElement;
  for (let i = 0; !indicator && up && i < 3; i++, up = up.parentElement) {
    indicator = up.matches(':focus-within') && drawn(getComputedStyle(up));
  }
  const header = document.querySelector('.md-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  // Elements that stay on top (the header, the quick exit, the back-to-top button) cannot be under them.
  const onTop = !!el.closest('.md-header, .kp-quick-exit, .md-top, .md-skip, .md-dialog');
  let hidden = false, under = false;
  if (!onTop && rects.length) {
    const r = rects[0];
    const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                    [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
    const seen = points.filter(([x, y]) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit && (el.contains(hit) || hit.contains(el) || (el.labels && [...el.labels].some(l => l.contains(hit))));
    });
    hidden = seen.length === 0;        // 2.4.11: entirely hidden (by the header, the quick exit, or off screen)
    under = r.bottom <= headerBottom;  // wholly behind the sticky header
  }
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.title || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  return {
    id: el.__kpStop, tag: el.tagName.toLowerCase(), cls: String(el.className && el.className.baseVal !== undefined ? el.className.baseVal : el.className).slice(0, 60),
    name, html: el.outerHTML.slice(0, 160), width: box.width, height: box.height, sized: rects.length > 0,
    indicator, hidden, under, skip: el.classList.contains('md-skip'), inContent: !!el.closest('#kp-content'),
  };
}"""


def describe(stop: dict) -> str:
    return f"<{stop['tag']} class='{stop['cls']}'> '{stop['name']}' {stop['html']!r}"


def tab_walk(page) -> tuple[list[dict], list[str]]:
    """Presses Tab from the top until focus leaves the page or comes back round; returns the stops
    and the problems found on the way."""
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")
    stops, problems, seen = [], [], set()
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_INFO)
        if stop is None or stop["id"] in seen:
            return stops, problems
        seen.add(stop["id"])
        stops.append(stop)
        if not stop["sized"] or stop["width"] < 1 or stop["height"] < 1:
            problems.append(f"stop {len(stops)} has no size (an invisible focus stop): {describe(stop)}")
        elif not stop["indicator"]:
            problems.append(f"stop {len(stops)} shows no focus outline or shadow: {describe(stop)}")
        elif stop["hidden"] or stop["under"]:
            problems.append(f"stop {len(stops)} is hidden (under the sticky header or quick exit, or off screen): {describe(stop)}")
    problems.append(f"keyboard trap or endless page: still inside the page after {MAX_STOPS} Tab presses")
    return stops, problems


@pytest.fixture(scope="module", params=[1280, 320], ids=["1280px", "320px"])
def tab(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_tab_walk(tab, base_url, kind):
    tab.goto(base_url + PAGE_TYPES[kind])
    stops, problems = tab_walk(tab)
    assert stops, f"{kind}: Tab reaches nothing"
    assert stops[0]["skip"], f"{kind}: the first Tab stop is not the skip link but {describe(stops[0])}"
    assert len(stops) > 3, f"{kind}: only {len(stops)} Tab stops"
    assert not problems, f"{kind} (/{PAGE_TYPES[kind]}):\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", ["standard product", "video page", "search page"])
def test_skip_link_leads_into_the_content(tab, base_url, kind):
    tab.goto(base_url + PAGE_TYPES[kind])
    tab.evaluate("() => window.scrollTo(0, 0)")
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.classList.contains('md-skip')")
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => !!document.activeElement.closest('#kp-content')"), "the skip link does not move focus to the content"
    tab.keyboard.press("Tab")
    stop = tab.evaluate(FOCUS_INFO)
    assert stop and stop["inContent"] and not stop["hidden"], f"after the skip link, Tab goes to {stop and describe(stop)}"


# --- Layout: zoom, reflow, text spacing ---------------------------------------------------------

# Text cut off by its box: overflow hidden/clip (or an ellipsis) on something whose content is bigger.
CLIPPED = """() => {
  const out = [];
  const hiddenText = el => el.closest('.kp-visually-hidden, .kp-sr-only, .md-visually-hidden, [hidden], [aria-hidden="true"]');
  // Accepted: the header's title line repeats the site name (the logo link's name) and the page
  // title (the h1) and is cut off with an ellipsis on narrow or zoomed screens; nothing is lost.
  const accepted = el => el.closest('.md-header__topic');
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const clips = ['hidden', 'clip'];
    if (!clips.includes(cs.overflowX) && !clips.includes(cs.overflowY) && cs.textOverflow !== 'ellipsis') continue;
    if (!el.innerText || !el.innerText.trim() || hiddenText(el) || accepted(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || cs.visibility !== 'visible') continue;
    const x = (clips.includes(cs.overflowX) || cs.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1;
    const y = clips.includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (x || y) out.push(`${el.tagName.toLowerCase()}.${el.className} (${x ? 'width' : 'height'}): ${el.innerText.trim().slice(0, 60)}`);
  }
  return out;
}"""

TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


def layout_problems(page) -> list[str]:
    problems = []
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    if width > inner:
        problems.append(f"scrolls sideways: {width}px content in a {inner}px window")
    problems += [f"clipped text: {c}" for c in page.evaluate(CLIPPED)]
    return problems


@pytest.fixture(scope="module")
def layout(browser):
    contexts = {}

    def get(width: int, scale: float = 1, text_zoom: float = 1):
        key = (width, scale, text_zoom)
        if key not in contexts:
            page = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale).new_page()
            if text_zoom != 1:
                cdp = page.context.new_cdp_session(page)
                cdp.send("Page.enable")
                cdp.send("Page.setFontSizes", {"fontSizes": {"standard": int(16 * text_zoom), "fixed": int(13 * text_zoom)}})
            contexts[key] = page
        return contexts[key]

    yield get
    for page in contexts.values():
        page.context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_reflow_at_320px(layout, base_url, kind):
    page = layout(320)
    page.goto(base_url + PAGE_TYPES[kind])
    assert not (problems := layout_problems(page)), f"{kind} at 320px:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_200_percent_zoom(layout, base_url, kind):
    # Page zoom: a 1280px window at 200 % is 640 CSS px at device scale 2.
    page = layout(640, 2)
    page.goto(base_url + PAGE_TYPES[kind])
    problems = layout_problems(page)
    # Text-only zoom: the browser's default font size doubled (16 -> 32 px), as the text-size
    # setting does; media queries in em follow it, as they do in the browser.
    page = layout(1280, text_zoom=2)
    page.goto(base_url + PAGE_TYPES[kind])
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"  # the theme's 125 %
    problems += [f"text-only zoom: {p}" for p in layout_problems(page)]
    assert not problems, f"{kind} at 200%:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("width", [1280, 320])
def test_text_spacing(layout, base_url, kind, width):
    page = layout(width)
    page.goto(base_url + PAGE_TYPES[kind])
    page.add_style_tag(content=TEXT_SPACING)
    assert not (problems := layout_problems(page)), f"{kind} at {width}px with WCAG 1.4.12 text spacing:\n" + "\n".join(problems)


# --- Motion -------------------------------------------------------------------------------------

MOTION = """() => {
  const seconds = value => value.split(',').map(v => v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v) || 0);
  const out = [];
  const check = (el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    const t = Math.max(...seconds(cs.transitionDuration)) + Math.max(...seconds(cs.transitionDelay), 0);
    const a = cs.animationName !== 'none' ? Math.max(...seconds(cs.animationDuration)) * (cs.animationIterationCount === 'infinite' ? 1000 : parseFloat(cs.animationIterationCount) || 1) : 0;
    if (t > 0.01 || a > 0.01) out.push(`${el.tagName.toLowerCase()}.${String(el.className.baseVal ?? el.className).slice(0, 50)}${pseudo || ''}: transition ${t}s, animation ${a}s`);
  };
  for (const el of document.querySelectorAll('*')) { check(el, null); check(el, '::before'); check(el, '::after'); }
  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push('html: smooth scrolling');
  return out.slice(0, 20);
}"""


@pytest.fixture(scope="module")
def reduced_motion(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_reduced_motion_is_honoured(reduced_motion, base_url, kind):
    reduced_motion.goto(base_url + PAGE_TYPES[kind])
    assert not (moving := reduced_motion.evaluate(MOTION)), f"{kind} with prefers-reduced-motion: reduce:\n" + "\n".join(moving)


def test_motion_is_there_without_the_preference(browser, base_url):
    # Makes sure the reduced-motion check can fail: the theme does animate by default.
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES["standard product"])
    assert page.evaluate(MOTION), "no transitions found at all: the reduced-motion test checks nothing"
    context.close()
