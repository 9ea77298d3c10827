"""Style hints for Dutch easy-read pages: the passive voice (the "u" form is counted in measure).

Why a module of its own: a heuristic that only warns, kept apart from the measures that fail a page.
"""
from __future__ import annotations

import re

from kennisplein.readability.sentences import Sentence

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
