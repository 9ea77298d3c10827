"""The gate: compare a page's figures with its level's limits and report problems.

Why a module of its own: the policy (what fails an easy-read page, what only warns, which
measures apply to which language) lives here, apart from how the figures are measured.
"""
from __future__ import annotations

from pathlib import Path

from kennisplein import cache as result_cache
from kennisplein.problems import Problem
from kennisplein.readability.config import EnglishThresholds, LevelLimits, Thresholds
from kennisplein.readability.scores import Measurement, measure
from kennisplein.readability.style import looks_passive
from kennisplein.readability.words import DUTCH, ENGLISH

NOT_ENFORCED = " [English gate: reported, not enforced yet]"

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


def _ease_and_word_problems(m: Measurement, name: str, score: float | None, minimum: float, max_difficult: float,
                            at) -> list[tuple[int | None, str]]:
    """Reading ease (``name``: Flesch-Douma or Flesch reading ease) and the share of difficult words."""
    found = []
    if score is not None and round(score) < minimum:
        found.append((None, f"{name} {score:.0f} (min {_limit(minimum)}): use shorter sentences and shorter words"))
    if round(m.difficult_percent, 1) > max_difficult:
        words = ", ".join(m.difficult_words[:10]) + (" …" if len(m.difficult_words) > 10 else "")
        line = at(m.first_line[m.difficult_words[0]]) if m.difficult_words else None
        found.append((line, f"difficult words {m.difficult_percent:.1f}% (max {_limit(max_difficult)}%): {words} — "
                            "use an everyday word, or explain it and add it to the glossary"))
    return found


def _dutch_problems(m: Measurement, limits: LevelLimits, at) -> list[tuple[int | None, str]]:
    return _ease_and_word_problems(m, "Flesch-Douma", m.flesch_douma, limits.min_flesch_douma, limits.max_difficult_percent, at)


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


def english_gated(page, thresholds: Thresholds) -> bool:
    """Does the English gate measure this page (an English easy-read page, with the gate configured)?"""
    return thresholds.english is not None and page.language == ENGLISH and page.easy_read


def _check_english_easy_read(page, english: EnglishThresholds, glossary_terms) -> tuple[str, list[Problem]]:
    """The Dutch gate's structure with English measures: sentence length, Flesch reading ease,
    difficult words by wordfreq's English list, abbreviations (all errors when ``enforce``,
    else warnings marked as not enforced) and headings (a warning). No 'je' or passive test:
    those are Dutch rules."""
    document, limits = page.document, english.makkelijk
    m = measure(document.body, glossary_terms, english.difficult_below_zipf, ENGLISH)

    def at(body_line: int) -> int:
        return document.body_start_line + body_line - 1

    hard = _sentence_problems(m, limits, at) + _abbreviation_problems(m, limits, at)
    hard += _ease_and_word_problems(m, "Flesch reading ease", m.flesch_reading_ease, limits.min_flesch_reading_ease,
                                    limits.max_difficult_percent, at)
    severity, suffix = ("error", "") if english.enforce else ("warning", NOT_ENFORCED)
    problems = [Problem(document.path, line, message + suffix, severity) for line, message in hard]
    problems += [Problem(document.path, line, message, "warning") for line, message in _heading_gaps(m, limits, at)]
    score = "n/a" if m.flesch_reading_ease is None else f"{m.flesch_reading_ease:.0f}"
    line = f"{document.path}: " + " · ".join([
        f"mean words/sentence {m.mean_words:.1f} (max {_limit(limits.max_mean_words)})",
        f"longest sentence {m.longest[0]} (max {limits.max_sentence_words})",
        f"Flesch reading ease {score} (min {_limit(limits.min_flesch_reading_ease)})",
        f"difficult words {m.difficult_percent:.1f}% (max {_limit(limits.max_difficult_percent)}%)",
    ]) + ("" if english.enforce else " (English gate not enforced yet)")
    return line, problems


def check_page(page, thresholds: Thresholds, glossary_terms: set[str] = frozenset()) -> tuple[str, list[Problem]]:
    """Report line and problems for one catalogue page.

    Easy-read pages fail on sentence length, Flesch-Douma, difficult words and
    unexplained abbreviations (errors); headings, the 'u' form and passive voice
    are warnings. Standard pages get the same figures against looser limits,
    always as warnings. A page not in Dutch (``page.language != 'nl'``) is
    measured for sentence length, headings and abbreviations only: Flesch-Douma,
    the word frequencies, the 'u' form and the passive test are Dutch measures.
    An English easy-read page goes through the English gate instead, when
    readability.yml has an ``english`` section (see ``_check_english_easy_read``).
    """
    if english_gated(page, thresholds):
        return _check_english_easy_read(page, thresholds.english, glossary_terms)
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
    """Report lines and problems for every product page (both levels, every language) and
    every easy-read site page (privacy, safety, accessibility, about): Dutch ones by the Dutch
    gate, English ones by the English gate. Standard site pages are not measured.

    Pages whose ``page.language`` is not 'nl' are skipped for the Dutch
    measures (Flesch-Douma, difficult words, 'u' form, passive voice); see check_page.
    With a ``cache`` (kennisplein.cache.ResultCache) a page whose text, level,
    language, thresholds and glossary are unchanged is not measured again.
    """
    pages = [page for product in catalogue.products for page in product.versions.values()]
    pages += [page for page in catalogue.site_pages if english_gated(page, thresholds) or (page.easy_read and page.language == DUTCH)]
    pages.sort(key=lambda p: p.document.path)
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
    code = "".join(path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parent.glob("*.py")))
    return result_cache.key(code, thresholds.model_dump_json(), "\n".join(sorted(glossary_terms)))
