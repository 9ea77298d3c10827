"""Relevance through the Python index: tests/search/queries.yml against the built Dutch index.

Runs ``query.find`` (the search page's algorithm, with corrections and best bets)
through lunr.py and prints success@3 and MRR per audience and tag. The same set
runs through the real search page in Chromium in tests/browser/test_search_relevance_browser.py.
"""
from __future__ import annotations

from pathlib import Path

from kennisplein.search import evaluation
from kennisplein.search import index as search_index

QUERIES = Path(__file__).resolve().parents[1] / "search" / "queries.yml"


def test_queries_file_has_enough_realistic_queries():
    queries = evaluation.load_queries(QUERIES)
    assert len(queries) >= 80
    assert {q["audience"] for q in queries} == {"naasten", "clienten", "professionals"}
    assert all(q["query"] and q["expect"] for q in queries)
    assert sum("slip" in q.get("tags", []) for q in queries) >= 20
    assert sum("question" in q.get("tags", []) for q in queries) >= 15
    assert sum(len(q["query"].split()) <= 2 for q in queries) >= 15


def test_every_expected_result_exists(built_site):
    """An expectation naming a page that is gone (a removed video) can never be met: it would count
    as a miss for ever and hide a real one."""
    instant = search_index.read(built_site / "search" / search_index.file_names("nl")[0])
    urls = {doc[instant["fields"].index("url")] for doc in instant["docs"]}
    missing = {e for item in evaluation.load_queries(QUERIES) for e in item["expect"] if not any(url.startswith(e) for url in urls)}
    assert not missing, f"tests/search/queries.yml expects pages the Dutch index does not have: {sorted(missing)}"


def test_success_at_3_and_mrr(built_site, capsys):
    report = evaluation.evaluate(built_site / "search", "nl", evaluation.load_queries(QUERIES))
    with capsys.disabled():  # the figures show in every run, passing or not
        print("\n" + report.text("python index: "))
    assert report.success >= 0.95, report.text()
    assert report.mrr >= 0.85, report.text()
