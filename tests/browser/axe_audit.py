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


def audit(browser, base_url: str, axe_url: str, pages: list[str], widths: tuple[int, ...], height: int = 900) -> list[Finding]:
    """Every violation and incomplete result of every page, at every width and in every colour
    scheme. Each page is loaded once; the viewport is resized between widths."""
    schemes = list(SCHEMES.items())
    context = browser.new_context(viewport={"width": widths[0], "height": height})
    findings: list[Finding] = []
    try:
        tabs = [context.new_page() for _ in range(min(TABS, len(pages)))]
        queue, running = list(pages), {}  # running: tab -> (page, index of the width being audited)

        def start(tab, path, step):
            if step == 0:
                tab.set_viewport_size({"width": widths[0], "height": height})
                tab.goto(base_url + path, wait_until="load")
                tab.add_script_tag(url=axe_url)
            else:
                tab.set_viewport_size({"width": widths[step], "height": height})
            tab.evaluate(START, [schemes, TAGS, COLOUR_RULES, step == 0])
            running[tab] = (path, step)

        for tab in tabs:
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
        context.close()
    return findings
