"""axe-core over built pages in headless Chromium, several tabs of one browser at a time.

Why this shape: about a hundred pages, two widths and two colour schemes make four hundred
axe runs. A page is loaded once per width and audited in both schemes inside the page; axe
runs in the page's own renderer process, so starting it in a few tabs before collecting the
first result runs them side by side while Playwright's synchronous API waits on one.
The second scheme only changes colours, so it reruns only the colour rules; axe itself is
served over HTTP with a cache header, so Chromium compiles its 650 kB once, not per page.
"""
from __future__ import annotations

import fnmatch
import functools
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
ALLOWLIST = HERE / "axe-allowlist.yml"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
TABS = 2
SETTLE_TIMEOUT_MS = 8000

# Runs after the load event and before anyone looks at the page: what each page must have
# loaded is there, so axe sees the same page in every run (a video whose metadata had not yet
# arrived rendered differently from one whose had). Fonts and every image decoded, each video's
# poster fetched and its metadata read (or failed for good), the search page's first index
# answered; then two frames so layout and paint have caught up.
SETTLE = """async (timeoutMs) => {
  const deadline = performance.now() + timeoutMs;
  const late = () => new Promise(done => setTimeout(done, Math.max(0, deadline - performance.now())));
  const inTime = promise => Promise.race([promise, late()]);  // a lazy image off screen never decodes
  const until = cond => new Promise(done => {
    const tick = () => (cond() || performance.now() > deadline) ? done() : setTimeout(tick, 20);
    tick();
  });
  if (document.readyState !== 'complete') await inTime(new Promise(done => addEventListener('load', done, {once: true})));
  await inTime(document.fonts.ready);
  const eager = [...document.images].filter(img => img.loading !== 'lazy');
  const posters = [...document.querySelectorAll('video[poster]')].map(v => { const img = new Image(); img.src = v.poster; return img; });
  await inTime(Promise.all([...eager, ...posters].map(img => img.decode().catch(() => null))));
  await until(() => [...document.querySelectorAll('video')].every(v => v.readyState >= 1 || v.error || v.networkState === 3));
  const status = document.querySelector('[data-kp-search-page-status]');
  const loading = window.kpSearch && window.kpSearch.strings ? window.kpSearch.strings.search_loading : null;
  if (status && loading) await until(() => status.textContent !== loading);
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
}"""

# Which allow-list entries name an element this page has (an entry is stale only when the
# element it names exists on no page it covers; whether axe leaves it undecided in a given run
# is not the question).
PRESENT = """(selectors) => selectors.map(s => { try { return !!document.querySelector(s); } catch (e) { return null; } })"""

# Runs inside the page, started without awaiting it. The first run (widest viewport, first
# scheme) runs every rule; later runs skip css-orientation-lock, which reads the style sheets
# (axe's slow "preload") and cannot change with width or colour; other schemes run only the
# colour rules. Transitions are switched off, so colours are measured as they end up, not
# halfway through the theme's 250 ms colour fade.
START = """([schemes, tags, colourRules, first]) => {
  if (!document.getElementById('kp-axe-still')) {
    const style = document.createElement('style');
    style.id = 'kp-axe-still';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(style);
  }
  const slim = results => results.map(r => ({
    id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl,
    nodes: r.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary || [...n.any, ...n.all, ...n.none].map(c => c.message).join('; ')})),
  }));
  window.__kpAxe = (async () => {
    const out = {};
    for (const [index, [name, scheme]] of schemes.entries()) {
      document.body.setAttribute('data-md-color-scheme', scheme);
      await new Promise(requestAnimationFrame);
      const options = {resultTypes: ['violations', 'incomplete'], preload: first && index === 0};
      options.runOnly = index === 0 ? {type: 'tag', values: tags} : {type: 'rule', values: colourRules};
      if (index === 0 && !first) options.rules = {'css-orientation-lock': {enabled: false}};
      const r = await axe.run(document, options);
      out[name] = {violations: slim(r.violations), incomplete: slim(r.incomplete)};
    }
    document.body.setAttribute('data-md-color-scheme', schemes[0][1]);
    return out;
  })();
}"""


class _CachedFiles(SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def axe_server():
    """axe.min.js over HTTP, cacheable (see the module docstring); yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CachedFiles, directory=str(AXE_JS.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{AXE_JS.name}"
    finally:
        server.shutdown()


@dataclass
class Finding:
    page: str
    width: int
    scheme: str
    kind: str  # "violation" or "incomplete"
    rule: str
    impact: str | None
    help: str
    help_url: str
    target: str
    html: str
    summary: str

    def report(self) -> str:
        return (f"{self.page or '/'} at {self.width}px, {self.scheme}: {self.rule} ({self.impact or 'unknown impact'}) {self.help}\n"
                f"    element: {self.target}\n    html: {self.html}\n    why: {self.summary}\n    help: {self.help_url}")


@dataclass
class AllowEntry:
    rule: str
    reason: str
    selector: str | None = None
    page: str = "*"
    used: int = field(default=0, compare=False)

    def matches(self, finding: Finding) -> bool:
        if finding.rule != self.rule or not fnmatch.fnmatch(finding.page, self.page):
            return False
        return self.selector is None or self.selector in finding.target


def load_allowlist(path: Path = ALLOWLIST) -> list[AllowEntry]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    allowed = []
    for number, entry in enumerate(entries, 1):
        unknown = set(entry) - {"rule", "selector", "page", "reason"}
        if unknown or not entry.get("rule") or not str(entry.get("reason", "")).strip() or not (entry.get("selector") or entry.get("page")):
            raise ValueError(f"{path.name} entry {number}: needs rule, reason and a selector or page pattern (and nothing else): {entry}")
        allowed.append(AllowEntry(entry["rule"], entry["reason"], entry.get("selector"), entry.get("page", "*")))
    return allowed


def _findings(page: str, width: int, out: dict) -> list[Finding]:
    found = []
    for scheme, results in out.items():
        for kind, key in (("violation", "violations"), ("incomplete", "incomplete")):
            for rule in results[key]:
                for node in rule["nodes"]:
                    found.append(Finding(page, width, scheme, kind, rule["id"], rule["impact"], rule["help"], rule["helpUrl"],
                                         node["target"], node["html"], node["summary"]))
    return found


def audit(browser, base_url: str, axe_url: str, pages: list[str], widths: tuple[int, ...], height: int = 900,
          context=None, before_load=None, probe=None, tabs: int = TABS) -> list[Finding]:
    """Every violation and incomplete result of every page, at every width and in every colour
    scheme. Each page is loaded once; the viewport is resized between widths.

    Other all-pages checks ride along on the same page loads: `before_load(tab, path)` runs
    before a tab navigates, `probe(tab, path, width)` after the page has loaded (or the viewport
    has been resized) and before axe touches the page. A caller that passes its own `context`
    (to listen to its requests) keeps it; otherwise one is made and closed here."""
    schemes = list(SCHEMES.items())
    own_context = context is None
    if own_context:
        context = browser.new_context(viewport={"width": widths[0], "height": height})
    findings: list[Finding] = []
    try:
        tab_list = [context.new_page() for _ in range(min(tabs, len(pages)))]
        queue, running = list(pages), {}  # running: tab -> (page, index of the width being audited)

        def start(tab, path, step):
            if step == 0:
                tab.set_viewport_size({"width": widths[0], "height": height})
                if before_load:
                    before_load(tab, path)
                tab.goto(base_url + path, wait_until="load")
                tab.evaluate(SETTLE, SETTLE_TIMEOUT_MS)
            else:
                tab.set_viewport_size({"width": widths[step], "height": height})
            if probe:
                probe(tab, path, widths[step])
            if step == 0:
                tab.add_script_tag(url=axe_url)
            tab.evaluate(START, [schemes, TAGS, COLOUR_RULES, step == 0])
            running[tab] = (path, step)

        for tab in tab_list:
            start(tab, queue.pop(0), 0)
        while running:
            for tab in list(running):
                path, step = running.pop(tab)
                findings += _findings(path, widths[step], tab.evaluate("() => window.__kpAxe"))
                if step + 1 < len(widths):
                    start(tab, path, step + 1)
                elif queue:
                    start(tab, queue.pop(0), 0)
    finally:
        if own_context:
            context.close()
    return findings


# --- The all-pages pass: axe plus the cheap per-page checks, on the same page loads ---------

# Runs right after a page has loaded (at the first width) or been resized (at the others),
# before axe or anyone else has touched it: what the page looks like and what it left behind
# before the reader has done anything.
PROBE = """async (first) => {
  const out = {width: innerWidth, lang: document.documentElement.lang};
  const button = document.querySelector('[data-kp-quick-exit-button]');
  if (button) {
    const r = button.getBoundingClientRect(), cs = getComputedStyle(button);
    const hit = r.width && r.height ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    out.quickExit = {
      visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth
        && cs.visibility === 'visible' && Number(cs.opacity) > 0 && !!hit && button.contains(hit),
      label: (button.querySelector('.kp-quick-exit__label') || button).textContent.trim(),
      icon: !!button.querySelector('.kp-quick-exit__icon svg'),
      href: button.getAttribute('href'),
    };
  }
  out.easyRead = !!document.querySelector('.kp-easy-read');
  // 2.4.7: a rendered, focusable element without any size is an invisible focus stop (the
  // theme's default search has one).
  out.invisibleStops = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.disabled && !el.closest('[inert]') && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}))
    .filter(el => { const r = el.getBoundingClientRect(); return r.width < 1 || r.height < 1; })
    .map(el => el.outerHTML.slice(0, 160));
  // 1.4.10 reflow: nothing wider than the viewport (the page never scrolls sideways).
  const root = document.documentElement;
  out.scrollWidth = root.scrollWidth;
  out.overflowing = [];
  if (root.scrollWidth > innerWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 1 && r.width > 0 && !el.closest('.kp-visually-hidden, .kp-sr-only')) {
        const parent = el.parentElement && el.parentElement.getBoundingClientRect();
        if (!parent || parent.right <= innerWidth + 1) out.overflowing.push(el.outerHTML.slice(0, 160));
        if (out.overflowing.length >= 3) break;
      }
    }
  }
  if (!first) return out;
  const referrer = document.querySelector('meta[name="referrer"]');
  out.referrer = referrer ? referrer.getAttribute('content') : null;
  out.localStorage = Object.keys(localStorage);
  out.sessionStorage = Object.keys(sessionStorage);
  out.indexedDB = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [];
  out.caches = window.caches ? await caches.keys() : [];
  out.serviceWorkers = navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0;
  // What a visit leaves behind is cleared, so the next page reports only its own.
  localStorage.clear(); sessionStorage.clear();
  return out;
}"""


@dataclass
class SitePass:
    pages: list[str]
    widths: tuple[int, ...]
    findings: list[Finding]
    facts: dict  # (page, width) -> what PROBE saw
    foreign: list[tuple[str, str]]  # (page, url) of every request to another host
    cookies: list[tuple[str, dict]]  # (page, cookie)
    errors: list[tuple[str, str]]  # (page, uncaught script error)
    seconds: float = 0.0
    allowlist: list[AllowEntry] = field(default_factory=list)
    present: dict = field(default_factory=dict)  # index in allowlist -> pages that have the element it names
    bad_selectors: set = field(default_factory=set)  # allowlist indexes whose selector the browser refused

    def stale_entries(self) -> list[AllowEntry]:
        """Entries whose element exists on none of the pages they cover (an entry with a page
        pattern only: no page it covers was audited)."""
        return [entry for number, entry in enumerate(self.allowlist) if not self.present.get(number)]


def site_pass(browser, base_url: str, pages: list[str], widths: tuple[int, ...] = (1280, 320), tabs: int = TABS,
              allowlist: list[AllowEntry] | None = None) -> SitePass:
    """Loads every page once in a fresh context and audits it at every width (see audit), and
    notes on which pages each allow-list entry's element exists."""
    import time
    from urllib.parse import urlparse

    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run `npm ci --prefix tests/browser --no-audit --no-fund` (make test does)")
    started = time.monotonic()
    own_host = urlparse(base_url).netloc
    result = SitePass(list(pages), widths, [], {}, [], [], [])
    result.allowlist = load_allowlist() if allowlist is None else allowlist
    current: dict = {}  # tab -> the page it is showing

    context = browser.new_context(viewport={"width": widths[0], "height": 900})
    with axe_server() as axe_url:
        allowed = {own_host, urlparse(axe_url).netloc}

        def on_request(request):
            url = urlparse(request.url)
            if url.scheme in ("http", "https", "ws", "wss") and url.netloc not in allowed:
                try:
                    page = current.get(request.frame.page, "?")
                except Exception:  # a worker's request has no frame
                    page = "?"
                result.foreign.append((page, request.url))

        def before_load(tab, path):
            current[tab] = path
            if not getattr(tab, "_kp_listening", False):
                tab.on("pageerror", lambda error, tab=tab: result.errors.append((current.get(tab, "?"), str(error))))
                tab._kp_listening = True

        def probe(tab, path, width):
            first = width == widths[0]
            result.facts[(path, width)] = tab.evaluate(PROBE, first)
            if first:
                _note_allowlisted_elements(tab, path)
                for cookie in context.cookies():
                    result.cookies.append((path, cookie))
                if result.cookies:
                    context.clear_cookies()

        def _note_allowlisted_elements(tab, path):
            covering = [(n, e) for n, e in enumerate(result.allowlist) if fnmatch.fnmatch(path, e.page)]
            with_selector = [(n, e) for n, e in covering if e.selector]
            found = tab.evaluate(PRESENT, [e.selector for _, e in with_selector]) if with_selector else []
            for (number, _), there in zip(with_selector, found):
                if there is None:
                    result.bad_selectors.add(number)
                elif there:
                    result.present.setdefault(number, []).append(path)
            for number, entry in covering:
                if not entry.selector:
                    result.present.setdefault(number, []).append(path)

        context.on("request", on_request)
        try:
            result.findings = audit(browser, base_url, axe_url, pages, widths, context=context,
                                    before_load=before_load, probe=probe, tabs=tabs)
        finally:
            context.close()
    result.seconds = time.monotonic() - started
    return result


def page_url(site_dir: Path, html: Path) -> str:
    """The served path of a built HTML file: 'producten/x/' for producten/x/index.html."""
    rel = html.relative_to(site_dir).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
