"""Benchmark of the site search on generated corpora (a script, not a test).

For each size (pages; each generated product has two versions) it generates a
corpus, measures the index build (both languages, in process) and the index
bytes (raw and gzip), builds the whole site, serves it gzip-compressed (as the
generated nginx config does) and drives headless Chromium with a cold cache:

* first results: from the first keystroke in the header field of a freshly
  loaded page (focused and typed at once, so the index download is in the
  measurement) to the first rendered results, typing at --key-delay ms per key
  (results can appear from the second letter on);
* per further keystroke: keydown to rendered results, on the small index and
  again once the full-text index has arrived;
* bytes fetched (compressed, as transferred) until the first results, and in all.

Prints a Markdown table (the SEARCH-BENCHMARKS section) to stdout only.

    python scripts/search_bench.py --pages 1000,4000
"""
from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import buildconfig  # noqa: E402
import cli  # noqa: E402
from kennisplein import corpus, project  # noqa: E402
from kennisplein.search import index as search_index  # noqa: E402
from kennisplein.search import write_site_index  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml")
INSTRUMENT = """
(() => {
  window.__bench = {keys: [], renders: []};
  document.addEventListener('keydown', e => { if (e.target.id === 'kp-search-input') __bench.keys.push(performance.now()); }, true);
  new MutationObserver(() => {
    if (document.querySelector('.kp-search__result')) __bench.renders.push(performance.now());
  }).observe(document.querySelector('[data-kp-search-list]'), {childList: true});
})();
"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, like nginx with `gzip on`."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            from io import BytesIO
            return BytesIO(body)
        return super().send_head()


def serve(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def index_build(docs: Path, out: Path) -> dict:
    loaded = project.load(docs)
    result = {"index_s": 0.0, "files": {}}
    for language in ("nl", "en"):
        start = time.perf_counter()
        paths = write_site_index(loaded, out, language)
        result["index_s"] += time.perf_counter() - start
        for path in paths:
            raw = path.read_bytes()
            result["files"][path.name] = (len(raw), len(gzip.compress(raw, 6)))
    result["docs"] = len(search_index.read(out / "search" / "index-nl.js")["docs"])
    return result


def browser_run(browser, base_url: str, query: str, key_delay: int) -> dict:
    context = browser.new_context()  # a fresh context: cold cache
    page = context.new_page()
    transferred: list[tuple[float, str, int]] = []

    def finished(request):
        sizes = request.sizes()
        transferred.append((time.perf_counter(), request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.goto(base_url + "producten/product-00007/")
    page.wait_for_load_state("networkidle")
    page.evaluate(INSTRUMENT)
    page.on("requestfinished", finished)
    field = page.locator("#kp-search-input")
    field.focus()
    page.keyboard.type(query, delay=key_delay)
    page.wait_for_function("window.__bench.renders.length > 0", timeout=60000)
    first_render_wall = time.perf_counter()
    page.wait_for_function("kpSearch.load().then(e => e.tier === 'full')", timeout=120000)
    full_wall = time.perf_counter()
    bench = page.evaluate("window.__bench")
    keys, renders = bench["keys"], bench["renders"]
    first = renders[0] - keys[0]
    instant_keys = _per_key(keys, renders)
    # further keystrokes on the full-text index
    page.evaluate("__bench.keys = []; __bench.renders = []")
    for char in " hulp":
        page.keyboard.type(char)
        page.wait_for_timeout(max(key_delay, 60))
    later = page.evaluate("window.__bench")
    full_keys = _per_key(later["keys"], later["renders"])
    page.wait_for_timeout(200)
    bytes_first = sum(size for when, _, size in transferred if when <= first_render_wall)
    bytes_all = sum(size for _, _, size in transferred)
    context.close()
    return {"first_ms": first, "instant_key_ms": instant_keys, "full_key_ms": full_keys, "bytes_first": bytes_first,
            "bytes_all": bytes_all, "full_ready_s": full_wall - first_render_wall}


def _per_key(keys: list[float], renders: list[float]) -> list[float]:
    """For each keystroke after the one that first rendered: time until the next render."""
    out = []
    for key in keys:
        after = [r for r in renders if r >= key]
        if after and renders and key > renders[0]:
            out.append(after[0] - key)
    return out


def bench_size(pages: int, work_root: Path, runs: int, query: str, key_delay: int, browser) -> dict:
    work = work_root / f"p{pages}"
    docs = corpus.generate(work / "docs", ROOT / "docs", pages // 2)
    print(f"  {pages} pages: corpus ready", flush=True)
    result = index_build(docs, work / "index-only")
    print(f"  index build {result['index_s']:.1f} s (nl + en)", flush=True)
    site = work / "site"
    start = time.perf_counter()
    if cli.build_site(buildconfig.config_for(docs, work / "mkdocs.yml"), site) != 0:
        raise SystemExit("site build failed")
    result["site_s"] = time.perf_counter() - start
    print(f"  site build {result['site_s']:.0f} s", flush=True)
    server, base_url = serve(site)
    try:
        result["runs"] = [browser_run(browser, base_url, query, key_delay) for _ in range(runs)]
    finally:
        server.shutdown()
    return {"pages": pages, **result}


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def report(results: list[dict], query: str, key_delay: int, runs: int) -> str:
    lines = [
        "## SEARCH-BENCHMARKS",
        "",
        f"Generated corpora (`scripts/kennisplein/corpus.py`), headless Debian Chromium, cold cache, files served gzip-compressed.",
        f"Query typed into the header field of a freshly loaded product page: {query!r} at {key_delay} ms per key, focused and typed at once;",
        f"medians of {runs} runs. First results can only appear from the second letter (prefix matching starts at two letters).",
        "",
        "| pages | docs per index | index build s (nl+en) | small index raw / gzip | full index raw / gzip | site build s | "
        "first results ms | per key ms, small index | per key ms, full index | fetched for first results | fetched in all |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        small = r["files"]["index-nl.js"]
        full = r["files"]["index-nl-full.js"]
        med = lambda key: statistics.median(run[key] for run in r["runs"])  # noqa: E731
        per_key = lambda key: statistics.median([v for run in r["runs"] for v in run[key]] or [float("nan")])  # noqa: E731
        lines.append(
            f"| {r['pages']:,} | {r['docs']:,} | {r['index_s']:.1f} | {_kb(small[0])} / {_kb(small[1])} | {_kb(full[0])} / {_kb(full[1])} | "
            f"{r['site_s']:.0f} | {med('first_ms'):.0f} | {per_key('instant_key_ms'):.1f} | {per_key('full_key_ms'):.1f} | "
            f"{_kb(med('bytes_first'))} | {_kb(med('bytes_all'))} |"
        )
    lines += [
        "",
        "Targets (search issue) at 4,000 pages: first results within 300 ms of the first keystroke, each further keystroke",
        "under 50 ms, no index download before a search field is focused, first query at most twice Pagefind's 236 KB.",
        "Reference from the issue, same kind of machine: mkdocs-material's search 11.7 s to first results at 4,000 pages",
        "(18.4 MB index); Pagefind 1.3-1.5 s at 1,000 pages (236 KB fetched).",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="1000,4000", help="comma-separated page counts (two pages per generated product)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="vertrouwen")
    parser.add_argument("--key-delay", type=int, default=80, help="ms between keystrokes")
    parser.add_argument("--work", default="/tmp/kennisplein-search-bench")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-quic"])
        for pages in (int(p) for p in args.pages.split(",")):
            print(f"size {pages} pages", flush=True)
            results.append(bench_size(pages, Path(args.work), args.runs, args.query, args.key_delay, browser))
        browser.close()
    print(report(results, args.query, args.key_delay, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
