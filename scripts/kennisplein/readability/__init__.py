"""The easy-read quality gate: measure how hard a page is to read, and hold easy-read pages to a limit.

An easy-read ("makkelijk lezen") page is only easy if someone checks it every
time it changes. This package turns the measurable part of the writing rules into
numbers an editor sees on every `make check`: sentence length, the Flesch-Douma
reading ease, the share of rare words and unexplained abbreviations, and three
style hints (headings, the "je" form, passive voice). The limits live in one
file, ``docs/_data/readability.yml``, with the source of each one.

What is measured, after the Markdown syntax is stripped:

* Removed: fenced code, inline code, HTML tags and comments, images, URLs and
  e-mail addresses, link targets (the link text stays), attribute lists,
  link/abbreviation definitions, table rules and Markdown markers.
* A sentence ends at ``. ! ? : …`` followed by a space or line end, at the end
  of a list item, table cell or definition, and at a line break, except when the
  line ends in ``,`` or ``;`` or the next line starts with a lower-case letter:
  then it is a hard-wrapped sentence and continues. Abbreviations (``b.v.``,
  ``bijv.``) and decimals (``3.5``) do not end a sentence.
* Headings are read, so their words count for difficult words, abbreviations
  and the "u" form. They are not sentences, so they do not count for sentence
  length or Flesch-Douma, which is a sentence measure.
* A word is a run of letters (accents included) and digits; a hyphenated word
  (``psycho-educatie``) or one with an apostrophe (``collega's``) is one word.

Flesch-Douma is computed here, with syllables from pyphen's ``nl_NL``
dictionary, rather than with textstat (0.7.13, ``set_lang("nl")``): textstat
drops every sentence of two words or fewer ("Twijfel je?"), splits only on
``. ! ?`` so a list without full stops is one sentence, and keeps pyphen's
two-letter minimum at word edges, so ``idee`` and ``over`` are one syllable.
On the current easy-read pages that moves the score by up to 5 points.

The package, by what each module measures: ``config`` (the limits file), ``text``
(Markdown to readable lines), ``sentences`` (sentences and words), ``words`` (syllables,
word frequency, abbreviations, glossary), ``style`` (passive voice), ``scores`` (one page's
figures) and ``gate`` (limits, report and problems).

English easy-read pages (``*.en.md`` with ``level: makkelijk``, products and site pages) go
through an English gate of the same structure: sentence length, Flesch's reading ease (1948),
difficult words by wordfreq's English list, abbreviations. readability.yml's ``english.enforce``
says whether it fails the build or only reports.
"""
from __future__ import annotations

from kennisplein.readability.config import THRESHOLDS_FILE, LevelLimits, Thresholds, ThresholdsError, load_thresholds
from kennisplein.readability.gate import check_catalogue, check_page, english_gated, report_line
from kennisplein.readability.scores import DEFAULT_ZIPF, Measurement, flesch_douma, measure
from kennisplein.readability.sentences import Sentence, sentences_of, split_sentences, words_of
from kennisplein.readability.style import looks_passive
from kennisplein.readability.text import TextLine, readable_lines
from kennisplein.readability.words import explained, is_abbreviation, is_difficult, prepare, syllables, zipf

__all__ = [
    "DEFAULT_ZIPF", "THRESHOLDS_FILE", "LevelLimits", "Measurement", "Sentence", "TextLine", "Thresholds", "ThresholdsError",
    "check_catalogue", "check_page", "english_gated", "explained", "flesch_douma", "is_abbreviation", "is_difficult", "load_thresholds",
    "looks_passive", "measure", "prepare", "readable_lines", "report_line", "sentences_of", "split_sentences", "syllables",
    "words_of", "zipf",
]
