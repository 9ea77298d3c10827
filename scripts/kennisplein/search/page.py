"""The full search page (``zoeken/``) and what every page's search field needs to know.

The page is generated like the hubs: Markdown with a title only; the form,
filters and result list come from ``overrides/components/search-page.html``
and its script. ``context`` gives templates the paths they need, relative to the
site root (the browser resolves them against the page's ``base_url``).
"""
from __future__ import annotations

from kennisplein import help_directory
from kennisplein.hubs import HubPage
from kennisplein.search import analysis
from kennisplein.search.documents import language_prefix, url_for
from kennisplein.search.index import file_names

SRC = "zoeken.md"
EASY_READ_ROUTE = "clienten"  # the clients' hub: its readers see the easy-read version of a result first
VENDOR = "assets/javascripts/vendor/"
SCRIPTS = "assets/javascripts/"
STEMMER_SCRIPTS = {"nl": [VENDOR + "lunr.stemmer.support.js", VENDOR + "lunr.nl.js"], "en": []}
STRING_KEYS = (
    "search_label", "search_placeholder", "search_submit", "search_all_results", "search_loading", "search_error",
    "search_count", "search_count_one", "search_count_none", "search_no_results", "search_no_results_help",
    "search_prompt", "search_more", "search_filters", "search_filter_reset", "search_glossary", "easy_read",
    "search_not_translated", "search_results_label", "search_corrected", "search_as_typed", "search_best_bet",
    "search_result_kinds", "search_level_label", "search_filters_active", "search_header_none_help",
    "read_easy_version", "read_standard_version", "help_title",
)


def _route_label(ui, audience: str) -> str:
    labels = ui.get("route_label")
    return labels.get(audience, audience) if isinstance(labels, dict) else audience


def page(language: str, ui) -> HubPage:
    title = ui["search_page_title"]
    markdown = f"---\ntitle: {title!r}\nhide: [navigation, toc]\n---\n\n# {title}\n"
    return HubPage(SRC, title, markdown)


def context(project, src_uri: str, language: str, use_directory_urls: bool) -> dict:
    """``kp_search`` for the templates; ``config`` is handed to the browser as JSON."""
    ui = project.ui[language]
    audiences = project.vocabulary.keys("audiences")
    config = {
        "language": language,
        "index": language_prefix(language) + "search/" + file_names(language)[0],
        "searchPage": url_for(SRC, language, use_directory_urls),
        "scripts": [VENDOR + "lunr.min.js", *STEMMER_SCRIPTS[language], SCRIPTS + "search-pipeline.js", SCRIPTS + "search-query.js"],
        "pipeline": analysis.pipeline_labels(language),
        "hubs": [{"url": url_for(f"{a}.md", language, use_directory_urls), "label": _route_label(ui, a)} for a in audiences],
        "glossary": url_for("begrippen.md", language, use_directory_urls),
        "help": url_for(help_directory.PAGES["standaard"], language, use_directory_urls),
        "strings": {key: ui[key] for key in STRING_KEYS},
    }
    clients_route = src_uri in (f"{EASY_READ_ROUTE}.md", f"{EASY_READ_ROUTE}.{language}.md")
    return {"is_page": src_uri in (SRC, SRC.replace(".md", f".{language}.md")), "config": config, "clients_route": clients_route}
