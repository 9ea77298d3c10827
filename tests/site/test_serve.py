"""`make serve` (mkdocs serve --livereload --dirty): an edit shows up, and the search index follows.

While serving, the search index is written by a process of its own after each rebuild and unchanged hubs
are not rebuilt (scripts/hooks.py, scripts/language_builds.py): this checks both still end
in an up-to-date preview. No timing is asserted (see `make bench` for the editing loop).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402
import buildconfig  # noqa: E402


def test_an_edit_is_served_and_then_found_by_search(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    config = buildconfig.config_for(docs, tmp_path / "mkdocs.yml")
    port = bench.free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}",
                                "--livereload", "--dirty", "--no-strict"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        assert bench._wait_for(base + "producten/seksuele-assistentie/", "<h1", 180), "mkdocs serve did not come up"
        assert bench._wait_for(base + "search/index-nl-full.js", "seksuel", 60), "the first search index is written"
        page = docs / "producten" / "seksuele-assistentie" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n\nHier staat het woord zebrapaddenoverleg.\n", encoding="utf-8")
        assert bench._wait_for(base + "producten/seksuele-assistentie/", "zebrapaddenoverleg", 120), "the edit is served"
        assert bench._wait_for(base + "search/index-nl-full.js", "zebrapaddenoverleg", 120), "the search index follows the edit"
        assert bench._wait_for(base + "naasten/", "kp-card", 10), "the hubs are still served"
    finally:
        process.terminate()
        process.wait(timeout=30)
