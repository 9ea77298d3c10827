"""Best bets from ``docs/_data/best_bets.yml``: query words that lead straight to one page.

"bellen", "melden" or "klacht" are words a reader types when they want a person to
turn to, and the page that answers is the help directory, whatever the texts say.
A best bet is shown first, with a mark, and only when the query is short (a few
words): a long query says more than its one best-bet word. Editors keep the list
short; every bet is covered by the relevance set (tests/search/queries.yml).
"""
from __future__ import annotations

from pathlib import Path

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kennisplein.content import datafile
from kennisplein.problems import Problem
from kennisplein.search import analysis
from kennisplein.search.synonyms import SynonymsError

BEST_BETS_FILE = "best_bets.yml"
MAX_QUERY_TERMS = 3  # a best bet answers a short query only


class BestBet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1, description="Words a reader types, as they type them.")
    page: str = Field(description="Source path of the page under docs/, e.g. hulp/index.md.")


class BestBetsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nl: list[BestBet] = Field(default_factory=list, description="Best bets for the Dutch site (and the English one).")
    en: list[BestBet] = Field(default_factory=list, description="Best bets for the English site only.")
    kinds: dict[Literal["kennisproduct", "begrip", "video", "hulp"], list[str]] = Field(
        default_factory=dict, description="Words that name a kind of result; they rank that kind first (both sites).")
    hints: dict[Literal["kennisproduct", "begrip", "video", "hulp"], list[str]] = Field(
        default_factory=dict, description="Words that hint at a kind of result: searched for as usual, and that kind ranks a little higher.")


class BestBetsError(SynonymsError):
    """Reported like a synonyms problem: ``path:line: message``."""


def read(data_dir: Path) -> BestBetsFile:
    """The best bets; an absent file means none. Raises BestBetsError with located problems."""
    path = data_dir / BEST_BETS_FILE
    if not path.exists():
        return BestBetsFile()
    shown = f"{data_dir.parent.name}/{data_dir.name}/{BEST_BETS_FILE}"
    model, _, problems = datafile.read_model(path, BestBetsFile, shown)
    if model is None:
        raise BestBetsError(problems)
    return model


def analysed(bets: BestBetsFile, language: str, groups: dict[str, str], shown: str = "docs/_data/" + BEST_BETS_FILE) -> list[dict]:
    """Bets for the index in ``language``: {"terms": index terms, "group": result group}. ``groups`` maps a page's
    source path to its result group; a bet naming a page that is not indexed is an error, not a silent miss."""
    out, problems = [], []
    for bet in bets.nl + (bets.en if language != "nl" else []):
        group = groups.get(bet.page)
        if group is None:
            problems.append(Problem(shown, 0, f"best bet page {bet.page!r} is not a page of the search index"))
            continue
        terms = sorted({t for word in bet.words for t in analysis.analyse(word, language)})
        if terms:
            out.append({"terms": terms, "group": group})
    if problems:
        raise BestBetsError(problems)
    return out


def hint_words(bets: BestBetsFile, language: str) -> dict[str, str]:
    """{index term: result kind} of the ``hints`` words ("organisaties": the reader looks for someone to turn to)."""
    return {term: kind for kind, words in bets.hints.items() for word in words for term in analysis.analyse(word, language)}


def kind_words(bets: BestBetsFile, language: str) -> dict[str, str]:
    """{index term: result kind} of the ``kinds`` words, analysed for ``language``; a stop word ("wie": the reader
    asks for someone to turn to) stays as typed, and steers the ranking without being searched for."""
    return {term: kind for kind, words in bets.kinds.items() for word in words
            for term in (analysis.analyse(word, language) or analysis.tokenize(word))}
