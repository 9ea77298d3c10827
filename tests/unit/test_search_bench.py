"""scripts/bench/search_bench.py still runs: its index and baseline steps on a small corpus, its report and
its section of BENCHMARKS.md. Nothing here is timed; the browser part runs in the benchmark only."""
from __future__ import annotations

import importlib.util
import json
from types import SimpleNamespace

import pytest

from bench import search_bench
from kennisplein import corpus

PAGES = 40


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return corpus.generate(tmp_path_factory.mktemp("bench") / "docs", search_bench.ROOT / "docs", PAGES // 2)


def _runs(first_ms, bytes_first):
    return [{"first_ms": first_ms, "key_ms": [2.0, 3.0], "bytes_first": bytes_first, "bytes_all": bytes_first * 2,
             "index_before_focus": []}]


def test_index_step_counts_and_sizes_both_files(docs, tmp_path):
    own = search_bench.kennisplein_index(docs, tmp_path / "index")
    assert own["docs"] >= PAGES
    for raw, packed in (own["small"], own["full"]):
        assert 0 < packed < raw
    assert own["full"][0] > own["small"][0]


def test_material_baseline_builds_and_its_search_plugin_is_timed(docs, tmp_path):
    site, material = search_bench.material_site(docs, tmp_path)
    assert (site / "search" / "search_index.json").is_file()
    assert material["docs"] >= PAGES and material["index_s"] > 0, "the timing hook no longer finds the search plugin"
    if importlib.util.find_spec("pagefind") is None:
        pytest.skip("pagefind is not installed (requirements-test.txt)")
    found = search_bench.pagefind_index(site)
    assert found["docs"] and found["docs"] >= PAGES and found["index"][0] > 0
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind-bench" / "index.html").is_file()


def _results():
    return [{"pages": 4000, "engines": {
        "kennisplein": {"docs": 4000, "index_s": 2.0, "site_s": 60, "small": (100, 50), "full": (1000, 300), "runs": _runs(400, 300_000)},
        "material": {"docs": 9000, "index_s": 4.0, "site_s": 30, "index": (2000, 500), "runs": _runs(10_000, 5_000_000)},
        "pagefind": {"docs": 4000, "index_s": 1.0, "site_s": 30, "index": (3000, 2900), "runs": _runs(1500, 100_000)},
    }}]


def test_report_gives_ratios_and_honest_targets():
    args = SimpleNamespace(runs=1, query="vertrouwen", more=" hulp", key_delay=80)
    section = search_bench.report(_results(), args, search_bench.dt.datetime(2026, 1, 1), 60)
    assert section.startswith(search_bench.START) and section.endswith(search_bench.END)
    assert "cores" in section and "GiB memory" in section and "2026-01-01" in section
    assert "first results 0.04×" in section  # 400 ms against material's 10 s
    assert "NOT met: first results within 300 ms" in section
    assert "NOT met: first query fetches at most twice what Pagefind fetches" in section
    assert "met: each further keystroke under 50 ms" in section


def test_only_the_marked_section_is_replaced(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    search_bench.write_section(path, f"{search_bench.START}\none\n{search_bench.END}")
    assert path.read_text() == f"{search_bench.START}\none\n{search_bench.END}\n"
    path.write_text(f"# Benchmarks\n\nbuild numbers\n\n{search_bench.START}\nold\n{search_bench.END}\n\nmore\n")
    search_bench.write_section(path, f"{search_bench.START}\nnew\n{search_bench.END}")
    assert path.read_text() == f"# Benchmarks\n\nbuild numbers\n\n{search_bench.START}\nnew\n{search_bench.END}\n\nmore\n"
    path.write_text("# Benchmarks without markers\n")
    search_bench.write_section(path, f"{search_bench.START}\nx\n{search_bench.END}")
    assert path.read_text() == f"# Benchmarks without markers\n\n{search_bench.START}\nx\n{search_bench.END}\n"


def test_section_can_be_written_again_from_saved_results(tmp_path):
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps({"args": {"runs": 1, "query": "vertrouwen", "more": " hulp", "key_delay": 80}, "argv": [],
                                 "started": "2026-01-01T10:00:00", "seconds": 600, "load": 3.0, "results": _results()}))
    out = tmp_path / "BENCHMARKS.md"
    assert search_bench.main(["--from-results", str(saved), "--output", str(out)]) == 0
    text = out.read_text()
    assert "re-rendered" in text and "in 10 minutes" in text and "load average at the end 3.0" in text
