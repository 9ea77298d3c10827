"""The search's text analysis: tokenizer, trimmer, stop words, accent folding and stemmers.

The same pipeline runs in the browser (search-pipeline.js, lunr.nl.js); the
browser parity test checks the two agree. These tests pin what the Python side does.
"""
from __future__ import annotations

import pytest
import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token
from stop_words import get_stop_words

from kennisplein.search import analysis


def test_tokenizer_keeps_accented_letters_and_digits():
    assert analysis.tokenize("Eén cliënt, reïntegratie in 2023!") == ["eén", "cliënt", "reïntegratie", "in", "2023"]


def test_tokenizer_splits_on_query_syntax_and_punctuation():
    assert analysis.tokenize('se*ks~2 +grens -nee title:foo ^3 "quoted"') == ["se", "ks", "2", "grens", "nee", "title", "foo", "3", "quoted"]


def test_tokenizer_normalises_decomposed_accents():
    decomposed = "e\u0301e\u0301n"  # é as e + combining acute
    assert analysis.tokenize(decomposed) == ["één"]


def test_trimmer_keeps_accents_and_digits_strips_punctuation():
    assert analysis.trim("«één»") == "één"
    assert analysis.trim("(2023).") == "2023"
    assert analysis.trim("...") == ""


def test_trimmer_in_lunr_pipeline_keeps_e_acute():
    # lunr's default trimmer in the browser (/^\W+/) would cut "é"; ours must not.
    trimmer = Pipeline.registered_functions[analysis.TRIMMER]
    assert str(trimmer(Token("één,"))) == "één"


def test_stop_words_come_from_the_stop_words_package():
    assert analysis.stop_words("nl") == frozenset(get_stop_words("dutch")) | set(analysis.QUESTION_WORDS["nl"])
    assert analysis.analyse_word("de", "nl") is None
    assert analysis.analyse_word("Het", "nl") is None


def test_accented_word_is_not_taken_for_its_stop_word():
    # "een" is a stop word, "één" (one) is not: stop words are checked before folding.
    assert analysis.analyse_word("één", "nl") == "een"
    assert analysis.analyse_word("een", "nl") is None


@pytest.mark.parametrize("word", ["cliënten", "clienten", "Cliënten"])
def test_accents_fold_so_both_spellings_meet(word):
    assert analysis.analyse_word(word, "nl") == "client"


def test_dutch_stemmer_is_snowball_dutch_porter():
    porter = snowballstemmer.stemmer("dutch_porter")
    for word in ["grenzen", "begeleider", "seksualiteit", "vriendinnen", "reïntegratie", "naasten"]:
        assert analysis.stem(analysis.fold(word), "nl") == porter.stemWord(analysis.fold(word))
    assert analysis.analyse_word("grenzen", "nl") == "grenz"
    assert analysis.analyse_word("begeleider", "nl") == "begeleider"  # snowball 3's newer "dutch" makes it "beleider"


def test_digits_survive_the_pipeline():
    assert analysis.analyse_word("2023", "nl") == "2023"


@pytest.mark.parametrize(("word", "stem"), [("try", "tri"), ("play", "play"), ("way", "way"), ("relatives", "rel"), ("boundaries", "boundari")])
def test_english_stemmer_follows_lunr_js_for_final_y(word, stem):
    assert analysis.stem(word, "en") == stem


def test_pipeline_labels_name_functions_the_browser_registers():
    assert analysis.pipeline_labels("nl") == ["kp-trimmer", "kp-stopwords-nl", "kp-fold", "stemmer-nl"]
    assert analysis.pipeline_labels("en") == ["kp-trimmer", "kp-stopwords-en", "kp-fold", "stemmer-en"]
    for label in analysis.pipeline_labels("nl") + analysis.pipeline_labels("en"):
        assert Pipeline.registered_functions[label].label == label


def test_lunr_pipeline_and_analyse_agree():
    pipeline = Pipeline.load(analysis.pipeline_labels("nl"))
    text = "De cliënten van één begeleider spraken in 2023 over hun grenzen."
    tokens = [Token(w) for w in analysis.tokenize(text)]
    assert [str(t) for t in pipeline.run(tokens)] == analysis.analyse(text, "nl")


def test_overlong_words_are_cut():
    assert len(analysis.tokenize("a" * 5000)[0]) == analysis.MAX_TOKEN
