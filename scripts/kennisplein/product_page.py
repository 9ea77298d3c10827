"""What a product page shows besides its text: the version switch, the
translation notice and the metadata block, as plain data for a template."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from kennisplein import dates, help_directory
from kennisplein.content.catalogue import Catalogue
from kennisplein.ui import UiText
from kennisplein.videos import context as video_context

UrlFor = Callable[[str], str]


long_date = dates.long_date  # kept here for the modules that import it from this one


def help_box(meta, easy_read: bool, entries: list, ui: UiText, url_for: UrlFor) -> dict | None:
    """The short "Hulp nodig?" box on products about boundaries or unwanted behaviour, with
    the lines of the product's region (both countries, labelled, on a product for both)."""
    if not set(meta.topics) & help_directory.HELP_TOPICS or not entries:
        return None
    groups = help_directory.short_form(entries, ui, meta.region)
    if not groups:
        return None
    page = help_directory.PAGES["makkelijk" if easy_read else "standaard"]
    return {"groups": groups, "url": url_for(page)}


def product_context(project, src: str, language: str, ui: UiText, url_for: UrlFor) -> dict | None:
    """Template data for the page built from ``src`` in a build for ``language``; None if not a product."""
    catalogue: Catalogue = project.catalogue
    found = catalogue.product_for(src)
    if found is None:
        return None
    product, page = found
    help_entries = project.help_entries(page.meta.region)
    vocab, meta = catalogue.vocabulary, page.meta
    standard = product.version("standaard", language) or product.version("standaard")
    easy = product.version("makkelijk", language) or product.version("makkelijk")
    return {
        "slug": product.slug,
        "easy_read": page.easy_read,
        "level": page.level,
        "content_language": page.language,
        "translation_missing": page.language != language,
        "switch": {
            "standard_url": url_for(standard.src) if standard else None,
            "easy_url": url_for(easy.src) if easy else None,
        },
        "audiences": [{"key": a, "label": vocab.label("audiences", a, language), "url": url_for(f"{a}.md")} for a in meta.audiences],
        "type": {"label": vocab.label("types", meta.type, language), "url": url_for(f"soorten/{meta.type}.md")},
        "topics": [{"label": vocab.label("topics", t, language), "url": url_for(f"onderwerpen/{t}.md")} for t in meta.topics],
        "region": vocab.label("regions", meta.region, language),
        "evidence": [vocab.label("evidence", e, language) for e in meta.evidence],
        "sources": [
            {
                "title": s.title,
                "publisher": s.publisher,
                "year": s.year,
                "url": str(s.url) if s.url else None,
                "checked": long_date(s.checked, ui) if s.checked else None,
            }
            for s in meta.sources
        ],
        "reviewed": long_date(meta.reviewed, ui),
        "reviewed_iso": meta.reviewed.isoformat(),
        "review_due": long_date(meta.review_due, ui),
        "review_due_iso": meta.review_due.isoformat(),
        "help": help_box(meta, page.easy_read, help_entries, ui, url_for),
        "videos": video_context.for_product(project, product.slug, language, ui, url_for),
    }
