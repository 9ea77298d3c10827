"""Interface text for generated pages and templates, from ``docs/_data/ui.yml``.

``check`` is its schema: every key in every language, the same kind of value (text or a
list of texts by key) everywhere, and every ``{placeholder}`` one the code fills in, so a
missing key or a broken ``{n`` is a ``path:line`` error from ``make check`` instead of a
literal key on every page or a traceback in the middle of a build.
"""
from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import yaml

from kennisplein.content import datafile
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.problems import Problem

MAIN_LANGUAGE = "nl"

# The values the code (Python, templates and scripts) puts into a text, by key. A key not
# listed here may hold placeholders only when every language has the same ones.
PLACEHOLDERS: dict[str, set[str]] = {
    "products_count": {"n"},
    "all_in_topic": {"n", "topic"},
    "help_own": {"name"},
    "quick_exit_shift": {"n"},
    "video_count": {"n"},
    "duration_minutes": {"n"},
    "duration_seconds": {"n"},
    "video_embed_frame": {"title"},
    "video_embed_load": {"host"},
    "video_embed_note": {"host"},
    "video_embed_elsewhere": {"host"},
    "search_count": {"n"},
    "search_no_results": {"q"},
}


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


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in a format string; ValueError saying what is wrong with it."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise ValueError(f"a brace is not closed or not a placeholder ({exc}): write placeholders as {{n}}, "
                         "and a brace that is text as {{ or }}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"'{{{name}}}' is not a placeholder: write a name such as {{n}}, and {{{{ or }}}} for a brace")
        if spec or conversion:
            raise ValueError(f"'{{{name}...}}' has a format or conversion: write just {{{name}}}")
        names.add(name)
    return names


def check(path: Path, shown: str | None = None) -> list[Problem]:
    """Every problem of the interface-text file, located."""
    shown = shown or str(path)
    try:
        document = datafile.read(path, shown)
    except FrontMatterError as exc:
        return [exc.problem]
    data = document.meta
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return [Problem(shown, 1, "the interface text is one block per language ('nl:', 'en:'), each a list of 'key: text' lines")]
    if MAIN_LANGUAGE not in data:
        return [Problem(shown, 1, f"'{MAIN_LANGUAGE}:' (Dutch, the main language) is missing")]
    problems: list[Problem] = []
    languages = [MAIN_LANGUAGE, *(lang for lang in data if lang != MAIN_LANGUAGE)]
    for language in languages:
        for other in languages:
            if other != language:
                _missing(data[language], data[other], (language,), (other,), document, problems)
        _texts(data[language], (language,), document, problems)
    for key in (k for k in data[MAIN_LANGUAGE] if k not in PLACEHOLDERS):  # listed keys: checked against the list
        _same_placeholders(key, data, languages, document, problems)
    return problems


# Mappings keyed by the language's own words (the navigation's titles), so their keys differ per language.
KEYED_BY_OWN_WORDS = {"easy_nav"}


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def _missing(mine: dict, theirs: dict, loc: tuple, their_loc: tuple, document, problems: list[Problem]) -> None:
    """Keys ``theirs`` has and ``mine`` lacks (or holds as another kind of value)."""
    for key, value in theirs.items():
        if key not in mine:
            problems.append(Problem(document.path, document.line_of(loc), f"{_where(loc)}: key '{key}' is missing "
                                    f"({_where(their_loc + (key,))} is at line {document.line_of(their_loc + (key,))}); "
                                    "every language needs every key"))
        elif isinstance(value, dict) != isinstance(mine[key], dict):
            if not isinstance(value, dict):
                continue  # reported from the other side
            problems.append(Problem(document.path, document.line_of(loc + (key,)),
                                    f"{_where(loc + (key,))}: must be a list of 'key: text' lines, as {_where(their_loc + (key,))} is"))
        elif isinstance(value, dict) and key not in KEYED_BY_OWN_WORDS:
            _missing(mine[key], value, loc + (key,), their_loc + (key,), document, problems)
        elif isinstance(value, list) and isinstance(mine[key], list) and len(mine[key]) < len(value):
            problems.append(Problem(document.path, document.line_of(loc + (key,)), f"{_where(loc + (key,))}: has {len(mine[key])} "
                                    f"items, {_where(their_loc + (key,))} has {len(value)}: every language needs every item"))


def _texts(values: dict, loc: tuple, document, problems: list[Problem]) -> None:
    for key, value in values.items():
        here = loc + (key,)
        if isinstance(value, dict):
            _texts(value, here, document, problems)
            continue
        if isinstance(value, list):  # a list of texts, like the months
            for position, item in enumerate(value):
                if not isinstance(item, str):
                    problems.append(Problem(document.path, document.line_of(here + (position,)), f"{_where(here)}[{position}]: must be text (put it in quotes)"))
            continue
        if not isinstance(value, str):
            problems.append(Problem(document.path, document.line_of(here), f"{_where(here)}: must be text (put it in quotes)"))
            continue
        try:
            names = placeholders(value)
        except ValueError as exc:
            problems.append(Problem(document.path, document.line_of(here), f"{_where(here)}: {exc}"))
            continue
        allowed = PLACEHOLDERS.get(key) if len(loc) == 1 else None
        if allowed is not None and names - allowed:
            unknown = ", ".join(f"{{{n}}}" for n in sorted(names - allowed))
            known = ", ".join(f"{{{n}}}" for n in sorted(allowed))
            problems.append(Problem(document.path, document.line_of(here), f"{_where(here)}: unknown placeholder {unknown}; this text can use {known}"))


def _same_placeholders(key: str, data: dict, languages: list[str], document, problems: list[Problem]) -> None:
    main = data[MAIN_LANGUAGE][key]
    if not isinstance(main, str):
        return
    try:
        expected = placeholders(main)
    except ValueError:
        return
    for language in languages[1:]:
        value = data[language].get(key)
        if not isinstance(value, str):
            continue
        try:
            names = placeholders(value)
        except ValueError:
            continue
        if names != expected:
            shown = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
            problems.append(Problem(document.path, document.line_of((language, key)),
                                    f"{language}.{key}: has placeholders {', '.join(f'{{{n}}}' for n in sorted(names)) or 'none'}, "
                                    f"but {MAIN_LANGUAGE}.{key} has {shown}: every language uses the same ones"))
