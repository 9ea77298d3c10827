"""The search page's filters: which document field each URL parameter filters, with labels.

Parameter names are Dutch on both sites (``/zoeken/?q=grenzen&doelgroep=naasten``),
like the video and help filters, so a shared link works whatever the reader's language.
"""
from __future__ import annotations

from kennisplein.search.documents import KIND_PAGE, KIND_VIDEO

FACETS = (  # URL parameter, stored document field, vocabulary kind (None: not from the vocabulary)
    ("doelgroep", "audiences", "audiences"),
    ("niveau", "level", "levels"),
    ("soort", "type", "types"),
    ("onderwerp", "topics", "topics"),
    ("regio", "region", "regions"),
    ("taal", "language", None),
)


def _mapping(value) -> dict:
    return dict(value) if isinstance(value, dict) else {}


def facets(vocabulary, ui, language: str) -> list[dict]:
    """Facet definitions for the index file: parameter, field, title and value labels, in display order."""
    out = []
    for param, field, kind in FACETS:
        if kind:
            values = {key: vocabulary.label(kind, key, language) for key in vocabulary.keys(kind)}
        else:
            values = _mapping(ui.get("search_languages"))
        if param == "soort":
            kinds = _mapping(ui.get("search_kinds"))
            values.update({key: kinds.get(key, key) for key in (KIND_VIDEO, KIND_PAGE)})
        out.append({"param": param, "field": field, "label": ui[f"search_facet_{param}"], "values": values})
    return out
