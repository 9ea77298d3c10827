"""The controlled vocabularies (audiences, types, topics, …) and their labels.

They live in one data file (``docs/_data/vocabulary.yml``) so that editors add
a topic without touching code; the schema validates against whatever is there.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = ("audiences", "levels", "types", "regions", "evidence", "topics")
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[str, dict[str, dict[str, str]]]

    def keys(self, kind: str) -> list[str]:
        return list(self.terms[kind])

    def label(self, kind: str, key: str, language: str = "nl") -> str:
        entry = self.terms[kind].get(key, {})
        return entry.get(language) or entry.get("nl") or key

    def description(self, kind: str, key: str, language: str = "nl") -> str:
        return self.terms[kind].get(key, {}).get(f"description_{language}", "")

    def restricted(self, allowed: dict[str, list[str]]) -> "Vocabulary":
        """A copy that keeps only the allowed keys per kind (an organisation's selection)."""
        terms = {
            kind: {k: v for k, v in entries.items() if kind not in allowed or k in allowed[kind]}
            for kind, entries in self.terms.items()
        }
        return Vocabulary(terms)


def load(path: Path) -> Vocabulary:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    missing = [kind for kind in KINDS if kind not in data]
    if missing:
        raise ValueError(f"{path}: vocabulary lacks {', '.join(missing)}")
    return Vocabulary({kind: {str(k): v for k, v in data[kind].items()} for kind in KINDS})
