"""A failed build reports the fault and leaves the previous site exactly as it was."""
from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import buildconfig  # noqa: E402
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


def test_a_build_with_a_warm_cache_equals_a_clean_build(tmp_path):
    """The readability cache only saves time: a rebuild that uses it writes the same site."""
    docs = tmp_path / "work" / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    config = buildconfig.config_for(docs, tmp_path / "work" / "mkdocs.yml")
    cache = docs.parent / ".cache"
    assert cli.build_site(config, tmp_path / "clean") == 0
    assert cache.is_dir() and any(cache.iterdir()), "the first build fills the cache"
    assert cli.build_site(config, tmp_path / "cached") == 0
    clean, cached = snapshot(tmp_path / "clean"), snapshot(tmp_path / "cached")
    # gzip stores its own timestamp in the header; the XML inside is compared as sitemap.xml
    clean.pop("sitemap.xml.gz", None), cached.pop("sitemap.xml.gz", None)
    assert clean == cached
