"""Measure a page: sentence lengths, reading ease, the share of difficult words, abbreviations.

Reading ease is Flesch-Douma for Dutch and Flesch's own formula for English; the other
figures are measured the same way in both languages, each with its own word frequencies.

Why a module of its own: ``measure`` turns one Markdown body into the figures (a
``Measurement``) that the gate compares with the limits; it decides nothing itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kennisplein.readability.sentences import DOTTED_WORD, Sentence, sentences_of, words_of
from kennisplein.readability.style import FORMAL_YOU
from kennisplein.readability.text import TextLine, readable_lines
from kennisplein.readability.words import DUTCH, ENGLISH, english_syllables, explained, is_abbreviation, is_difficult, normalise_glossary, syllables

DEFAULT_ZIPF = 3.0


@dataclass
class Measurement:
    sentences: list[Sentence]
    words: int  # words in sentences (headings excluded)
    mean_words: float
    longest: tuple[int, int]  # (words, 1-based body line); (0, 0) without sentences
    flesch_douma: float | None  # None without sentences
    difficult_ratio: float  # difficult words / all words read, headings included
    difficult_words: list[str]  # each once, as first written
    unexplained_abbreviations: list[str]
    syllables: int = 0
    headings: list[int] = field(default_factory=list)  # body lines of headings
    formal_you: list[int] = field(default_factory=list)  # body lines where 'u' or 'uw' occurs
    first_line: dict[str, int] = field(default_factory=dict)  # flagged word -> first body line
    language: str = DUTCH
    flesch_reading_ease: float | None = None  # English pages only; flesch_douma is None there

    @property
    def difficult_percent(self) -> float:
        return 100 * self.difficult_ratio


def flesch_douma(words: int, sentences: int, syllable_count: int) -> float | None:
    """206.84 - 0.77 x syllables per 100 words - 0.93 x mean words per sentence (Douma 1960)."""
    if not words or not sentences:
        return None
    return 206.84 - 0.77 * (100 * syllable_count / words) - 0.93 * (words / sentences)


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float | None:
    """206.835 - 1.015 x mean words per sentence - 84.6 x syllables per word (Flesch 1948)."""
    if not words or not sentences:
        return None
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def _abbreviation_tokens(line: TextLine) -> list[str]:
    words = words_of(line.text)
    shouting = len(words) >= 3 and line.text.upper() == line.text  # "WAT IS HET" is not three abbreviations
    found = [w for w in words if is_abbreviation(w) and not shouting]
    return found + DOTTED_WORD.findall(line.text)


def measure(markdown: str, glossary_terms: set[str] = frozenset(), below_zipf: float = DEFAULT_ZIPF, language: str = DUTCH) -> Measurement:
    """Measure a Markdown body (front matter already removed). Lines are 1-based within ``markdown``.

    ``language`` 'en' measures English: Flesch reading ease, English syllables and word
    frequencies; any other language is measured as Dutch (the gate ignores what does not apply)."""
    english = language == ENGLISH
    glossary = normalise_glossary(glossary_terms)
    lines = readable_lines(markdown)
    sentences = sentences_of(lines)
    sentence_words = sum(len(s.words) for s in sentences)
    count = english_syllables if english else syllables
    syllable_count = sum(count(w) for s in sentences for w in s.words)
    longest = max(sentences, key=lambda s: len(s.words), default=None)

    read_words, difficult, abbreviations, first_line, formal = 0, [], [], {}, []
    verdicts: dict[str, bool] = {}  # most words repeat on a page: judge each form once
    for line in lines:
        words = words_of(line.text)
        read_words += len(words)
        for word in words:
            if word not in verdicts:
                verdicts[word] = is_difficult(word, glossary, below_zipf, ENGLISH if english else DUTCH)
            if verdicts[word]:
                difficult.append(word)
                first_line.setdefault(word, line.line)
        for abbreviation in _abbreviation_tokens(line):
            if not explained(abbreviation, glossary) and abbreviation not in abbreviations:
                abbreviations.append(abbreviation)
                first_line.setdefault(abbreviation, line.line)
        if any(w.lower() in FORMAL_YOU for w in words):
            formal.append(line.line)

    return Measurement(
        sentences=sentences,
        words=sentence_words,
        mean_words=sentence_words / len(sentences) if sentences else 0.0,
        longest=(len(longest.words), longest.line) if longest else (0, 0),
        flesch_douma=None if english else flesch_douma(sentence_words, len(sentences), syllable_count),
        difficult_ratio=len(difficult) / read_words if read_words else 0.0,
        difficult_words=list(dict.fromkeys(difficult)),
        unexplained_abbreviations=abbreviations,
        syllables=syllable_count,
        headings=[line.line for line in lines if line.kind == "heading"],
        formal_you=formal,
        first_line=first_line,
        language=ENGLISH if english else DUTCH,
        flesch_reading_ease=flesch_reading_ease(sentence_words, len(sentences), syllable_count) if english else None,
    )
