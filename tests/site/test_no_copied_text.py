"""No sentence of the site is a copy of the source documents: no shared run of 12 or more words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 12
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The raw sources carry mojibake; repair it so a copied sentence cannot hide behind it.
MOJIBAKE = {"Ô": "ï", "Ž": "é"}


def words(text: str) -> list[str]:
    for bad, good in MOJIBAKE.items():
        text = text.replace(bad, good)
    text = re.sub(r"-\s*\n\s*", "", text)  # words hyphenated across lines in the PDF text
    return [w.lower() for w in WORD.findall(text)]


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not present at {SEEDS}: nothing to compare against")
    found: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        found |= runs(words(seed.read_text(encoding="utf-8", errors="replace")))
    return found


def test_built_text_shares_no_run_of_12_words_with_the_sources(built_site, parse, source_runs):
    copied = []
    for page in sorted(built_site.rglob("*.html")):
        article = parse(page).cssselect("article.md-content__inner")
        if not article:
            continue
        shared = runs(words(article[0].text_content())) & source_runs
        if shared:
            copied.append(f"{page.relative_to(built_site)}: \"{' '.join(sorted(shared)[0])}\"")
    assert not copied, "text copied from the sources:\n" + "\n".join(copied)
