"""Everything the build needs from the content folder, loaded and validated once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisplein import glossary as glossary_loader
from kennisplein import help_directory, hubs, publishing, readability
from kennisplein import routes as routes_loader
from kennisplein import organisation as organisation_loader
from kennisplein import videos as video_loader
from kennisplein.checks import links, markup, review
from kennisplein import ui as ui_text
from kennisplein.content import catalogue as catalogue_loader
from kennisplein.content import vocabulary as vocabulary_loader
from kennisplein.content.catalogue import DATA_DIR, Catalogue
from kennisplein.content.vocabulary import Vocabulary
from kennisplein.cache import ResultCache
from kennisplein.problems import Problem, errors
from kennisplein.ui import UiText


GENERATED_PAGES = {"begrippen.md", "nieuw.md", *help_directory.PAGES.values()}  # the editors' guide is made only for `make serve`
ORGANISATION_FILE = "organisation.yml"  # present only in an organisation's composed copy


class ProjectError(Exception):
    """A data file the whole build depends on is missing or broken."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Project:
    docs_dir: Path
    vocabulary: Vocabulary
    ui: dict[str, UiText]
    catalogue: Catalogue
    glossary: glossary_loader.Glossary
    data_problems: list[Problem]
    public_services: list[help_directory.Entry]
    organisation: organisation_loader.Organisation | None = None
    readability_report: list[str] = field(default_factory=list)
    videos: video_loader.VideoIndex = field(default_factory=video_loader.VideoIndex)
    sources_on_disk: set[str] = field(default_factory=set)  # every Markdown src under docs_dir, at load
    published: publishing.Scan | None = None  # which files of docs_dir are published (kennisplein.publishing)
    routes: routes_loader.Routes = field(default_factory=routes_loader.Routes)

    def help_entries(self, region: str | None = None) -> list[help_directory.Entry]:
        return help_directory.entries_for(self.public_services, self.organisation, region)

    @property
    def problems(self) -> list[Problem]:
        return (self.published.problems if self.published else []) + self.data_problems + self.catalogue.problems + self.videos.problems


def _load_data(path: Path, loader):
    try:
        return loader(path)
    except FileNotFoundError:
        raise ProjectError(Problem(str(path), None, "data file is missing")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ProjectError(Problem(str(path), mark.line + 1 if mark else None, f"not valid YAML: {exc.problem or exc.context}")) from None
    except (ValueError, AttributeError, TypeError, yaml.YAMLError) as exc:
        raise ProjectError(Problem(str(path), None, f"cannot be read: {exc}")) from None


def load(docs_dir: Path, video_hosts: list[str] | tuple[str, ...] = (), with_readability: bool = True) -> Project:
    """``video_hosts``: the organisation's own embed hosts from mkdocs.yml (``extra.video_hosts``)."""
    docs_dir = Path(docs_dir).resolve()
    with markup.cached(docs_dir.parent / ".cache" / "kennisplein" / f"markup-{docs_dir.name}.json"):
        return _load(docs_dir, video_hosts, with_readability)


def _load(docs_dir: Path, video_hosts, with_readability: bool) -> Project:
    data = docs_dir / DATA_DIR
    vocabulary = _load_data(data / "vocabulary.yml", vocabulary_loader.load)
    ui_problems = ui_text.check(data / "ui.yml", f"{docs_dir.name}/{DATA_DIR}/ui.yml") if (data / "ui.yml").is_file() else []
    ui = _load_data(data / "ui.yml", ui_text.load)
    glossary, data_problems = glossary_loader.load(data)
    data_problems = ui_problems + data_problems
    public_services, service_problems = help_directory.load(data)
    data_problems += service_problems
    organisation = None
    if (data / ORGANISATION_FILE).exists():
        organisation, organisation_problems = organisation_loader.load(data / ORGANISATION_FILE, vocabulary, own_folder=docs_dir)
        data_problems += organisation_problems
    published = publishing.scan(docs_dir, docs_dir.name)
    markdown_files = [path for path in published.files if path.suffix == ".md"]
    catalogue = catalogue_loader.load(docs_dir, vocabulary, markdown_files=markdown_files)
    pages = {page.src: page for page in catalogue.pages()}
    on_disk = {p.relative_to(docs_dir).as_posix() for p in markdown_files}
    video_index = video_loader.load(docs_dir, catalogue, video_hosts, organisation, published)
    catalogue.problems += links.check(pages, hubs.generated_sources(vocabulary) | GENERATED_PAGES | video_index.sources(), on_disk)
    catalogue.problems += review.check([p for product in catalogue.products for p in product.versions.values()])
    product_folders = {p.name for p in (docs_dir / "producten").iterdir() if p.is_dir()} if (docs_dir / "producten").is_dir() else set()
    routes, route_problems = routes_loader.load(data, vocabulary, product_folders | {p.slug for p in catalogue.products})
    data_problems += route_problems + routes_loader.audience_problems(routes, catalogue.products)
    loaded = Project(docs_dir, vocabulary, ui, catalogue, glossary, data_problems, public_services, organisation,
                     videos=video_index, sources_on_disk=on_disk, published=published, routes=routes)
    if with_readability:
        catalogue.problems += check_readability(loaded)
    return loaded


def check_readability(loaded: Project) -> list[Problem]:
    """The easy-read gate and the readability report (``loaded.readability_report``).

    The slowest check, so load(with_readability=False) leaves it to the caller: a build that
    has a core to spare runs it beside the rendering (see scripts/mkdocs_wiring/language_builds.py)."""
    data = loaded.docs_dir / DATA_DIR
    try:
        thresholds = readability.load_thresholds(data / "readability.yml", f"{loaded.docs_dir.name}/{DATA_DIR}/readability.yml")
    except readability.ThresholdsError as exc:
        return exc.problems
    cache = ResultCache(loaded.docs_dir.parent / ".cache" / "kennisplein" / f"readability-{loaded.docs_dir.name}.json")
    loaded.readability_report, found = readability.check_catalogue(loaded.catalogue, thresholds, loaded.glossary.words(), cache)
    cache.save()
    return found


# Front matter whose change the quick preview can follow by making the derived pages (hubs, the
# start page, the video pages, the product's other versions) again. Any other key (level,
# videos, replaces) changes which pages exist or where they live: everything is loaded anew.
METADATA_A_QUICK_EDIT_MAY_CHANGE = {"title", "summary", "audiences", "type", "topics", "region", "sources", "evidence", "reviewed", "review_due"}


@dataclass
class Edit:
    """An edit to one page, taken in by ``reload_edit``."""

    src: str
    problems: list[Problem]
    metadata_changed: bool  # the pages derived from the front matter must be made again
    product: str | None = None  # the edited product's slug (None: a site page)
    product_sources: list[str] = field(default_factory=list)  # every version of the edited product


def reload_edit(loaded: Project, path: Path) -> Edit | None:
    """Take in an edit to one page that ``loaded`` already holds, without loading everything
    again (``mkdocs serve``'s quick preview, scripts/mkdocs_wiring/quick_preview.py).

    Returns the edit with the page's problems (the checks of ``load`` that look at one page,
    and at its product), or None when the edit reaches further and the content must be
    loaded anew: it is not a page of the catalogue or no longer reads, a site page's front
    matter changed, or a product's front matter outside METADATA_A_QUICK_EDIT_MAY_CHANGE.
    When its headings changed, every page's links are checked (one may point at a heading
    that is gone). ``loaded`` holds the new version only when the problems hold no error."""
    docs_dir, path = loaded.docs_dir, Path(path).resolve()  # docs_dir is resolved too (load)
    try:
        src = path.relative_to(docs_dir).as_posix()
    except ValueError:
        return None
    catalogue = loaded.catalogue
    found = catalogue.product_for(src)
    old = found[1] if found else next((p for p in catalogue.site_pages if p.src == src), None)
    if old is None:
        return None
    new, problems = catalogue_loader.reload_page(docs_dir, path, type(old.meta), loaded.vocabulary)
    if new is None:
        return None
    old_meta, new_meta = old.document.meta, new.document.meta
    changed = {k for k in old_meta.keys() | new_meta.keys() if old_meta.get(k) != new_meta.get(k)}
    if changed and (found is None or changed - METADATA_A_QUICK_EDIT_MAY_CHANGE):
        return None
    if changed & {"type", "topics"} and found and old is found[0].main:
        # A hub that gains its first product, or loses its last, appears or goes: not one page's edit.
        product = found[0]
        edited = catalogue_loader.Product(product.slug, product.folder, {k: (new if v is old else v) for k, v in product.versions.items()})
        others = [p for p in catalogue.products if p is not product]
        if hubs.built_hub_sources([*others, product]) != hubs.built_hub_sources([*others, edited]):
            return None
    pages = {page.src: page for page in catalogue.pages()}
    pages[src] = new
    generated = hubs.generated_sources(loaded.vocabulary) | GENERATED_PAGES | loaded.videos.sources()
    headings_changed = links.anchors(new.document.body) != links.anchors(old.document.body)
    problems += links.check(pages, generated, loaded.sources_on_disk, only=None if headings_changed else [src])
    sources = []
    if found:
        product = found[0]
        versions = {key: (new if page is old else page) for key, page in product.versions.items()}
        problems += catalogue_loader.product_problems(catalogue_loader.Product(product.slug, product.folder, versions), docs_dir)
        problems += review.check([new])
        sources = [page.src for page in versions.values()]
    if found or new.easy_read:  # a product, or a site page the English gate may read
        try:
            thresholds = readability.load_thresholds(docs_dir / DATA_DIR / "readability.yml")
        except readability.ThresholdsError as exc:
            return Edit(src, exc.problems, bool(changed))
        if found or readability.english_gated(new, thresholds):
            problems += readability.check_page(new, thresholds, loaded.glossary.words())[1]
    if not errors(problems):
        catalogue_loader.replace_page(catalogue, old, new)
    return Edit(src, problems, bool(changed), found[0].slug if found else None, sources)
