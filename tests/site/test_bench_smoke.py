"""The benchmark script and the corpus generator still run (a tiny size; no timing is asserted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import corpus, project  # noqa: E402


def test_corpus_is_valid_deterministic_and_has_videos(tmp_path):
    first = corpus.generate(tmp_path / "a" / "docs", ROOT / "docs", 30, seed=7)
    second = corpus.generate(tmp_path / "b" / "docs", ROOT / "docs", 30, seed=7)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("product-*/*.md"))
    assert len(files) == 60
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    loaded = project.load(first)
    assert not [p for p in loaded.problems if p.severity == "error"], loaded.problems
    video = yaml.safe_load((first / "_data/videos/synthetisch-00000.yml").read_text(encoding="utf-8"))
    assert video["related_products"] == ["product-00000"]
    assert not (ROOT / "docs/producten/product-00000").exists(), "synthetic products never land in docs/"


def test_bench_script_runs_and_writes_only_its_section(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    output.write_text("<!-- search-bench:start -->\nzoeken\n<!-- search-bench:end -->\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bench/build_bench.py"), "--sizes", "10", "--repeat", "1", "--quick",
                             "--work", str(tmp_path / "work"), "--output", str(output)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    text = output.read_text(encoding="utf-8")
    assert "<!-- build-bench:start -->" in text and "| 10 |" in text
    assert "<!-- search-bench:start -->\nzoeken\n<!-- search-bench:end -->" in text


def test_bench_editing_loop_runs(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bench/build_bench.py"), "--serve-only", "--serve-size", "10", "--work", str(tmp_path / "work")],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.count("median of 3 edits") == 4 and "did not finish" not in result.stdout
