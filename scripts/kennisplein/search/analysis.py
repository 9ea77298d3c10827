"""The text analysis both sides of the search share: the index build (lunr.py) and
the browser (lunr.js, ``overrides/assets/javascripts/search-pipeline.js``).

lunr.py's own Dutch support needs an nltk download (no route to that host) and
silently falls back to English without it; the trimmer of lunr-languages drops
letters it does not list ("één" becomes "n"). So the pipeline is ours, and every
function is registered under a label the browser registers too, so an index
serialised here names a pipeline the browser can load:

    kp-trimmer        strip everything but letters and digits from a token's edges
    kp-stopwords-nl   drop the Dutch stop words of the ``stop-words`` package
    kp-fold           remove accents (after the stop words, so "één" is not "een")
    stemmer-nl        Snowball Dutch; in the browser lunr-languages' ``lunr.nl.stemmer``

Stemmer choice, measured (``tests/browser/test_search_parity.py`` repeats it):
lunr-languages 1.14.0 ports the original (Porter-style) Snowball Dutch stemmer.
On the 2,338 distinct words of the content it agrees with snowballstemmer's
``dutch_porter`` on every word, and with snowballstemmer 3's default ``dutch``
(the newer Kraaij-Pohlmann-style algorithm) on only 1,530 ("begeleider" becomes
"beleider" there). We use ``dutch_porter``: the same stem on both sides, with
no stem map to ship.

English (``en`` site) uses lunr's own Porter stemmer under the label
``stemmer-en``. lunr.py's port turns a final "y" into "i" after any vowel in
the stem, lunr.js only after a consonant (25 of 2,387 words differ: "play",
"way", "try"); ``_LunrJsPorter`` takes lunr.js's rule so both sides agree.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from stop_words import get_stop_words

TRIMMER = "kp-trimmer"
FOLD = "kp-fold"
STEMMERS = {"nl": "stemmer-nl", "en": "stemmer-en"}
STOP_WORD_LANGUAGES = {"nl": "dutch", "en": "english"}
LANGUAGES = tuple(STEMMERS)
MAX_TOKEN = 50  # longer "words" are pasted junk; cut them so no pipeline step runs long

_WORD = re.compile(r"[^\W_]+")  # letters and digits: the same class as [\p{L}\p{N}]+ in search-pipeline.js
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def tokenize(text: str) -> list[str]:
    """Words of a text, lower-cased; every other character separates."""
    return [word[:MAX_TOKEN] for word in _WORD.findall(normalise(text))]


def trim(word: str) -> str:
    return _EDGES.sub("", word)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")))


# Question words, the verbs of a question and filler words ("mag mijn zoon een vriendin", "wie kan ik bellen",
# "mag de begeleiding dingen vertellen"): readers type them, texts use them everywhere, so alone they would carry
# any page. The stop-words list has some; these join it.
QUESTION_WORDS = {
    "nl": ("mag", "mogen", "kun", "kunt", "moeten", "waar", "waarom", "wanneer", "welk", "welke", "jij", "jou", "jouw",
           "mn", "zn", "willen", "wilt", "graag", "hoezo", "gaat", "ga", "gaan", "doe", "doet", "krijg", "iemand", "soms",
           "ding", "dingen"),
    "en": ("can", "may", "should", "would", "could", "please"),
}


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    words = list(get_stop_words(STOP_WORD_LANGUAGES[language])) + list(QUESTION_WORDS.get(language, ()))
    return frozenset(normalise(w) for w in words)


class _LunrJsPorter(PorterStemmer):
    def step1c(self):
        # lunr.js: /^(.+?[^aeiou])y$/ -> ...i
        if self.ends("y") and self.k - self.k0 >= 2 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1:]


_dutch = snowballstemmer.stemmer("dutch_porter")
_english = _LunrJsPorter()


@lru_cache(maxsize=262144)
def stem(word: str, language: str) -> str:
    return _dutch.stemWord(word) if language == "nl" else _english.stem(word)


def _trimmer(token, i=None, tokens=None):
    return token.update(lambda s, _m: trim(s))


def _fold(token, i=None, tokens=None):
    return token.update(lambda s, _m: fold(s))


def _stop_word_filter(language: str):
    words = stop_words(language)

    def stop_word_filter(token, i=None, tokens=None):
        if token.string and token.string not in words:
            return token
        return None

    return stop_word_filter


def _stemmer(language: str):
    def stemmer(token, i=None, tokens=None):
        return token.update(lambda s, _m: stem(s, language))

    return stemmer


def stop_word_label(language: str) -> str:
    return f"kp-stopwords-{language}"


def _register_function(fn, label: str) -> None:
    Pipeline.registered_functions.pop(label, None)  # lunr.languages registers an nltk "stemmer-nl" when nltk is installed
    Pipeline.register_function(fn, label)


def _register() -> dict[str, list]:
    _register_function(_trimmer, TRIMMER)
    _register_function(_fold, FOLD)
    functions = {}
    for language in LANGUAGES:
        stop = _stop_word_filter(language)
        _register_function(stop, stop_word_label(language))
        stemmer = _stemmer(language)
        _register_function(stemmer, STEMMERS[language])
        functions[language] = [_trimmer, stop, _fold, stemmer]
    return functions


_FUNCTIONS = _register()


def pipeline_functions(language: str) -> list:
    """The lunr.py pipeline functions for an index in ``language``, in order."""
    return list(_FUNCTIONS[language])


def pipeline_labels(language: str) -> list[str]:
    return [fn.label for fn in _FUNCTIONS[language]]


@lru_cache(maxsize=262144)
def _analyse_token(word: str, language: str) -> str | None:
    if not word or word in stop_words(language):
        return None
    return stem(fold(word), language) or None


def analyse_word(word: str, language: str) -> str | None:
    """One token through the pipeline, as lunr runs it: the index term, or None for a stop word."""
    return _analyse_token(trim(normalise(word)), language)


def analyse(text: str, language: str) -> list[str]:
    """Index terms of a text, in order (tokens from ``tokenize`` are already normalised and trimmed)."""
    terms = (_analyse_token(word, language) for word in tokenize(text))
    return [term for term in terms if term]
