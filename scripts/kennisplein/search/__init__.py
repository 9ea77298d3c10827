"""The site search: a prebuilt lunr index per language, searched in the browser.

Engine-neutral: nothing here imports mkdocs. ``documents`` decides what is
indexed, ``analysis`` how words become index terms (the same functions run in
the browser), ``synonyms`` and ``query`` what a typed query looks for and how
results are ranked and grouped, ``spelling`` corrects slips from a lexicon built
with the index, ``best_bets`` reads the words that lead straight to one page,
``index`` builds and writes the index files, ``facets`` and ``page`` feed the
search page and the search field in every page's header, ``evaluation`` scores
the relevance set.
"""
from __future__ import annotations

from pathlib import Path

from kennisplein.content.catalogue import DATA_DIR
from kennisplein.search import best_bets, documents, facets, index, synonyms
from kennisplein.search.page import SRC as PAGE_SRC
from kennisplein.search.page import context, page
from kennisplein.search.synonyms import SynonymsError

__all__ = ["PAGE_SRC", "SynonymsError", "check_data", "context", "page", "write_site_index"]


def check_data(project) -> list:
    """Problems in the search's data files (synonyms, best bets), for ``make check``: located, never a traceback."""
    from kennisplein import help_directory
    from kennisplein.problems import Problem

    data_dir = project.docs_dir / DATA_DIR
    try:
        synonyms.read(data_dir)
        bets = best_bets.read(data_dir)
    except SynonymsError as exc:
        return list(exc.problems)
    sources = {page.src for page in project.catalogue.pages()} | set(help_directory.PAGES.values())
    shown = f"{data_dir.parent.name}/{data_dir.name}/{best_bets.BEST_BETS_FILE}"
    return [Problem(shown, None, f"best bet page {bet.page!r} does not exist under docs/") for bet in bets.nl + bets.en if bet.page not in sources]


def write_site_index(project, site_dir: Path, language: str, use_directory_urls: bool = True) -> list[Path]:
    """Write ``search/index-<lang>.js``, ``index-<lang>-full.js`` and the spelling lexicon ``index-<lang>-words.js``
    under the language's folder of the site."""
    docs = documents.documents(project, language, use_directory_urls)
    data_dir = project.docs_dir / DATA_DIR
    groups = synonyms.analysed_groups(synonyms.read(data_dir), language)
    bets_file = best_bets.read(data_dir)
    bets = best_bets.analysed(bets_file, language, {doc.src: doc.group for doc in docs if doc.src})
    instant, full = index.payloads(docs, language, facets.facets(project.vocabulary, project.ui[language], language), groups, bets,
                                   best_bets.kind_words(bets_file, language), best_bets.hint_words(bets_file, language))
    words = index.words_payload(docs, language)
    return index.write(Path(site_dir) / documents.language_prefix(language) / "search", instant, full, words)
