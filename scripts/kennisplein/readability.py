"""The easy-read quality gate: measure how hard a page is to read, and hold easy-read pages to a limit.

An easy-read ("makkelijk lezen") page is only easy if someone checks it every
time it changes. This module turns the measurable part of the writing rules into
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
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kennisplein import cache as result_cache
from pathlib import Path

import pyphen
from pydantic import BaseModel, ConfigDict, Field
from wordfreq import zipf_frequency

from kennisplein.content import datafile
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.content.validation import validate_model
from kennisplein.problems import Problem

THRESHOLDS_FILE = "readability.yml"
DUTCH = "nl"
FIRST_WORDS = 8  # words of a sentence quoted in a message

# --- thresholds ---------------------------------------------------------------


class LevelLimits(BaseModel):
    """Limits for one level (makkelijk or standaard); see docs/_data/readability.yml."""

    model_config = ConfigDict(extra="forbid")

    max_mean_words: float = Field(gt=0, description="Mean words per sentence.")
    max_sentence_words: int = Field(gt=0, description="Words in the longest sentence.")
    min_flesch_douma: float = Field(ge=0, le=206.84, description="Lowest Flesch-Douma reading ease.")
    max_difficult_percent: float = Field(ge=0, le=100, description="Share of difficult words, in percent.")
    max_unexplained_abbreviations: int = Field(ge=0, description="Abbreviations the glossary does not explain.")
    max_sentences_per_heading: int | None = Field(default=None, gt=0, description="Sentences in a row without a heading.")
    warn_formal_you: bool = Field(default=False, description="Warn when 'u' or 'uw' is used instead of 'je'.")
    warn_passive: bool = Field(default=False, description="Warn on sentences that look passive.")


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    difficult_below_zipf: float = Field(ge=0, le=8, description="A word is difficult below this wordfreq Zipf value.")
    makkelijk: LevelLimits
    standaard: LevelLimits

    def for_level(self, level: str) -> LevelLimits:
        return self.makkelijk if level == "makkelijk" else self.standaard


class ThresholdsError(ValueError):
    """The thresholds file is missing, not YAML, or does not fit the model."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_thresholds(path: Path, display_path: str | None = None) -> Thresholds:
    """Read and validate readability.yml; an unknown key is an error, reported with its line."""
    try:
        document = datafile.read(Path(path), display_path)
    except FrontMatterError as exc:
        raise ThresholdsError([exc.problem]) from None
    model, problems = validate_model(document, Thresholds, {})
    if model is None:
        raise ThresholdsError(problems)
    return model


# --- Markdown to readable lines -------------------------------------------------

FENCE = re.compile(r"^\s*(```|~~~)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
SETEXT_RULE = re.compile(r"^\s*(=+|-+)\s*$")
HORIZONTAL_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"(.*)\")?\s*$")
DEFINITION_LINE = re.compile(r"^\s*\*?\[[^\]]+\]:")  # [ref]: url and *[HSD]: explanation
FOOTNOTE = re.compile(r"^\s*\[\^[^\]]+\]:\s*")
BLOCKQUOTE = re.compile(r"^\s*(?:>\s?)+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
DEFINITION = re.compile(r"^\s*:\s+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

INLINE_CLEANUP = [
    (re.compile(r"`[^`\n]*`"), " "),  # inline code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), " "),
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](target) -> text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}"), " "),  # template expressions
    (re.compile(r"\{[:#.][^}]*\}|\{\s*[#.][^}]*\}"), " "),  # attribute lists { #id .class }
    (re.compile(r"<[^>\n]*>"), " "),  # HTML tags and autolinks
    (re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE), " "),
    (re.compile(r"(\*\*|__|~~|==|\^\^|\+\+)"), ""),  # strong, strike, mark, insert
    (re.compile(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"), ""),  # emphasis
]
SPACE_BEFORE_MARK = re.compile(r"\s+([.,!?:;…])(?=\s|$)")


@dataclass(frozen=True)
class TextLine:
    """One line of readable text; ``line`` is 1-based within the Markdown body."""

    line: int
    text: str
    kind: str  # "heading", "start" (starts a paragraph, list item, cell …) or "more" (next line of a paragraph)


def _clean_inline(text: str) -> str:
    for pattern, replacement in INLINE_CLEANUP:
        text = pattern.sub(replacement, text)
    text = " ".join(html.unescape(text).split())
    return SPACE_BEFORE_MARK.sub(r"\1", text)  # a removed tag leaves "wacht ."


def _blank_comments(markdown: str) -> str:
    """Remove HTML comments but keep their newlines, so line numbers stay right."""
    return HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


def _classify(raw: str) -> list[tuple[str, str]]:
    """(kind, text) pieces of one source line outside code; kind 'break' ends a paragraph."""
    line = BLOCKQUOTE.sub("", raw)
    if not line.strip() or HORIZONTAL_RULE.match(line) or TABLE_RULE.match(line) or DEFINITION_LINE.match(line):
        return [("break", "")]
    if match := HEADING.match(line):
        return [("heading", match.group(1))]
    if match := ADMONITION.match(line):
        return [("heading", match.group(1) or "")]
    if line.lstrip().startswith("|"):
        return [("start", cell) for cell in line.strip().strip("|").split("|")]
    for marker in (LIST_ITEM, DEFINITION, FOOTNOTE):
        if match := marker.match(line):
            return [("start", line[match.end():])]
    return [("more", line)]


def readable_lines(markdown: str) -> list[TextLine]:
    """The text a reader reads, line by line, with Markdown syntax removed."""
    lines: list[TextLine] = []
    in_fence, after_break = False, True
    for index, raw in enumerate(_blank_comments(markdown).split("\n"), start=1):
        if FENCE.match(raw):
            in_fence, after_break = not in_fence, True
            continue
        if in_fence:
            continue
        if SETEXT_RULE.match(raw) and not after_break and lines and lines[-1].kind != "heading":
            lines[-1] = TextLine(lines[-1].line, lines[-1].text, "heading")
            after_break = True
            continue
        for kind, text in _classify(raw):
            if kind == "break":
                after_break = True
                continue
            text = _clean_inline(text)
            if not text and kind != "heading":  # only an image or code: nothing to read
                after_break = True
                continue
            kind = "start" if kind == "more" and after_break else kind
            lines.append(TextLine(index, text, kind))
            after_break = kind == "heading"
    return lines


# --- sentences and words --------------------------------------------------------

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


# --- syllables and word difficulty -------------------------------------------------

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


@lru_cache(maxsize=20000)
def zipf(word: str) -> float:
    return zipf_frequency(word, DUTCH)


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


def _normalise_glossary(terms) -> set[str]:
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


def is_difficult(word: str, glossary: set[str], below_zipf: float) -> bool:
    """Rare in Dutch (wordfreq), not a number, not an abbreviation (its own rule), not in the glossary."""
    if any(ch.isdigit() for ch in word) or is_abbreviation(word) or word.lower() in ABBREVIATED_WORDS:
        return False
    return zipf(word.lower()) < below_zipf and not explained(word, glossary)


# --- style hints -----------------------------------------------------------------

FORMAL_YOU = {"u", "uw", "uzelf"}
WORDEN = {"word", "wordt", "worden", "werd", "werden"}
PARTICIPLE = re.compile(r"^[a-zà-ÿ]{0,6}?(?:ge|be|ver|ont|her)[a-zà-ÿ]{2,}(?:d|t|en)$")


def looks_passive(sentence: Sentence) -> bool:
    """A form of 'worden' plus something shaped like a past participle ('wordt bekeken').

    A heuristic for a warning only: it misses passives with 'zijn' and can
    flag 'worden' as 'become' ('ze worden vrienden').
    """
    lower = [w.lower() for w in sentence.words]
    return bool(WORDEN & set(lower)) and any(PARTICIPLE.match(w) for w in lower if w not in WORDEN)


# --- measurement -----------------------------------------------------------------

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

    @property
    def difficult_percent(self) -> float:
        return 100 * self.difficult_ratio


def flesch_douma(words: int, sentences: int, syllable_count: int) -> float | None:
    """206.84 - 0.77 x syllables per 100 words - 0.93 x mean words per sentence (Douma 1960)."""
    if not words or not sentences:
        return None
    return 206.84 - 0.77 * (100 * syllable_count / words) - 0.93 * (words / sentences)


def _abbreviation_tokens(line: TextLine) -> list[str]:
    words = words_of(line.text)
    shouting = len(words) >= 3 and line.text.upper() == line.text  # "WAT IS HET" is not three abbreviations
    found = [w for w in words if is_abbreviation(w) and not shouting]
    return found + DOTTED_WORD.findall(line.text)


def measure(markdown: str, glossary_terms: set[str] = frozenset(), below_zipf: float = DEFAULT_ZIPF) -> Measurement:
    """Measure a Markdown body (front matter already removed). Lines are 1-based within ``markdown``."""
    glossary = _normalise_glossary(glossary_terms)
    lines = readable_lines(markdown)
    sentences = sentences_of(lines)
    sentence_words = sum(len(s.words) for s in sentences)
    syllable_count = sum(syllables(w) for s in sentences for w in s.words)
    longest = max(sentences, key=lambda s: len(s.words), default=None)

    read_words, difficult, abbreviations, first_line, formal = 0, [], [], {}, []
    verdicts: dict[str, bool] = {}  # most words repeat on a page: judge each form once
    for line in lines:
        words = words_of(line.text)
        read_words += len(words)
        for word in words:
            if word not in verdicts:
                verdicts[word] = is_difficult(word, glossary, below_zipf)
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
        flesch_douma=flesch_douma(sentence_words, len(sentences), syllable_count),
        difficult_ratio=len(difficult) / read_words if read_words else 0.0,
        difficult_words=list(dict.fromkeys(difficult)),
        unexplained_abbreviations=abbreviations,
        syllables=syllable_count,
        headings=[line.line for line in lines if line.kind == "heading"],
        formal_you=formal,
        first_line=first_line,
    )


# --- rules, report and problems --------------------------------------------------
# Limits are compared with the value as shown (mean and percentage to one
# decimal, Flesch-Douma whole), so a report never says "10.0 (max 10)" and fails.


def _limit(value: float) -> str:
    return f"{value:g}"


def report_line(path: str, m: Measurement, limits: LevelLimits, dutch: bool = True) -> str:
    """``path: mean words/sentence 9.1 (max 10) · longest sentence 14 (max 15) · Flesch-Douma 84 (min 80) · difficult words 3.2% (max 4%)``."""
    parts = [
        f"mean words/sentence {m.mean_words:.1f} (max {_limit(limits.max_mean_words)})",
        f"longest sentence {m.longest[0]} (max {limits.max_sentence_words})",
    ]
    if not dutch:
        parts += ["Flesch-Douma not measured (not Dutch)", "difficult words not measured (not Dutch)"]
    else:
        score = "n/a" if m.flesch_douma is None else f"{m.flesch_douma:.0f}"
        parts += [
            f"Flesch-Douma {score} (min {_limit(limits.min_flesch_douma)})",
            f"difficult words {m.difficult_percent:.1f}% (max {_limit(limits.max_difficult_percent)}%)",
        ]
    return f"{path}: " + " · ".join(parts)


def _sentence_problems(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    found = []
    if round(m.mean_words, 1) > limits.max_mean_words:
        found.append((None, f"mean words/sentence {m.mean_words:.1f} (max {_limit(limits.max_mean_words)}): write shorter sentences, one idea each"))
    for sentence in m.sentences:
        if len(sentence.words) > limits.max_sentence_words:
            found.append((at(sentence.line), f"sentence too long: {len(sentence.words)} words (max {limits.max_sentence_words}): "
                                             f"\"{sentence.first_words}\" — split it into shorter sentences"))
    return found


def _dutch_problems(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    found = []
    if m.flesch_douma is not None and round(m.flesch_douma) < limits.min_flesch_douma:
        found.append((None, f"Flesch-Douma {m.flesch_douma:.0f} (min {_limit(limits.min_flesch_douma)}): use shorter sentences and shorter words"))
    if round(m.difficult_percent, 1) > limits.max_difficult_percent:
        words = ", ".join(m.difficult_words[:10]) + (" …" if len(m.difficult_words) > 10 else "")
        line = at(m.first_line[m.difficult_words[0]]) if m.difficult_words else None
        found.append((line, f"difficult words {m.difficult_percent:.1f}% (max {_limit(limits.max_difficult_percent)}%): {words} — "
                            "use an everyday word, or explain it and add it to the glossary"))
    return found


def _abbreviation_problems(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    if len(m.unexplained_abbreviations) <= limits.max_unexplained_abbreviations:
        return []
    return [
        (at(m.first_line[a]), f"abbreviation '{a}' is not explained in the glossary "
                              f"({len(m.unexplained_abbreviations)} unexplained, max {limits.max_unexplained_abbreviations}): write it out or add it to the glossary")
        for a in m.unexplained_abbreviations
    ]


def _heading_gaps(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    if limits.max_sentences_per_heading is None:
        return []
    found, since = [], 0
    headings = iter(sorted(m.headings) + [float("inf")])
    next_heading = next(headings)
    for sentence in m.sentences:
        while sentence.line > next_heading:
            since, next_heading = 0, next(headings)
        since += 1
        if since == limits.max_sentences_per_heading + 1:
            found.append((at(sentence.line), f"more than {limits.max_sentences_per_heading} sentences without a heading "
                                             f"(max {limits.max_sentences_per_heading}): add a short heading before this sentence"))
    return found


def _style_hints(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    found = []
    if limits.warn_formal_you:
        found += [(at(line), "'u' or 'uw': speak to the reader with 'je', 'jij' or 'jouw'") for line in m.formal_you]
    if limits.warn_passive:
        found += [(at(s.line), f"passive voice? \"{s.first_words}\" — say who does it") for s in m.sentences if looks_passive(s)]
    return found


def check_page(page, thresholds: Thresholds, glossary_terms: set[str] = frozenset()) -> tuple[str, list[Problem]]:
    """Report line and problems for one catalogue page.

    Easy-read pages fail on sentence length, Flesch-Douma, difficult words and
    unexplained abbreviations (errors); headings, the 'u' form and passive voice
    are warnings. Standard pages get the same figures against looser limits,
    always as warnings. A page not in Dutch (``page.language != 'nl'``) is
    measured for sentence length, headings and abbreviations only: Flesch-Douma,
    the word frequencies, the 'u' form and the passive test are Dutch measures.
    """
    document = page.document
    limits = thresholds.for_level(page.level)
    dutch = page.language == DUTCH
    m = measure(document.body, glossary_terms, thresholds.difficult_below_zipf)

    def at(body_line: int) -> int:
        return document.body_start_line + body_line - 1

    severity = "error" if page.easy_read else "warning"
    hard = _sentence_problems(m, limits, at) + _abbreviation_problems(m, limits, at)
    soft = _heading_gaps(m, limits, at)
    if dutch:
        hard += _dutch_problems(m, limits, at)
        soft += _style_hints(m, limits, at)
    problems = [Problem(document.path, line, message, severity) for line, message in hard]
    problems += [Problem(document.path, line, message, "warning") for line, message in soft]
    return report_line(document.path, m, limits, dutch), problems


def check_catalogue(catalogue, thresholds: Thresholds, glossary_terms: set[str] = frozenset(), cache=None) -> tuple[list[str], list[Problem]]:
    """Report lines and problems for every product page: both levels, every language.

    Pages whose ``page.language`` is not 'nl' are skipped for the Dutch
    measures (Flesch-Douma, difficult words, 'u' form, passive voice); see check_page.
    With a ``cache`` (kennisplein.cache.ResultCache) a page whose text, level,
    language, thresholds and glossary are unchanged is not measured again.
    """
    pages = sorted((page for product in catalogue.products for page in product.versions.values()), key=lambda p: p.document.path)
    context = _cache_context(thresholds, glossary_terms) if cache is not None else ""
    lines, problems = [], []
    for page in pages:
        k = result_cache.key(context, page.document.path, page.level, page.language, str(page.document.body_start_line), page.document.body)
        cached = cache.get(k) if cache is not None else None
        if cached is None:
            line, found = check_page(page, thresholds, glossary_terms)
            if cache is not None:
                cache.put(k, [line, [[p.path, p.line, p.message, p.severity] for p in found]])
        else:
            line, found = cached[0], [Problem(*fields) for fields in cached[1]]
        lines.append(line)
        problems += found
    return lines, problems


def _cache_context(thresholds: Thresholds, glossary_terms) -> str:
    return result_cache.key(Path(__file__).read_text(encoding="utf-8"), thresholds.model_dump_json(), "\n".join(sorted(glossary_terms)))
