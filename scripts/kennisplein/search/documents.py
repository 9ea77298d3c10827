"""What the search indexes, per site language, taken from the catalogue and data files.

One ``SearchDocument`` per page a reader can land on: both versions of every
product, each glossary term, the help directory, other site pages and the
videos (with their transcripts). Hub pages are left out: they only list
products that are indexed themselves. URLs are derived from source paths the
way the site generator lays pages out, so nothing here reads built HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from posixpath import dirname

from kennisplein import help_directory
from kennisplein.content.catalogue import DEFAULT_LANGUAGE, split_language
from kennisplein import markdown_text as text
from kennisplein.search import analysis

KIND_PAGE = "pagina"  # help directory and other site pages
KIND_VIDEO = "video"
KIND_GLOSSARY = "begrippenlijst"  # also a product type in the vocabulary
# What a result is, in the reader's words (ui.yml search_result_kinds); distinct from the product type.
RESULT_PRODUCT, RESULT_TERM, RESULT_VIDEO, RESULT_HELP, RESULT_PAGE = "kennisproduct", "begrip", "video", "hulp", "pagina"
HELP_GROUP = "hulp"
GLOSSARY_SRC = "begrippen.md"
START_PAGES = {"index.md", "index.en.md"}


@dataclass
class SearchDocument:
    url: str  # relative to the site root, language prefix included: "en/producten/x/"
    title: str
    summary: str
    level: str
    audiences: list[str]
    topics: list[str]
    type: str
    region: str
    language: str  # language of the text, "nl" for an untranslated page on the English site
    headings: list[str] = field(default_factory=list)
    body: str = ""
    terms: list[str] = field(default_factory=list)  # glossary terms the text uses
    transcripts: list[str] = field(default_factory=list)
    group: str = ""  # the versions of one page share it: one result with a link to each
    kind: str = RESULT_PAGE
    src: str = ""  # source path, for best bets
    _analysed: dict = field(default_factory=dict, repr=False, compare=False)

    STORED = ("url", "title", "summary", "level", "audiences", "topics", "type", "region", "language", "group", "kind")

    def __post_init__(self):
        self.group = self.group or self.url

    def stored(self) -> list:
        """Only what a result shows or filters on, in the order of ``STORED``."""
        return [getattr(self, name) for name in self.STORED]

    def analysed(self, name: str, language: str) -> list[str]:
        """Index terms of one field, computed once for both index files."""
        key = (name, language)
        if key not in self._analysed:
            value = getattr(self, name)
            self._analysed[key] = analysis.analyse(" ".join(value) if isinstance(value, list) else value, language)
        return self._analysed[key]


def language_prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def url_for(src: str, language: str, use_directory_urls: bool = True) -> str:
    """Site-root-relative URL of a page source, as mkdocs lays it out ("producten/x/makkelijk.en.md"
    on the English site -> "en/producten/x/makkelijk/")."""
    folder = dirname(src)
    stem, _ = split_language(src.rsplit("/", 1)[-1])
    folder = f"{folder}/" if folder else ""
    if stem == "index":
        path = folder if use_directory_urls else f"{folder}index.html"
    else:
        path = f"{folder}{stem}/" if use_directory_urls else f"{folder}{stem}.html"
    return language_prefix(language) + path


def _glossary_anchor(term: str) -> str:
    return term.lower().replace(" ", "-")  # as glossary.page_markdown writes the heading ids


class _TermFinder:
    """Which glossary terms a document uses, matched on index terms so "grenzen" finds "grens"."""

    def __init__(self, terms: list[str], language: str):
        self.language = language
        self.terms = [(term, f" {' '.join(analysis.analyse(term, language))} ") for term in terms]

    def __call__(self, doc: SearchDocument) -> list[str]:
        words = " ".join(" ".join(doc.analysed(name, self.language)) for name in ("title", "summary", "body"))
        words = f" {words} "
        return [term for term, needle in self.terms if needle.strip() and needle in words]


def _products(project, language: str, use_directory_urls: bool, find_terms) -> list[SearchDocument]:
    docs = []
    for product in project.catalogue.products:
        for level in ("standaard", "makkelijk"):
            page = product.version(level, language) or product.version(level, DEFAULT_LANGUAGE)
            if page is None:
                continue
            meta = page.meta
            headings, body = text.split(page.document.body)
            body += " " + " ".join(f"{source.title} {source.publisher}" for source in meta.sources)  # professionals search by source
            doc = SearchDocument(
                url=url_for(page.src, language, use_directory_urls), title=meta.title, summary=meta.summary,
                level=meta.level, audiences=list(meta.audiences), topics=list(meta.topics), type=meta.type,
                region=meta.region, language=page.language, headings=[h for h in headings if h != meta.title], body=body,
                group=f"producten/{product.slug}", kind=RESULT_PRODUCT, src=page.src,
            )
            doc.terms = find_terms(doc)
            docs.append(doc)
    return docs


def _site_pages(project, language: str, use_directory_urls: bool, audiences: list[str]) -> list[SearchDocument]:
    docs = []
    for page in project.catalogue.site_pages:
        if page.src in START_PAGES or page.language not in (language, DEFAULT_LANGUAGE):
            continue
        if page.language == DEFAULT_LANGUAGE and language != DEFAULT_LANGUAGE:
            translated = page.src[: -len(".md")] + f".{language}.md"
            if any(p.src == translated for p in project.catalogue.site_pages):
                continue
        headings, body = text.split(page.document.body)
        docs.append(SearchDocument(
            url=url_for(page.src, language, use_directory_urls), title=page.meta.title, summary=page.meta.summary or "",
            level=page.meta.level, audiences=audiences, topics=[], type=KIND_PAGE, region="algemeen",
            language=page.language, headings=list(headings), body=body, src=page.src,
            group=url_for(page.src.replace("-makkelijk.", "."), language, use_directory_urls),
        ))
    return docs


def _help_pages(project, language: str, use_directory_urls: bool, audiences: list[str]) -> list[SearchDocument]:
    ui = project.ui[language]
    org = project.organisation
    docs = []
    for level, src in help_directory.PAGES.items():
        markdown = help_directory.page_markdown(project.help_entries(), level, language, ui, project.vocabulary, org.short_name if org else None)
        headings, body = text.split(markdown.split("\n---\n", 1)[-1])
        docs.append(SearchDocument(
            url=url_for(src, language, use_directory_urls), title=ui["help_title"],
            summary=ui["help_intro_easy" if level == "makkelijk" else "help_intro"], level=level, audiences=audiences,
            topics=["hulp-zoeken"], type=KIND_PAGE, region="algemeen", language=language,
            headings=[h for h in headings if h != ui["help_title"]], body=body, group=HELP_GROUP, kind=RESULT_HELP, src=src,
        ))
    return docs


def _glossary(project, language: str, use_directory_urls: bool, audiences: list[str]) -> list[SearchDocument]:
    page = url_for(GLOSSARY_SRC, language, use_directory_urls)
    docs = []
    for term in project.glossary.terms:
        english = language != DEFAULT_LANGUAGE and bool(term.en)
        docs.append(SearchDocument(
            url=f"{page}#{_glossary_anchor(term.term)}", title=term.term[:1].upper() + term.term[1:],
            summary=" ".join((term.en if english else term.standard).split()), level="standaard", audiences=audiences,
            topics=[], type=KIND_GLOSSARY, region="algemeen", language="en" if english else DEFAULT_LANGUAGE,
            body="" if english else term.easy, terms=[term.term], kind=RESULT_TERM,
        ))
    return docs


def _videos(project, language: str, use_directory_urls: bool) -> list[SearchDocument]:
    """Video pages with their transcripts; an empty list where the project has no video index."""
    if getattr(project, "videos", None) is None:
        return []
    from kennisplein.videos import search_documents

    return [
        SearchDocument(
            url=record["url"], title=record["title"], summary=record["summary"] or "", level=record["level"],
            audiences=list(record["audiences"]), topics=list(record["topics"]), type=KIND_VIDEO, region=record["region"],
            language=record["language"], transcripts=[record["transcript"]] if record.get("transcript") else [],
            kind=RESULT_VIDEO,
        )
        for record in search_documents(project, language, use_directory_urls)
    ]


def documents(project, language: str, use_directory_urls: bool = True) -> list[SearchDocument]:
    """Everything a reader of the ``language`` site can find, in a stable order."""
    audiences = project.vocabulary.keys("audiences")
    find_terms = _TermFinder([t.term for t in project.glossary.terms], language)
    return (
        _products(project, language, use_directory_urls, find_terms)
        + _videos(project, language, use_directory_urls)
        + _help_pages(project, language, use_directory_urls, audiences)
        + _site_pages(project, language, use_directory_urls, audiences)
        + _glossary(project, language, use_directory_urls, audiences)
    )
