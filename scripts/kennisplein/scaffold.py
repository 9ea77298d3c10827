"""Create a new knowledge product folder with both versions and valid front matter.

An editor never starts from an empty file, and an existing file is never
overwritten: the command refuses when the folder already exists.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from kennisplein.content.catalogue import PRODUCTS_DIR
from kennisplein.content.vocabulary import Vocabulary


class ScaffoldError(Exception):
    pass


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if not slug:
        raise ScaffoldError(f"cannot make a folder name from the title {title!r}: use letters or digits")
    return slug[:60].rstrip("-")


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#~])")  # what can turn a heading's text into markup
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def heading_text(title: str) -> str:
    """The title as the text of a Markdown heading, shown exactly as typed: no character of it
    becomes markup (an HTML tag, emphasis, code, a link, attribute braces, an entity)."""
    escaped = ENTITY_LIKE.sub("&amp;", title).replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def _front_matter(title: str, level: str, audiences: list[str], kind: str, topics: list[str], region: str, today: dt.date) -> str:
    meta = {
        "title": title,
        "summary": "Schrijf hier in een of twee zinnen wat de lezer aan deze pagina heeft.",
        "audiences": audiences,
        "level": level,
        "type": kind,
        "topics": topics,
        "region": region,
        "sources": [{"title": "Titel van de bron", "publisher": "Uitgever van de bron", "year": today.year}],
        "evidence": ["praktijkkennis"],
        "reviewed": today,
        "review_due": today + dt.timedelta(days=365),
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


STANDARD_BODY = """
# {title}

Schrijf hier de inleiding: wat is het, en waarom is het belangrijk?

## Wat kun je doen?

- Eerste stap.
- Tweede stap.

## Bij wie kun je terecht?

Noem waar de lezer hulp vindt.
"""

EASY_BODY = """
# {title}

## Waar gaat dit over?

Schrijf korte zinnen.
Eén idee per zin.

## Wat kun je doen?

Schrijf wat de lezer kan doen.

## Wie kan je helpen?

Schrijf wie de lezer kan helpen.
"""


def create(docs_dir: Path, vocabulary: Vocabulary, title: str, *, kind: str = "handreiking", audiences: list[str] | None = None,
           topics: list[str] | None = None, region: str = "algemeen", today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    if CONTROL.search(title):
        raise ScaffoldError(f"the title {title!r} holds a control character: type it again without it")
    title = " ".join(title.split())
    if not 3 <= len(title) <= 120:
        raise ScaffoldError(f"a title has 3 to 120 characters; {title!r} has {len(title)}")
    audiences = audiences or ["naasten"]
    topics = topics or [vocabulary.keys("topics")[0]]
    for kind_name, values in (("types", [kind]), ("audiences", audiences), ("topics", topics), ("regions", [region])):
        unknown = [v for v in values if v not in vocabulary.keys(kind_name)]
        if unknown:
            raise ScaffoldError(f"unknown {kind_name}: {', '.join(unknown)} (allowed: {', '.join(vocabulary.keys(kind_name))})")
    folder = docs_dir / PRODUCTS_DIR / slugify(title)
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: nothing was changed. Choose another title or edit the existing product.")
    folder.mkdir(parents=True)
    easy_audiences = sorted(set(audiences) | {"clienten"}, key=vocabulary.keys("audiences").index)
    (folder / "index.md").write_text(_front_matter(title, "standaard", audiences, kind, topics, region, today) + STANDARD_BODY.format(title=heading_text(title)), encoding="utf-8")
    (folder / "makkelijk.md").write_text(_front_matter(title, "makkelijk", easy_audiences, kind, topics, region, today) + EASY_BODY.format(title=heading_text(title)), encoding="utf-8")
    return folder


def easy_read_companion(standard_text: str, today: dt.date | None = None) -> str:
    """The easy-read version to start from, for a standard version written elsewhere (the browser editor):
    the same front matter at level makkelijk, for clients too, with the easy-read outline as body."""
    meta = {}
    if standard_text.startswith("---"):
        parts = standard_text.split("\n---", 1)
        meta = yaml.safe_load(parts[0].removeprefix("---")) or {}
    title = " ".join(str(meta.get("title") or "Nieuw kennisproduct").split())
    audiences = list(dict.fromkeys([*(meta.get("audiences") or ["naasten"]), "clienten"]))
    today = today or dt.date.today()
    easy = {**meta, "level": "makkelijk", "audiences": audiences}
    easy.setdefault("reviewed", today)
    easy.setdefault("review_due", today + dt.timedelta(days=365))
    return "---\n" + yaml.safe_dump(easy, allow_unicode=True, sort_keys=False) + "---\n" + EASY_BODY.format(title=title)
