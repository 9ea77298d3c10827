"""WCAG 2.2 AA, automated, over every built page (both languages, generated hubs, video pages,
the search page, the 404 page) in headless Chromium.

axe-core with the WCAG 2.0/2.1/2.2 A and AA tags runs at 1280 and 320 px, on the light and the
dark palette (one shared pass, see conftest.site_pass and axe_audit.py): zero violations, and
every "incomplete" result either fixed or accepted with a reason in axe-allowlist.yml. The same
pass checks what axe cannot on every page: no sideways scrolling at 320 px (1.4.10 reflow), the
quick exit visible at both widths, and no uncaught script errors.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

import axe_audit

MAX_REPORTED = 40


def _report(findings, title: str) -> str:
    # One block per (rule, element, page); the widths and schemes it occurs at are joined.
    grouped = defaultdict(list)
    for f in findings:
        grouped[(f.rule, f.target, f.page)].append(f)
    lines = [f"{title}: {len(findings)} result(s) on {len({f.page for f in findings})} page(s)"]
    for (rule, target, page), group in list(grouped.items())[:MAX_REPORTED]:
        first = group[0]
        where = ", ".join(sorted({f"{f.width}px {f.scheme}" for f in group}))
        lines.append(f"- page /{page} [{where}]\n  rule: {rule} ({first.impact or 'unknown impact'}): {first.help}\n"
                     f"  element: {target}\n  html: {first.html}\n  why: {first.summary.strip()}\n  help: {first.help_url}")
    if len(grouped) > MAX_REPORTED:
        lines.append(f"... and {len(grouped) - MAX_REPORTED} more")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def allowlist():
    return axe_audit.load_allowlist()


def test_the_pass_covers_every_page_at_both_widths(site_pass, site_pages):
    assert len(site_pages) >= 100, f"only {len(site_pages)} pages built"
    for must in ("", "en/", "404.html", "zoeken/", "en/zoeken/", "videos/", "begrippen/", "hulp/", "naasten/"):
        assert must in site_pages, f"/{must} was not built"
    assert any(p.startswith("videos/") and p != "videos/" for p in site_pages)
    missing = [(p, w) for p in site_pages for w in site_pass.widths if (p, w) not in site_pass.facts]
    assert not missing, f"not audited: {missing[:10]}"
    print(f"\nall-pages pass: {len(site_pages)} pages x {site_pass.widths} px x light/dark in {site_pass.seconds:.0f} s")


def test_axe_finds_no_violations(site_pass):
    violations = [f for f in site_pass.findings if f.kind == "violation"]
    assert not violations, _report(violations, "axe-core violations (fix them in overrides/, never by switching rules off)")


def test_every_incomplete_result_is_fixed_or_reviewed(site_pass, allowlist):
    open_items = [f for f in site_pass.findings if f.kind == "incomplete" and not any(e.matches(f) for e in allowlist)]
    assert not open_items, _report(open_items, "axe-core 'incomplete' results: fix them, or review and add them with a reason to tests/browser/axe-allowlist.yml")


def test_the_allowlist_has_no_stale_entries(site_pass):
    # Stale means the element an entry names exists on none of the pages it covers. Not "axe
    # left nothing undecided in this run": whether axe can decide a rule for an element may vary
    # between runs, and a test that depends on it fails people who changed nothing.
    bad = [site_pass.allowlist[n] for n in sorted(site_pass.bad_selectors)]
    assert not bad, "axe-allowlist.yml selectors that are not CSS selectors: " + "; ".join(f"{e.rule} {e.selector!r}" for e in bad)
    stale = site_pass.stale_entries()
    assert not stale, "axe-allowlist.yml entries whose element is on no page they cover (remove them): " + "; ".join(
        f"{e.rule} {e.selector or ''} on {e.page}" for e in stale)


def test_the_allowlist_is_specific():
    # Every entry names a rule and a selector or page pattern and says why (load_allowlist
    # refuses anything else); a rule may never be accepted for every element of every page.
    for entry in axe_audit.load_allowlist():
        assert entry.selector or entry.page != "*", f"{entry.rule}: allow-listed everywhere"
        assert len(entry.reason.split()) >= 8, f"{entry.rule}: the reason is too short to be reviewed"


def test_no_page_scrolls_sideways_at_320px(site_pass):
    # WCAG 1.4.10 reflow: 320 CSS px is 1280 px at 400 % zoom.
    narrow = min(site_pass.widths)
    bad = {page: facts for (page, width), facts in site_pass.facts.items()
           if width == narrow and facts["scrollWidth"] > facts["width"]}
    assert not bad, "pages wider than the window at 320 px:\n" + "\n".join(
        f"- /{page}: {f['scrollWidth']}px; too wide: {f['overflowing']}" for page, f in sorted(bad.items()))


def test_no_page_scrolls_sideways_at_1280px(site_pass):
    wide = max(site_pass.widths)
    bad = {page: f for (page, width), f in site_pass.facts.items() if width == wide and f["scrollWidth"] > f["width"]}
    assert not bad, "pages wider than the window at 1280 px:\n" + "\n".join(
        f"- /{page}: {f['scrollWidth']}px; too wide: {f['overflowing']}" for page, f in sorted(bad.items()))


def test_quick_exit_is_visible_on_every_page_at_both_widths(site_pass):
    bad = [(page, width, facts.get("quickExit")) for (page, width), facts in sorted(site_pass.facts.items())
           if not (facts.get("quickExit") or {}).get("visible")]
    assert not bad, "quick exit missing, hidden, covered or outside the window:\n" + "\n".join(
        f"- /{page} at {width}px: {qe}" for page, width, qe in bad)


def test_no_invisible_focus_stops_on_any_page(site_pass):
    # A focus stop of zero width or height (like the default theme's hidden search element)
    # leaves a keyboard user on something they cannot see; test_keyboard.py walks it per page type.
    bad = {(page, width): facts["invisibleStops"] for (page, width), facts in sorted(site_pass.facts.items()) if facts["invisibleStops"]}
    assert not bad, "invisible focus stops:\n" + "\n".join(f"- /{page} at {width}px: {stops}" for (page, width), stops in bad.items())


def test_no_script_errors_on_any_page(site_pass):
    assert not site_pass.errors, "uncaught script errors:\n" + "\n".join(f"- /{page}: {error}" for page, error in site_pass.errors)


def test_an_entry_is_stale_only_when_its_element_is_gone():
    # No browser needed: what site_pass noted per page decides, not what axe left undecided.
    entries = [axe_audit.AllowEntry("link-in-text-block", "reason", '[download=""]', "*videos/*"),
               axe_audit.AllowEntry("color-contrast", "reason", ".weg", "*")]
    result = axe_audit.SitePass([], (1280,), [], {}, [], [], [], allowlist=entries, present={0: ["videos/grenzen/"]})
    assert result.stale_entries() == [entries[1]]
