"""Relevance through the real search page: every query of tests/search/queries.yml typed into
/zoeken/ in headless Chromium at phone size, the first three results read from the page.

Prints success@3 (the right page among the first three results: the first screen of a phone)
and MRR, per audience and per tag, and fails below the targets of the search issue
(success@3 >= 0.95, MRR >= 0.85). ``KP_EXTRA_QUERIES=path.yml`` also runs another set of the
same shape (the held-out set kept outside the repository) and prints its figures.
"""
from __future__ import annotations

import os
from pathlib import Path

from searching import wait_for_full_index  # noqa: E402

from kennisplein.search import evaluation

QUERIES = Path(__file__).resolve().parents[1] / "search" / "queries.yml"
READ_RESULTS = """(depth) => Array.from(document.querySelectorAll('[data-search-results] > li')).slice(0, depth).map(li => [
  Array.from(li.querySelectorAll('a[href]')).map(a => a.href),
  li.querySelector('.kp-search-result__title').textContent])"""


def run(page, base_url: str, queries: list[dict]) -> evaluation.Report:
    report = evaluation.Report()
    box = page.locator("#kp-search-page-input")
    for item in queries:
        box.fill(item["query"])
        box.press("Enter")
        page.wait_for_function("(q) => document.querySelector('[data-search-results]').getAttribute('data-kp-rendered') === q", arg=item["query"])
        rows = page.evaluate(READ_RESULTS, evaluation.DEPTH)
        results = [([href[len(base_url):] if href.startswith(base_url) else href for href in hrefs], title) for hrefs, title in rows]
        report.outcomes.append(evaluation.score(item, results))
    return report


def open_search_page(page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "zoeken/")
    wait_for_full_index(page)
    page.evaluate("kpSearch.loadWords()")  # a reader's first slip asks for it; here it comes first
    page.wait_for_function("window.__kpTestEngine.speller !== null")


def test_queries_through_the_search_page(page, base_url, capsys):
    open_search_page(page, base_url)
    report = run(page, base_url, evaluation.load_queries(QUERIES))
    extra = os.environ.get("KP_EXTRA_QUERIES")
    with capsys.disabled():  # the figures show in every run, passing or not
        print("\n" + report.text("search page in Chromium: "))
        if extra:
            print(run(page, base_url, evaluation.load_queries(Path(extra))).text(f"{extra}: "))
    assert report.success >= 0.95, report.text()
    assert report.mrr >= 0.85, report.text()
