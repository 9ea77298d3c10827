"""Build the two prebuilt lunr indexes of one site language and write them as scripts.

Why two: the first results must show within 300 ms of the first keystroke on a
site of thousands of pages, and one lunr index over all text is megabytes. So
per language there is

* ``index-<lang>.js``: titles and summaries only, plus what a result shows
  (``SearchDocument.STORED``), the facet labels, the stop words, the synonyms and
  the query settings. Loaded when a reader focuses a search field; small.
* ``index-<lang>-full.js``: every field (title, summary, headings, body,
  glossary terms, video transcripts), loaded right after it. Results switch to
  it once it has arrived. It stores no documents: refs point into the first file.

Both are scripts that hand their data (a JSON string) to ``kpSearch.receive``, so a copy opened
from ``file://`` can search too (browsers refuse ``fetch`` there). Neither
stores term positions: results highlight words by analysing the shown text.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.vector import Vector

from kennisplein.search import analysis, query, spelling
from kennisplein.search.documents import SearchDocument

INSTANT_FIELDS = (("title", 10), ("summary", 3))
FULL_FIELDS = (("title", 10), ("summary", 3), ("headings", 3), ("terms", 3), ("body", 1), ("transcripts", 1))
CALLBACK = "kpSearch.receive"
FORMAT = 1


def file_names(language: str) -> tuple[str, str]:
    return f"index-{language}.js", f"index-{language}-full.js"


def words_file_name(language: str) -> str:
    """The spelling lexicon (``spelling.lexicon``): loaded only when a typed word is not in the index."""
    return f"index-{language}-words.js"


class TermsBuilder(Builder):
    """lunr.py's Builder fed with index terms instead of text.

    Words are analysed once per document (``SearchDocument.analysed``, with cached
    stems) by the same functions lunr's pipeline would run; this ``add`` then does
    what ``Builder.add`` does with them, without lunr's per-token objects (a
    deep-copied metadata dict per word: two thirds of the build time).
    ``_create_field_vectors`` computes lunr's BM25 scores with the same
    expression but fills each vector once instead of by sorted insertion (a third
    of what was left). The token set and serialisation are lunr.py's own; a unit
    test checks the serialised index equals lunr.py's ``Builder`` with the pipeline."""

    def add_terms(self, doc_ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[doc_ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            terms = fields.get(field_name, [])
            field_ref = str(FieldRef(doc_ref, field_name))
            self.field_term_frequencies[field_ref] = Counter(terms)
            self.field_lengths[field_ref] = len(terms)
            for term in dict.fromkeys(terms):
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}

    def _create_field_vectors(self):
        k1, b = self._k1, self._b
        idf_cache: dict[str, float] = {}
        vectors = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split(FieldRef.JOINER, 1)
            field_length = self.field_lengths[field_ref]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            average = self.average_field_length[field_name]
            scored = []
            for term, tf in term_frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = Idf(posting, self.document_count)
                score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (field_length / average)) + tf)
                score *= field_boost
                score *= doc_boost
                scored.append((posting["_index"], round(score, 3)))
            scored.sort()
            vectors[field_ref] = Vector([value for pair in scored for value in pair])
        self.field_vectors = vectors


def build(docs: list[SearchDocument], language: str, fields=FULL_FIELDS) -> Index:
    """A lunr.py index whose refs are positions in ``docs``; the serialised index
    names the query pipeline, so lunr.js loads the same functions by label."""
    builder = TermsBuilder()
    builder.ref("id")
    for name, boost in fields:
        builder.field(name, boost=boost)
    builder.search_pipeline.add(*analysis.pipeline_functions(language))
    for ref, doc in enumerate(docs):
        builder.add_terms(str(ref), {name: doc.analysed(name, language) for name, _ in fields})
    return builder.build()


def _compact(serialised: dict) -> dict:
    # lunr lists every field in every posting, mostly empty; the readers put them back.
    serialised["invertedIndex"] = [
        [term, {key: value for key, value in posting.items() if value != {}}] for term, posting in serialised["invertedIndex"]
    ]
    return serialised


def expand(serialised: dict) -> dict:
    """Undo ``_compact``: what ``lunr.Index.load`` (Python or JS) expects."""
    fields = serialised["fields"]
    for _, posting in serialised["invertedIndex"]:
        for field in fields:
            posting.setdefault(field, {})
    return serialised


def _script(payload: dict) -> str:
    # The JSON travels as a string that the loader hands to JSON.parse: a browser takes two to three times as long
    # to parse and run a megabyte-sized object literal as to JSON.parse the same text (measured by
    # scripts/bench/search_bench.py: first results at 4,000 pages, and the main thread blocked while the full index loads).
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    literal = data.replace("\\", "\\\\").replace("'", "\\'")
    return f"{CALLBACK}({{\"json\":'{literal}'}});\n"


def payloads(docs: list[SearchDocument], language: str, facets: list[dict], groups: list, best_bets: list | None = None,
             kind_words: dict | None = None, hint_words: dict | None = None) -> tuple[dict, dict]:
    """The contents of the two index files, before they are written."""
    instant_name, full_name = file_names(language)
    instant = {
        "format": FORMAT,
        "tier": "instant",
        "language": language,
        "full": full_name,
        "words": words_file_name(language),
        "bestBets": list(best_bets or []),
        "kindWords": dict(kind_words or {}),
        "hintWords": dict(hint_words or {}),
        "stopWords": sorted(analysis.stop_words(language)),
        "settings": query.SETTINGS.to_json(),
        "synonyms": groups,
        "facets": facets,
        "fields": list(SearchDocument.STORED),
        "docs": [doc.stored() for doc in docs],
        "index": _compact(build(docs, language, INSTANT_FIELDS).serialize()),
    }
    full = {"format": FORMAT, "tier": "full", "language": language, "index": _compact(build(docs, language, FULL_FIELDS).serialize())}
    return instant, full


def words_payload(docs: list[SearchDocument], language: str) -> dict:
    """The spelling lexicon of every indexed field."""
    return {"format": FORMAT, "tier": "words", "language": language,
            "words": spelling.lexicon(docs, language, [name for name, _ in FULL_FIELDS])}


def write(out_dir: Path, instant: dict, full: dict, words: dict | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    named = list(zip(file_names(instant["language"]), (instant, full)))
    if words is not None:
        named.append((words_file_name(instant["language"]), words))
    for name, payload in named:
        path = out_dir / name
        path.write_text(_script(payload), encoding="utf-8")
        paths.append(path)
    return paths


def read(path: Path) -> dict:
    """The payload of a written index file (for tests and the evaluation)."""
    text = path.read_text(encoding="utf-8").strip()
    prefix, wrapped = CALLBACK + "(", CALLBACK + "({\"json\":'"
    if text.startswith(wrapped) and text.endswith("'});"):
        literal = text[len(wrapped):-4]
        return json.loads(re.sub(r"\\([\\'])", r"\1", literal))
    if not (text.startswith(prefix) and text.endswith(");")):
        raise ValueError(f"{path} is not a search index script")
    return json.loads(text[len(prefix):-2])


def load(payload: dict) -> Index:
    """A lunr.py Index from a payload, as lunr.js loads it in the browser."""
    return Index.load(expand(json.loads(json.dumps(payload["index"]))))
