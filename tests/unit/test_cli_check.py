"""`python scripts/cli.py check`: every fault on stderr as `path:line: message`, exit 1, never a traceback."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
CLI = ROOT / "scripts" / "cli.py"
PRODUCT = Path(__file__).resolve().parent / "data" / "product"
LINE = re.compile(r"^docs/[^\s:]+(:\d+)?: \S.*$")

INDEX = "docs/producten/grenzen/index.md"
EASY = "docs/producten/grenzen/makkelijk.md"


def check(docs: Path) -> subprocess.CompletedProcess:
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    return subprocess.run([str(python), str(CLI), "check", "--docs", str(docs)], capture_output=True, text=True, timeout=300)


@pytest.fixture
def docs(tmp_path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data", ignore=shutil.ignore_patterns("videos", "routes.yml"))  # routes.yml names the real products
    (docs / "producten" / "grenzen").mkdir(parents=True)
    for name in ("index.md", "makkelijk.md"):
        shutil.copyfile(PRODUCT / name, docs / "producten" / "grenzen" / name)
    return docs


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_valid_docs_pass(docs):
    result = check(docs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "OK: 2 pages, 1 products, 0 errors, 0 warnings"


def test_broken_docs_fail_with_every_fault_on_its_own_line(docs):
    index, easy = docs / "producten" / "grenzen" / "index.md", docs / "producten" / "grenzen" / "makkelijk.md"
    edit(index, "audiences: [naasten, professionals]", "audiences: [naasten, ouders]")
    edit(index, "region: nl\n", "region: nl\nauteur: Jan\n")
    index.write_text(index.read_text(encoding="utf-8") + "\n![](foto.png)\n\n<script>alert(1)</script>\n", encoding="utf-8")
    edit(easy, "reviewed: 2026-11-01", "reviewed: 2026-02-30")
    (docs / "producten" / "alleen-makkelijk").mkdir()
    shutil.copyfile(PRODUCT / "makkelijk.md", docs / "producten" / "alleen-makkelijk" / "makkelijk.md")
    (docs / "producten" / "kapot").mkdir()
    (docs / "producten" / "kapot" / "index.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    (docs / "producten" / "kapot" / "makkelijk.md").write_text("---\ntitle: x\nvideos: &v [*v]\nyear: !!int ''\n---\n", encoding="utf-8")
    (docs / "over.md").write_text("---\ntitle: Over ons\nauteur: Jan\n---\n\n# Over ons\n", encoding="utf-8")
    (docs / "producten" / "los.md").write_text("# Los\n", encoding="utf-8")

    result = check(docs)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        "docs/over.md:3: unknown key 'auteur' (allowed keys: title, summary, level, hide)",
        "docs/producten/alleen-makkelijk/index.md: missing standard version: product 'alleen-makkelijk' has makkelijk.md but no index.md",
        "docs/producten/grenzen/index.md:4: audiences: 'ouders' is not one of: naasten, professionals, clienten",
        "docs/producten/grenzen/index.md:9: unknown key 'auteur' (allowed keys: title, summary, audiences, level, type, topics,"
        " region, sources, evidence, reviewed, review_due, videos, replaces)",
        "docs/producten/grenzen/index.md:29: afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\"",
        "docs/producten/grenzen/index.md:31: <script> is niet toegestaan in de tekst: het voert code uit",
        "docs/producten/grenzen/makkelijk.md:14: reviewed: '2026-02-30' is not a real date",
        "docs/producten/kapot/index.md:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        "docs/producten/kapot/makkelijk.md:4: front matter is not valid YAML: '' is not a valid int",
        "docs/producten/los.md: a product is a folder producten/<slug>/ with index.md and makkelijk.md; move this file into such a folder",
    ]
    assert all(LINE.match(line) for line in lines)
    assert result.stdout.splitlines()[-1].startswith("FAILED: ")
    assert " 10 errors, 0 warnings" in result.stdout


def test_warnings_alone_do_not_fail(docs):
    index = docs / "producten" / "grenzen" / "index.md"
    edit(index, "reviewed: 2026-11-01", "reviewed: 2020-01-01")
    edit(index, "review_due: 2099-11-01", "review_due: 2021-01-01")
    result = check(docs)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{INDEX}:16: warning: review_due 2021-01-01 has passed: review this page and set new dates",
    ]
    assert result.stdout.splitlines()[-1] == "OK: 2 pages, 1 products, 0 errors, 1 warnings"


def test_broken_vocabulary_is_reported_without_traceback(docs):
    (docs / "_data" / "vocabulary.yml").write_text("audiences:\n  naasten: {nl: Naasten\nlevels: []\n", encoding="utf-8")
    result = check(docs)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert re.fullmatch(r".*/docs/_data/vocabulary\.yml:\d+: not valid YAML: .+", line), line
