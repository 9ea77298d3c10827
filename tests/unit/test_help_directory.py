"""The help directory (hulpdiensten.yml): every public entry is sourced and dated, both
countries have help for now and for an ordinary question, and the "Hulp nodig?" box on a
product follows the product's region."""
from __future__ import annotations

import datetime as dt
import re
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


@pytest.mark.parametrize("level", ["standaard", "makkelijk"])
def test_danger_first_then_a_choice_of_country(entries, ui, level):
    """Before any filter or list: the number for danger, as a link to call, and links to each country's part."""
    vocabulary = vocabulary_loader.load(DATA / "vocabulary.yml")
    markdown = help_directory.page_markdown(entries, level, "nl", ui, vocabulary, None)
    urgent = markdown.index('class="kp-help-urgent"')
    assert urgent < markdown.index("kp-help-filter") < markdown.index("## In Nederland")
    assert '<a href="tel:112">112</a>' in markdown[urgent:urgent + 200]
    assert '<a href="#nl">In Nederland</a>' in markdown and '<a href="#vlaanderen">In Vlaanderen</a>' in markdown
    assert "{ #nl }" in markdown and "{ #vlaanderen }" in markdown
    # 112 is listed, with its sources, for both countries: the sentence says so
    assert {e.region for e in entries if e.phone == "112"} == {"nl", "vlaanderen"}


def test_one_country_has_no_country_links(entries, ui):
    vocabulary = vocabulary_loader.load(DATA / "vocabulary.yml")
    flemish = [e for e in entries if e.region == "vlaanderen"]
    markdown = help_directory.page_markdown(flemish, "standaard", "nl", ui, vocabulary, None)
    assert "kp-help-countries" not in markdown and 'class="kp-help-urgent"' in markdown


# ---------------------------------------------------------------- English texts (en:)

SERVICE = (
    "review_due: 2030-01-01\nservices:\n  - name: Iets\n    region: nl\n    kind: spoed\n    audiences: [naasten]\n"
    "    hours: Dag en nacht.\n    description: Een beschrijving van de dienst.\n    easy_read: Bel ons.\n"
    "{en}    sources:\n      - {{publisher: Iemand, title: Een bron}}\n    checked: 2026-12-01\n"
)


def _load(tmp_path, en: str):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "hulpdiensten.yml").write_text(SERVICE.format(en=en), encoding="utf-8")
    return help_directory.load(data, today=dt.date(2026, 12, 1))


def test_every_service_has_english_texts(entries):
    for entry in entries:
        english = help_directory.localise(entry, "en")
        assert english.lang is None, f"{entry.name}: no English texts"
        assert english.description != entry.description and english.easy_read != entry.easy_read, entry.name
        assert english.opening_hours != entry.opening_hours, entry.name


def test_english_texts_keep_the_numbers_of_the_dutch(entries):
    """Same facts as the Dutch: every phone number the Dutch text names is in the English one, and no other."""
    number = re.compile(r"\b\d[\d-]{1,}\b")
    for entry in entries:
        english = help_directory.localise(entry, "en")
        for dutch, en in ((entry.description, english.description), (entry.easy_read, english.easy_read)):
            assert set(number.findall(dutch)) == set(number.findall(en)), entry.name


def test_the_english_name_glosses_the_dutch_one(entries):
    names = {e.name: help_directory.localise(e, "en").name for e in entries}
    assert names["Veilig Thuis"] == "Veilig Thuis (Safe at Home)"
    assert names["Centrum Seksueel Geweld"].startswith("Centrum Seksueel Geweld (")
    assert names["Tele-Onthaal"] == "Tele-Onthaal"  # no gloss given: the Dutch name is kept


def test_1712_is_not_shown_as_day_and_night_in_english(entries):
    line = help_directory.localise(next(e for e in entries if e.phone == "1712"), "en")
    assert "day and night" not in line.opening_hours.lower().replace("not day and night", "")


def test_a_dutch_page_shows_the_dutch_text_unmarked(entries):
    dutch = help_directory.localise(entries[0], "nl")
    assert (dutch.name, dutch.description, dutch.lang) == (entries[0].name, entries[0].description, None)


def test_an_entry_without_english_falls_back_to_dutch_marked_nl(tmp_path):
    found, problems = _load(tmp_path, "")
    assert found and not problems
    local = help_directory.localise(found[0], "en")
    assert (local.description, local.easy_read, local.opening_hours, local.lang) == (
        "Een beschrijving van de dienst.", "Bel ons.", "Dag en nacht.", "nl")


def test_english_without_a_name_keeps_the_dutch_name(tmp_path):
    en = "    en:\n      description: A description of the service.\n      easy_read: Call us.\n      hours: Day and night.\n"
    found, problems = _load(tmp_path, en)
    assert found and not problems
    local = help_directory.localise(found[0], "en")
    assert (local.name, local.easy_read, local.lang) == ("Iets", "Call us.", None)


@pytest.mark.parametrize("en, key", [
    ("    en:\n      description: A description of the service.\n      easy_read: Call us.\n      hours: Day and night.\n      phone: '112'\n", "phone"),
    ("    en:\n      description: A description of the service.\n      easy_read: Call us.\n", "hours"),
    ("    en:\n      description: Short.\n      easy_read: Call us.\n      hours: Day and night.\n", "description"),
])
def test_english_texts_are_checked_with_a_line(tmp_path, en, key):
    found, problems = _load(tmp_path, en)
    assert not found
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(p.line for p in errors), problems
    assert any(key in p.message for p in errors), problems
    assert any(p.line >= 10 for p in errors), problems  # the line of the en: block, not of the file's start


def test_english_page_marks_only_the_entries_without_english(entries, ui, tmp_path):
    vocabulary = vocabulary_loader.load(DATA / "vocabulary.yml")
    en_ui = ui_text.load(DATA / "ui.yml")["en"]
    found, _ = _load(tmp_path, "")
    markdown = help_directory.page_markdown(entries[:2] + found, "standaard", "en", en_ui, vocabulary, None)
    assert '<h4 lang="nl">Iets</h4>' in markdown and '<p lang="nl">Een beschrijving van de dienst.</p>' in markdown
    assert '<span lang="nl">Dag en nacht.</span>' in markdown
    assert f"<h4>{help_directory.localise(entries[0], 'en').name}</h4>" in markdown
    assert f"<p>{help_directory.localise(entries[0], 'en').description}</p>" in markdown
    assert '<ul class="kp-help" lang="nl">' not in markdown
    assert '<cite lang="nl">Een bron</cite>' in markdown  # a Dutch source's title stays Dutch, marked so
    dutch = help_directory.page_markdown(entries[:2] + found, "standaard", "nl", ui, vocabulary, None)
    assert 'lang="nl"' not in dutch


def test_english_help_box_uses_english_hours(entries):
    en_ui = ui_text.load(DATA / "ui.yml")["en"]
    groups = help_directory.short_form([e for e in entries if e.region == "nl"], en_ui, "nl", "en")
    items = groups[0]["items"]
    assert all(item["lang"] is None for item in items)
    assert any("Veilig Thuis (Safe at Home)" == item["name"] for item in items)
    assert not any("Dag en nacht" in item["contact"] for item in items)
    dutch = help_directory.short_form([e for e in entries if e.region == "nl"], ui_text.load(DATA / "ui.yml")["nl"], "nl")
    assert any("Dag en nacht" in item["contact"] for item in dutch[0]["items"])


def test_an_organisation_contact_with_english_texts(tmp_path):
    from kennisplein.organisation import Person
    with_en = Person(role="vertrouwenspersoon", name="Sam (fictief)", phone="012-3456790", description="Luistert naar je vraag.",
                     easy_read="Sam luistert.", opening_hours="dinsdag, 9 tot 12 uur",
                     en={"description": "Listens to your question.", "easy_read": "Sam listens."})
    without = Person(role="meldpunt", name="Meldpunt (fictief)", phone="012-3456791", description="Hier meld je ongewenst gedrag.", easy_read="Meld het hier.")

    class Org:
        contacts = [with_en, without]

    first, second = (help_directory.localise(e, "en") for e in help_directory.organisation_entries(Org))
    assert (first.name, first.description, first.lang) == ("Sam (fictief)", "Listens to your question.", None)
    assert (first.opening_hours, first.hours_lang) == ("dinsdag, 9 tot 12 uur", "nl")  # no English hours: the Dutch ones, marked
    assert (second.description, second.lang) == ("Hier meld je ongewenst gedrag.", "nl")


def test_an_organisation_contact_refuses_unknown_english_keys():
    from pydantic import ValidationError
    from kennisplein.organisation import Person
    with pytest.raises(ValidationError):
        Person(role="meldpunt", name="Meldpunt", phone="012-3456791", description="Hier meld je ongewenst gedrag.", easy_read="Meld het hier.",
               en={"description": "Report unwanted behaviour here.", "easy_read": "Report it here.", "phone": "1"})
