"""A small content folder with one valid product and one valid video, for the video unit tests."""
from __future__ import annotations

import shutil
from pathlib import Path

from kennisplein import videos
from kennisplein.content import catalogue as catalogue_loader
from kennisplein.content import vocabulary as vocabulary_loader

ROOT = Path(__file__).resolve().parents[2]

PRODUCT = """---
title: {title}
summary: Een product om video's aan te koppelen, alleen voor de tests van de video-index.
audiences: [clienten]
level: {level}
type: factsheet
topics: [privacy]
region: algemeen
sources:
  - title: Testbron voor de video-index
    publisher: Kennisplein
    year: 2026
evidence: [praktijkkennis]
reviewed: 2026-11-01
review_due: 2027-11-01
{extra}---

# {title}

Korte tekst.
"""

VIDEO = """title: Een testvideo
summary: Een video om de checks van de video-index mee te testen.
easy_summary: Dit is een video voor de test.
audiences: [clienten, naasten]
topics: [privacy]
region: algemeen
language: nl
level: standaard
duration: PT0M10S
uploaded: 2026-11-23
source:
  file: videos/media/demo.webm
  poster: videos/media/demo.png
captions: videos/media/demo.vtt
transcript:
  file: _data/videos/demo.transcript.md
credits: Gemaakt voor de tests.
licence: CC0 1.0
related_products:
  - demo-product
"""

CAPTIONS = """WEBVTT

1
00:00:00.500 --> 00:00:03.000
Dit is een testvideo.

2
00:00:03.100 --> 00:00:06.000
Hij gaat over privacy.
"""


def make_docs(tmp_path: Path, product_extra: str = "") -> Path:
    docs = tmp_path / "docs"
    (docs / "_data" / "videos").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "_data" / "vocabulary.yml", docs / "_data" / "vocabulary.yml")
    product = docs / "producten" / "demo-product"
    product.mkdir(parents=True)
    (product / "index.md").write_text(PRODUCT.format(title="Demo product", level="standaard", extra=product_extra), encoding="utf-8")
    (product / "makkelijk.md").write_text(PRODUCT.format(title="Demo product makkelijk", level="makkelijk", extra=""), encoding="utf-8")
    media = docs / "videos" / "media"
    media.mkdir(parents=True)
    (media / "demo.webm").write_bytes(b"\x1aE\xdf\xa3 not really a video")
    (media / "demo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (media / "demo.vtt").write_text(CAPTIONS, encoding="utf-8")
    (docs / "_data" / "videos" / "demo.transcript.md").write_text("Dit is een testvideo. Hij gaat over privacy en over het woord zeldzaamwoord.\n", encoding="utf-8")
    (docs / "_data" / "videos" / "demo.yml").write_text(VIDEO, encoding="utf-8")
    return docs


def load(docs: Path, hosts: tuple[str, ...] = (), organisation=None):
    vocabulary = vocabulary_loader.load(docs / "_data" / "vocabulary.yml")
    catalogue = catalogue_loader.load(docs, vocabulary)
    assert catalogue.problems == [], catalogue.problems
    return videos.load(docs, catalogue, hosts, organisation)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
