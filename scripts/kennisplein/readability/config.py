"""The readability limits: docs/_data/readability.yml, read and validated into a model.

Why a module of its own: the limits are the editors' side of the gate (one file, with the
source of each number); everything else in the package only reads the model.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kennisplein.content import datafile
from kennisplein.problems import Problem

THRESHOLDS_FILE = "readability.yml"


class _SentenceLimits(BaseModel):
    """What both languages' gates limit: sentence length, difficult words, abbreviations, headings."""

    model_config = ConfigDict(extra="forbid")

    max_mean_words: float = Field(gt=0, description="Mean words per sentence.")
    max_sentence_words: int = Field(gt=0, description="Words in the longest sentence.")
    max_difficult_percent: float = Field(ge=0, le=100, description="Share of difficult words, in percent.")
    max_unexplained_abbreviations: int = Field(ge=0, description="Abbreviations the glossary does not explain.")
    max_sentences_per_heading: int | None = Field(default=None, gt=0, description="Sentences in a row without a heading.")


class LevelLimits(_SentenceLimits):
    """Limits for one level (makkelijk or standaard); see docs/_data/readability.yml."""

    min_flesch_douma: float = Field(ge=0, le=206.84, description="Lowest Flesch-Douma reading ease.")
    warn_formal_you: bool = Field(default=False, description="Warn when 'u' or 'uw' is used instead of 'je'.")
    warn_passive: bool = Field(default=False, description="Warn on sentences that look passive.")


class EnglishEasyLimits(_SentenceLimits):
    """Limits for English easy-read pages: the Dutch structure, with Flesch's own reading ease."""

    min_flesch_reading_ease: float = Field(ge=0, le=206.835, description="Lowest Flesch reading ease (English formula).")


class EnglishThresholds(BaseModel):
    """The English gate: every English easy-read page (``*.en.md`` with ``level: makkelijk``)."""

    model_config = ConfigDict(extra="forbid")

    enforce: bool = Field(description="true: a broken limit fails the build (errors); false: reported as warnings only.")
    difficult_below_zipf: float = Field(ge=0, le=8, description="A word is difficult below this wordfreq Zipf value in English.")
    makkelijk: EnglishEasyLimits


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    difficult_below_zipf: float = Field(ge=0, le=8, description="A word is difficult below this wordfreq Zipf value.")
    makkelijk: LevelLimits
    standaard: LevelLimits
    english: EnglishThresholds | None = None  # without it, English pages get the sentence checks only

    def for_level(self, level: str) -> LevelLimits:
        return self.makkelijk if level == "makkelijk" else self.standaard


class ThresholdsError(ValueError):
    """The thresholds file is missing, not YAML, or does not fit the model."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_thresholds(path: Path, display_path: str | None = None) -> Thresholds:
    """Read and validate readability.yml; an unknown key is an error, reported with its line."""
    model, _, problems = datafile.read_model(Path(path), Thresholds, display_path)
    if model is None:
        raise ThresholdsError(problems)
    return model
