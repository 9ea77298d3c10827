"""What the browser editor may write, and how Decap's file names map onto the site's."""
from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "editor"))

import proxy_rules  # noqa: E402
from proxy_rules import Area, Refused  # noqa: E402

AREA = Area(pages=("docs/producten",), data_files=("docs/_data/glossary.yml", "docs/_data/hulpdiensten.yml"),
            data_folders=("docs/_data/videos",), media="docs/assets/afbeeldingen")
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 40).decode()


@pytest.mark.parametrize("path", [
    "docs/producten/nieuw/index.md", "docs/producten/nieuw/makkelijk.md", "docs/producten/nieuw/index.en.md",
    "docs/producten/nieuw/makkelijk.en.md", "docs/_data/glossary.yml", "docs/_data/videos/uitleg.yml",
])
def test_the_schema_folders_are_writable(path):
    assert AREA.writable(path)


@pytest.mark.parametrize("path", [
    "docs/producten/../../etc/passwd", "/etc/passwd", "docs/producten/nieuw/.index.md", "docs/producten/.git/config",
    "docs/producten/nieuw/notes.md", "docs/producten/nieuw/sub/index.md", "docs/_data/ui.yml", "docs/_data/vocabulary.yml",
    "mkdocs.yml", "Makefile", "docs/index.md", "overrides/main.html", "docs/_data/videos/x.transcript.md", "docs/producten/Nieuw/index.md",
])
def test_anything_else_is_not(path):
    assert not AREA.writable(path)


def test_uploads_go_to_the_media_folder_only_and_must_be_real_images():
    AREA.check_media("docs/assets/afbeeldingen/foto.png", PNG)
    with pytest.raises(Refused, match="alleen in docs/assets/afbeeldingen"):
        AREA.check_media("docs/producten/foto.png", PNG)
    with pytest.raises(Refused, match="alleen PNG"):
        AREA.check_media("docs/assets/afbeeldingen/logo.svg", base64.b64encode(b"<svg onload=alert(1)>").decode())
    with pytest.raises(Refused, match="geen echte PNG"):
        AREA.check_media("docs/assets/afbeeldingen/nep.png", base64.b64encode(b"<html><script>alert(1)</script>").decode())
    with pytest.raises(Refused):
        AREA.check_media("docs/assets/afbeeldingen/../../../x.png", PNG)


def test_each_level_is_a_flat_folder_in_decaps_view():
    assert proxy_rules.to_disk("docs/producten-standaard/a.nl.md", AREA) == "docs/producten/a/index.md"
    assert proxy_rules.to_disk("docs/producten-makkelijk/a.nl.md", AREA) == "docs/producten/a/makkelijk.md"
    assert proxy_rules.to_disk("docs/producten-standaard/a.en.md", AREA) == "docs/producten/a/index.en.md"
    assert proxy_rules.to_disk("docs/producten-makkelijk", AREA) == "docs/producten"
    assert proxy_rules.to_disk("docs/producten-standaard/../x.nl.md", AREA) != "docs/producten/../index.md"
    assert proxy_rules.to_decap("docs/producten/a/index.md", AREA) == "docs/producten-standaard/a.nl.md"
    assert proxy_rules.to_decap("docs/producten/a/makkelijk.en.md", AREA) == "docs/producten-makkelijk/a.en.md"
    assert proxy_rules.to_decap("docs/index.md", AREA) == "docs/index.md"
    assert proxy_rules.level_of_virtual("docs/producten-makkelijk", AREA) == ("docs/producten", "makkelijk")
    request = {"action": "persistEntry", "params": {"dataFiles": [{"path": "docs/producten-standaard/a.nl.md", "raw": "x"}]}}
    translated = proxy_rules.translate_paths(request, lambda p: proxy_rules.to_disk(p, AREA))
    assert translated["params"]["dataFiles"][0]["path"] == "docs/producten/a/index.md"
    assert proxy_rules.other_language("docs/producten-standaard/a.en.md") and not proxy_rules.other_language("docs/producten-standaard/a.nl.md")


def test_an_untranslated_language_file_has_no_title():
    assert proxy_rules.has_title("---\ntitle: Iets\n---\n")
    assert not proxy_rules.has_title("---\naudiences: [naasten]\nlevel: standaard\n---\n")
    assert not proxy_rules.has_title("geen front matter")


def test_the_glossary_goes_in_and_out_of_its_terms_key():
    raw = "- term: seksualiteit\n  standard: Uitleg van het begrip.\n  easy: Makkelijk.\n"
    wrapped = proxy_rules.glossary_for_decap(raw)
    assert yaml.safe_load(wrapped)["terms"][0]["term"] == "seksualiteit"
    assert yaml.safe_load(proxy_rules.glossary_from_decap(wrapped)) == yaml.safe_load(raw)
    with pytest.raises(Refused):
        proxy_rules.glossary_from_decap("terms: geen lijst\n")


def test_a_data_files_leading_comments_are_kept():
    text = "# Uitleg over dit bestand\n# tweede regel\n\nreview_due: 2027-01-01\n# geen kop\n"
    assert proxy_rules.leading_comments(text) == "# Uitleg over dit bestand\n# tweede regel\n"
    assert proxy_rules.leading_comments("review_due: 2027-01-01\n") == ""
