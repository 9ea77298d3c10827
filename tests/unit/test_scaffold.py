"""`new`: a product folder with both versions that pass validation; never overwrites; clear refusals."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kennisplein import project, scaffold
from kennisplein.content import frontmatter
from kennisplein.content import vocabulary as vocabulary_loader
from kennisplein.problems import errors

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"


@pytest.fixture
def docs(tmp_path) -> Path:
    """An empty content folder with the real data files (the video catalogue left out)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data", ignore=shutil.ignore_patterns("videos", "routes.yml"))  # routes.yml names the real products
    return docs


@pytest.fixture
def vocabulary(docs):
    return vocabulary_loader.load(docs / "_data" / "vocabulary.yml")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- creating

def test_create_makes_both_versions_that_pass_validation(docs, vocabulary):
    folder = scaffold.create(docs, vocabulary, "Cliënten en één vraag", kind="checklist", audiences=["professionals"],
                             topics=["grenzen", "praten"], region="nl", today=dt.date(2026, 11, 1))

    assert folder == docs / "producten" / "clienten-en-een-vraag"
    assert sorted(p.name for p in folder.iterdir()) == ["index.md", "makkelijk.md"]
    loaded = project.load(docs)
    assert errors(loaded.problems) == [], [str(p) for p in loaded.problems]
    assert [p.slug for p in loaded.catalogue.products] == ["clienten-en-een-vraag"]

    product = loaded.catalogue.products[0]
    standard, easy = product.version("standaard").meta, product.version("makkelijk").meta
    assert standard.title == easy.title == "Cliënten en één vraag"
    assert (standard.level, easy.level) == ("standaard", "makkelijk")
    assert standard.type == easy.type == "checklist"
    assert standard.topics == easy.topics == ["grenzen", "praten"]
    assert standard.region == easy.region == "nl"
    assert standard.audiences == ["professionals"]
    assert easy.audiences == ["professionals", "clienten"], "the easy-read version is always also for clients"
    assert (standard.reviewed, standard.review_due) == (dt.date(2026, 11, 1), dt.date(2027, 11, 1))


def test_create_with_defaults_passes_validation(docs, vocabulary):
    folder = scaffold.create(docs, vocabulary, "Een nieuw kennisproduct")
    loaded = project.load(docs)
    assert errors(loaded.problems) == [], [str(p) for p in loaded.problems]
    meta = frontmatter.read(folder / "index.md").meta
    assert (meta["type"], meta["audiences"], meta["region"], meta["reviewed"]) == ("handreiking", ["naasten"], "algemeen", dt.date.today())
    assert meta["topics"] == [vocabulary.keys("topics")[0]]


@pytest.mark.parametrize("title", [
    'Praten: "ja" of #nee?',
    "- een lijst? Nee: een titel",
    "Één vraag – 100% veilig",
    "yes",
])
def test_titles_with_yaml_syntax_survive(docs, vocabulary, title):
    folder = scaffold.create(docs, vocabulary, title, today=dt.date(2026, 11, 1))
    assert frontmatter.read(folder / "index.md").meta["title"] == title
    assert frontmatter.read(folder / "makkelijk.md").meta["title"] == title
    assert errors(project.load(docs).problems) == []


def test_create_on_29_february(docs, vocabulary):
    folder = scaffold.create(docs, vocabulary, "Schrikkeldag", today=dt.date(2028, 2, 29))
    assert errors(project.load(docs).problems) == []
    assert frontmatter.read(folder / "index.md").meta["review_due"] > dt.date(2028, 2, 29)


# --------------------------------------------------------------------------- never overwrite

def test_refuses_to_overwrite_an_existing_product(docs, vocabulary):
    folder = docs / "producten" / "praten-over-grenzen"
    folder.mkdir(parents=True)
    (folder / "index.md").write_bytes("---\ntitle: Mijn eigen tekst\n---\nNiet overschrijven, ook niet één teken.\r\n".encode())
    (folder / "makkelijk.md").write_bytes(b"eigen \xff bytes")
    (folder / "notities.txt").write_text("klad", encoding="utf-8")
    before = snapshot(docs)

    with pytest.raises(scaffold.ScaffoldError) as refused:
        scaffold.create(docs, vocabulary, "Praten over grenzen")

    assert str(refused.value) == (f"{folder} already exists: nothing was changed. "
                                  "Choose another title or edit the existing product.")
    assert snapshot(docs) == before, "files are byte-identical and nothing was added"


def test_refuses_an_existing_empty_folder(docs, vocabulary):
    folder = docs / "producten" / "praten-over-grenzen"
    folder.mkdir(parents=True)
    with pytest.raises(scaffold.ScaffoldError, match="already exists: nothing was changed"):
        scaffold.create(docs, vocabulary, "Praten over grenzen!")
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- unknown values

@pytest.mark.parametrize("kwargs, kind, bad", [
    pytest.param({"kind": "folder"}, "types", "folder", id="type"),
    pytest.param({"topics": ["grenzen", "koken"]}, "topics", "koken", id="topic"),
    pytest.param({"audiences": ["ouders"]}, "audiences", "ouders", id="audience"),
    pytest.param({"region": "belgie"}, "regions", "belgie", id="region"),
])
def test_rejects_unknown_values_with_a_clear_message(docs, vocabulary, kwargs, kind, bad):
    with pytest.raises(scaffold.ScaffoldError) as refused:
        scaffold.create(docs, vocabulary, "Een titel", **kwargs)
    allowed = ", ".join(yaml.safe_load((docs / "_data" / "vocabulary.yml").read_text(encoding="utf-8"))[kind])
    assert str(refused.value) == f"unknown {kind}: {bad} (allowed: {allowed})"
    assert not (docs / "producten").exists(), "nothing is created when a value is refused"


def test_cli_new_refuses_unknown_topic_without_traceback(docs):
    result = subprocess.run([str(PYTHON if PYTHON.exists() else sys.executable), str(ROOT / "scripts" / "cli.py"), "new", "Een titel",
                             "--docs", str(docs), "--topic", "koken"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.startswith("error: unknown topics: koken (allowed: ")
    assert "Traceback" not in result.stderr + result.stdout
    assert not (docs / "producten").exists()


# --------------------------------------------------------------------------- folder names

@pytest.mark.parametrize("title, slug", [
    ("Cliënten en één vraag", "clienten-en-een-vraag"),
    ("Wat doet een seksuoloog?", "wat-doet-een-seksuoloog"),
    ("  Ça, c'est très «bien»!  ", "ca-c-est-tres-bien"),
    ("Praten_over  grenzen -- nu", "praten-over-grenzen-nu"),
    ("Ĳsselmeer en Zoë", "ijsselmeer-en-zoe"),
    ("Stap 1: 10 tips", "stap-1-10-tips"),
])
def test_slugify(title, slug):
    assert scaffold.slugify(title) == slug


def test_slugify_keeps_long_titles_short_without_a_trailing_hyphen():
    slug = scaffold.slugify("Heel erg lange titel " * 10)
    assert len(slug) <= 60
    assert not slug.endswith("-") and not slug.startswith("-")
    assert slug.startswith("heel-erg-lange-titel-heel")


@pytest.mark.parametrize("title", ["???", "日本語", "   ", ""])
def test_slugify_refuses_titles_without_letters_or_digits(title):
    with pytest.raises(scaffold.ScaffoldError, match="cannot make a folder name from the title"):
        scaffold.slugify(title)


@pytest.mark.parametrize("title", ["Ab", "x" * 121])
def test_refuses_a_title_the_schema_would_refuse(docs, vocabulary, title):
    with pytest.raises(scaffold.ScaffoldError, match="3 to 120 characters"):
        scaffold.create(docs, vocabulary, title)
