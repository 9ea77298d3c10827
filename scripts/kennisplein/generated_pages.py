"""Every page the build makes from data rather than from a Markdown file.

One list per language, so the wiring adds them in a loop and a new generated
page (a hub, the glossary, the help directory) is added here, not in the hooks.
"""
from __future__ import annotations

from kennisplein import authors_guide, glossary, help_directory, hubs, search, whats_new
from kennisplein.hubs import HubPage
from kennisplein.videos import guide as video_guide
from kennisplein.videos import pages as video_pages

DEFAULT_LANGUAGE = "nl"


AUTHORS_GUIDE = "voor-redacteuren.md"


def for_language(project, language: str, with_authors_guide: bool = False) -> list[HubPage]:
    """``with_authors_guide``: the editors' guide, made only for `make serve` (the editors'
    preview): readers of the public site have no use for front-matter keys and file paths."""
    ui = project.ui[language]
    pages = list(hubs.all_hubs(project.catalogue, language, ui, project.routes))
    pages.append(HubPage("begrippen.md", ui["glossary_title"], glossary.page_markdown(project.glossary, language, ui)))
    org = project.organisation
    for level, src in help_directory.PAGES.items():
        markdown = help_directory.page_markdown(project.help_entries(), level, language, ui, project.vocabulary, org.short_name if org else None)
        pages.append(HubPage(src, ui["help_title"], markdown))
    pages += video_pages.generated(project.videos, language, ui)
    pages.append(search.page(language, ui))
    pages.append(whats_new.page(project.catalogue, language, ui))
    if with_authors_guide and language == DEFAULT_LANGUAGE:
        pages.append(HubPage(AUTHORS_GUIDE, "Voor redacteuren", authors_guide.markdown(project.vocabulary) + video_guide.markdown(project.vocabulary)))
    return pages
