"""Reading aids on easy-read pages, measured in the browser: body text at least 18 px with a line
height of at least 1.5, left aligned, no justification or automatic hyphenation, lines of at
most about 70 characters, and pictograms from the theme's bundled icons beside the headings and
in the navigation."""
from __future__ import annotations

import pytest

EASY_PAGES = [
    "producten/seksuele-assistentie/makkelijk/",
    "producten/grenzen-aangeven-en-respecteren/makkelijk/",
    "veilig-bezoeken-makkelijk/",
    "privacy-makkelijk/",
    "over-makkelijk/",
    "en/producten/seksuele-assistentie/makkelijk/",
]
MAX_LINE = 72  # "about 70" characters

TYPOGRAPHY = """() => {
  const out = [];
  const blocks = [...document.querySelectorAll('.kp-easy-read p, .kp-easy-read li, .kp-easy-read dd')]
    .filter(el => el.offsetParent !== null && el.innerText.trim().length > 20);
  for (const el of blocks) {
    const cs = getComputedStyle(el);
    const size = parseFloat(cs.fontSize);
    const lh = cs.lineHeight === 'normal' ? 1.2 * size : parseFloat(cs.lineHeight);
    // Characters per rendered line: the top of every character, grouped by line.
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        const top = Math.round(r.top / 4);
        lines.set(top, (lines.get(top) || 0) + 1);
      }
    }
    out.push({text: el.innerText.trim().slice(0, 50), size, lineHeight: lh / size, align: cs.textAlign,
              hyphens: cs.hyphens || cs.webkitHyphens, longest: Math.max(0, ...lines.values())});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def wide(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", EASY_PAGES)
def test_easy_read_typography(wide, base_url, path):
    wide.goto(base_url + path)
    blocks = wide.evaluate(TYPOGRAPHY)
    assert len(blocks) >= 3, f"/{path}: too little easy-read text found"
    problems = []
    for b in blocks:
        wrong = []
        if b["size"] < 18:
            wrong.append(f"font size {b['size']}px < 18px")
        if b["lineHeight"] < 1.5:
            wrong.append(f"line height {b['lineHeight']:.2f} < 1.5")
        if b["align"] not in ("left", "start"):
            wrong.append(f"text-align {b['align']}")
        if b["hyphens"] != "none":
            wrong.append(f"hyphens {b['hyphens']}")
        if b["longest"] > MAX_LINE:
            wrong.append(f"a line of {b['longest']} characters")
        if wrong:
            problems.append(f"'{b['text']}': {', '.join(wrong)}")
    assert not problems, f"/{path} (at 1600px):\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("path", EASY_PAGES[:4])
def test_pictograms_beside_headings(wide, base_url, path):
    wide.goto(base_url + path)
    headings = wide.evaluate("""() => [...document.querySelectorAll('.kp-easy-read h2')].filter(h => h.offsetParent !== null).map(h => {
      const icon = h.querySelector('.kp-pictogram');
      const svg = icon && icon.querySelector('svg');
      const a = svg && svg.getBoundingClientRect(), t = h.getBoundingClientRect();
      return {text: h.innerText.trim(), icon: !!svg, hidden: icon && icon.getAttribute('aria-hidden') === 'true',
              size: a ? [a.width, a.height] : null, beside: a ? a.left < t.left + 60 && a.top >= t.top - 4 && a.bottom <= t.bottom + 4 : false};
    })""")
    assert headings, f"/{path}: no headings"
    bad = [h for h in headings if not (h["icon"] and h["hidden"] and h["beside"] and min(h["size"]) >= 16)]
    assert not bad, f"/{path}: headings without a visible pictogram beside them (hidden from screen readers): {bad}"
    # Icons are inline SVG from the theme's bundle: nothing is downloaded for them.
    assert wide.evaluate("() => document.querySelectorAll('.kp-pictogram img, .md-nav img').length") == 0


def test_pictograms_in_the_navigation(wide, base_url):
    wide.goto(base_url + EASY_PAGES[0])
    # On wide screens the navigation is the row of tabs under the header (public-service layout).
    links = wide.evaluate("""() => [...document.querySelectorAll('.md-nav--primary .md-nav__link, .md-tabs__link')].filter(a => a.offsetParent !== null)
      .map(a => ({text: a.innerText.trim(), icon: !!a.querySelector('svg') && a.querySelector('svg').getBoundingClientRect().width >= 12}))""")
    assert len(links) >= 5
    assert all(link["icon"] for link in links), [link for link in links if not link["icon"]]


def test_standard_pages_keep_the_theme_typography(wide, base_url):
    # The reading aids belong to easy-read pages; a standard product is not enlarged.
    wide.goto(base_url + "producten/seksuele-assistentie/")
    assert wide.locator(".kp-easy-read").count() == 0
