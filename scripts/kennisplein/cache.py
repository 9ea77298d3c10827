"""A small on-disk cache of results that depend only on their inputs.

Used for the readability measures, the slowest check: a rebuild (or `mkdocs
serve` after editing one product) re-measures only pages whose text changed.
Keys are hashes of everything a result depends on, including the code that
computes it, so a stale entry can never be returned; the file is rewritten
whole, and a corrupt or unreadable cache is simply ignored.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, object] = {}
        self.used: set[str] = set()
        self.added = False
        if path and path.exists():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}

    def get(self, k: str):
        if k in self.entries:
            self.used.add(k)
        return self.entries.get(k)

    def put(self, k: str, value) -> None:
        self.added = self.added or k not in self.entries
        self.entries[k] = value
        self.used.add(k)

    def save(self) -> None:
        """Keep only what this run used, so the file does not grow without bound."""
        if not self.path or (not self.added and len(self.used) == len(self.entries)):
            return  # the file already holds exactly this (`mkdocs serve` saves after every rebuild)
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(kept), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time
