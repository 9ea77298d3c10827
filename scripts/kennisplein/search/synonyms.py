"""Query-time synonyms from ``docs/_data/synonyms.yml``, analysed like the index.

Synonyms widen the query, not the pages: the index stays as the texts are
written, and a group added to the file needs no change to any page. Each
phrase ships as its analysed terms (stems), which both the Python and the
JavaScript query code compare with the analysed query.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kennisplein.content import datafile
from kennisplein.problems import Problem
from kennisplein.search import analysis

SYNONYMS_FILE = "synonyms.yml"
Group = list[list[str]]  # one group: its phrases, each phrase a list of index terms


class SynonymsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nl: list[list[str]] = Field(default_factory=list, description="Groups for the Dutch and the English site.")
    en: list[list[str]] = Field(default_factory=list, description="Groups for the English site only.")


class SynonymsError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def read(data_dir: Path) -> SynonymsFile:
    """The synonym groups; an absent file means no synonyms. Raises SynonymsError with located problems."""
    path = data_dir / SYNONYMS_FILE
    if not path.exists():
        return SynonymsFile()
    model, _, problems = datafile.read_model(path, SynonymsFile, f"{data_dir.parent.name}/{data_dir.name}/{SYNONYMS_FILE}")
    if model is None:
        raise SynonymsError(problems)
    return model


STOP_PHRASE = "="  # query.STOP_PHRASE: no index term starts with it (terms are letters and digits)


def analysed_groups(synonyms: SynonymsFile, language: str) -> list[Group]:
    """Groups for the index in ``language``: each phrase as index terms. A phrase of only stop words ("wil ik niet":
    a reader who does not want something asks about boundaries) has no index terms; it ships as its words as typed,
    one string marked with ``STOP_PHRASE``, and the query matches it against the words as typed."""
    raw = synonyms.nl + (synonyms.en if language != "nl" else [])
    groups = []
    for group in raw:
        phrases: Group = []
        for phrase in group:
            terms = analysis.analyse(str(phrase), language)
            if not terms and analysis.tokenize(str(phrase)):
                terms = [STOP_PHRASE + " ".join(analysis.tokenize(str(phrase)))]
            if terms and terms not in phrases:
                phrases.append(terms)
        if sum(not phrase[0].startswith(STOP_PHRASE) for phrase in phrases) >= 1 and len(phrases) > 1:
            groups.append(phrases)
    return groups
