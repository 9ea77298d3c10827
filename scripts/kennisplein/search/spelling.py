"""Spelling tolerance: a query word that matches nothing becomes the nearest word of the index.

Readers type "sexuoloog", "vertrouwenspersoom", "seksueelmisbruik". The lexicon
(every word of the indexed texts, with its index term and in how many documents
that term occurs) is built with the index and written as a file of its own, which
the browser loads only when a typed word is not in the index. ``key`` folds the
slips Dutch writers make (x/ks, c/k, ei/ij, au/ou, dt/d/t, doubled letters) so they
cost nothing; other slips cost their edit distance; a missing space in a compound
("seksueelmisbruik") splits into two words of the lexicon.

``overrides/assets/javascripts/search-query.js`` is the same algorithm in the browser
(a browser test compares the two on a list of slips).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from kennisplein.search import analysis

MIN_WORD = 4  # shorter words are not corrected: too many neighbours
MIN_PART = 3  # each half of a split compound
_DOUBLED = re.compile(r"(.)\1+")


def key(word: str) -> str:
    """A word with the slips that do not change how it sounds folded away."""
    w = analysis.fold(analysis.normalise(word))
    for old, new in (("ij", "ei"), ("y", "ei"), ("x", "ks"), ("ck", "k"), ("c", "k"), ("q", "k"), ("au", "ou"), ("ph", "f"), ("dt", "t")):
        w = w.replace(old, new)
    if w.endswith("d"):
        w = w[:-1] + "t"
    return _DOUBLED.sub(r"\1", w)


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def max_distance(word_key: str) -> int:
    return 1 if len(word_key) <= 7 else 2


def lexicon(docs, language: str, fields) -> list[list]:
    """[[word, term, document frequency of the term], ...]: every indexed word once, most frequent terms first."""
    word_counts: Counter = Counter()
    term_docs: Counter = Counter()
    for doc in docs:
        seen_terms = set()
        for name in fields:
            value = getattr(doc, name)
            for word in analysis.tokenize(" ".join(value) if isinstance(value, list) else value):
                if len(word) < MIN_PART or word.isdigit():
                    continue
                term = analysis.analyse_word(word, language)
                if not term:
                    continue
                word_counts[(word, term)] += 1
                seen_terms.add(term)
        term_docs.update(seen_terms)
    best: dict[str, tuple[str, str, int]] = {}
    for (word, term), count in word_counts.items():
        k = key(word)
        old = best.get(k)
        if old is None or (term_docs[term], count) > (term_docs[old[1]], old[2]):
            best[k] = (word, term, count)
    rows = [[word, term, term_docs[term]] for word, term, _ in best.values()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


class Speller:
    """Corrections from a lexicon as ``lexicon`` writes it."""

    def __init__(self, rows: list[list]):
        self.rows = rows
        self.terms = {term for _, term, _ in rows}
        self.by_key: dict[str, list] = {}
        self.by_length: dict[int, list] = defaultdict(list)
        for position, row in enumerate(rows):  # most frequent first, so the first row of a key is its best word
            k = key(row[0])
            if k not in self.by_key:
                self.by_key[k] = row
                self.by_length[len(k)].append((k, position))

    def correct(self, word: str) -> list[list]:
        """The lexicon rows that replace ``word`` (one, or two for a split compound); [] when nothing is near.
        Nearest first: the same key, then a split into two known words, then the smallest edit distance
        (ties: the more frequent word)."""
        k = key(word)
        if len(k) < MIN_WORD:
            return []
        if k in self.by_key:
            return [self.by_key[k]]
        for cut in range(MIN_PART, len(k) - MIN_PART + 1):
            left, right = self.by_key.get(k[:cut]), self.by_key.get(k[cut:])
            if left and right:
                return [left, right]
        limit = max_distance(k)
        best = None  # (distance, position)
        for length in range(len(k) - limit, len(k) + limit + 1):
            for candidate, position in self.by_length.get(length, ()):
                cap = limit if best is None else best[0]
                d = distance(k, candidate, cap)
                if d <= cap and (best is None or (d, position) < best):
                    best = (d, position)
        return [self.rows[best[1]]] if best else []
