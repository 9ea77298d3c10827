"""From what a reader types to lunr clauses, and the search itself, in Python.

``overrides/assets/javascripts/search-query.js`` is the same algorithm in the
browser; the settings below travel to it inside the index file, so the two
cannot drift apart on a number. The Python side runs the relevance evaluation
and the parity test against the built index.

The query text is never given to lunr's query parser: it is split into words
by our own tokenizer, so characters of lunr's query syntax (``* ~ ^ : + -``)
are only separators and cannot make a query fail or run away.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from lunr.query import Query

from kennisplein.search import analysis


@dataclass(frozen=True)
class Settings:
    max_chars: int = 200  # a pasted page of text is cut here
    max_terms: int = 8
    exact_boost: int = 10
    prefix_boost: int = 2  # the last word may be half typed: "seksu" finds "seksualiteit"
    prefix_min: int = 2
    fuzzy_boost: int = 1  # one typing slip: "seksuloog"
    fuzzy_min: int = 5
    synonym_boost: int = 3

    def to_json(self) -> dict:
        return {key: value for key, value in asdict(self).items()}


SETTINGS = Settings()


def terms(text: str, language: str, settings: Settings = SETTINGS) -> list[tuple[str, str]]:
    """(word as typed, index term) for each word that is not a stop word; at most ``max_terms``."""
    out: list[tuple[str, str]] = []
    seen = set()
    for word in analysis.tokenize(text[: settings.max_chars]):
        term = analysis.analyse_word(word, language)
        if term and term not in seen:
            seen.add(term)
            out.append((word, term))
            if len(out) == settings.max_terms:
                break
    return out


def _contains(terms: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(terms[i:i + n] == phrase for i in range(len(terms) - n + 1))


def synonyms(query_terms: list[str], groups: list[list[list[str]]]) -> list[str]:
    """Extra index terms from every group one of whose phrases the query contains."""
    extra: list[str] = []
    for group in groups:
        if not any(_contains(query_terms, phrase) for phrase in group):
            continue
        for phrase in group:
            for term in phrase:
                if term not in query_terms and term not in extra:
                    extra.append(term)
    return extra


def clauses(text: str, language: str, groups: list, settings: Settings = SETTINGS) -> list[dict]:
    """The clauses of a query, as plain records both lunr.py and lunr.js turn into the same lookups."""
    typed = terms(text, language, settings)
    query_terms = [term for _, term in typed]
    out = []
    for position, (word, term) in enumerate(typed):
        out.append({"term": term, "boost": settings.exact_boost})
        if position == len(typed) - 1 and len(term) >= settings.prefix_min:
            out.append({"term": term, "boost": settings.prefix_boost, "prefix": True})
        if len(word) >= settings.fuzzy_min:
            out.append({"term": term, "boost": settings.fuzzy_boost, "fuzzy": 1})
    for term in synonyms(query_terms, groups):
        out.append({"term": term, "boost": settings.synonym_boost})
    return out


def search(index, text: str, language: str, groups: list, settings: Settings = SETTINGS) -> list[tuple[str, float]]:
    """(document ref, score), best first; equal scores in ref order, as in the browser."""
    wanted = clauses(text, language, groups, settings)
    if not wanted:
        return []

    def build(query):
        for clause in wanted:
            query.term(
                clause["term"], boost=clause["boost"], use_pipeline=False, edit_distance=clause.get("fuzzy", 0),
                wildcard=Query.WILDCARD_TRAILING if clause.get("prefix") else Query.WILDCARD_NONE,
            )

    results = index.query(callback=build)
    ranked = [(r["ref"], round(r["score"], 9)) for r in results]
    return sorted(ranked, key=lambda item: (-item[1], int(item[0])))
