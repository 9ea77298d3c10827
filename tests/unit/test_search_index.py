"""The index files: what is indexed, what is stored, and that special words are findable.

Built from small hand-made documents, so each test names the word it needs.
"""
from __future__ import annotations

import json

import pytest
from lunr.builder import Builder

from kennisplein.search import analysis, index, query
from kennisplein.search.documents import SearchDocument


def doc(title, body="", summary="Een korte samenvatting van deze pagina.", **extra):
    fields = {"url": f"producten/{title.lower().replace(' ', '-')}/", "title": title, "summary": summary, "level": "standaard",
              "audiences": ["naasten"], "topics": ["grenzen"], "type": "handreiking", "region": "nl", "language": "nl"}
    fields.update(extra)
    return SearchDocument(body=body, **fields)


DOCS = [
    doc("Eén afspraak", "Er is maar één afspraak: jij beslist."),
    doc("Werk", "Over reïntegratie na ziekte en werk."),
    doc("Voor wie", "Voor cliënten en hun naasten."),
    doc("Cijfers", "In 2023 kwam de beleidsvisie uit."),
    doc("Grenzen aangeven", "Nee zeggen mag altijd.", headings=["Wat is een grens?"], terms=["grensoverschrijdend gedrag"]),
    doc("Video over vriendschap", transcripts=["Sam vertelt over zijn beste vriend."], type="video"),
]


@pytest.fixture(scope="module")
def full():
    return index.build(DOCS, "nl")


def titles(found):
    return [DOCS[int(ref)].title for ref, _ in found]


@pytest.mark.parametrize(("typed", "title"), [
    ("één", "Eén afspraak"), ("reïntegratie", "Werk"), ("reintegratie", "Werk"), ("cliënten", "Voor wie"),
    ("clienten", "Voor wie"), ("2023", "Cijfers"), ("grens", "Grenzen aangeven"), ("grensoverschrijdend", "Grenzen aangeven"),
    ("vriend", "Video over vriendschap"), ("reïnte", "Werk"),
])
def test_special_words_are_findable(full, typed, title):
    assert titles(query.search(full, typed, "nl", []))[:1] == [title]


def test_title_outweighs_body(full):
    found = titles(query.search(full, "grenzen", "nl", []))
    assert found[0] == "Grenzen aangeven"


def test_results_are_ranked_with_ties_in_document_order(full):
    found = query.search(full, "afspraak werk", "nl", [])
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)


def test_serialised_index_names_the_shared_pipeline(full):
    assert full.serialize()["pipeline"] == analysis.pipeline_labels("nl")


def test_terms_builder_equals_lunr_builder():
    ours = index.build(DOCS, "nl").serialize()
    builder = Builder()
    builder.ref("id")
    for name, boost in index.FULL_FIELDS:
        builder.field(name, boost=boost)
    builder.pipeline.add(*analysis.pipeline_functions("nl"))
    builder.search_pipeline.add(*analysis.pipeline_functions("nl"))
    for ref, d in enumerate(DOCS):
        record = {"id": str(ref)}
        for name, _ in index.FULL_FIELDS:
            value = getattr(d, name)
            record[name] = analysis.tokenize(" ".join(value) if isinstance(value, list) else value)
        builder.add(record)
    assert json.dumps(ours, sort_keys=True) == json.dumps(builder.build().serialize(), sort_keys=True)


def test_payloads_store_only_what_results_use():
    instant, full = index.payloads(DOCS, "nl", [], [])
    assert instant["fields"] == ["url", "title", "summary", "level", "audiences", "topics", "type", "region", "language", "group", "kind"]
    assert all(len(stored) == len(instant["fields"]) for stored in instant["docs"])
    assert "docs" not in full
    assert [name for name, _ in index.INSTANT_FIELDS] == instant["index"]["fields"]
    for payload in (instant, full):
        for _, posting in payload["index"]["invertedIndex"]:
            for field, refs in posting.items():
                assert field == "_index" or (refs and all(meta == {} for meta in refs.values())), "no positions, no empty fields"


def test_written_files_read_back_and_load(tmp_path, full):
    instant, full_payload = index.payloads(DOCS, "nl", [], [])
    paths = index.write(tmp_path, instant, full_payload)
    assert [p.name for p in paths] == ["index-nl.js", "index-nl-full.js"]
    assert paths[0].read_text(encoding="utf-8").startswith("kpSearch.receive({")
    loaded = index.load(index.read(paths[1]))
    assert query.search(loaded, "één", "nl", []) == query.search(full, "één", "nl", [])
