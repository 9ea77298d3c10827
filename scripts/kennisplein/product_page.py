"""What a product page shows besides its text: the version switch, the
translation notice and the metadata block, as plain data for a template."""
from __future__ import annotations

from typing import Callable

from kennisplein import help_directory, hubs
from kennisplein.content.catalogue import Catalogue
from kennisplein.ui import UiText, long_date
from kennisplein.videos import context as video_context

UrlFor = Callable[[str], str]


META_LABELS = ("about_this_page", "meta_audiences", "meta_type", "meta_topics", "meta_region", "meta_evidence",
               "meta_sources", "meta_reviewed", "meta_review_due", "meta_checked")


def easy_labels(ui: UiText) -> dict[str, str]:
    """The metadata block's labels in easy words (ui.yml ``easy_meta``), per language."""
    easy = ui["easy_meta"] if isinstance(ui["easy_meta"], dict) else {}
    return {k: easy.get(k) or ui[k] for k in META_LABELS}


def help_box(meta, easy_read: bool, entries: list, ui: UiText, url_for: UrlFor, language: str = "nl") -> dict | None:
    """The short "Hulp nodig?" box on products about boundaries or unwanted behaviour, with
    the lines of the product's region (both countries, labelled, on a product for both)."""
    if not set(meta.topics) & help_directory.HELP_TOPICS or not entries:
        return None
    groups = help_directory.short_form(entries, ui, meta.region, language)
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
    easy = page.easy_read
    labels = easy_labels(ui) if easy else {k: ui[k] for k in META_LABELS}
    easy_audiences = ui["easy_audiences"] if easy and isinstance(ui["easy_audiences"], dict) else {}
    easy_evidence = ui["easy_evidence"] if easy and isinstance(ui["easy_evidence"], dict) else {}
    easy_topics = ui["easy_topics"] if easy and isinstance(ui["easy_topics"], dict) else {}
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
        "labels": labels,
        "audiences": [{"key": a, "label": easy_audiences.get(a) or vocab.label("audiences", a, language), "url": url_for(f"{a}.md")} for a in meta.audiences],
        "type": {"label": hubs.type_label(vocab, ui, meta.type, language, easy), "url": url_for(f"soorten/{meta.type}.md")},
        "topics": [{"label": easy_topics.get(t) or vocab.label("topics", t, language), "url": url_for(f"onderwerpen/{t}.md")} for t in meta.topics],
        "region": vocab.label("regions", meta.region, language),
        "evidence": [easy_evidence.get(e) or vocab.label("evidence", e, language) for e in meta.evidence],
        "sources": [
            {
                "title": s.title,
                "publisher": s.publisher,
                "easy": s.easy or s.publisher,
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
        "help": help_box(meta, page.easy_read, help_entries, ui, url_for, language),
        "videos": video_context.for_product(project, product.slug, language, ui, url_for),
    }
