"""The synonym file: valid as shipped, located errors when broken, analysed like the index."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplein.search import synonyms

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_synonyms_file_is_valid_and_has_the_issue_groups():
    groups = synonyms.analysed_groups(synonyms.read(ROOT / "docs" / "_data"), "nl")
    flat = [sorted(map(tuple, g)) for g in groups]

    def together(*words):
        wanted = [tuple(__import__("kennisplein.search.analysis", fromlist=["x"]).analyse(w, "nl")) for w in words]
        return any(all(w in group for w in wanted) for group in flat)

    assert together("seks", "seksualiteit", "vrijen", "intiem")
    assert together("grens", "nee zeggen")
    assert together("hulpverlener", "begeleider", "zorgprofessional")


def test_missing_file_means_no_synonyms(tmp_path):
    assert synonyms.read(tmp_path) == synonyms.SynonymsFile()


def test_broken_file_is_reported_with_its_line(tmp_path):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "synonyms.yml").write_text("nl:\n  - [seks, vrijen]\n  - oops: 1\n", encoding="utf-8")
    with pytest.raises(synonyms.SynonymsError) as caught:
        synonyms.read(data)
    problem = caught.value.problems[0]
    assert problem.path.endswith("synonyms.yml") and problem.line == 3


def test_unknown_key_is_refused(tmp_path):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "synonyms.yml").write_text("de:\n  - [a, b]\n", encoding="utf-8")
    with pytest.raises(synonyms.SynonymsError, match="unknown key 'de'"):
        synonyms.read(data)


def test_groups_are_analysed_and_stop_word_phrases_kept_as_typed():
    model = synonyms.SynonymsFile(nl=[["Grenzen", "nee zeggen", "Wil ik niet"], ["alleen"]], en=[["sex", "sexuality"]])
    assert synonyms.analysed_groups(model, "nl") == [[["grenz"], ["nee", "zegg"], ["=wil ik niet"]]]
    assert len(synonyms.analysed_groups(model, "en")) == 2  # the English site uses both lists
    only_stop_words = synonyms.SynonymsFile(nl=[["wil ik niet", "dat mag niet"]])
    assert synonyms.analysed_groups(only_stop_words, "nl") == []  # a group needs a word to search for


def test_a_phrase_of_stop_words_matches_the_query_as_typed_and_stands_for_no_word():
    from kennisplein.search import query

    groups = [[["grenz"], ["=wil ik niet"]]]
    assert query.clauses("iemand raakt me aan en dat wil ik niet", "nl", groups)[-1] == {
        "term": "grenz", "boost": query.SETTINGS.synonym_boost, "of": []}
    assert not any(c["term"] == "grenz" for c in query.clauses("ik wil niet praten", "nl", groups))
    assert not any(c["term"].startswith("=") for c in query.clauses("wil ik niet", "nl", groups))
    assert query.synonym_words(groups) == {"grenz": {"grenz"}}
