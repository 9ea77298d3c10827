"""Relevance: realistic queries (tests/search/queries.yml) against the built Dutch index.

Runs the same query code as the browser (query expansion with the synonyms
shipped in the index) through lunr.py, and prints recall@5 and MRR per audience.
"""
from __future__ import annotations

from pathlib import Path

from kennisplein.search import evaluation

QUERIES = Path(__file__).resolve().parents[1] / "search" / "queries.yml"


def test_queries_file_has_enough_realistic_queries():
    queries = evaluation.load_queries(QUERIES)
    assert len(queries) >= 40
    assert {q["audience"] for q in queries} == {"naasten", "clienten", "professionals"}
    assert all(q["query"] and q["expect_title"] for q in queries)


def test_recall_at_5_and_mrr(built_site):
    report = evaluation.evaluate(built_site / "search", "nl", evaluation.load_queries(QUERIES))
    print("\n" + report.text())
    assert report.recall >= 0.9, report.text()
