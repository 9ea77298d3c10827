"""mkdocs wiring: render a page's Markdown once, reuse the HTML while nothing it depends on changed.

Why: Markdown conversion is the largest part of a build. mkdocs-static-i18n renders every
page again for each language (a page without a translation is rendered a second time, from
the same source, for /en/), a warm build renders everything again, and ``mkdocs serve``
re-renders after every edit. The result of ``Page.render`` depends only on

* the page's Markdown after the ``on_page_markdown`` events and its source path,
* the Markdown extensions and their settings, and the versions of the libraries, and
* the files its links and images resolve to, and the relative URLs they resolve to,

so those are the key, except the last: the lookups a render makes are recorded, and an
entry is reused only when every recorded lookup resolves to the same relative URL in the
current build (which also makes one render valid for every language). A render that logged
a warning (a broken link, say) is never stored, so the warning is raised again every build.

The engine-neutral on-disk store is kennisplein.cache.ResultCache; everything here knows
mkdocs's Page. Only the hook module calls this.
"""
from __future__ import annotations

import hashlib
import logging
from importlib import metadata
from pathlib import Path

import mkdocs
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from kennisplein.cache import ResultCache, key

LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
# The engine that runs: under ProperDocs `import mkdocs` is the properdocs package.
ENGINE = f"{mkdocs.__name__}-{mkdocs.__version__}"
_stores: dict[Path, ResultCache] = {}  # one file per language, kept for the life of the process (mkdocs serve)
_stats = {"rendered": 0, "reused": 0}


def _code_version() -> str:
    # A page one engine rendered is never served to the other (each also has a file of its own, store_file).
    versions = [f"engine={ENGINE}"]
    versions += [f"{name}={metadata.version(name)}" for name in LIBRARIES]
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return ";".join(versions) + ";" + source


def store_file(folder: Path, docs_name: str, language: str) -> Path:
    """One store per content folder, language and engine: a build keeps only what it used, so
    engines sharing a file would empty each other's (MkDocs keeps the plain name)."""
    suffix = "" if mkdocs.__name__ == "mkdocs" else f"-{mkdocs.__name__}"
    return folder / f"render-{docs_name}-{language}{suffix}.json"


class RenderCache:
    """One build's view of the store: knows the Markdown settings, wraps pages' render."""

    def __init__(self, path: Path, config):
        if path not in _stores:
            _stores[path] = ResultCache(path)
        self.store = _stores[path]
        settings = repr(sorted((str(k), repr(v)) for k, v in (config["mdx_configs"] or {}).items()))
        extensions = repr([str(e) for e in config["markdown_extensions"]])
        self.settings = key(_code_version(), extensions, settings, str(config["use_directory_urls"]), repr(config["validation"]))

    def wrap(self, page) -> None:
        """Make ``page.render`` look in the cache first (an instance attribute shadows the method)."""
        original = type(page).render.__get__(page)  # not page.render: a page rendered again is wrapped again

        def render(config, files):
            self._render(page, original, config, files)

        page.render = render

    def _render(self, page, original, config, files) -> None:
        entry_key = key(self.settings, page.file.src_uri, page.markdown)
        for store in self._stores_to_search():
            entry = store.get(entry_key)
            if entry is not None and self._still_valid(entry, page, files):
                self._restore(entry, page, files)
                self.store.put(entry_key, entry)
                _stats["reused"] += 1
                return
        recording = _RecordingFiles(files, page)
        warnings = _WarningCounter()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            original(config, recording)
        finally:
            logger.removeHandler(warnings)
        _stats["rendered"] += 1
        if warnings.count == 0:
            self.store.put(entry_key, _entry(page, recording.lookups))

    def _stores_to_search(self) -> list[ResultCache]:
        """This language's store first, then the others this process has loaded: a page
        without a translation renders to the same HTML in every language."""
        return [self.store, *(s for s in _stores.values() if s is not self.store)]

    @staticmethod
    def _still_valid(entry: dict, page, files) -> bool:
        return all(_lookup(files, uri, page) == tuple(found) if found else _lookup(files, uri, page) is None
                   for uri, found in entry["lookups"].items())

    @staticmethod
    def _restore(entry: dict, page, files) -> None:
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if entry["links_to_anchors"] is not None:
            page.links_to_anchors = {
                (page.file if uri == page.file.src_uri else files.get_file_from_path(uri)): links
                for uri, links in entry["links_to_anchors"].items()
            }

    def save(self) -> None:
        self.store.save()


_last_build: dict[tuple, str] = {}


def same_as_last_build(key: tuple, content: str) -> bool:
    """Is a generated page's source the same as in the previous build of this process?
    (`mkdocs serve --dirty` can then skip it, as it skips Markdown files it did not see change.)"""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    same = _last_build.get(key) == digest
    _last_build[key] = digest
    return same


def forget_last_build() -> None:
    """Every generated page is built again next time (a quick preview stopped half way)."""
    _last_build.clear()


def stats() -> dict[str, int]:
    """Pages rendered and reused since the process started (for the benchmark and tests)."""
    return dict(_stats)


def _lookup(files, uri: str, page) -> tuple[str, bool] | None:
    target = files.get_file_from_path(uri)
    if target is None:
        return None
    return get_relative_url(target.url, page.file.url), target.inclusion.is_excluded()


def _toc_tokens(items) -> list[dict]:
    return [{"name": i.title, "id": i.id, "level": i.level, "children": _toc_tokens(i.children)} for i in items]


def _entry(page, lookups: dict) -> dict:
    links = getattr(page, "links_to_anchors", None)
    return {
        "content": page.content,
        "toc": _toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        "lookups": lookups,
    }


class _RecordingFiles:
    """The build's Files, noting every path a render resolves and what it found."""

    def __init__(self, files, page):
        self._files, self._page = files, page
        self.lookups: dict[str, list | None] = {}

    def get_file_from_path(self, path: str):
        found = self._files.get_file_from_path(path)
        if path not in self.lookups:
            result = _lookup(self._files, path, self._page)
            self.lookups[path] = list(result) if result else None
        return found

    def __getattr__(self, name):
        return getattr(self._files, name)


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1
