"""`make serve` (mkdocs serve --livereload --dirty): edits show up, the quick preview of an edit to a
page's text is the page a fresh build makes, and the search index follows.

While serving, an edit inside one page's text is rendered on its own (scripts/mkdocs_wiring/quick_preview.py), any
other change runs mkdocs' rebuild, the search index is written by a process of its own, and unchanged
hubs are not rebuilt (scripts/mkdocs_wiring/hooks.py, scripts/mkdocs_wiring/language_builds.py): these tests check that every
path ends in an up-to-date, correct preview. No timing is asserted (`make bench` measures the loop).
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import build_bench as bench  # noqa: E402
from mkdocs_wiring import buildconfig  # noqa: E402

STANDARD = "producten/seksuele-assistentie/index.md"  # translated: /en/ is built from index.en.md
UNTRANSLATED = "producten/praten-over-intimiteit-met-je-naaste/index.md"  # /en/ falls back to the Dutch text
LIVERELOAD = re.compile(r"livereload\(\d+, \d+\)")  # the server's own, with a time stamp


@pytest.fixture
def site(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    for translation in (docs / UNTRANSLATED).parent.glob("*.en.md"):   # every page has English now: this one is made untranslated
        translation.unlink()
    return docs, buildconfig.config_for(docs, tmp_path / "mkdocs.yml")


@contextlib.contextmanager
def serving(config: Path, port: int, log: Path):
    with log.open("a", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}",
                                    "--livereload", "--dirty", "--no-strict"],
                                   stdout=out, stderr=out, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        base = f"http://127.0.0.1:{port}/"
        try:
            assert bench._wait_for(base + "producten/seksuele-assistentie/", "<h1", 180), "mkdocs serve did not come up"
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
            assert _gone_within(f"--parent-pid\0{process.pid}\0", 5), "the search index process stops with the server"


def _gone_within(cmdline_part: str, timeout: float) -> bool:
    """No process whose command line holds ``cmdline_part`` is left after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        running = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            with contextlib.suppress(OSError):
                if cmdline_part in cmdline.read_text(encoding="utf-8", errors="replace"):
                    running.append(cmdline)
        if not running or time.monotonic() > deadline:
            return not running
        time.sleep(0.2)


def _page(url: str) -> str:
    return LIVERELOAD.sub("", urllib.request.urlopen(url, timeout=10).read().decode("utf-8"))


def _url(src: str, language: str = "") -> str:
    return (f"{language}/" if language else "") + src.removesuffix("index.md")



def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_quick_previews_are_the_pages_a_fresh_build_makes(site, tmp_path):
    docs, config = site
    port, log = bench.free_port(), tmp_path / "serve.log"
    shown = {}
    with serving(config, port, log) as base:
        _append(docs / STANDARD, "\n\nDit is de eerste bewerking met zebrapaden.\n")
        _append(docs / UNTRANSLATED, "\n\nDit is de tweede bewerking met giraffen.\n")
        assert bench._wait_for(base + _url(STANDARD), "zebrapaden", 60), "the edit is served"
        assert bench._wait_for(base + _url(UNTRANSLATED, "en"), "giraffen", 60), "the English fallback page follows the Dutch text"
        assert _wait_for_text(log, "Quick preview: ", 10), "an edit to the text alone is rendered on its own"
        page = docs / UNTRANSLATED
        title = re.search(r"^title: (.*)$", page.read_text(encoding="utf-8"), re.M).group(1)
        page.write_text(page.read_text(encoding="utf-8").replace(f"title: {title}", f"title: {title} met olifanten", 1), encoding="utf-8")
        assert bench._wait_for(base + "naasten/", "met olifanten", 60), "a new title reaches the hubs"
        assert _wait_for_text(log, "Quick preview: " + UNTRANSLATED + " checked", 10), "and is shown by the quick preview"
        hubs = [url for language in ("", "en/") for url in ("", "clienten/", "naasten/", "onderwerpen/praten/", "soorten/handreiking/")
                if "met olifanten" in _page(base + language + url)]
        assert len(hubs) >= 6, f"the new title is on the hubs of both languages: {hubs}"
        product_pages = [language + _url(src) + extra for language in ("", "en/") for src in (STANDARD, UNTRANSLATED) for extra in ("", "makkelijk/")]
        videos = ["videos/privacy/", "en/videos/privacy/"]  # it names the product
        assert all("met olifanten" in _page(base + url) for url in videos), "the product's video pages show the new title"
        for url in [*product_pages, *hubs, *videos]:
            shown[url] = _page(base + url)
    with serving(config, port, tmp_path / "fresh.log") as base:  # same address: same canonical URLs
        for url, quick in shown.items():
            assert _page(base + url) == quick, f"{url}: the quick preview differs from a fresh build"


def test_edits_beyond_the_text_rebuild_and_faults_hold_until_fixed(site, tmp_path):
    docs, config = site
    log = tmp_path / "serve.log"
    with serving(config, bench.free_port(), log) as base:
        assert bench._wait_for(base + "search/index-nl-full.js", "seksuel", 60), "the first search index is written"
        page = docs / STANDARD
        original = page.read_text(encoding="utf-8")
        page.write_text(original.replace("title: ", "title: Zebrapad en ", 1), encoding="utf-8")
        assert bench._wait_for(base + "naasten/", "Zebrapad en ", 120), "a changed title reaches the hubs (a full rebuild)"
        page.write_text(original.replace("region:", "regio:", 1), encoding="utf-8")  # not valid: the build fails
        assert _wait_for_text(log, "missing key 'region'", 120), "the fault is reported"
        page.write_text(original + "\n\nHier staat het woord zebrapaddenoverleg.\n", encoding="utf-8")
        assert bench._wait_for(base + _url(STANDARD), "zebrapaddenoverleg", 120), "the fixed page is served"
        assert bench._wait_for(base + "naasten/", "kp-card", 10), "the hubs are still served"
        assert "Zebrapad en " not in _page(base + "naasten/")
        assert bench._wait_for(base + "search/index-nl-full.js", "zebrapaddenoverleg", 120), "the search index follows the edit"


def _wait_for_text(log: Path, text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(encoding="utf-8"):
            return True
        time.sleep(0.1)
    return False
