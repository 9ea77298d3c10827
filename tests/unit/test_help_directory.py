"""The help directory (hulpdiensten.yml): every public entry is sourced and dated, both
countries have help for now and for an ordinary question, and the "Hulp nodig?" box on a
product follows the product's region."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import help_directory, ui as ui_text  # noqa: E402
from kennisplein.content import vocabulary as vocabulary_loader  # noqa: E402

DATA = ROOT / "docs" / "_data"


@pytest.fixture(scope="module")
def entries():
    found, problems = help_directory.load(DATA, today=dt.date(2026, 12, 1))
    assert not [p for p in problems if p.severity == "error"], problems
    return found


@pytest.fixture(scope="module")
def ui():
    return ui_text.load(DATA / "ui.yml")["nl"]


def test_every_public_entry_has_sources_hours_and_a_checked_date(entries):
    assert entries
    for entry in entries:
        assert entry.sources, f"{entry.name}: no source"
        for source in entry.sources:
            assert source["publisher"] and source["title"], entry.name
        assert isinstance(entry.checked, dt.date), f"{entry.name}: no checked date"
        assert entry.opening_hours, f"{entry.name}: no hours"
        assert entry.region in help_directory.REGIONS


@pytest.mark.parametrize("region", help_directory.REGIONS)
def test_each_country_has_help_now_an_ordinary_question_and_the_police(entries, region):
    here = [e for e in entries if e.region == region]
    assert {e.kind for e in here} == set(help_directory.KINDS)
    police = [e for e in here if "politie" in e.name.lower() or e.phone in ("112", "101")]
    assert any(e.kind == "spoed" for e in police), "no emergency number for the police"
    assert any(e.kind == "vraag" and "politie" in e.name.lower() for e in police), "no non-emergency police entry"


def test_flanders_lists_the_centres_for_sexual_violence(entries):
    assert any("Zorgcentra na Seksueel Geweld" in e.name and e.region == "vlaanderen" for e in entries)


def test_1712_is_not_shown_as_day_and_night(entries):
    line = next(e for e in entries if e.phone == "1712")
    assert "dag en nacht" not in line.opening_hours.lower().replace("niet dag en nacht", "")


def test_help_box_follows_the_region_of_the_product(entries, ui):
    dutch = help_directory.short_form([e for e in entries if e.region == "nl"], ui, "nl")
    assert len(dutch) == 1 and dutch[0]["country"] is None
    assert not any("1712" in item["contact"] for item in dutch[0]["items"])
    flemish = help_directory.short_form([e for e in entries if e.region == "vlaanderen"], ui, "vlaanderen")
    assert len(flemish) == 1 and not any("0800" in item["contact"] for item in flemish[0]["items"])
    both = help_directory.short_form(entries, ui, "algemeen")
    assert [g["country"] for g in both] == [ui["help_countries"]["nl"], ui["help_countries"]["vlaanderen"]]


def test_a_missing_source_is_an_error_with_a_line(tmp_path):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "hulpdiensten.yml").write_text(
        "review_due: 2030-01-01\nservices:\n  - name: Iets\n    region: nl\n    kind: spoed\n    audiences: [naasten]\n"
        "    hours: Dag en nacht.\n    description: Een beschrijving van de dienst.\n    easy_read: Bel ons.\n    checked: 2026-12-01\n",
        encoding="utf-8",
    )
    found, problems = help_directory.load(data, today=dt.date(2026, 12, 1))
    assert not found
    assert any("sources" in p.message and p.line for p in problems), problems


def test_the_page_shows_dates_in_words(entries, ui):
    vocabulary = vocabulary_loader.load(DATA / "vocabulary.yml")
    markdown = help_directory.page_markdown(entries, "standaard", "nl", ui, vocabulary, None)
    assert "1 december 2026" in markdown
    assert ">2026-12-01<" not in markdown and " 2026-12-01" not in markdown
