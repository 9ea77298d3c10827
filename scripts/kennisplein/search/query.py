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

from bisect import bisect_left
from dataclasses import asdict, dataclass
from functools import lru_cache

from lunr.query import Query

from kennisplein.search import analysis


@dataclass(frozen=True)
class Settings:
    max_chars: int = 200  # a pasted page of text is cut here
    max_terms: int = 8
    exact_boost: int = 10
    prefix_boost: int = 1  # the word being typed: "seksu" finds "seksualiteit", below a whole word
    prefix_min: int = 2
    synonym_boost: int = 2
    coverage_power: int = 2  # a result that matches half of the query's words keeps a quarter of its score
    best_bet_max_terms: int = 3  # a best bet answers a short query only
    kind_boost: int = 3  # a question word names a kind: "met wie kan ik praten", the help directory higher
    named_kind_boost: int = 20  # a word names the kind: "filmpje over grenzen", the videos first
    title_match_boost: int = 3  # the query is the title of a product or a term ("seksualiteit": the glossary's term)
    title_match_kinds: tuple = ("kennisproduct", "begrip")  # not a video ("Jouw grenzen" is not the answer to "grenzen")

    def to_json(self) -> dict:
        return {key: value for key, value in asdict(self).items()}


SETTINGS = Settings()
STOP_PHRASE = "="  # marks a synonym phrase of stop words, shipped as typed (synonyms.analysed_groups)
EASY = "makkelijk"


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


def _phrase_positions(terms: list[str], phrase: list[str]) -> list[int]:
    n = len(phrase)
    return sorted({i + j for i in range(len(terms) - n + 1) if terms[i:i + n] == phrase for j in range(n)})


def synonyms(query_terms: list[str], groups: list[list[list[str]]]) -> list[str]:
    """Extra index terms from every group one of whose phrases the query contains."""
    return [term for term, _ in synonym_sources(query_terms, groups)]


def _said(words: list[str], phrase: list[str]) -> bool:
    """Whether the words as typed contain a phrase of stop words (``synonyms.STOP_PHRASE``: "wil ik niet")."""
    return bool(phrase) and phrase[0].startswith(STOP_PHRASE) and _contains(words, phrase[0][len(STOP_PHRASE):].split())


def synonym_sources(query_terms: list[str], groups: list[list[list[str]]], words: list[str] | None = None) -> list[tuple[str, list[int]]]:
    """(extra term, positions of the query words it stands in for), in the order ``synonyms`` lists them.
    ``words``: the query as typed, stop words included, for the phrases of stop words; their extra terms stand
    for no query word (they add to a result's score, not to its share of the query)."""
    extra: dict[str, list[int]] = {}
    for group in groups:
        positions = sorted({p for phrase in group for p in _phrase_positions(query_terms, phrase)})
        if not positions and not (words and any(_said(words, phrase) for phrase in group)):
            continue
        for phrase in group:
            if phrase and phrase[0].startswith(STOP_PHRASE):
                continue
            for term in phrase:
                if term in query_terms:
                    continue
                if term in extra:
                    extra[term] = sorted(set(extra[term]) | set(positions))
                else:
                    extra[term] = positions
    return list(extra.items())


class Vocabulary:
    """The terms of one lunr index, to ask whether a term or a prefix of one occurs."""

    def __init__(self, index):
        self.terms = sorted(index.inverted_index)
        self.known = set(self.terms)

    def has_prefix(self, term: str) -> bool:
        at = bisect_left(self.terms, term)
        return at < len(self.terms) and self.terms[at].startswith(term)


def _typed_clauses(typed: list[tuple[str, str]], groups: list, settings: Settings, typing: bool, vocabulary,
                   words: list[str] | None = None) -> list[dict]:
    query_terms = [term for _, term in typed]
    out = []
    for position, (word, term) in enumerate(typed):
        out.append({"term": term, "boost": settings.exact_boost, "of": [position]})
        last = position == len(typed) - 1
        if last and len(term) >= settings.prefix_min and (typing or vocabulary is None or term not in vocabulary.known):
            out.append({"term": term, "boost": settings.prefix_boost, "prefix": True, "of": [position]})
    for term, positions in synonym_sources(query_terms, groups, words):
        out.append({"term": term, "boost": settings.synonym_boost, "of": positions})
    return out


def clauses(text: str, language: str, groups: list, settings: Settings = SETTINGS, typing: bool = True, vocabulary=None) -> list[dict]:
    """The clauses of a query, as plain records both lunr.py and lunr.js turn into the same lookups.
    ``of``: the positions of the query words a clause stands for (for the coverage of a result)."""
    return _typed_clauses(terms(text, language, settings), groups, settings, typing, vocabulary, typed_words(text, settings))


def typed_words(text: str, settings: Settings = SETTINGS) -> list[str]:
    """The words of a query as typed, stop words included (for the synonyms' phrases of stop words)."""
    return analysis.tokenize(text[: settings.max_chars])


def _run(index, wanted: list[dict]) -> list:
    def build(query):
        for clause in wanted:
            query.term(
                clause["term"], boost=clause["boost"], use_pipeline=False,
                wildcard=Query.WILDCARD_TRAILING if clause.get("prefix") else Query.WILDCARD_NONE,
            )

    return index.query(callback=build)


def search(index, text: str, language: str, groups: list, settings: Settings = SETTINGS) -> list[tuple[str, float]]:
    """lunr's own ranking of the clauses, (document ref, score), best first; equal scores in ref order, as in the browser."""
    wanted = clauses(text, language, groups, settings)
    if not wanted:
        return []
    ranked = [(r["ref"], round(r["score"], 9)) for r in _run(index, wanted)]
    return sorted(ranked, key=lambda item: (-item[1], int(item[0])))


def synonym_words(groups: list[list[list[str]]]) -> dict[str, set[str]]:
    """Every index term the synonyms name, with the terms of its groups. Such a word is no slip even where no
    page uses it ("zoenen" finds the pages that say "kussen"): it is corrected only to a word of its own group
    ("sexualiteit" to "seksualiteit", never "zoenen" to "zoeken")."""
    out: dict[str, set[str]] = {}
    for group in groups:
        members = {term for phrase in group for term in phrase if not term.startswith(STOP_PHRASE)}
        for term in members:
            out.setdefault(term, set()).update(members)
    return out


def correct(typed: list[tuple[str, str]], speller, vocabulary, typing: bool,
            known: dict[str, set[str]] | None = None) -> tuple[list[tuple[str, str]], bool]:
    """Words that match nothing replaced by the nearest words of the lexicon; the word being typed is left
    alone while some index term starts with it. ``known``: ``synonym_words``."""
    known = known or {}
    out, changed = [], False
    for position, (word, term) in enumerate(typed):
        last = position == len(typed) - 1
        if term in speller.terms or term in vocabulary.known or (last and typing and vocabulary.has_prefix(term)):
            out.append((word, term))
            continue
        rows = speller.correct(word)
        if term in known and not all(row[1] in known[term] for row in rows):
            rows = []
        if not rows:
            out.append((word, term))
            continue
        changed = True
        out.extend((row[0], row[1]) for row in rows)
    seen, unique = set(), []
    for word, term in out:
        if term not in seen:
            seen.add(term)
            unique.append((word, term))
    return unique, changed


def steer(typed: list[tuple[str, str]], kind_words: dict[str, str]) -> tuple[list[tuple[str, str]], set[str]]:
    """Words that name a kind of result ("video", "filmpje") steer the ranking towards that kind instead of
    being searched for, unless they are all the query has."""
    kinds = {kind_words[term] for _, term in typed if term in kind_words}
    rest = [(word, term) for word, term in typed if term not in kind_words]
    return (rest, kinds) if rest else (typed, kinds)


def asked_kinds(text: str, language: str, kind_words: dict[str, str], settings: Settings = SETTINGS) -> set[str]:
    """Kinds named by stop words of the query ("met wie kan ik praten": someone to turn to, the help directory)."""
    stop = analysis.stop_words(language)
    return {kind_words[word] for word in analysis.tokenize(text[: settings.max_chars]) if word in stop and word in kind_words}


def _covered(clauses_: list[dict], metadata: dict) -> set[int]:
    covered: set[int] = set()
    for clause in clauses_:
        term = clause["term"]
        if term in metadata or (clause.get("prefix") and any(m.startswith(term) for m in metadata)):
            covered.update(clause["of"])
    return covered


@lru_cache(maxsize=100_000)
def _title_terms(title: str, language: str, settings: Settings) -> frozenset[str]:
    """A title's index terms, once per title (a query may match thousands of results)."""
    return frozenset(term for _, term in terms(title, language, settings))


def find(index, text: str, language: str, context: dict, speller=None, typing: bool = False, prefer: str = "standaard",
         exact: bool = False, settings: Settings = SETTINGS) -> dict:
    """What the search page and the header show: results grouped per page (a product's two versions in one),
    ranked by lunr's score times the share of the query's words a result matches, a best bet first.
    ``context``: the instant payload's ``docs``, ``fields``, ``synonyms`` and ``bestBets``.
    Returns {"results": [{"refs", "score", "best_bet"}], "words": the words searched, "corrected": bool}."""
    vocabulary = Vocabulary(index)
    typed = terms(text, language, settings)
    corrected = False
    if speller is not None and not exact and typed:
        typed, corrected = correct(typed, speller, vocabulary, typing, synonym_words(context["synonyms"]))
    shown = [word for word, _ in typed]
    typed, named = steer(typed, context.get("kindWords", {}))
    asked = asked_kinds(text, language, context.get("kindWords", {}), settings)
    hints = context.get("hintWords", {})
    asked |= {hints[term] for _, term in typed if term in hints}  # "welke organisaties helpen": the help directory higher
    wanted = _typed_clauses(typed, context["synonyms"], settings, typing, vocabulary, typed_words(text, settings))
    if not wanted:
        return {"results": [], "words": [], "corrected": False}
    n = len(typed)
    fields = context["fields"]
    kind_of, title_of = fields.index("kind"), fields.index("title")
    query_terms = {term for _, term in typed}
    scored = []
    for r in _run(index, wanted):
        share = len(_covered(wanted, r["match_data"].metadata)) / n
        doc = context["docs"][int(r["ref"])]
        boost = settings.named_kind_boost if doc[kind_of] in named else settings.kind_boost if doc[kind_of] in asked else 1
        if doc[kind_of] in settings.title_match_kinds and _title_terms(doc[title_of], language, settings) == query_terms:
            boost *= settings.title_match_boost
        scored.append((int(r["ref"]), round(r["score"] * share ** settings.coverage_power * boost, 9)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    group_of = fields.index("group")
    level_of = fields.index("level")
    docs = context["docs"]
    bet = None
    if n <= settings.best_bet_max_terms:
        bet = next((b["group"] for b in context.get("bestBets", []) if query_terms & set(b["terms"])), None)
    members: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        members.setdefault(doc[group_of], []).append(i)
    order = ([bet] if bet in members else []) + [docs[ref][group_of] for ref, _ in scored]
    best = {}
    for ref, score in scored:
        best.setdefault(docs[ref][group_of], score)
    results, seen = [], set()
    for name in order:
        if name in seen:
            continue
        seen.add(name)
        refs = sorted(members[name], key=lambda ref: (docs[ref][level_of] != prefer, ref))
        results.append({"refs": refs, "score": best.get(name, 0), "best_bet": name == bet})
    return {"results": results, "words": shown, "corrected": corrected}
