"""A failed build reports the fault and leaves the previous site exactly as it was."""
from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from mkdocs_wiring import buildconfig  # noqa: E402
import cli  # noqa: E402


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def test_broken_content_keeps_the_previous_site(built_site, tmp_path, capfd):
    previous = tmp_path / "site"
    shutil.copytree(built_site, previous)
    before = snapshot(previous)

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "producten" / "seksuele-assistentie" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](../bestaat-niet/index.md)\n", encoding="utf-8")
    config = buildconfig.config_for(docs, tmp_path / "mkdocs.yml")

    assert cli.build_site(config, previous) != 0
    assert snapshot(previous) == before
    assert not list(tmp_path.glob(".site.building-*")), "the staging folder is cleaned up"
    err = capfd.readouterr().err
    assert "producten/seksuele-assistentie/index.md:" in err and "bestaat-niet" in err
    assert "Traceback" not in err


def test_successful_build_replaces_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    assert cli.build_site(ROOT / "mkdocs.yml", site) == 0
    assert not (site / "stale.html").exists()
    assert (site / "index.html").exists()


def _copy_docs(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "work" / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    return docs, buildconfig.config_for(docs, tmp_path / "work" / "mkdocs.yml")


def test_a_build_with_a_warm_cache_equals_a_clean_build(tmp_path):
    """The readability and render caches only save time: a rebuild that uses them writes the same
    site, also after an edit (the edited page is rendered again, the others come from the cache)."""
    docs, config = _copy_docs(tmp_path)
    cache = docs.parent / ".cache" / "kennisplein"
    assert cli.build_site(config, tmp_path / "first") == 0
    assert {p.name for p in cache.iterdir()} >= {"render-docs-nl.json", "render-docs-en.json"}, "the first build fills the caches"
    assert cli.build_site(config, tmp_path / "cached") == 0
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "cached")

    page = docs / "producten" / "seksuele-assistentie" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## ", "## Bewerkt: ", 1), encoding="utf-8")
    assert cli.build_site(config, tmp_path / "edited-cached") == 0
    shutil.rmtree(cache)
    assert cli.build_site(config, tmp_path / "edited-clean") == 0
    edited = snapshot(tmp_path / "edited-clean")
    assert edited == snapshot(tmp_path / "edited-cached")
    assert edited != snapshot(tmp_path / "first")
    assert "Bewerkt: " in (tmp_path / "edited-cached" / "producten" / "seksuele-assistentie" / "index.html").read_text(encoding="utf-8")


def test_languages_built_in_parallel_equal_a_sequential_build(tmp_path):
    """`mkdocs build` builds English in a forked process (scripts/mkdocs_wiring/language_builds.py); the
    sequential build renders pages without a translation once and reuses them for English."""
    docs, config = _copy_docs(tmp_path)
    assert cli.build_site(config, tmp_path / "parallel", {"KENNISPLEIN_PARALLEL": "1"}) == 0
    shutil.rmtree(docs.parent / ".cache")
    assert cli.build_site(config, tmp_path / "sequential", {"KENNISPLEIN_PARALLEL": "0"}) == 0
    parallel = snapshot(tmp_path / "parallel")
    assert parallel == snapshot(tmp_path / "sequential")
    assert "en/index.html" in parallel and "404.html" in parallel
    assert "sitemap.xml" not in parallel, "no sitemap without a site_url: it would list None/ addresses"


def test_a_fault_only_in_the_english_build_fails_the_build(tmp_path, capfd):
    """A missing image in an English page is found by mkdocs while it builds English (in the
    forked process): the whole build fails and no site is written."""
    docs, config = _copy_docs(tmp_path)
    page = docs / "producten" / "seksuele-assistentie" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![A diagram](does-not-exist.png)\n", encoding="utf-8")
    assert cli.build_site(config, tmp_path / "site", {"KENNISPLEIN_PARALLEL": "1"}) != 0
    assert not (tmp_path / "site").exists()
    err = capfd.readouterr().err
    assert "does-not-exist" in err and "Traceback" not in err


def test_the_readability_gate_beside_the_build_still_fails_it(tmp_path, capfd):
    """`mkdocs build` runs the easy-read gate in a process of its own while pages render:
    a failing easy-read page still stops the build, with the page and line."""
    docs, config = _copy_docs(tmp_path)
    page = docs / "producten" / "seksuele-assistentie" / "makkelijk.md"
    long_sentence = " ".join(["Dit is een zin die maar doorgaat en doorgaat"] * 4) + ".\n"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + long_sentence, encoding="utf-8")
    assert cli.build_site(config, tmp_path / "site", {"KENNISPLEIN_PARALLEL": "1"}) != 0
    assert not (tmp_path / "site").exists()
    err = capfd.readouterr().err
    assert "producten/seksuele-assistentie/makkelijk.md:" in err and "sentence too long" in err
    assert "Traceback" not in err
