"""Interface text for generated pages and templates, from ``docs/_data/ui.yml``."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml


class UiText(dict):
    """The strings of one language; a missing key shows the key, never crashes a build."""

    def __missing__(self, key: str) -> str:
        return key


def long_date(value: dt.date, ui: UiText) -> str:
    """A date as the reader's language writes it ("3 maart 2026"), from ui.yml's month names."""
    months = ui["months"]
    return f"{value.day} {months[value.month - 1]} {value.year}" if isinstance(months, list) else value.isoformat()


def load(path: Path) -> dict[str, UiText]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {language: UiText(strings) for language, strings in data.items()}
