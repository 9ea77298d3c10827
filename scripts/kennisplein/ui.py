"""Interface text for generated pages and templates, from ``docs/_data/ui.yml``."""
from __future__ import annotations

from pathlib import Path

import yaml


class UiText(dict):
    """The strings of one language; a missing key shows the key, never crashes a build."""

    def __missing__(self, key: str) -> str:
        return key


def load(path: Path) -> dict[str, UiText]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {language: UiText(strings) for language, strings in data.items()}
