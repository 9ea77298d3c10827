"""Search benchmark on generated corpora, side by side (a script, not a test).

For each size (pages; each generated product has two versions) one corpus is
generated (``scripts/kennisplein/corpus.py``) and three searches run on those
same files:

* **kennisplein**: this project's search (a small title-and-summary index for
  the first results, the full-text index loaded behind it), in the project's
  own strict build;
* **material**: plain mkdocs-material's built-in search (``search`` plugin,
  ``lang: nl``) in a plain build of the same Markdown (theme material, font
  false, hub-only navigation, no hooks);
* **pagefind**: Pagefind (``pagefind[bin]`` from PyPI) run over that plain
  material site, driven through its JS API from a small page (no debounce; its
  default UI would add 300 ms of debounce to every keystroke).

It measures the index build time (material: the time its search plugin's
events take inside the build, timed by a hook; Pagefind: its indexing command)
and the index bytes (raw and gzip). Then, in headless Chromium with a fresh
context (cold cache) per run, sites served gzip-compressed as the nginx config
does, runs alternating between the engines:

* first results: from the first keystroke in the search field of a page that
  has just fired ``load`` (focused and typed at once, so any index download is in
  the measurement) to the first rendered results, typing at --key-delay ms per key;
* per further keystroke: one key at a time, keydown to results rendered for
  that text (for kennisplein once the full-text index has arrived);
* bytes fetched for the first query: requests for the search (anything after
  the field is focused, and the engine's index files whenever they were
  requested) finished by the first results, as transferred (compressed);
* whether the page downloads index files before a search field is focused.

Writes a Markdown section between ``<!-- search-bench:start -->`` and
``<!-- search-bench:end -->`` in BENCHMARKS.md (the rest of that file belongs
to scripts/bench/build_bench.py) and prints it.

    python scripts/bench/search_bench.py                  # 1,000 and 4,000 pages, 3 runs (about 25 minutes on 2 cores)
    python scripts/bench/search_bench.py --quick          # 100 pages, 1 run, printed only
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import baseline  # noqa: E402
from mkdocs_wiring import buildconfig  # noqa: E402
import cli  # noqa: E402
from kennisplein import corpus, project  # noqa: E402
from kennisplein.search import index as search_index  # noqa: E402
from kennisplein.search import write_site_index  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "BENCHMARKS.md"
START, END = "<!-- search-bench:start -->", "<!-- search-bench:end -->"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic"]
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml")
ENGINES = ("kennisplein", "material", "pagefind")
PAGEFIND_REQUIREMENT = "pagefind[bin]==1.5.2"

# Times the search plugin's own events inside a plain material build.
MATERIAL_TIMING_HOOK = """\
import os, time
from pathlib import Path

spent = [0.0]

def _timed(method):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
    return wrapper

def on_config(config):
    for methods in config.plugins.events.values():
        for i, method in enumerate(methods):
            if type(getattr(method, "__self__", None)).__name__ == "SearchPlugin":
                methods[i] = _timed(method)

def on_post_build(config):
    Path(os.environ["SEARCH_BENCH_TIMING"]).write_text(str(spent[0]))
"""

PAGEFIND_PAGE = """\
<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Pagefind</title></head>
<body>
<form role="search"><label for="q">Zoeken</label> <input id="q" type="search" autocomplete="off"></form>
<ol id="results"></ol>
<script>
(function () {
  var input = document.getElementById("q"), list = document.getElementById("results");
  var loading = null, latest = 0;
  function load() {
    return loading || (loading = import("/pagefind/pagefind.js").then(function (pagefind) {
      return pagefind.init().then(function () { return pagefind; });
    }));
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", function () {
    var value = input.value, seq = ++latest;
    load().then(function (pagefind) { return pagefind.search(value); }).then(function (search) {
      if (seq !== latest || !search) return null;
      return Promise.all(search.results.slice(0, 6).map(function (r) { return r.data(); }));
    }).then(function (data) {
      if (!data || seq !== latest) return;
      list.textContent = "";
      data.forEach(function (d) {
        var item = document.createElement("li"), link = document.createElement("a"), excerpt = document.createElement("p");
        item.className = "result";
        link.href = d.url;
        link.textContent = d.meta.title;
        excerpt.innerHTML = d.excerpt;
        item.appendChild(link);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
    });
  });
})();
</script>
</body>
</html>
"""

# Per engine: the page to open, its search field, where results appear, one result, index files by URL.
ENGINE_PAGES = {
    "kennisplein": {"path": "producten/product-00007/", "field": "#kp-search-input", "list": "[data-kp-search-list]",
                    "result": ".kp-search__result", "index": r"/search/index-|/vendor/lunr"},
    "material": {"path": "producten/product-00007/", "field": "input[data-md-component=search-query]",
                 "list": ".md-search-result", "result": ".md-search-result__item",
                 "index": r"search_index\.json|/workers/search|/javascripts/lunr/"},
    "pagefind": {"path": "pagefind-bench/", "field": "#q", "list": "#results", "result": ".result",
                 "index": r"/pagefind/"},
}

INSTRUMENT = """
([field, list, result]) => {
  const input = document.querySelector(field);
  window.__bench = {keys: [], renders: [], focus: null, longTasks: []};
  new PerformanceObserver(list => list.getEntries().forEach(e => { if (__bench.focus !== null && e.startTime + e.duration >= __bench.focus) __bench.longTasks.push(e.duration); }))
    .observe({type: 'longtask'});
  input.addEventListener('focus', () => { __bench.focus = __bench.focus || performance.now(); }, true);
  input.addEventListener('keydown', () => { __bench.keys.push([performance.now(), null]); }, true);
  input.addEventListener('input', () => { const k = __bench.keys[__bench.keys.length - 1]; if (k) k[1] = input.value; }, true);
  new MutationObserver(() => {
    if (document.querySelector(list).querySelector(result)) __bench.renders.push([performance.now(), input.value]);
  }).observe(document.querySelector(list), {childList: true, subtree: true});
}
"""


# --- serving ---------------------------------------------------------------------------

class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6) when the browser accepts it, like nginx with `gzip on`. Each file is
    compressed once and kept, as `gzip_static` would serve it: compressing an 18 MB index per request in Python
    would be charged to the engine that has it."""

    compressed: dict = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            key = (path, path.stat().st_mtime_ns)
            body = self.compressed.get(key)
            if body is None:
                body = self.compressed[key] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return BytesIO(body)
        return super().send_head()


def serve(site: Path):
    """A static server in its own process (not competing with this one for the GIL); stop it with ``.terminate()``."""
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(site)], stdout=subprocess.PIPE, text=True)
    port = int(process.stdout.readline())
    return process, f"http://127.0.0.1:{port}/"


def serve_forever(site: str) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=site))
    print(server.server_address[1], flush=True)
    server.serve_forever()


# --- building --------------------------------------------------------------------------

def _sizes(paths) -> tuple[int, int]:
    raw = packed = 0
    for path in paths:
        data = path.read_bytes()
        raw += len(data)
        packed += min(len(data), len(gzip.compress(data, 6)))  # Pagefind's chunks are gzip already
    return raw, packed


def kennisplein_index(docs: Path, out: Path) -> dict:
    """Both languages' index files, built in process as the build hook does; the Dutch pair's bytes."""
    loaded = project.load(docs)
    seconds, files = 0.0, {}
    for language in ("nl", "en"):
        start = time.perf_counter()
        paths = write_site_index(loaded, out, language)
        seconds += time.perf_counter() - start
        files.update({path.name: _sizes([path]) for path in paths})
    docs_count = len(search_index.read(out / "search" / "index-nl.js")["docs"])
    return {"index_s": seconds, "docs": docs_count, "small": files["index-nl.js"], "full": files["index-nl-full.js"]}


def kennisplein_site(docs: Path, work: Path) -> tuple[Path, float]:
    site = work / "site-kennisplein"
    start = time.perf_counter()
    if cli.build_site(buildconfig.config_for(docs, work / "mkdocs.yml"), site) != 0:
        raise SystemExit("kennisplein site build failed")
    return site, time.perf_counter() - start


def material_site(docs: Path, work: Path) -> tuple[Path, dict]:
    site, hook, timing = work / "site-material", work / "material_timing_hook.py", work / "material-search-seconds.txt"
    hook.write_text(MATERIAL_TIMING_HOOK, encoding="utf-8")
    config = baseline.write(work / "mkdocs-material.yml", docs, site_name="Material baseline", i18n=False,
                            search={"lang": "nl"}, hooks=(hook,))
    shutil.rmtree(site, ignore_errors=True)
    timing.unlink(missing_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SEARCH_BENCH_TIMING": str(timing)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"material build failed:\n{result.stderr[-3000:]}")
    index_file = site / "search" / "search_index.json"
    docs_count = len(json.loads(index_file.read_text(encoding="utf-8"))["docs"])
    return site, {"site_s": seconds, "index_s": float(timing.read_text()), "index": _sizes([index_file]), "docs": docs_count}


def pagefind_command() -> list[str]:
    if importlib.util.find_spec("pagefind") is None:
        raise SystemExit(f"Pagefind is not installed: run `.venv/bin/pip install '{PAGEFIND_REQUIREMENT}'` "
                         "(it is in requirements-test.txt) or pass --engines kennisplein,material")
    return [sys.executable, "-m", "pagefind"]


def pagefind_index(site: Path) -> dict:
    """Pagefind over the plain material site, and the small page that drives its JS API."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([*pagefind_command(), "--site", str(site)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and "-ui" not in p.name and "highlight" not in p.name]
    (site / "pagefind-bench").mkdir(exist_ok=True)
    (site / "pagefind-bench" / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return {"index_s": seconds, "index": _sizes(files), "docs": int(pages.group(1)) if pages else None}


# --- measuring in the browser ------------------------------------------------------------

WAIT_FOR_FULL = """() => kpSearch.load().then(e => new Promise(done => {
  if (e.tier === 'full') done(); else kpSearch.onUpgrade(() => done());
}))"""


def _typing_keys(keys: list, renders: list) -> list[float]:
    """Keys of the first query typed after its first results: keydown to results for the text it made."""
    out = []
    for when, value in keys:
        if when > renders[0][0]:
            shown = [t for t, v in renders if v == value and t >= when]
            if shown:
                out.append(shown[0] - when)
    return out


def browser_run(browser, engine: str, base_url: str, query: str, more: str, key_delay: int) -> dict:
    spec = ENGINE_PAGES[engine]
    context = browser.new_context()  # a fresh context: cold cache
    page = context.new_page()
    started: dict = {}  # request -> when it was sent
    requests: list[tuple[float, float, str, int]] = []  # sent, finished, url, bytes transferred

    def finished(request):
        sizes = request.sizes()
        requests.append((started.get(request, 0.0), time.perf_counter(), request.url,
                         sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("request", lambda request: started.setdefault(request, time.perf_counter()))
    page.on("requestfinished", finished)
    page.goto(base_url + spec["path"], wait_until="load")
    page.evaluate(INSTRUMENT, [spec["field"], spec["list"], spec["result"]])
    before = time.perf_counter()
    page_clock = page.evaluate("performance.now()") / 1000  # to place the page's times on this process's clock
    offset = (before + time.perf_counter()) / 2 - page_clock
    index_pattern = re.compile(spec["index"])
    focused = time.perf_counter()
    before_focus = sorted({request.url for request in started if index_pattern.search(request.url)})
    page.locator(spec["field"]).focus()
    page.keyboard.type(query, delay=key_delay)
    page.wait_for_function("window.__bench.renders.length > 0", timeout=120000)
    page.wait_for_timeout(300)
    bench = page.evaluate("window.__bench")
    first_ms = bench["renders"][0][0] - bench["keys"][0][0]
    first_render_wall = bench["renders"][0][0] / 1000 + offset
    typing = _typing_keys(bench["keys"], bench["renders"])
    if engine == "kennisplein":  # further keys are timed on the full-text index
        page.evaluate(WAIT_FOR_FULL)
    longest = page.evaluate("Math.max(0, ...__bench.longTasks)")
    per_key = []
    for char in more:
        page.evaluate("__bench.keys = []; __bench.renders = []")
        page.keyboard.type(char)
        value = page.evaluate("field => document.querySelector(field).value", spec["field"])
        try:
            page.wait_for_function("v => window.__bench.renders.some(r => r[1] === v)", arg=value, timeout=20000)
        except Exception:  # a query that shows no results renders nothing: not a timed keystroke
            continue
        bench = page.evaluate("window.__bench")
        key = bench["keys"][0][0]
        per_key.append(next(t for t, v in bench["renders"] if v == value) - key)
    page.wait_for_timeout(200)
    search_requests = [(done, size) for sent, done, url, size in requests if sent >= focused or index_pattern.search(url)]
    result = {
        "first_ms": first_ms,
        "typing_key_ms": typing,
        "key_ms": per_key,
        "longest_task_ms": longest,
        "bytes_first": sum(size for when, size in search_requests if when <= first_render_wall),
        "bytes_all": sum(size for _, size in search_requests),
        "index_before_focus": before_focus,
    }
    context.close()
    return result


# --- one size ------------------------------------------------------------------------------

def bench_size(pages: int, work_root: Path, runs: int, query: str, more: str, key_delay: int, browser, engines) -> dict:
    work = work_root / f"p{pages}"
    work.mkdir(parents=True, exist_ok=True)
    docs = corpus.generate(work / "docs", ROOT / "docs", pages // 2)
    print(f"  {pages} pages: corpus ready", flush=True)
    result: dict = {"pages": pages, "engines": {}}
    sites = {}
    if "kennisplein" in engines:
        own = kennisplein_index(docs, work / "index-only")
        sites["kennisplein"], own["site_s"] = kennisplein_site(docs, work)
        result["engines"]["kennisplein"] = own
        print(f"  kennisplein: index {own['index_s']:.1f} s, site {own['site_s']:.0f} s", flush=True)
    if "material" in engines or "pagefind" in engines:
        site, material = material_site(docs, work)
        if "material" in engines:
            sites["material"] = site
            result["engines"]["material"] = material
            print(f"  material: search plugin {material['index_s']:.1f} s, site {material['site_s']:.0f} s", flush=True)
        if "pagefind" in engines:
            found = pagefind_index(site)
            found["site_s"] = material["site_s"]
            sites["pagefind"] = site
            result["engines"]["pagefind"] = found
            print(f"  pagefind: index {found['index_s']:.1f} s", flush=True)
    servers = {engine: serve(site) for engine, site in sites.items()}
    try:
        for engine in sites:
            result["engines"][engine]["runs"] = []
        for run in range(runs):  # alternate the engines, so a busy moment of the machine does not hit one only
            for engine in sites:
                measured = browser_run(browser, engine, servers[engine][1], query, more, key_delay)
                result["engines"][engine]["runs"].append(measured)
                print(f"  run {run + 1} {engine}: first {measured['first_ms']:.0f} ms, keys "
                      f"{', '.join(f'{k:.0f}' for k in measured['key_ms'])} ms, {measured['bytes_first'] / 1024:.0f} KB", flush=True)
    finally:
        for server, _ in servers.values():
            server.terminate()
            server.wait()
    return result


# --- report --------------------------------------------------------------------------------

def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {mem_gb:.0f} GiB memory, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def _median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def summary(engine: dict) -> dict:
    runs = engine.get("runs", [])
    keys = sorted(k for r in runs for k in r["key_ms"] + r.get("typing_key_ms", []))
    return {
        "first_ms": _median(r["first_ms"] for r in runs),
        "typing_key_ms": _median(k for r in runs for k in r.get("typing_key_ms", [])),
        "key_ms": _median(r_key for r in runs for r_key in r["key_ms"]),
        "all_keys": keys,
        "longest_task_ms": _median(r.get("longest_task_ms", 0) for r in runs),
        "bytes_first": _median(r["bytes_first"] for r in runs),
        "bytes_all": _median(r["bytes_all"] for r in runs),
        "index_before_focus": any(r["index_before_focus"] for r in runs),
    }


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 10 * 1024 else f"{n / 1024:,.1f} KB"


def _ms(value: float) -> str:
    return "–" if value != value else f"{value:,.1f}"  # nan: no keystroke of that kind rendered results


def _size(pair) -> str:
    return f"{_kb(pair[0])} / {_kb(pair[1])}"


def _ratio(ours: float, theirs: float) -> str:
    if not theirs or theirs != theirs or ours != ours:
        return "–"
    return f"{ours / theirs:.2f}×"


def targets(result: dict) -> list[tuple[str, bool | None, str]]:
    """(target, met: True, False or None for partly, detail) at the largest size."""
    engines = result["engines"]
    own = summary(engines["kennisplein"]) if "kennisplein" in engines else None
    if own is None:
        return []
    pagefind = summary(engines["pagefind"]) if "pagefind" in engines else None
    keys = own["all_keys"]
    slow = sum(1 for k in keys if k >= 50)
    p90 = keys[min(len(keys) - 1, int(0.9 * len(keys)))] if keys else float("nan")
    out = [
        ("first results within 300 ms of the first keystroke", own["first_ms"] <= 300, f"median {own['first_ms']:.0f} ms"),
        ("each further keystroke under 50 ms", (bool(keys) and slow == 0) or (None if keys and p90 < 50 else False),
         f"{len(keys)} keystrokes after the first results, while typing the first query and on the full-text index: "
         f"median {_median(keys):.1f} ms, 90th percentile {p90:.1f} ms, {len(keys) - slow} of {len(keys)} under 50 ms, "
         f"slowest {max(keys, default=float('nan')):.0f} ms; a key pressed while the full-text index is being taken in, after "
         f"a pause, waits up to the longest main-thread task, median {own['longest_task_ms']:.0f} ms"),
        ("no index download before a search field is focused", not own["index_before_focus"],
         "none requested" if not own["index_before_focus"] else "index requested before focus"),
    ]
    if pagefind:
        ok = own["bytes_first"] <= 2 * pagefind["bytes_first"]
        out.append(("first query fetches at most twice what Pagefind fetches", ok,
                    f"{_kb(own['bytes_first'])} vs {_kb(pagefind['bytes_first'])} ({_ratio(own['bytes_first'], pagefind['bytes_first'])})"))
    return out


def report(results: list[dict], args, started: dt.datetime, seconds: float | None, invocation: str | None = None,
           load: float | None = None) -> str:
    lines = [
        START,
        "## Search: this project against mkdocs-material's search and Pagefind",
        "",
        f"Written by `scripts/bench/search_bench.py` ({invocation or ' '.join(sys.argv[1:]) or 'defaults'}), run on {started:%Y-%m-%d %H:%M}"
        + (f" in {seconds / 60:.0f} minutes" if seconds else "") + f". Machine: {machine()}" + (f"; load average at the end {load:.1f}" if load is not None else "") + ". "
        f"On {os.cpu_count()} cores anything else running shows in single numbers (the load average above says how busy the machine was); "
        f"medians of {args.runs} runs per engine, the engines alternating run by run.",
        "",
        "All three search the same generated files (`scripts/kennisplein/corpus.py`: the real content plus synthetic "
        "products of about 400 words, two pages each). **kennisplein** is this project's search in its own build; "
        f"**material** is plain mkdocs-material {_version('mkdocs-material')} (`theme: material`, `font: false`, hub-only nav, "
        "`plugins: [search: {lang: nl}]`) over the same Markdown; **pagefind** is Pagefind "
        f"{_version('pagefind')} run over that material site and driven by its JS API from a small page "
        "(no debounce; its default UI would add 300 ms per query). Headless Debian Chromium, a fresh context (cold cache) "
        "per run, files served by a local static server, gzip level 6 as nginx's `gzip on` (compressed once per file, "
        "like `gzip_static`; Pagefind's own chunks are already compressed).",
        "",
        f"Query: {args.query!r} typed at {args.key_delay} ms per key into the search field of a page that has just loaded "
        f"(focused and typed at once); first results = first keystroke to first result in the DOM. Further keystrokes: "
        f"{args.more!r} one key at a time, keydown to results for that text (kennisplein: on the full-text index, "
        "after it has arrived); *while typing*: the keys of the first query typed after its first results, keydown to "
        "results for that text. *Longest main-thread task*: from focus until the full-text index is in (kennisplein) "
        "or 300 ms after the first query (a keystroke in that moment waits that long). Bytes for the first query: what the search requested (after focus, and index files "
        "at any time) until the first results, as transferred; *in all*: until the full-text index (kennisplein) or "
        "the last fragment has arrived. Index build: kennisplein both languages' index pairs in process; material the "
        "time its search plugin's events take inside the build; Pagefind its indexing command. Index size: kennisplein "
        "the Dutch small / full-text files, material `search_index.json`, Pagefind its `pagefind/` folder without the UI files.",
        "",
        "The generated products draw their words from a list of about 40, so every query word matches nearly every page "
        "(at 4,000 pages `vertrouwen hulp` matched 4,056 of the 4,087 documents of the Dutch full-text index): the worst case for a search whose cost grows "
        "with the number of matching pages, as lunr's scoring does. Real content matches far fewer pages per word.",
        "",
    ]
    for result in results:
        engines = result["engines"]
        lines += [f"### {result['pages']:,} pages", "",
                  "| engine | docs in index | index build s | index raw / gzip | site build s | first results ms | "
                  "per key while typing ms | per further key ms | longest main-thread task ms | fetched for first query | "
                  "fetched in all | index before focus |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for name in ENGINES:
            if name not in engines:
                continue
            engine, s = engines[name], summary(engines[name])
            size = f"{_size(engine['small'])} small, {_size(engine['full'])} full" if name == "kennisplein" else _size(engine["index"])
            lines.append(
                f"| {name} | {engine.get('docs') or '–':,} | {engine['index_s']:.1f} | {size} | {engine['site_s']:.0f} | "
                f"{s['first_ms']:,.0f} | {_ms(s['typing_key_ms'])} | {_ms(s['key_ms'])} | {s['longest_task_ms']:,.0f} | {_kb(s['bytes_first'])} | {_kb(s['bytes_all'])} | "
                f"{'yes' if s['index_before_focus'] else 'no'} |")
        per_run = []
        for name in ENGINES:
            if name in engines and engines[name].get("runs"):
                runs = engines[name]["runs"]
                slowest = [max(r["key_ms"] + r.get("typing_key_ms", []), default=float("nan")) for r in runs]
                firsts = ", ".join(f"{r['first_ms']:,.0f}" for r in runs)
                per_run.append(f"{name} first results {firsts} ms, slowest further key {', '.join(f'{k:,.0f}' for k in slowest)} ms")
        if per_run:
            lines += ["", "Run by run: " + "; ".join(per_run) + "."]
        if "kennisplein" in engines:
            own = summary(engines["kennisplein"])
            ratios = []
            for other in ("material", "pagefind"):
                if other in engines:
                    o = summary(engines[other])
                    ratios.append(f"against {other}: first results {_ratio(own['first_ms'], o['first_ms'])}, "
                                  f"per further key {_ratio(own['key_ms'], o['key_ms'])}, bytes for the first query "
                                  f"{_ratio(own['bytes_first'], o['bytes_first'])}, in all {_ratio(own['bytes_all'], o['bytes_all'])}, "
                                  f"index build {_ratio(engines['kennisplein']['index_s'], engines[other]['index_s'])}")
            if ratios:
                lines += ["", "kennisplein as a ratio (below 1 is better), same run: " + "; ".join(ratios) + "."]
        lines.append("")
    largest = max(results, key=lambda r: r["pages"]) if results else None
    checked = targets(largest) if largest else []
    if checked:
        lines += [f"Targets of the search issue, checked at {largest['pages']:,} pages"
                  + (" (they are set for 4,000 pages)" if largest["pages"] != 4000 else "") + ":", ""]
        verdict = {True: "met", False: "NOT met", None: "partly met (9 in 10 or more, not all)"}
        lines += [f"- {verdict[ok]}: {name} ({detail})" for name, ok, detail in checked]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def _version(package: str) -> str:
    try:
        from importlib.metadata import version

        return version(package)
    except Exception:
        return "(version unknown)"


def write_section(path: Path, section: str) -> None:
    """Replace the marked section of ``path`` (or append it); the rest of the file is left as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{START}\n{END}\n"
    if START in text and END in text and text.index(START) < text.index(END):
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        text = before + section + after
    else:
        text = text.rstrip("\n") + ("\n\n" if text.strip() else "") + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=None, help="comma-separated page counts, two pages per generated product (default 1000,4000)")
    parser.add_argument("--runs", type=int, default=None, help="browser runs per engine and size (default 3)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 100 pages, 1 run, printed only unless --output is given")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of " + ", ".join(ENGINES))
    parser.add_argument("--query", default="vertrouwen")
    parser.add_argument("--more", default=" hulp", help="further keystrokes, timed one by one")
    parser.add_argument("--key-delay", type=int, default=80, help="ms between keystrokes of the first query")
    parser.add_argument("--work", default="/tmp/kennisplein-search-bench")
    parser.add_argument("--output", default=None, help=f"file to write the section into ('-' prints only; default {OUTPUT.name})")
    parser.add_argument("--from-results", help="re-render the section from a run's results.json instead of measuring")
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # internal: the static server process
    args = parser.parse_args(argv)
    if args.serve:
        serve_forever(args.serve)
        return 0
    if args.from_results:  # write the section again from a run's raw results, without measuring
        saved = json.loads(Path(args.from_results).read_text(encoding="utf-8"))
        for key in ("runs", "query", "more", "key_delay"):
            setattr(args, key, saved["args"][key])
        invocation = f"{' '.join(saved.get('argv') or []) or 'defaults'}; re-rendered with --from-results"
        section = report(saved["results"], args, dt.datetime.fromisoformat(saved["started"]), saved.get("seconds"), invocation, saved.get("load"))
        if (args.output or str(OUTPUT)) != "-":
            write_section(Path(args.output or OUTPUT), section)
        print(section)
        return 0
    args.pages = args.pages or ("100" if args.quick else "1000,4000")
    args.runs = args.runs or (1 if args.quick else 3)
    output = args.output or ("-" if args.quick else str(OUTPUT))
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engines: {', '.join(sorted(unknown))}")
    if "pagefind" in engines:
        pagefind_command()
    from playwright.sync_api import sync_playwright

    started, start = dt.datetime.now(), time.perf_counter()
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for pages in (int(p) for p in args.pages.split(",")):
                print(f"size {pages} pages", flush=True)
                results.append(bench_size(pages, Path(args.work), args.runs, args.query, args.more, args.key_delay, browser, engines))
        finally:
            browser.close()
    load = os.getloadavg()[0]
    section = report(results, args, started, time.perf_counter() - start, load=load)
    raw = Path(args.work) / "results.json"
    raw.write_text(json.dumps({"args": vars(args), "argv": sys.argv[1:] if argv is None else argv, "started": started.isoformat(),
                               "seconds": time.perf_counter() - start, "load": load,
                               "results": results}, indent=1), encoding="utf-8")
    print(f"raw results: {raw}", flush=True)
    if output != "-":
        write_section(Path(output), section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
