"""The easy-read gate: syllables, sentences, Flesch-Douma, difficult words, abbreviations, report and rules."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisplein import glossary, readability
from kennisplein.content import catalogue, frontmatter, vocabulary

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
THRESHOLDS = readability.load_thresholds(DOCS / "_data" / readability.THRESHOLDS_FILE)

FRONT = "---\ntitle: Test\nlevel: {level}\n---\n"  # 4 lines: the body starts on line 5


@dataclass
class FakePage:
    """What check_page reads from a catalogue Page."""

    document: frontmatter.MarkdownDocument
    level: str = "makkelijk"
    language: str = "nl"

    @property
    def easy_read(self) -> bool:
        return self.level == "makkelijk"


def page(body: str, level: str = "makkelijk", language: str = "nl", path: str = "docs/producten/x/makkelijk.md") -> FakePage:
    return FakePage(frontmatter.parse(FRONT.format(level=level) + body, path), level, language)


def sentence_texts(markdown: str) -> list[str]:
    return [s.text for s in readability.measure(markdown).sentences]


# --- syllables -------------------------------------------------------------------

@pytest.mark.parametrize("word, count", [
    ("seksualiteit", 5),  # sek-su-a-li-teit
    ("intimiteit", 4),  # in-ti-mi-teit: pyphen says 4, and 4 is right (the "5" is a miscount)
    ("makkelijk", 3),  # mak-ke-lijk
    ("seksuoloog", 4),  # sek-su-o-loog
    ("sekstherapie", 4),  # seks-the-ra-pie
    ("je", 1),
    ("idee", 2),  # pyphen gives one piece 'idee'; the vowel-group check adds i-dee
    ("België", 3),  # pyphen gives Bel-gië; the diaeresis adds gi-ë
    ("psycho-educatie", 6),  # psy-cho e-du-ca-tie: each part of a hyphenated word
    ("HSD", 3),  # spelled out: ha-es-de
])
def test_syllables_match_dutch_pronunciation(word, count):
    assert readability.syllables(word) == count


def test_pyphen_undercounts_vowel_pairs_spoken_apart():
    # Documented limit: 'radio' is ra-di-o (3) but 'io' is one vowel group and pyphen does not split it.
    assert readability.syllables("radio") == 2


# --- words and sentences -----------------------------------------------------------

def test_word_tokens_keep_hyphenated_and_accented_words_whole():
    assert readability.words_of("Een cliënt in België doet aan psycho-educatie, 3,5 uur met collega's.") == [
        "Een", "cliënt", "in", "België", "doet", "aan", "psycho-educatie", "3,5", "uur", "met", "collega's",
    ]


def test_sentences_split_on_end_marks_but_not_on_abbreviations_or_decimals():
    text = "Je neemt b.v. een vriend mee. Dat kost 3.5 euro! Kom je ook? Bijv. morgen. Dit betekent: samen zijn."
    assert sentence_texts(text) == [
        "Je neemt b.v. een vriend mee.", "Dat kost 3.5 euro!", "Kom je ook?", "Bijv. morgen.", "Dit betekent:", "samen zijn.",
    ]


def test_a_line_without_end_punctuation_is_its_own_sentence_and_list_items_split():
    text = "Over je lichaam\nOver je gevoel\n\n- Praat met iemand\n- Vraag hulp\n1. Eerste stap\n"
    assert sentence_texts(text) == ["Over je lichaam", "Over je gevoel", "Praat met iemand", "Vraag hulp", "Eerste stap"]


def test_a_hard_wrapped_sentence_continues_on_the_next_line():
    text = "Je kunt helpen om een afspraak te maken,\nals de persoon dat wil.\nJe praat met een seksuoloog over wat je\ndwarszit."
    assert sentence_texts(text) == [
        "Je kunt helpen om een afspraak te maken, als de persoon dat wil.",
        "Je praat met een seksuoloog over wat je dwarszit.",
    ]


def test_markdown_syntax_code_urls_and_html_are_not_read():
    text = (
        "# Kop telt niet als zin\n\n"
        "Lees [de uitleg](../x/index.md) op https://example.org nu.\n"
        "Typ `make check` en <strong>wacht</strong>.\n\n"
        "```\nDit is code die nooit een zin is.\n```\n\n"
        "![een foto](foto.png)\n"
        "Selectie\n:   Niet iedereen is geschikt.\n"
    )
    m = readability.measure(text)
    assert [s.text for s in m.sentences] == ["Lees de uitleg op nu.", "Typ en wacht.", "Selectie", "Niet iedereen is geschikt."]
    assert m.headings == [1]
    assert [s.line for s in m.sentences] == [3, 4, 11, 12]


def test_longest_sentence_is_reported_with_its_body_line():
    m = readability.measure("## Kop\n\nKort.\nDit is een veel langere zin met tien woorden erin.\n")
    assert m.longest == (10, 4)
    assert m.words == 11 and m.mean_words == 5.5


# --- Flesch-Douma ----------------------------------------------------------------

def test_flesch_douma_formula():
    # 206.84 - 0.77 x 150 syllables per 100 words - 0.93 x 10 words per sentence
    assert readability.flesch_douma(words=100, sentences=10, syllable_count=150) == pytest.approx(82.04)
    assert readability.flesch_douma(0, 0, 0) is None


def test_short_simple_text_scores_easy_and_long_complex_text_scores_hard():
    simple = "Je maakt eerst afspraken. Je betaalt voor die tijd. Je mag altijd nee zeggen. Praat met iemand die je vertrouwt."
    complex_ = (
        "Communicatieve vaardigheden en inlevingsvermogen vormen, naast de bereidheid om voortdurend bij te leren, "
        "onmisbare voorwaarden voor professionele seksuele assistentie binnen een zorgvuldig afgebakend wettelijk kader."
    )
    assert readability.measure(simple).flesch_douma >= 80
    assert readability.measure(complex_).flesch_douma < 30


# --- difficult words and abbreviations ----------------------------------------------

def test_rare_word_is_difficult_unless_the_glossary_explains_it():
    text = "Een seksuoloog praat met je. De seksuologen helpen je."
    assert readability.measure(text).difficult_words == ["seksuoloog", "seksuologen"]
    explained = readability.measure(text, {"seksuoloog"})
    assert explained.difficult_words == [] and explained.difficult_ratio == 0


def test_numbers_are_never_difficult():
    assert readability.measure("Bel 0800 of kom om 10:30 uur.").difficult_words == []


def test_abbreviation_is_flagged_unless_the_glossary_explains_it():
    text = "Je kunt naar het HSD gaan. Neem o.a. je pas mee."
    assert readability.measure(text).unexplained_abbreviations == ["HSD", "o.a."]
    assert readability.measure(text, {"hsd", "o.a."}).unexplained_abbreviations == []
    assert readability.measure("# WAT IS HET\n\nJe leest dit.").unexplained_abbreviations == []


def test_unexplained_abbreviation_is_an_error_on_an_easy_read_page():
    _, problems = readability.check_page(page("Ga naar het HSD.\n"), THRESHOLDS, set())
    assert [(p.line, p.severity) for p in problems] == [(5, "error")]
    assert "'HSD'" in problems[0].message and "max 0" in problems[0].message


# --- report and rules ----------------------------------------------------------------

def test_report_line_has_the_agreed_shape():
    # 9 words, 2 sentences, 12 syllables: 206.84 - 0.77 x 133.3 - 0.93 x 4.5 = 100.0
    body = "# Kop\n\nJe maakt eerst afspraken.\nJe betaalt voor die tijd.\n"
    line, problems = readability.check_page(page(body), THRESHOLDS, set())
    assert line == (
        "docs/producten/x/makkelijk.md: mean words/sentence 4.5 (max 10) · longest sentence 5 (max 15) · "
        "Flesch-Douma 100 (min 80) · difficult words 0.0% (max 4%)"
    )
    assert problems == []


def test_long_sentence_fails_easy_read_with_file_line_and_first_words():
    body = "# Kop\n\nKort.\n" + "Dit is een zin die veel te lang is omdat er steeds nog meer woorden achter elkaar komen te staan.\n"
    _, problems = readability.check_page(page(body), THRESHOLDS, set())
    long = [p for p in problems if "sentence too long" in p.message]
    assert len(long) == 1
    assert long[0].severity == "error"
    assert long[0].line == 8  # body line 4 + body_start_line 5 - 1
    assert "20 words (max 15)" in long[0].message
    assert '"Dit is een zin die veel te lang …"' in long[0].message


def test_standard_page_uses_looser_limits_and_only_warns():
    sentence = "Dit is een zin die veel te lang is omdat er steeds nog meer woorden achter elkaar komen te staan."
    line, problems = readability.check_page(page(f"# Kop\n\n{sentence}\n", level="standaard", path="docs/producten/x/index.md"), THRESHOLDS, set())
    assert "mean words/sentence 20.0 (max 15)" in line and "(min 60)" in line
    assert problems and all(p.severity == "warning" for p in problems)
    assert any(p.message.startswith("mean words/sentence 20.0 (max 15)") for p in problems)


def test_formal_u_is_a_warning_on_an_easy_read_page():
    _, problems = readability.check_page(page("# Kop\n\nU mag altijd nee zeggen.\nDat is uw keuze.\n"), THRESHOLDS, set())
    assert [(p.line, p.severity) for p in problems] == [(7, "warning"), (8, "warning")]
    assert all("'je'" in p.message for p in problems)
    _, none = readability.check_page(page("# Kop\n\nJe mag altijd nee zeggen.\n"), THRESHOLDS, set())
    assert none == []


def test_passive_voice_and_missing_headings_are_warnings():
    body = "# Kop\n\nVooraf wordt samen bekeken wat je wil.\n" + "".join(f"Zin nummer {n}.\n" for n in range(2, 10))
    _, problems = readability.check_page(page(body), THRESHOLDS, set())
    assert all(p.severity == "warning" for p in problems)
    assert [p.line for p in problems if "passive" in p.message] == [7]
    assert [p.line for p in problems if "without a heading" in p.message] == [15]


def test_page_not_in_dutch_skips_the_dutch_measures():
    """Without the English gate (readability.yml's ``english`` section; tests/unit/test_readability_english.py)."""
    body = "# Heading\n\nYou may always say no. Please ask your doctor about a referral.\n"
    without_english = THRESHOLDS.model_copy(update={"english": None})
    line, problems = readability.check_page(page(body, language="en", path="docs/producten/x/makkelijk.en.md"), without_english, set())
    assert "Flesch-Douma not measured (not Dutch)" in line and "difficult words not measured (not Dutch)" in line
    assert problems == []


# --- thresholds file ----------------------------------------------------------------

def test_thresholds_file_holds_the_agreed_limits():
    assert THRESHOLDS.difficult_below_zipf == 3.0
    easy, standard = THRESHOLDS.makkelijk, THRESHOLDS.standaard
    assert (easy.max_mean_words, easy.max_sentence_words, easy.min_flesch_douma, easy.max_difficult_percent) == (10, 15, 80, 4)
    assert easy.max_unexplained_abbreviations == 0
    assert (standard.max_mean_words, standard.min_flesch_douma) == (15, 60)


def test_unknown_key_in_thresholds_is_a_located_error(tmp_path):
    text = (DOCS / "_data" / readability.THRESHOLDS_FILE).read_text(encoding="utf-8")
    bad = tmp_path / "readability.yml"
    bad.write_text(text.replace("  max_mean_words: 10 ", "  max_mean_wrds: 10 "), encoding="utf-8")
    with pytest.raises(readability.ThresholdsError) as caught:
        readability.load_thresholds(bad, "docs/_data/readability.yml")
    messages = [str(p) for p in caught.value.problems]
    assert any("unknown key 'makkelijk.max_mean_wrds'" in m for m in messages)
    assert any("missing key 'makkelijk.max_mean_words'" in m for m in messages)
    assert all(m.startswith("docs/_data/readability.yml:") for m in messages)


# --- robustness and the real content -------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_measure_never_fails_on_any_text(text):
    m = readability.measure(text)
    assert 0 <= m.difficult_ratio <= 1
    assert m.longest[0] <= m.words
    assert all(s.words for s in m.sentences)


def _real_catalogue():
    return catalogue.load(DOCS, vocabulary.load(DOCS / "_data" / "vocabulary.yml"))


def test_every_product_page_gets_a_report_line():
    loaded = _real_catalogue()
    lines, _ = readability.check_catalogue(loaded, THRESHOLDS, set())
    pages = [p.document.path for product in loaded.products for p in product.versions.values()]
    pages += [p.document.path for p in loaded.site_pages if p.easy_read]  # easy-read site pages: each language's gate
    assert [line.split(": ", 1)[0] for line in lines] == sorted(pages)


EASY_PAGES = sorted(DOCS.glob("producten/*/makkelijk.md"))


@pytest.mark.parametrize("path", EASY_PAGES, ids=[p.parent.name for p in EASY_PAGES])
def test_real_easy_read_pages_pass(path):
    if not (DOCS / "_data" / glossary.GLOSSARY_FILE).exists():
        pytest.skip("docs/_data/glossary.yml does not exist yet: words such as 'seksuoloog' are explained there")
    terms, glossary_problems = glossary.load(DOCS / "_data")
    assert glossary_problems == []
    loaded = _real_catalogue()
    src = path.relative_to(DOCS).as_posix()
    _, easy_page = loaded.product_for(src)
    report, problems = readability.check_page(easy_page, THRESHOLDS, terms.words())
    assert [str(p) for p in problems if p.is_error] == [], report
