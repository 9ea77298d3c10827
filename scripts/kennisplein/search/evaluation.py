"""Relevance evaluation: do realistic queries find the right page on the first screen of a phone?

Queries live in ``tests/search/queries.yml``: each has the query as a relative, a
client or a professional would type it and ``expect``: the URLs of the pages that
answer it (a result counts when one of its links starts with one of them), or, in
the older shape of the shared starting set, ``expect_title``: words one of which
the right result's title contains. A query succeeds when such a result is among
the first three (success@3: what a phone shows without scrolling); MRR is the
mean of 1/rank of the first such result (0 when it is not in the top 10).

The same scoring serves the Python index (``evaluate``) and the browser harness
(``tests/browser/test_search_relevance_browser.py``, through ``score``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisplein.search import index as search_index
from kennisplein.search import query as search_query
from kennisplein.search import spelling

TOP = 3
DEPTH = 10


@dataclass
class Outcome:
    query: str
    audience: str
    rank: int | None  # 1-based rank of the first right result within DEPTH
    top: list[str]  # first link of each of the first TOP results
    tags: list[str] = field(default_factory=list)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def success(self) -> float:
        return sum(1 for o in self.outcomes if o.rank and o.rank <= TOP) / max(1, len(self.outcomes))

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / max(1, len(self.outcomes))

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.rank or o.rank > TOP]

    def text(self, name: str = "") -> str:
        lines = [f"{name}{len(self.outcomes)} queries: success@{TOP} {self.success:.3f}, MRR {self.mrr:.3f}"]
        parts = {f"audience {a}": [o for o in self.outcomes if o.audience == a] for a in sorted({o.audience for o in self.outcomes})}
        parts.update({f"tag {t}": [o for o in self.outcomes if t in o.tags] for t in sorted({t for o in self.outcomes for t in o.tags})})
        parts["short (<= 2 words)"] = [o for o in self.outcomes if len(o.query.split()) <= 2]
        for label, part in parts.items():
            if part:
                sub = Report(part)
                lines.append(f"  {label}: {len(part)} queries, success@{TOP} {sub.success:.3f}, MRR {sub.mrr:.3f}")
        for miss in self.misses():
            lines.append(f"  miss: {miss.query!r} (rank {miss.rank}); top: {miss.top}")
        return "\n".join(lines)


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def is_right(item: dict, urls: list[str], title: str) -> bool:
    """Whether a result (its links, site-root-relative, and its title) answers the query ``item``."""
    if any(url.startswith(e) for url in urls for e in item.get("expect", [])):
        return True
    return any(e.lower() in title.lower() for e in item.get("expect_title", []))


def score(item: dict, results: list[tuple[list[str], str]]) -> Outcome:
    """An outcome from ranked results, each (its links, its title)."""
    rank = next((i + 1 for i, (urls, title) in enumerate(results[:DEPTH]) if is_right(item, urls, title)), None)
    return Outcome(item["query"], item.get("audience", ""), rank, [urls[0] for urls, _ in results[:TOP]], list(item.get("tags", [])))


def evaluate(site_search_dir: Path, language: str, queries: list[dict], tier: str = "full") -> Report:
    """Run every query against the built index files of one language as the search page does
    (``query.find``: corrections, best bets, versions grouped)."""
    instant_name, full_name = search_index.file_names(language)
    instant = search_index.read(site_search_dir / instant_name)
    payload = search_index.read(site_search_dir / full_name) if tier == "full" else instant
    words = site_search_dir / search_index.words_file_name(language)
    speller = spelling.Speller(search_index.read(words)["words"]) if words.exists() else None
    lunr_index = search_index.load(payload)
    fields = instant["fields"]
    url_of, title_of = fields.index("url"), fields.index("title")
    docs = instant["docs"]
    report = Report()
    for item in queries:
        found = search_query.find(lunr_index, item["query"], language, instant, speller)
        results = [([docs[r][url_of] for r in result["refs"]], docs[result["refs"][0]][title_of]) for result in found["results"]]
        report.outcomes.append(score(item, results))
    return report
