"""Relevance evaluation: do realistic queries find the right page on the first screen?

Queries live in ``tests/search/queries.yml`` (the shape of the shared starting
set): each has the query as a relative, a client or a professional would type
it, and ``expect_title``: words one of which the right result's title contains.
A query passes when such a result is in the top 5 (recall@5); MRR is the mean
of 1/rank of the first such result (0 when it is not in the top 10).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisplein.search import index as search_index
from kennisplein.search import query as search_query

TOP = 5
DEPTH = 10


@dataclass
class Outcome:
    query: str
    audience: str
    rank: int | None  # 1-based rank of the first right result within DEPTH
    top: list[str]  # titles of the first TOP results


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(1 for o in self.outcomes if o.rank and o.rank <= TOP) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.rank or o.rank > TOP]

    def text(self) -> str:
        lines = [f"{len(self.outcomes)} queries: recall@{TOP} {self.recall:.3f}, MRR {self.mrr:.3f}"]
        for audience in sorted({o.audience for o in self.outcomes}):
            part = Report([o for o in self.outcomes if o.audience == audience])
            lines.append(f"  {audience}: {len(part.outcomes)} queries, recall@{TOP} {part.recall:.3f}, MRR {part.mrr:.3f}")
        for miss in self.misses():
            lines.append(f"  miss: {miss.query!r} (rank {miss.rank}); top: {miss.top}")
        return "\n".join(lines)


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(site_search_dir: Path, language: str, queries: list[dict], tier: str = "full") -> Report:
    """Run every query against the built index files of one language, as the browser does."""
    instant_name, full_name = search_index.file_names(language)
    instant = search_index.read(site_search_dir / instant_name)
    payload = search_index.read(site_search_dir / full_name) if tier == "full" else instant
    lunr_index = search_index.load(payload)
    titles = [doc[instant["fields"].index("title")] for doc in instant["docs"]]
    report = Report()
    for item in queries:
        expected = [e.lower() for e in item["expect_title"]]
        ranked = search_query.search(lunr_index, item["query"], language, instant["synonyms"])
        found = [titles[int(ref)] for ref, _ in ranked[:DEPTH]]
        rank = next((i + 1 for i, title in enumerate(found) if any(e in title.lower() for e in expected)), None)
        report.outcomes.append(Outcome(item["query"], item.get("audience", ""), rank, found[:TOP]))
    return report
