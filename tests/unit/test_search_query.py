"""What a typed query becomes: terms, synonyms, clauses; safe with any input."""
from __future__ import annotations


import pytest

from kennisplein.search import analysis, query

GREN, GRENZ = analysis.analyse_word("grens", "nl"), analysis.analyse_word("grenzen", "nl")  # "gren", "grenz": Snowball keeps them apart
GROUPS = [[[GREN], ["nee", "zegg"]], [["hulpverlener"], ["begeleider"], ["zorgprofessional"]]]


def test_terms_drop_stop_words_and_duplicates():
    assert query.terms("de grenzen van de grenzen en de grens", "nl") == [("grenzen", GRENZ), ("grens", GREN)]


def test_terms_are_capped():
    text = " ".join(f"woord{i}" for i in range(50))
    assert len(query.terms(text, "nl")) == query.SETTINGS.max_terms


def test_synonyms_work_both_ways_and_need_the_whole_phrase():
    assert query.synonyms([GREN], GROUPS) == ["nee", "zegg"]
    assert query.synonyms(["nee", "zegg"], GROUPS) == [GREN]
    assert query.synonyms(["zegg", "nee"], GROUPS) == []  # a phrase matches in its own order only
    assert query.synonyms(["begeleider"], GROUPS) == ["hulpverlener", "zorgprofessional"]


def test_clauses_prefix_only_the_last_word_and_below_a_whole_word():
    clauses = query.clauses("hulp seksu", "nl", [])
    assert {"term": "hulp", "boost": 10, "of": [0]} in clauses
    assert not any(c.get("prefix") and c["term"] == "hulp" for c in clauses)
    assert {"term": "seksu", "boost": 1, "prefix": True, "of": [1]} in clauses
    assert not any(c.get("fuzzy") for c in clauses)  # slips are corrected from the lexicon instead


def test_synonym_clauses_have_their_own_boost_and_stand_for_their_word():
    clauses = query.clauses("grens", "nl", GROUPS)
    boost = query.SETTINGS.synonym_boost
    assert {"term": "nee", "boost": boost, "of": [0]} in clauses and {"term": "zegg", "boost": boost, "of": [0]} in clauses


def test_question_words_never_carry_a_query():
    assert query.terms("wie kan ik bellen", "nl") == [("bellen", analysis.analyse_word("bellen", "nl"))]
    assert query.terms("mag mijn zoon een vriendin", "nl")[0][0] == "zoon"
    assert query.terms("waar kun je terecht?", "nl") == [("terecht", analysis.analyse_word("terecht", "nl"))]


@pytest.mark.parametrize("text", ["", "   ", "de het een", "***", "~^:+-", '"""', "*:*", "title:grens^10", "grens~2", "-", "\u0000"])
def test_odd_queries_give_clauses_without_syntax(text):
    for clause in query.clauses(text, "nl", GROUPS):
        assert clause["term"].isalnum()


def test_long_query_is_cut(tiny_index):
    """A pasted page is cut to max_chars and max_terms before it is searched (no timing here: see make bench)."""
    text = ("grenzen aangeven " * 200)[:2000] + "*" * 500
    assert len(query.terms(text, "nl")) <= query.SETTINGS.max_terms
    assert len({c["term"] for c in query.clauses(text, "nl", GROUPS)}) <= 4 * query.SETTINGS.max_terms
    assert query.search(tiny_index, text, "nl", GROUPS)


@pytest.fixture
def tiny_index():
    from kennisplein.search import index
    from kennisplein.search.documents import SearchDocument

    doc = SearchDocument("x/", "Grenzen aangeven", "Nee zeggen mag.", "standaard", ["naasten"], ["grenzen"], "handreiking", "nl", "nl")
    return index.build([doc], "nl")
