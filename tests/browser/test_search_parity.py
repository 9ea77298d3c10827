"""The browser finds what the build-time code finds: lunr.js with our JavaScript pipeline
against lunr.py with the Python one, on the same built index files.

Two checks: every word of the content becomes the same index term on both sides
(this is where lunr-languages' stemmer meets snowballstemmer), and 30 queries
give the same ranked top results with the same scores.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplein.search import analysis, evaluation, index, query
from searching import wait_for_full_index  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SPECIAL = ["één", "reïntegratie", "cliënten", "2023", "seksu", "nee zeggen", "grens", "sex work", "privasy", "se* ~2 ^3 +x -y :"]


def queries() -> list[str]:
    from_file = [q["query"] for q in evaluation.load_queries(ROOT / "tests" / "search" / "queries.yml")]
    return (SPECIAL + from_file)[:30]


def words() -> list[str]:
    found: set[str] = set()
    for path in list((ROOT / "docs").rglob("*.md")) + list((ROOT / "docs" / "_data").rglob("*.yml")):
        found.update(analysis.tokenize(path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.fixture
def engine(page, base_url):
    def load(language: str):
        page.goto(base_url + ("zoeken/" if language == "nl" else "en/zoeken/"))
        wait_for_full_index(page)
        return page
    return load


def python_side(site_dir: Path, language: str):
    folder = site_dir / ("search" if language == "nl" else "en/search")
    instant = index.read(folder / index.file_names(language)[0])
    full = index.load(index.read(folder / index.file_names(language)[1]))
    return instant, full


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_content_word_becomes_the_same_term(engine, site_dir, language):
    page = engine(language)
    vocabulary = words()
    js = page.evaluate("async (words) => { const e = await kpSearch.load(); return words.map(w => e.term(w)); }", vocabulary)
    py = [analysis.analyse_word(w, language) or "" for w in vocabulary]
    differ = [(w, a, b) for w, a, b in zip(vocabulary, py, js) if a != b]
    assert len(vocabulary) > 1000
    assert differ == [], f"{len(differ)} of {len(vocabulary)} words differ: {differ[:20]}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_same_queries_same_top_results(engine, site_dir, language):
    page = engine(language)
    instant, full = python_side(site_dir, language)
    texts = queries()
    assert len(texts) == 30
    js = page.evaluate(
        "async (texts) => { const e = await kpSearch.load();"
        " return texts.map(t => ({clauses: e.clauses(t), top: e.search(t).slice(0, 10).map(r => [r.ref, r.score])})); }",
        texts,
    )
    for text, browser in zip(texts, js):
        assert browser["clauses"] == query.clauses(text, language, instant["synonyms"]), text
        python = query.search(full, text, language, instant["synonyms"])[:10]
        assert [ref for ref, _ in python] == [ref for ref, _ in browser["top"]], text
        for (_, a), (_, b) in zip(python, browser["top"]):
            assert a == pytest.approx(b, abs=1e-6), text


SLIPS = ["sexuoloog", "seksuloog", "vertrouwenspersoom", "seksueelmisbruik", "kondoom", "beleitsvisie", "grensoverschreidend",
         "privasy", "pleegers", "klachtenfunktionaris", "sexualiteit", "anticonseptie", "xyz", "olifantenpoot", "kinderwench"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_same_corrections_and_same_grouped_results(engine, site_dir, language):
    """spelling.py and query.find against their browser twins: the same corrections, the same results in
    the same order, the same best bets, for the slips above and every query of the relevance set."""
    from kennisplein.search import spelling

    page = engine(language)
    folder = site_dir / ("search" if language == "nl" else "en/search")
    instant = index.read(folder / index.file_names(language)[0])
    full = index.load(index.read(folder / index.file_names(language)[1]))
    speller = spelling.Speller(index.read(folder / index.words_file_name(language))["words"])
    page.evaluate("kpSearch.loadWords()")
    page.wait_for_function("window.__kpTestEngine.speller !== null")
    texts = SLIPS + [q["query"] for q in evaluation.load_queries(ROOT / "tests" / "search" / "queries.yml")]
    js = page.evaluate(
        "(texts) => { const e = window.__kpTestEngine; return texts.map(t => ({"
        " fixes: e.speller.correct(t).map(r => r[0]),"
        " found: [false, true].map(typing => { const f = e.find(t, {typing: typing}); return {words: f.words, corrected: f.corrected,"
        "   results: f.results.slice(0, 10).map(r => [r.refs, r.bestBet, r.score])}; }) })); }",
        texts,
    )
    for text, browser in zip(texts, js):
        assert browser["fixes"] == [row[0] for row in speller.correct(text)], text
        for typing, side in zip((False, True), browser["found"]):
            python = query.find(full, text, language, instant, speller, typing=typing)
            assert side["words"] == python["words"] and side["corrected"] == python["corrected"], (text, typing)
            assert [[r[0], r[1]] for r in side["results"]] == [[r["refs"], r["best_bet"]] for r in python["results"][:10]], (text, typing)
            for (_, _, a), r in zip(side["results"], python["results"]):
                assert a == pytest.approx(r["score"], abs=1e-6), text
