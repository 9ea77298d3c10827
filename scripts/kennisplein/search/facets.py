"""The search page's filters: which document field each URL parameter filters, with labels.

Parameter names are Dutch on both sites (``/zoeken/?q=grenzen&doelgroep=naasten``),
like the video and help filters, so a shared link works whatever the reader's language.
"""
from __future__ import annotations

from kennisplein.search.documents import KIND_PAGE, KIND_VIDEO

BOTH_REGIONS = "algemeen"  # "Nederland en Vlaanderen": such a page is found under either region
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
        facet = {"param": param, "field": field, "label": ui[f"search_facet_{param}"], "values": values}
        if param == "regio" and BOTH_REGIONS in values:
            regions = [key for key in values if key != BOTH_REGIONS]
            facet["also"] = {BOTH_REGIONS: regions}  # a value of the document that counts as these values too
            facet["values"] = {key: values[key] for key in regions}
        out.append(facet)
    return out
