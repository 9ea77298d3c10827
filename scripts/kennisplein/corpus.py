"""Synthetic knowledge products for benchmarks and scale tests.

Writes N valid products (both versions, Dutch-like text in which glossary terms occur,
real vocabulary keys) and one video per 100 products into a scratch folder, never into
docs/. The same seed gives the same files.
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from kennisplein.content import vocabulary as vocabulary_loader
from kennisplein.content.catalogue import DATA_DIR, PRODUCTS_DIR

WORDS = (
    "intimiteit seksualiteit relatie vriendschap grens gesprek naaste begeleider cliënt respect aanraking privacy "
    "vertrouwen gevoel lichaam liefde steun hulp vraag antwoord keuze wens afspraak zorg team ouder kamer deur "
    "toestemming veilig samen praten luisteren uitleg voorbeeld situatie moment ruimte tijd leven plezier"
).split()
VERBS = "helpt vraagt bespreekt kiest zegt merkt leert geeft maakt zoekt".split()
EASY = "Je mag nee zeggen. Praat met iemand die je vertrouwt. Jij kiest zelf. Vraag om hulp. Dat is goed.".split(". ")


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    words.insert(min(2, len(words)), rng.choice(VERBS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _body(rng: random.Random, title: str, easy: bool, words: int) -> str:
    parts, count, section = [f"# {title}\n"], 0, 0
    while count < words:
        section += 1
        parts.append(f"\n## Deel {section}\n")
        for _ in range(4):
            sentence = rng.choice(EASY).rstrip(".") + "." if easy else _sentence(rng, rng.randint(8, 16))
            parts.append(sentence + ("\n" if easy else " "))
            count += len(sentence.split())
    return "".join(parts) + "\n"


def _front_matter(rng, title, level, vocabulary, index, topics) -> dict:
    audiences = ["clienten"] if level == "makkelijk" else rng.sample(["naasten", "professionals"], rng.randint(1, 2))
    reviewed = dt.date(2026, 1, 1) + dt.timedelta(days=index % 300)
    return {
        "title": title,
        "summary": f"Synthetisch kennisproduct {index} over {topics[0]} voor de benchmark.",
        "audiences": audiences,
        "level": level,
        "type": vocabulary.keys("types")[index % 5],
        "topics": topics,
        "region": vocabulary.keys("regions")[index % 3],
        "sources": [{"title": "Synthetische bron", "publisher": "Benchmark", "year": 2026}],
        "evidence": ["praktijkkennis"],
        "reviewed": reviewed,
        "review_due": reviewed + dt.timedelta(days=365),
    }


VIDEO_TEMPLATE = "grenzen.yml"  # an example video whose media files the synthetic videos reuse
VIDEO_EVERY = 100


def _video(target_docs: Path, index: int, title: str, topics: list[str]) -> None:
    videos = target_docs / DATA_DIR / "videos"
    meta = yaml.safe_load((videos / VIDEO_TEMPLATE).read_text(encoding="utf-8"))
    meta.update(title=f"Video: {title}", summary=f"Synthetische video {index} over {topics[0]} voor de benchmark.",
                topics=topics, related_products=[f"product-{index:05d}"])
    meta.pop("en", None)
    (videos / f"synthetisch-{index:05d}.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(target_docs: Path, source_docs: Path, n_products: int, seed: int = 1, words: int = 400) -> Path:
    """Fresh docs folder at target_docs: a copy of the real docs plus n synthetic products."""
    if target_docs.exists():
        shutil.rmtree(target_docs)
    # The real content comes along (its videos, glossary and links stay valid); synthetic products are added beside it.
    shutil.copytree(source_docs, target_docs, ignore=shutil.ignore_patterns("organisaties"))
    vocabulary = vocabulary_loader.load(target_docs / DATA_DIR / "vocabulary.yml")
    rng = random.Random(seed)
    for index in range(n_products):
        folder = target_docs / PRODUCTS_DIR / f"product-{index:05d}"
        folder.mkdir(parents=True)
        title = f"{rng.choice(WORDS).capitalize()} en {rng.choice(WORDS)} {index}"
        product_rng = random.Random(rng.random())
        topics = product_rng.sample(vocabulary.keys("topics"), 2)
        for level, name in (("standaard", "index.md"), ("makkelijk", "makkelijk.md")):
            meta = _front_matter(product_rng, title, level, vocabulary, index, topics)
            body = _body(product_rng, title, level == "makkelijk", words if level == "standaard" else words // 2)
            (folder / name).write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body, encoding="utf-8")
        if index % VIDEO_EVERY == 0:
            _video(target_docs, index, title, topics)
    return target_docs
