"""What gets indexed from the catalogue: URLs, versions, languages, glossary terms, Markdown to text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplein import project
from kennisplein import markdown_text as text
from kennisplein.search import documents

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("src", "language", "directory", "url"), [
    ("producten/x/index.md", "nl", True, "producten/x/"),
    ("producten/x/makkelijk.md", "nl", True, "producten/x/makkelijk/"),
    ("producten/x/index.en.md", "en", True, "en/producten/x/"),
    ("producten/x/makkelijk.md", "en", True, "en/producten/x/makkelijk/"),
    ("producten/x/index.md", "nl", False, "producten/x/index.html"),
    ("producten/x/makkelijk.md", "nl", False, "producten/x/makkelijk.html"),
    ("begrippen.md", "en", False, "en/begrippen.html"),
    ("hulp/index.md", "nl", True, "hulp/"),
])
def test_urls_follow_the_site_layout(src, language, directory, url):
    assert documents.url_for(src, language, directory) == url


def test_markdown_becomes_headings_and_plain_text():
    markdown = (
        "# Titel\n\nEen [link](../x.md) en ![plaatje](a.png) met *nadruk* en `code`.\n\n"
        "## Tweede kop { #anker }\n\n!!! tip \"Goede tip\"\n    Binnen de tip.\n\n"
        "| a | b |\n|---|---|\n| cel | cel2 |\n\n<div markdown>tekst in html</div>\n<!-- niet dit -->\n*[HTML]: afkorting\n"
    )
    headings, body = text.split(markdown)
    assert headings == ("Titel", "Tweede kop")
    assert body == "Een link en plaatje met nadruk en code. Goede tip Binnen de tip. a b cel cel2 tekst in html"


@pytest.fixture(scope="module")
def loaded():
    return project.load(ROOT / "docs")


def test_every_product_version_is_indexed_once(loaded):
    docs = documents.documents(loaded, "nl")
    urls = [d.url for d in docs]
    assert len(urls) == len(set(urls))
    for product in loaded.catalogue.products:
        assert f"producten/{product.slug}/" in urls
        assert f"producten/{product.slug}/makkelijk/" in urls


def test_english_index_keeps_untranslated_pages_findable_in_dutch(loaded):
    docs = {d.url: d for d in documents.documents(loaded, "en")}
    for product in loaded.catalogue.products:
        standard = docs[f"en/producten/{product.slug}/"]
        assert standard.language == ("en" if product.version("standaard", "en") else "nl")
        if standard.language == "nl":
            assert standard.title == product.main.meta.title


def test_glossary_terms_are_documents_and_a_field(loaded):
    docs = documents.documents(loaded, "nl")
    glossary = [d for d in docs if d.type == documents.KIND_GLOSSARY]
    assert len(glossary) == len(loaded.glossary.terms)
    assert all(d.url.startswith("begrippen/#") for d in glossary)
    products = [d for d in docs if d.url.startswith("producten/")]
    assert any(d.terms for d in products)


def test_help_directory_is_indexed(loaded):
    docs = documents.documents(loaded, "nl")
    assert {"hulp/", "hulp/makkelijk/"} <= {d.url for d in docs}
