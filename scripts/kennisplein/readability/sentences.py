"""Sentences and words: where a sentence ends, what counts as a word.

Why a module of its own: both languages split the same way (the rules are in the
package docstring), and every score and check counts these sentences and words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kennisplein.readability.text import TextLine

FIRST_WORDS = 8  # words of a sentence quoted in a message

WORD = re.compile(
    r"(?:[^\W\d_]{1,3}\.){2,}"  # dotted abbreviation: b.v., o.a., d.w.z., W.H.O.
    r"|\d+(?:[.,:]\d+)*(?![^\W_])"  # number: 12, 3,5, 10:30
    r"|[^\W_]+(?:[-'’][^\W_]+)*"  # word, hyphenated or with an apostrophe
)
CLOSERS = "\"'”’)]"
END_MARK = re.compile(r"[.!?:…]+[\"'”’)\]]*(?=\s|$)")
ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]]*$")
ABBREVIATED_WORDS = {
    "bijv", "bv", "enz", "etc", "evt", "ca", "incl", "excl", "resp", "zgn", "nr", "dhr", "mevr", "mr", "dr", "drs", "ir", "prof", "vgl",
}
DOTTED_WORD = re.compile(r"(?<![\w.])((?:" + "|".join(sorted(ABBREVIATED_WORDS)) + r")\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line within the Markdown body where the sentence starts
    words: list[str]

    @property
    def first_words(self) -> str:
        head = " ".join(self.words[:FIRST_WORDS])
        return head + (" …" if len(self.words) > FIRST_WORDS else "")


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def _is_abbreviation_end(text: str, dot: int) -> bool:
    """Does the '.' at ``dot`` close an abbreviation (b.v., bijv.) rather than a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lower()
    return "." in token or token in ABBREVIATED_WORDS


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of one run of text."""
    pieces, start = [], 0
    for match in END_MARK.finditer(text):
        if match.group(0).rstrip(CLOSERS) == "." and _is_abbreviation_end(text, match.start()):
            continue
        pieces.append((start, text[start:match.end()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(offset + len(piece) - len(piece.lstrip()), piece.strip()) for offset, piece in pieces if piece.strip()]


def _continues(previous: str, current: str) -> bool:
    """A hard-wrapped sentence: the line ends in , or ; or the next line starts in lower case."""
    if ENDS_SENTENCE.search(previous):
        return False
    return previous.endswith((",", ";")) or current[:1].islower()


def _runs(lines: list[TextLine]) -> list[list[TextLine]]:
    """Group text lines into runs that may hold a sentence spread over several lines."""
    runs: list[list[TextLine]] = []
    for line in lines:
        if line.kind == "more" and runs and runs[-1][-1].kind != "heading" and _continues(runs[-1][-1].text, line.text):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def sentences_of(lines: list[TextLine]) -> list[Sentence]:
    sentences = []
    for run in _runs(lines):
        if run[0].kind == "heading":
            continue
        text, starts = "", []
        for line in run:
            starts.append((len(text), line.line))
            text += line.text + " "
        for offset, piece in split_sentences(text):
            words = words_of(piece)
            if words:
                line_no = max(number for start, number in starts if start <= offset)
                sentences.append(Sentence(piece, line_no, words))
    return sentences
