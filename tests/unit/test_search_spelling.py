"""Spelling tolerance, best bets and the grouped ranking of ``query.find``, on a few made-up pages."""
from __future__ import annotations

import pytest

from kennisplein.search import best_bets, index, query, spelling
from kennisplein.search.best_bets import BestBetsError
from kennisplein.search.documents import SearchDocument


def _doc(url, title, summary, level="standaard", group="", kind="kennisproduct", body="", src=""):
    return SearchDocument(url, title, summary, level, ["naasten"], [], "handreiking", "nl", "nl", body=body, group=group, kind=kind, src=src)


DOCS = [
    _doc("p/seksuoloog/", "Wat doet een seksuoloog?", "Een seksuoloog helpt bij vragen over seks.", group="p/seksuoloog", src="p/seksuoloog/index.md"),
    _doc("p/seksuoloog/makkelijk/", "Wat doet een seksuoloog?", "Een seksuoloog helpt je.", "makkelijk", "p/seksuoloog", src="p/seksuoloog/makkelijk.md"),
    _doc("p/sekswerk/", "Hulp aan sekswerkers", "Sekswerkers met een beperking krijgen hulp.", group="p/sekswerk"),
    _doc("hulp/", "Bij wie kun je terecht?", "Mensen om mee te praten.", group="hulp", kind="hulp", src="hulp/index.md",
         body="Bel de vertrouwenspersoon of de huisarts over seksueel misbruik."),
    _doc("hulp/makkelijk/", "Bij wie kun je terecht?", "Mensen om mee te praten.", "makkelijk", "hulp", "hulp", src="hulp/makkelijk.md"),
]


@pytest.fixture(scope="module")
def built():
    lunr_index = index.build(DOCS, "nl")
    instant, _ = index.payloads(DOCS, "nl", [], [], [{"terms": ["bell"], "group": "hulp"}])
    speller = spelling.Speller(index.words_payload(DOCS, "nl")["words"])
    return lunr_index, instant, speller


@pytest.mark.parametrize("typed, expected", [
    ("sexuoloog", "seksuoloog"), ("seksuloog", "seksuoloog"), ("seksuooloog", "seksuoloog"),
    ("vertrouwenspersoom", "vertrouwenspersoon"), ("hulb", "hulp"), ("huissarts", "huisarts"),
])
def test_slips_become_the_nearest_word(built, typed, expected):
    assert [row[0] for row in built[2].correct(typed)] == [expected]


def test_missing_space_in_a_compound_splits(built):
    assert [row[0] for row in built[2].correct("seksueelmisbruik")] == ["seksueel", "misbruik"]


def test_short_and_unknown_words_are_left_alone(built):
    assert built[2].correct("xyz") == [] and built[2].correct("olifantenpoot") == []


def test_dutch_slips_share_a_key():
    assert spelling.key("sexueel") == spelling.key("seksueel")
    assert spelling.key("blijft") == spelling.key("bleift")
    assert spelling.key("hij wordt") == spelling.key("hij word")
    assert spelling.key("kontakt") == spelling.key("contact")


def test_whole_word_above_prefix_and_versions_as_one_result(built):
    lunr_index, instant, speller = built
    found = query.find(lunr_index, "seks", "nl", instant, speller)
    urls = [[DOCS[r].url for r in item["refs"]] for item in found["results"]]
    assert urls[0] == ["p/seksuoloog/", "p/seksuoloog/makkelijk/"]
    easy = query.find(lunr_index, "seksuoloog", "nl", instant, speller, prefer="makkelijk")
    assert [DOCS[r].url for r in easy["results"][0]["refs"]] == ["p/seksuoloog/makkelijk/", "p/seksuoloog/"]


def test_correction_is_reported_and_can_be_turned_off(built):
    lunr_index, instant, speller = built
    found = query.find(lunr_index, "sexuoloog", "nl", instant, speller)
    assert found["corrected"] and found["words"] == ["seksuoloog"] and found["results"]
    assert query.find(lunr_index, "sexuoloog", "nl", instant, speller, exact=True)["results"] == []


def test_best_bet_first_with_a_mark_only_for_a_short_query(built):
    lunr_index, instant, speller = built
    found = query.find(lunr_index, "wie kan ik bellen", "nl", instant, speller)
    assert found["results"][0]["best_bet"] and DOCS[found["results"][0]["refs"][0]].url == "hulp/"
    long = query.find(lunr_index, "bellen seksuoloog hulp sekswerkers vertrouwenspersoon", "nl", instant, speller)
    assert not any(item["best_bet"] for item in long["results"])


def test_best_bet_on_a_page_that_is_not_indexed_is_an_error():
    bets = best_bets.BestBetsFile(nl=[best_bets.BestBet(words=["bellen"], page="nergens.md")])
    with pytest.raises(BestBetsError, match="nergens.md"):
        best_bets.analysed(bets, "nl", {"hulp/index.md": "hulp"})


def test_best_bets_file_problems_are_located(tmp_path):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "best_bets.yml").write_text("nl:\n  - words: [bellen]\n    pagina: hulp/index.md\n", encoding="utf-8")
    with pytest.raises(BestBetsError) as caught:
        best_bets.read(data)
    assert "best_bets.yml" in str(caught.value)


def test_region_facet_counts_pages_for_both_regions_under_each():
    from kennisplein import project
    from kennisplein.search import facets
    from pathlib import Path

    loaded = project.load(Path(__file__).resolve().parents[2] / "docs", with_readability=False)
    region = next(f for f in facets.facets(loaded.vocabulary, loaded.ui["nl"], "nl") if f["param"] == "regio")
    assert set(region["values"]) == {"nl", "vlaanderen"}
    assert region["also"] == {"algemeen": ["nl", "vlaanderen"]}


def test_evaluation_counts_either_version_and_the_first_three():
    from kennisplein.search import evaluation

    item = {"query": "x", "expect": ["producten/a/"]}
    assert evaluation.score(item, [(["b/"], "B"), (["producten/a/makkelijk/", "producten/a/"], "A")]).rank == 2
    assert evaluation.score({"query": "x", "expect_title": ["grenzen"]}, [(["c/"], "Grenzen aangeven")]).rank == 1
    report = evaluation.Report([evaluation.score(item, [([f"{i}/"], "") for i in range(3)] + [(["producten/a/"], "")])])
    assert report.success == 0 and report.mrr == 0.25


def test_kind_words_steer_the_ranking_instead_of_being_searched():
    assert query.steer([("filmpje", "filmpj"), ("grenzen", "grenz")], {"filmpj": "video"}) == ([("grenzen", "grenz")], {"video"})
    assert query.steer([("video", "video")], {"video": "video"}) == ([("video", "video")], {"video"})
    bets = best_bets.BestBetsFile(kinds={"video": ["filmpje", "video"]})
    assert set(best_bets.kind_words(bets, "nl").values()) == {"video"}
    with pytest.raises(Exception):
        best_bets.BestBetsFile(kinds={"filmpjes": ["video"]})


def test_a_stop_word_can_name_a_kind_without_being_searched():
    bets = best_bets.BestBetsFile(kinds={"hulp": ["wie"]})
    words = best_bets.kind_words(bets, "nl")
    assert words == {"wie": "hulp"}
    assert query.asked_kinds("Met wie kan ik praten?", "nl", words) == {"hulp"}
    assert query.asked_kinds("praten met mijn zoon", "nl", words) == set()
    assert query.terms("met wie kan ik praten", "nl") == [("praten", "prat")]


def test_a_word_the_synonyms_name_is_corrected_only_within_its_group():
    groups = [[["zoen"], ["kuss"]], [["seksualiteit"], ["sexualiteit"]]]
    known = query.synonym_words(groups)
    assert known["zoen"] == {"zoen", "kuss"}

    class Speller:
        terms: set = set()

        def correct(self, word):
            return {"zoenen": [("zoeken", "zoek")], "sexualiteit": [("seksualiteit", "seksualiteit")]}.get(word, [])

    vocabulary = type("V", (), {"known": set(), "has_prefix": lambda self, t: False})()
    assert query.correct([("zoenen", "zoen")], Speller(), vocabulary, False, known) == ([("zoenen", "zoen")], False)
    assert query.correct([("zoenen", "zoen")], Speller(), vocabulary, False) == ([("zoeken", "zoek")], True)
    assert query.correct([("sexualiteit", "sexualiteit")], Speller(), vocabulary, False, known) == (
        [("seksualiteit", "seksualiteit")], True)


RANKED = [
    _doc("p/praten/", "Praten over seksualiteit", "Seksualiteit en grenzen bespreken met je naaste, met voorbeelden over seksualiteit.",
         group="p/praten", body="Seksualiteit hoort bij het leven. Seksualiteit is meer dan seks."),
    _doc("begrippen/#seksualiteit", "Seksualiteit", "Alles over seks en je lichaam.", group="begrippen/#seksualiteit", kind="begrip"),
    _doc("videos/grenzen/", "Jouw grenzen", "Een filmpje over grenzen en nee zeggen.", group="videos/grenzen", kind="video"),
    _doc("p/grenzen/", "Grenzen aangeven en respecteren", "Grenzen, grenzen aangeven en de grenzen van een ander.", group="p/grenzen",
         body="Grenzen zijn voor iedereen anders. Over grenzen praten helpt."),
]


@pytest.fixture(scope="module")
def ranked():
    instant, _ = index.payloads(RANKED, "nl", [], [])
    instant["kindWords"] = {"filmpj": "video"}
    return index.build(RANKED, "nl"), instant


def _top(found):
    return RANKED[found["results"][0]["refs"][0]].url


def test_a_query_that_is_a_terms_title_puts_that_term_first(ranked):
    lunr_index, instant = ranked
    assert _top(query.find(lunr_index, "seksualiteit", "nl", instant)) == "begrippen/#seksualiteit"
    plain = query.find(lunr_index, "seksualiteit", "nl", instant, settings=query.Settings(title_match_boost=1))
    assert _top(plain) == "p/praten/", "without the title boost the longer product wins: the test would prove nothing"


def test_a_video_title_is_not_boosted(ranked):
    lunr_index, instant = ranked

    def video_score(settings):
        found = query.find(lunr_index, "grenzen", "nl", instant, settings=settings)
        return next(r["score"] for r in found["results"] if RANKED[r["refs"][0]].url == "videos/grenzen/")

    assert video_score(query.SETTINGS) == video_score(query.Settings(title_match_boost=1))
    assert video_score(query.Settings(title_match_kinds=("video",))) == 3 * video_score(query.SETTINGS)


def test_a_word_that_names_a_kind_puts_that_kind_first(ranked):
    lunr_index, instant = ranked
    assert _top(query.find(lunr_index, "filmpje grenzen", "nl", instant)) == "videos/grenzen/"


def test_a_hint_word_is_searched_and_raises_its_kind_a_little(built):
    """'organisaties' stays a search word (unlike 'video'), and the help directory ranks higher (x kind_boost)."""
    lunr_index, instant, speller = built
    hints = best_bets.hint_words(best_bets.BestBetsFile(hints={"hulp": ["organisaties"]}), "nl")
    assert hints and set(hints.values()) == {"hulp"}

    def help_score(context):
        found = query.find(lunr_index, "organisaties misbruik", "nl", context)
        assert found["words"] == ["organisaties", "misbruik"]
        return next(r["score"] for r in found["results"] if DOCS[r["refs"][0]].url == "hulp/")

    assert help_score({**instant, "hintWords": hints}) == pytest.approx(query.SETTINGS.kind_boost * help_score(instant))
