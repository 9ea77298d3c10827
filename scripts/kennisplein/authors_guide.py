"""The authors' guide to front matter, generated from the schema and the vocabulary.

Because it is generated at every build, it documents exactly the keys and
values the validator accepts.
"""
from __future__ import annotations

import datetime as dt

import yaml
from pydantic import BaseModel

from kennisplein.content.schema import KnowledgeProduct, Source
from kennisplein.content.vocabulary import Vocabulary

VOCABULARY_FIELDS = {"audiences": "audiences", "level": "levels", "type": "types", "topics": "topics", "region": "regions", "evidence": "evidence"}


def _rows(model: type[BaseModel], vocabulary: Vocabulary, prefix: str = "") -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        required = "ja" if field.is_required() else "nee"
        allowed = ""
        if name in VOCABULARY_FIELDS:
            kind = VOCABULARY_FIELDS[name]
            allowed = ", ".join(f"`{k}` ({vocabulary.label(kind, k)})" for k in vocabulary.keys(kind))
        example = f"`{field.examples[0]}`" if field.examples else ""
        rows.append(f"| `{prefix}{name}` | {required} | {field.description or ''} | {allowed} | {example} |")
    return rows


def example_front_matter() -> str:
    today = dt.date(2026, 11, 1)
    example = {
        "title": "Praten over intimiteit met je naaste",
        "summary": "Hoe je het gesprek over intimiteit en seksualiteit begint, en waar je hulp vindt.",
        "audiences": ["naasten"],
        "level": "standaard",
        "type": "handreiking",
        "topics": ["praten", "relaties"],
        "region": "nl",
        "sources": [{"title": "Beleidsvisie intimiteit en seksualiteit voor mensen met een beperking", "publisher": "Ministerie van VWS", "year": 2024}],
        "evidence": ["beleid", "praktijkkennis"],
        "reviewed": today,
        "review_due": today.replace(year=2027),
    }
    return yaml.safe_dump(example, allow_unicode=True, sort_keys=False)


def markdown(vocabulary: Vocabulary) -> str:
    header = "| sleutel | verplicht | betekenis | toegestane waarden | voorbeeld |\n|---|---|---|---|---|"
    product_rows = "\n".join(_rows(KnowledgeProduct, vocabulary))
    source_rows = "\n".join(_rows(Source, vocabulary, prefix="sources[].") )
    return f"""---
title: Voor redacteuren
---

# Voor redacteuren: de front matter van een kennisproduct

Deze pagina wordt bij elke build gemaakt uit het schema (`scripts/kennisplein/content/schema.py`)
en de woordenlijsten (`docs/_data/vocabulary.yml`). Ze klopt dus altijd met wat de controle accepteert.

Een kennisproduct is een map `docs/producten/<slug>/` met `index.md` (standaard) en
`makkelijk.md` (makkelijk lezen). Een Engelse vertaling heet `index.en.md` of `makkelijk.en.md`.
Maak een nieuw product met `make new TITLE="Titel van het product"`; controleer alles met `make check`.

## Sleutels

{header}
{product_rows}

## Een bron (`sources`)

{header}
{source_rows}

## Voorbeeld

```yaml
{example_front_matter()}```

## Regels die verder gelden

- Onbekende sleutels zijn een fout.
- `review_due` ligt na `reviewed`; data schrijf je als JJJJ-MM-DD.
- Elk product heeft beide versies; `type`, `region` en `topics` zijn in alle versies gelijk.
- Afbeeldingen hebben alt-tekst; `<script>`, `on…=`-attributen en `javascript:`-links zijn niet toegestaan.
"""
