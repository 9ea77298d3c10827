"""The English easy-read gate: the Dutch gate's structure with Flesch reading ease, English
syllables (CMU Pronouncing Dictionary) and wordfreq's English list; enforced as in Dutch since
readability.yml says ``english.enforce: true`` (with false, it only reports)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kennisplein import readability
from kennisplein.content import catalogue, frontmatter, vocabulary
from kennisplein.readability import words

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
THRESHOLDS = readability.load_thresholds(DOCS / "_data" / readability.THRESHOLDS_FILE)
ENFORCED = THRESHOLDS.model_copy(update={"english": THRESHOLDS.english.model_copy(update={"enforce": True})})
REPORT_ONLY = THRESHOLDS.model_copy(update={"english": THRESHOLDS.english.model_copy(update={"enforce": False})})
FRONT = "---\ntitle: Test\nlevel: {level}\n---\n"  # the body starts on line 5
EASY = "# Saying no\n\nYou may always say no. Your body is yours. Tell someone you trust.\n"
HARD = ("# Considerations\n\nNotwithstanding considerable organisational heterogeneity, professionals collaboratively "
        "operationalise comprehensive relationship education for residents in every residential setting across the whole country.\n")


@dataclass
class FakePage:
    document: frontmatter.MarkdownDocument
    level: str = "makkelijk"
    language: str = "en"

    @property
    def easy_read(self) -> bool:
        return self.level == "makkelijk"


def page(body: str, level: str = "makkelijk", language: str = "en") -> FakePage:
    return FakePage(frontmatter.parse(FRONT.format(level=level) + body, "docs/x/makkelijk.en.md"), level, language)


@pytest.mark.parametrize("word, count", [
    ("every", 3), ("people", 2), ("relationship", 4), ("you", 1), ("don't", 1), ("self-esteem", 3),
    ("WHO", 3),  # an abbreviation is spelled out, as in Dutch
    ("12", 2),  # a number: one syllable a digit, as in Dutch
])
def test_english_syllables(word, count):
    assert words.english_syllables(word) == count


def test_a_word_the_dictionary_does_not_list_falls_back_to_pyphen():
    assert words.english_syllables("kennisplein") >= 2


def test_flesch_reading_ease_formula():
    assert readability.scores.flesch_reading_ease(100, 10, 130) == pytest.approx(206.835 - 1.015 * 10 - 84.6 * 1.3)
    assert readability.scores.flesch_reading_ease(0, 0, 0) is None


def test_english_measure_uses_english_syllables_and_word_frequencies():
    easy, hard = readability.measure(EASY, language="en"), readability.measure(HARD, language="en")
    assert easy.flesch_douma is None and easy.flesch_reading_ease > 80 and easy.difficult_words == []
    assert hard.flesch_reading_ease < 30
    assert {"heterogeneity", "operationalise"} <= set(hard.difficult_words)
    assert "intervisie" in readability.measure("We use intervisie here.", language="en").difficult_words  # Dutch, rare in English


def test_thresholds_file_holds_the_english_limits_and_enforces_them():
    english = THRESHOLDS.english
    assert english.enforce is True and english.difficult_below_zipf == 3.0
    limits = english.makkelijk
    assert (limits.max_mean_words, limits.max_sentence_words, limits.min_flesch_reading_ease, limits.max_difficult_percent) == (10, 15, 80, 4)


def test_an_easy_english_page_passes_with_a_report_line():
    line, problems = readability.check_page(page(EASY), REPORT_ONLY, set())
    assert problems == []
    assert "Flesch reading ease" in line and "Flesch-Douma" not in line and "(English gate not enforced yet)" in line


def test_a_hard_english_page_is_reported_as_warnings_while_not_enforced():
    _, problems = readability.check_page(page(HARD), REPORT_ONLY, set())
    messages = [p.message for p in problems]
    assert problems and all(p.severity == "warning" for p in problems)
    assert any(m.startswith("sentence too long: 20 words (max 15)") for m in messages)
    assert any(m.startswith("Flesch reading ease ") for m in messages)
    assert any(m.startswith("difficult words ") for m in messages)
    assert all(m.endswith(readability.gate.NOT_ENFORCED) for m in messages)
    assert [p.line for p in problems if "too long" in p.message] == [7]


def test_a_hard_english_page_fails_once_enforced():
    _, problems = readability.check_page(page(HARD), ENFORCED, set())
    assert {p.severity for p in problems} == {"error"}
    assert not any(readability.gate.NOT_ENFORCED in p.message for p in problems)


def test_no_dutch_style_rules_in_english_and_standard_english_pages_are_not_gated():
    _, problems = readability.check_page(page("# Help\n\nThe form is sent by us. You can call us.\n"), ENFORCED, set())
    assert not any("passive" in p.message or "'u'" in p.message for p in problems)
    line, _ = readability.check_page(page(HARD, level="standaard"), ENFORCED, set())
    assert "Flesch-Douma not measured (not Dutch)" in line


def test_easy_read_site_pages_are_measured_in_both_languages_standard_ones_not():
    loaded = catalogue.load(DOCS, vocabulary.load(DOCS / "_data" / "vocabulary.yml"))
    lines, _ = readability.check_catalogue(loaded, THRESHOLDS, set())
    measured = {line.split(": ", 1)[0] for line in lines}
    site = {p.document.path: p for p in loaded.site_pages}
    assert {path for path, p in site.items() if p.easy_read} <= measured
    assert {path for path, p in site.items() if p.language == "nl" and p.easy_read}, "the test would prove nothing"
    assert not {path for path, p in site.items() if not p.easy_read} & measured
    dutch_line = next(line for line in lines if line.startswith("docs/privacy-makkelijk.md"))
    assert "Flesch-Douma" in dutch_line, "a Dutch site page is measured by the Dutch gate"
