"""Find every knowledge product and site page under ``docs/`` and validate it.

A product is a folder ``producten/<slug>/`` holding ``index.md`` (standard) and
``makkelijk.md`` (easy read), each optionally translated as ``*.en.md``. The
``Catalogue`` is the one view of all content that hubs, search, the video index
and the organisation filters are derived from.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kennisplein.checks import markup
from kennisplein.content import frontmatter
from kennisplein.content.schema import KnowledgeProduct, SitePage
from kennisplein.content.validation import validate_model
from kennisplein.content.vocabulary import LANGUAGES, Vocabulary
from kennisplein.problems import Problem

PRODUCTS_DIR = "producten"
DATA_DIR = "_data"
VERSION_FILES = {"standaard": "index", "makkelijk": "makkelijk"}
DEFAULT_LANGUAGE = "nl"


@dataclass
class Page:
    """One Markdown file: a version of a product in one language, or a site page."""

    src: str  # path relative to docs/, POSIX style: producten/x/makkelijk.en.md
    language: str
    meta: KnowledgeProduct | SitePage
    document: frontmatter.MarkdownDocument

    @property
    def level(self) -> str:
        return self.meta.level

    @property
    def easy_read(self) -> bool:
        return self.meta.level == "makkelijk"


@dataclass
class Product:
    slug: str
    folder: str  # relative to docs/
    versions: dict[tuple[str, str], Page] = field(default_factory=dict)  # (level, language) -> Page

    def version(self, level: str, language: str = DEFAULT_LANGUAGE) -> Page | None:
        return self.versions.get((level, language))

    @property
    def main(self) -> Page:
        """The Dutch standard version: the product's reference metadata."""
        return self.versions[("standaard", DEFAULT_LANGUAGE)]

    def languages(self, level: str) -> list[str]:
        return [lang for (lvl, lang) in self.versions if lvl == level]


@dataclass
class Catalogue:
    docs_dir: Path
    vocabulary: Vocabulary
    products: list[Product] = field(default_factory=list)
    site_pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_src: dict | None = field(default=None, repr=False)

    def product_for(self, src: str) -> tuple[Product, Page] | None:
        if self._by_src is None:
            self._by_src = {page.src: (product, page) for product in self.products for page in product.versions.values()}
        return self._by_src.get(src)

    def pages(self):
        for product in self.products:
            yield from product.versions.values()
        yield from self.site_pages


def split_language(name: str) -> tuple[str, str]:
    """'makkelijk.en.md' -> ('makkelijk', 'en'); 'index.md' -> ('index', 'nl')."""
    stem = name[: -len(".md")]
    base, _, suffix = stem.rpartition(".")
    if base and suffix in LANGUAGES:
        return base, suffix
    return stem, DEFAULT_LANGUAGE


def _display(docs_dir: Path, path: Path) -> str:
    try:
        return str(path.relative_to(docs_dir.parent))
    except ValueError:
        return str(path)


# Pages already read and validated in this process, by file: `mkdocs serve` loads the whole
# content again after every edit, and only the edited file has changed.
_loaded_pages: dict[str, tuple[tuple, tuple[Page | None, list[Problem]]]] = {}


def _load_page(docs_dir: Path, path: Path, model, context) -> tuple[Page | None, list[Problem]]:
    # by content, not modification time: two saves within the file system's clock tick look alike
    key = (hashlib.sha1(path.read_bytes()).hexdigest(), str(docs_dir), model.__name__, context["vocabulary_fingerprint"])
    memo = _loaded_pages.get(str(path))
    if memo is not None and memo[0] == key:
        page, problems = memo[1]
        return page, list(problems)
    result = _read_page(docs_dir, path, model, context)
    _loaded_pages[str(path)] = (key, (result[0], list(result[1])))
    return result


def _validation_context(vocabulary: Vocabulary) -> dict:
    return {"vocabulary": vocabulary, "vocabulary_fingerprint": repr(vocabulary.terms)}


def reload_page(docs_dir: Path, path: Path, model, vocabulary: Vocabulary) -> tuple[Page | None, list[Problem]]:
    """Read and validate one file again, as ``load`` does."""
    return _load_page(docs_dir, path, model, _validation_context(vocabulary))


def replace_page(catalogue: Catalogue, old: Page, new: Page) -> None:
    """Put a page read again in the place of its previous version."""
    for product in catalogue.products:
        for version, page in product.versions.items():
            if page is old:
                product.versions[version] = new
    catalogue.site_pages = [new if page is old else page for page in catalogue.site_pages]
    catalogue._by_src = None


def _read_page(docs_dir: Path, path: Path, model, context) -> tuple[Page | None, list[Problem]]:
    shown = _display(docs_dir, path)
    try:
        document = frontmatter.read(path, shown)
    except frontmatter.FrontMatterError as exc:
        return None, [exc.problem]
    meta, problems = validate_model(document, model, context)
    problems += markup.check(document)
    if meta is None:
        return None, problems
    src = PurePosixPath(path.relative_to(docs_dir).as_posix())
    _, language = split_language(src.name)
    return Page(str(src), language, meta, document), problems


def product_problems(product: Product, docs_dir: Path) -> list[Problem]:
    problems = []
    folder = _display(docs_dir, docs_dir / product.folder)
    for level, stem in VERSION_FILES.items():
        if not (docs_dir / product.folder / f"{stem}.md").exists():
            other = [f"{s}.md" for lvl, s in VERSION_FILES.items() if lvl != level][0]
            problems.append(Problem(f"{folder}/{stem}.md", None, f"missing {'easy-read' if level == 'makkelijk' else 'standard'} version: product '{product.slug}' has {other} but no {stem}.md"))
    main = product.versions.get(("standaard", DEFAULT_LANGUAGE))
    for page in product.versions.values():
        if main is None or page is main:
            continue
        for key in ("type", "region", "topics"):
            if getattr(page.meta, key) != getattr(main.meta, key):
                problems.append(Problem(page.document.path, page.document.line_of((key,)), f"{key} differs from {main.document.path}: every version of a product shares its {key}"))
    return problems


def load(docs_dir: Path, vocabulary: Vocabulary, markdown_files: list[Path] | None = None) -> Catalogue:
    """Load and validate every Markdown file under docs_dir (``markdown_files``: the caller
    has listed them already); never raises on bad content."""
    catalogue = Catalogue(docs_dir, vocabulary)
    context = _validation_context(vocabulary)
    products: dict[str, Product] = {}
    for path in sorted(docs_dir.rglob("*.md") if markdown_files is None else markdown_files):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] == DATA_DIR or any(part.startswith(".") for part in rel.parts):
            continue
        in_products = rel.parts[0] == PRODUCTS_DIR
        if in_products and len(rel.parts) != 3:
            catalogue.problems.append(Problem(_display(docs_dir, path), None, f"a product is a folder {PRODUCTS_DIR}/<slug>/ with index.md and makkelijk.md; move this file into such a folder"))
            continue
        if in_products:
            stem, language = split_language(rel.name)
            if stem not in VERSION_FILES.values():
                catalogue.problems.append(Problem(_display(docs_dir, path), None, "unexpected file name in a product folder: use index.md, makkelijk.md or their .en.md translations"))
                continue
        page, problems = _load_page(docs_dir, path, KnowledgeProduct if in_products else SitePage, context)
        catalogue.problems += problems
        if page is None:
            if in_products:
                products.setdefault(rel.parts[1], Product(rel.parts[1], f"{PRODUCTS_DIR}/{rel.parts[1]}"))
            continue
        if not in_products:
            catalogue.site_pages.append(page)
            continue
        expected = "makkelijk" if stem == "makkelijk" else "standaard"
        if page.level != expected:
            catalogue.problems.append(Problem(page.document.path, page.document.line_of(("level",)), f"level: {rel.name} must say level: {expected}"))
        product = products.setdefault(rel.parts[1], Product(rel.parts[1], f"{PRODUCTS_DIR}/{rel.parts[1]}"))
        product.versions[(expected, language)] = page
    for product in products.values():
        catalogue.problems += product_problems(product, docs_dir)
    catalogue.products = [p for p in products.values() if ("standaard", DEFAULT_LANGUAGE) in p.versions]
    return catalogue
