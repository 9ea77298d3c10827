"""Benchmarks: this project against plain mkdocs-material on the same generated files.

Not a test: it measures and writes BENCHMARKS.md (`make bench`). For each size
one corpus is generated (scripts/kennisplein/corpus.py); the project build and
the baseline — plain mkdocs-material (scripts/bench/baseline.py) with mkdocs-static-i18n for the same
languages and hub-only navigation — run on it alternately and medians are
compared. It also measures the default automatic navigation and material's own
search at the smallest size, the edit-to-served time under `mkdocs serve`, and
the bytes and requests of a typical product page in headless Chromium.

    python scripts/bench/build_bench.py                       # the full run (about 20-30 minutes on 2 cores)
    python scripts/bench/build_bench.py --sizes 50 --quick    # a smoke run
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import baseline  # noqa: E402
from mkdocs_wiring import buildconfig  # noqa: E402
import cli  # noqa: E402
from kennisplein import corpus, webserver  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

@dataclass
class Run:
    seconds: float
    peak_mb: float
    site_mb: float
    pages: int
    cpu_seconds: float = 0.0  # user + system, of the build and the processes it forked and waited for

    @property
    def html_kb_per_page(self) -> float:
        return self.site_mb * 1000 / max(self.pages, 1)


def baseline_config(work: Path, docs: Path, *, search: bool = False, auto_nav: bool = False) -> Path:
    name = "baseline" + ("-search" if search else "") + ("-autonav" if auto_nav else "")
    return baseline.write(work / f"{name}.yml", docs, search={} if search else None, auto_nav=auto_nav)


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timed_build(config: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    if status != 0:
        raise SystemExit(f"build failed for {config}:\n{stderr[-3000:]}")
    pages = sum(1 for _ in out.rglob("*.html"))
    return Run(seconds, usage.ru_maxrss / 1024, dir_mb(out), pages, usage.ru_utime + usage.ru_stime)


def clear_cache(docs: Path) -> None:
    shutil.rmtree(docs.parent / ".cache", ignore_errors=True)


def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {mem_gb:.0f} GiB memory, Python {platform.python_version()}, {platform.system()}"


def med(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


# --- build scaling ---------------------------------------------------------------

def bench_size(n: int, repeat: int, work_root: Path, extras: bool, material_search: bool = False) -> dict:
    work = work_root / f"n{n}"
    docs = corpus.generate(work / "docs", ROOT / "docs", n)
    project = buildconfig.config_for(docs, work / "project.yml")
    baseline = baseline_config(work, docs)
    runs: dict[str, list[Run]] = {"project cold": [], "project warm": [], "baseline": []}
    for i in range(repeat):
        clear_cache(docs)
        runs["project cold"].append(timed_build(project, work / "site-project"))
        runs["project warm"].append(timed_build(project, work / "site-project"))
        runs["baseline"].append(timed_build(baseline, work / "site-baseline"))
        print(f"  n={n} run {i + 1}: project cold {runs['project cold'][-1].seconds:.1f} s, warm {runs['project warm'][-1].seconds:.1f} s, "
              f"baseline {runs['baseline'][-1].seconds:.1f} s", flush=True)
    if extras:
        runs["baseline + automatic navigation"] = [timed_build(baseline_config(work, docs, auto_nav=True), work / "site-autonav")]
        if material_search:
            runs["baseline + material search"] = [timed_build(baseline_config(work, docs, search=True), work / "site-search")]
        for name in [k for k in runs if k.startswith("baseline +")]:
            print(f"  n={n} {name}: {runs[name][0].seconds:.1f} s", flush=True)
    return {"n": n, "runs": runs, "docs": docs, "project_config": project}


def exponent(results: list[dict], key: str) -> float | None:
    """Least-squares slope of log(time) against log(pages): 1.0 is linear."""
    points = [(math.log(med(r["runs"][key], "pages")), math.log(med(r["runs"][key], "seconds"))) for r in results if r["runs"].get(key)]
    if len(points) < 2:
        return None
    mx = statistics.mean(x for x, _ in points)
    my = statistics.mean(y for _, y in points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


# --- edit loop under mkdocs serve ------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace")
            if needle is None or needle in body:
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _text_edit(folder: Path, marker: str) -> list[str]:
    """Edits the standard version; returns the paths (below the site root) that must show ``marker``."""
    page = folder / "index.md"
    page.write_text(_original(page) + f"\n\n{marker}\n", encoding="utf-8")
    return [f"producten/{folder.name}/"]


def _title_edit(folder: Path, marker: str) -> list[str]:
    page = folder / "index.md"
    text = _original(page)
    page.write_text(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {marker}", text, count=1, flags=re.M), encoding="utf-8")
    kind = re.search(r"^type: (\S+)", text, re.M).group(1)
    return [f"producten/{folder.name}/", f"soorten/{kind}/"]  # the type hub lists every product of its type


def _heading_edit(folder: Path, marker: str) -> list[str]:
    page = folder / "index.md"
    page.write_text(_original(page).replace("\n## ", f"\n## {marker} ", 1), encoding="utf-8")
    return [f"producten/{folder.name}/"]


def _new_product(folder: Path, marker: str) -> list[str]:
    new = folder.parent / f"{folder.name}-{marker.lower()}"
    new.mkdir()
    for name in ("makkelijk.md", "index.md"):
        text = (folder / name).read_text(encoding="utf-8")
        (new / name).write_text(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {marker}", text, count=1, flags=re.M), encoding="utf-8")
    return [f"producten/{new.name}/"]


_originals: dict[Path, str] = {}


def _original(page: Path) -> str:
    return _originals.setdefault(page, page.read_text(encoding="utf-8"))


# What an editor changes, and which way `make serve` builds it (scripts/mkdocs_wiring/quick_preview.py).
SERVE_EDITS = {
    "an edit to the text (quick preview)": _text_edit,
    "a new title: hubs made again (quick preview)": _title_edit,
    "a changed heading: every page's links checked (quick preview)": _heading_edit,
    "a new product (mkdocs' whole rebuild)": _new_product,
}


def serve_rebuild(config: Path, docs: Path, edits: int = 3, product: str = "product-00001") -> dict[str, list[float] | None]:
    """Seconds from saving an edit to the served pages showing it, per kind of edit, under
    `make serve`'s command (mkdocs serve --livereload --dirty)."""
    port = free_port()
    args = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--no-strict", "--dirty"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    folder = docs / "producten" / product
    before = {path: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}
    results: dict[str, list[float] | None] = {kind: None for kind in SERVE_EDITS}
    try:
        if not _wait_for(base + f"producten/{product}/", None, 900):
            return results
        time.sleep(2)
        for kind, edit in SERVE_EDITS.items():
            times = []
            for i in range(edits):
                marker = f"Bewerkt{i}x{int(time.time())}"
                start = time.monotonic()
                if not all(_wait_for(base + path, marker, 600) for path in edit(folder, marker)):
                    break
                times.append(time.monotonic() - start)
                time.sleep(1.5)
            results[kind] = times if len(times) == edits else None
    finally:
        process.terminate()
        process.wait(timeout=30)
        for path, text in before.items():
            path.write_text(text, encoding="utf-8")
        for new in folder.parent.glob(f"{product}-bewerkt*"):
            shutil.rmtree(new)
        _originals.clear()
    return results


# --- page weight ----------------------------------------------------------------------

LIGHTHOUSE_VERSION = "13.5.0"


def page_weight(base: str, path: str) -> dict | None:
    """Requests and bytes as transferred (compressed by the project's nginx config) of one page, cold cache."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    responses, foreign = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("response", lambda r: responses.append(r))
        page.on("request", lambda r: foreign.append(r.url) if r.url.startswith("http") and not r.url.startswith(base) else None)
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        sizes = {}
        for r in responses:
            s = r.request.sizes()
            sizes[r.url] = (s["responseBodySize"] + s["responseHeadersSize"], r.request.resource_type)
        browser.close()
    return {
        "requests": len(sizes),
        "transferred_kb": sum(v[0] for v in sizes.values()) / 1000,
        "by_type": {t: sum(v[0] for v in sizes.values() if v[1] == t) / 1000 for t in {v[1] for v in sizes.values()}},
        "foreign": foreign,
    }


def lighthouse(url: str, tools: Path) -> dict | None:
    """Lighthouse's performance score (npm package, run against Debian Chromium), installed on first use."""
    cli_js = tools / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli_js.exists():
        if not shutil.which("npm"):
            return None
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(tools), "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not cli_js.exists():
            return None
    report_path = tools / "lighthouse.json"
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    result = subprocess.run(["node", str(cli_js), url, "--output=json", f"--output-path={report_path}", "--quiet",
                             "--only-categories=performance", f"--chrome-flags={flags}"],
                            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report_path.exists():
        return None
    data = json.loads(report_path.read_text(encoding="utf-8"))
    audits = data["audits"]
    keys = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
    return {"score": round(data["categories"]["performance"]["score"] * 100), "metrics": {k: audits[k]["displayValue"] for k in keys}}


# --- report ---------------------------------------------------------------------------

def report(results: list[dict], serve: dict, weight: dict | None, args) -> str:
    first, last = results[0], results[-1]
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}. Written by `make bench` (`scripts/bench/build_bench.py`) on {time.strftime('%Y-%m-%d')}.",
        "Every figure below comes from one run of the script; the project and its baseline ran alternately on the same generated files.",
        "",
        f"**Baseline**: plain mkdocs-material {metadata.version('mkdocs-material')} with mkdocs-static-i18n for the same two languages and hub-only navigation",
        "(`nav: [index.md]`), no search plugin (the project replaces material's search). **Project**: this repository's `mkdocs.yml`",
        "(validation, readability gate, generated hubs and help directory, glossary tooltips, product blocks, strict mode).",
        "*Cold* clears the project's caches first (readability, rendered pages, compiled templates: `.cache/`); *warm* is the next build on unchanged files.",
        "",
        "## Full build",
        "",
        "| products | pages (project) | project cold s | project warm s | baseline s | cold ratio | warm ratio | project cold CPU s | baseline CPU s | project peak MB | baseline peak MB | project site MB | baseline site MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        runs = r["runs"]
        pc, pw, b = runs["project cold"], runs["project warm"], runs["baseline"]
        lines.append(
            f"| {r['n']} | {int(med(pc, 'pages'))} | {med(pc, 'seconds'):.1f} | {med(pw, 'seconds'):.1f} | {med(b, 'seconds'):.1f} | "
            f"{med(pc, 'seconds') / med(b, 'seconds'):.2f}× | {med(pw, 'seconds') / med(b, 'seconds'):.2f}× | "
            f"{med(pc, 'cpu_seconds'):.1f} | {med(b, 'cpu_seconds'):.1f} | "
            f"{med(pc, 'peak_mb'):.0f} | {med(b, 'peak_mb'):.0f} | {med(pc, 'site_mb'):.1f} | {med(b, 'site_mb'):.1f} |"
        )
    lines += ["", f"Runs per size: {args.repeat} at the first size, 1 above it; medians shown. Times are wall-clock seconds; "
              "the project's `mkdocs build` uses both cores (English and the readability gate in processes of their own, "
              "`scripts/mkdocs_wiring/language_builds.py`), the baseline one, so CPU seconds are shown too. Peak MB is the largest single process.", ""]
    extras = [(name, runs[0]) for name, runs in first["runs"].items() if name.startswith("baseline +")]
    if extras:
        lines += ["## Reference points at the smallest size", "", "| variant | build s | pages | site MB | kB of HTML per page |", "|---|---:|---:|---:|---:|"]
        b = first["runs"]["baseline"][0]
        lines.append(f"| baseline (hub-only navigation) | {b.seconds:.1f} | {b.pages} | {b.site_mb:.1f} | {b.html_kb_per_page:.0f} |")
        for name, run in extras:
            lines.append(f"| {name} | {run.seconds:.1f} | {run.pages} | {run.site_mb:.1f} | {run.html_kb_per_page:.0f} |")
        lines.append("")
    if len(results) > 1:
        def per_page(r, key):
            return med(r["runs"][key], "seconds") / med(r["runs"][key], "pages")
        growth = per_page(last, "project cold") / per_page(first, "project cold") - 1
        base_growth = per_page(last, "baseline") / per_page(first, "baseline") - 1
        lines += [
            "## Linearity",
            "",
            f"- Fitted exponent of build time against pages (1.0 = linear): project {exponent(results, 'project cold'):.2f}, baseline {exponent(results, 'baseline'):.2f}.",
            f"- Time per page from {first['n']} to {last['n']} products: project {growth:+.0%}, baseline {base_growth:+.0%} (target: project at most +20%).",
            f"- Project overhead at {last['n']} products: cold {med(last['runs']['project cold'], 'seconds') / med(last['runs']['baseline'], 'seconds') - 1:+.0%}, "
            f"warm {med(last['runs']['project warm'], 'seconds') / med(last['runs']['baseline'], 'seconds') - 1:+.0%} over the baseline (target: at most +30%).",
            "",
        ]
    if serve:
        lines += ["## Editing loop (`make serve`)", "", f"Seconds from saving an edit to the served pages showing it (the product page; for a title also its type hub), "
                  f"at {serve['n']} products, under `mkdocs serve --livereload --dirty` (median of {serve['edits']} edits; target: 2 s).", "",
                  "| edit | median s | all |", "|---|---:|---|"]
        for mode, times in serve["modes"].items():
            shown = f"{statistics.median(times):.2f}" if times else "did not finish"
            lines.append(f"| {mode} | {shown} | {', '.join(f'{t:.2f}' for t in times or [])} |")
        lines.append("")
    if weight:
        lines += ["## Page weight", "", f"A typical product page (`{weight['path']}`) loaded in headless Chromium with a cold cache from the project's own nginx configuration (gzip on).", "",
                  f"- Requests: {weight['requests']}; to other hosts: {len(weight['foreign'])}.",
                  f"- Transferred: {weight['transferred_kb']:.0f} kB (target: at most 100 kB).",
                  "- By type (kB transferred): " + ", ".join(f"{t} {kb:.0f}" for t, kb in sorted(weight["by_type"].items()))]
        if weight.get("lighthouse"):
            lh = weight["lighthouse"]
            lines.append(f"- Lighthouse {LIGHTHOUSE_VERSION} performance score: {lh['score']} (target: at least 95); "
                         + ", ".join(f"{k} {v}" for k, v in lh["metrics"].items()) + ".")
        else:
            lines.append("- Lighthouse: not measured (npm or the lighthouse package was not available).")
        lines.append("")
    return "\n".join(lines)


START, END = "<!-- build-bench:start -->", "<!-- build-bench:end -->"


def write_section(path: Path, text: str) -> None:
    """Replace this script's section of BENCHMARKS.md; the search benchmark writes its own section."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    section = f"{START}\n{text}\n{END}"
    if START in old and END in old:
        new = old[: old.index(START)] + section + old[old.index(END) + len(END):]
    else:
        new = section + "\n\n" + old
    path.write_text(new.rstrip() + "\n", encoding="utf-8")


def serve_only(n: int, work_root: Path) -> int:
    work = work_root / f"n{n}"
    docs = corpus.generate(work / "docs", ROOT / "docs", n)
    modes = serve_rebuild(buildconfig.config_for(docs, work / "project.yml"), docs)
    for kind, times in modes.items():
        shown = f"{statistics.median(times):.2f} s (all: {', '.join(f'{t:.2f}' for t in times)})" if times else "did not finish"
        print(f"editing loop at {n} products, {kind}, median of 3 edits: {shown}")
    return 0 if all(modes.values()) else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,5000", help="comma-separated product counts (each product has two versions)")
    parser.add_argument("--repeat", type=int, default=3, help="runs at the first size (larger sizes run once)")
    parser.add_argument("--serve-size", type=int, default=2000, help="products for the mkdocs serve edit loop (0 = skip)")
    parser.add_argument("--quick", action="store_true", help="skip the reference variants, serve loop and page weight")
    parser.add_argument("--material-search", action="store_true", help="also build the baseline with material's search plugin (slow)")
    parser.add_argument("--work", default="/tmp/kennisplein-bench")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"), help="'-' prints the report only")
    parser.add_argument("--serve-only", action="store_true", help="measure only the editing loop, print it, write nothing")
    args = parser.parse_args(argv)
    if args.serve_only:
        return serve_only(args.serve_size, Path(args.work))
    started = time.monotonic()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.work)
    results = []
    for index, n in enumerate(sizes):
        print(f"size {n} products", flush=True)
        results.append(bench_size(n, args.repeat if index == 0 else 1, work, extras=not args.quick and index == 0, material_search=args.material_search))
    serve: dict = {}
    if not args.quick and args.serve_size:
        result = next((r for r in results if r["n"] == args.serve_size), None) or bench_size(args.serve_size, 1, work, extras=False)
        print(f"serve edit loop at {args.serve_size} products", flush=True)
        serve = {"n": args.serve_size, "edits": 3, "modes": serve_rebuild(result["project_config"], result["docs"])}
    weight = None
    if not args.quick:
        site = work / "real-site"
        if cli.build_site(ROOT / "mkdocs.yml", site) == 0 and webserver.nginx_binary():
            path = "producten/grenzen-aangeven-en-respecteren/"
            with webserver.running_nginx(site, work / "nginx") as base:
                weight = page_weight(base, path)
                if weight:
                    weight["path"] = path
                    weight["lighthouse"] = lighthouse(base + path, work / "tools")
    text = report(results, serve, weight, args)
    text += f"\nThis run of `scripts/bench/build_bench.py` took {(time.monotonic() - started) / 60:.1f} minutes.\n"
    if args.output != "-":
        write_section(Path(args.output), text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
