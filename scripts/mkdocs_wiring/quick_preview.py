"""mkdocs wiring: `mkdocs serve` shows an edit to a product within about a second.

Why: after every save, `mkdocs serve` loads the configuration again and runs a whole (dirty)
build per language: mkdocs-static-i18n sorts every file into its languages, the navigation
and every hub are made again. At 2,000 products that is about 6 s, for an edit that changes
one page and perhaps the hubs listing it. So the server's builder is replaced (``install``,
from the ``on_serve`` event): when every file that changed is a page the last build knows
and the core takes the edit in (kennisplein.project.reload_edit: its text, its headings, or
a product's descriptive front matter, with that page's checks passing), only the pages built
from that file are rendered again in each language, with the pages that show its front
matter (``pages_also_showing``: hubs, start page, the product's other versions), using the
files, navigation and templates that language's build left behind (``remember``). Anything
else (a new or deleted file, a data or theme file, mkdocs.yml, other front matter, a fault
in the page) runs mkdocs' own rebuild, which reports problems as builds do and leaves a
fresh set of views behind.

The pages are rendered by mkdocs' own two steps (``_populate_page``, ``_build_page`` in
mkdocs.commands.build, pinned by requirements.txt) so that every plugin event runs as in a
build; tests/site/test_serve.py compares pages made this way with a fresh build's.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import _build_page, _populate_page

from mkdocs_wiring import language_builds, render_cache

log = logging.getLogger("mkdocs.hooks.kennisplein")
I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n"


@dataclass
class LanguageView:
    """What one language's build leaves behind that rendering one more page needs."""

    files: object  # mkdocs Files, as static-i18n chose them for this language
    nav: object
    env: object
    by_source: dict[str, list] = field(default_factory=dict)  # absolute source path -> its pages' Files

    def index_sources(self) -> None:
        for file in self.files.documentation_pages():
            if file.abs_src_path:
                self.by_source.setdefault(os.path.normpath(file.abs_src_path), []).append(file)

    def files_built_from(self, path: str) -> list:
        if not self.by_source:
            self.index_sources()
        return self.by_source.get(path, [])


@dataclass
class Views:
    """The views of the build in progress (``collecting``) and of the last build that succeeded."""

    config: object = None
    ready: dict[str, LanguageView] = field(default_factory=dict)
    collecting: dict[str, LanguageView] = field(default_factory=dict)


_READS = {"opened", "closed_no_write"}  # an inotify observer reports reads too (the search index reads every page)
_views = Views()  # this module stays loaded across serve's rebuilds


def remember(language: str, config, files, nav, env) -> None:
    """Called by each language's build (``on_env``): what a quick rebuild of that language needs."""
    _views.config = config
    _views.collecting[language] = LanguageView(files, nav, env)


class QuickBuilder:
    """The serve loop's builder: one page when it can, mkdocs' rebuild otherwise."""

    def __init__(self, docs_dir: str, full_build: Callable[[], None], accept_edit: Callable[[Path], object | None],
                 enter_language: Callable[[str, object], None], pages_also_showing: Callable[[str, object, list], list],
                 after_edit: Callable[[object], None]):
        self.docs_dir = os.path.normpath(docs_dir)
        self.full_build = full_build
        self.accept_edit = accept_edit  # the core's verdict on an edit (None: rebuild); reports the page's problems
        self.enter_language = enter_language  # the hooks' own per-language state
        self.pages_also_showing = pages_also_showing  # (language, files, edits) -> other Files to render again
        self.after_edit = after_edit  # derived files that follow in the background (the search index)
        self._changed: set[str] = set()
        self._created: set[str] = set()  # paths that came into being in this batch (an editor's temporary files)
        self._lock = threading.Lock()

    def file_changed(self, event) -> None:
        """A watchdog event under a watched path (the server's observer thread)."""
        if event.is_directory or event.event_type in _READS:
            return
        with self._lock:
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self._changed.add(os.path.normpath(path))
            if event.event_type == "created":
                self._created.add(os.path.normpath(event.src_path))
            if event.event_type == "moved":
                self._created.add(os.path.normpath(event.dest_path))

    def __call__(self) -> None:
        with self._lock:
            changed, created = self._changed, self._created
            self._changed, self._created = set(), set()
        if changed and _views.ready:
            try:
                if self._quick(changed, created):
                    return
            except Exception as exc:  # noqa: BLE001 - mkdocs' rebuild below reports the fault the way builds do
                log.info(f"Quick preview stopped ({exc}); rebuilding everything")
                render_cache.forget_last_build()  # hubs it took for up to date may not have been written
        _views.ready, _views.collecting = {}, {}
        self.full_build()  # raises on a fault: no views until a build succeeds again
        finish_full_build()

    def _quick(self, changed: set[str], created: set[str]) -> bool:
        started = time.perf_counter()
        if any(os.path.commonpath([path, self.docs_dir]) != self.docs_dir for path in changed):
            return False  # mkdocs.yml, the theme, a folder named in `watch:`
        changed = {path for path in changed if not _hidden(os.path.relpath(path, self.docs_dir))}
        known = [path for path in changed if any(view.files_built_from(path) for view in _views.ready.values())]
        for path in changed - set(known):
            if os.path.exists(path) or path not in created:
                return False  # a new file, or a file no page is built from (data, images) changed or deleted
        if any(not os.path.exists(path) or not path.endswith(".md") for path in known):
            return False  # a page was deleted or renamed
        edits = []
        for path in known:
            edit = self.accept_edit(Path(path))
            if edit is None:
                return False
            edits.append(edit)
        checked = time.perf_counter()
        config = _views.config
        for language, view in _views.ready.items():
            config = self._render(config, language, view, known, edits)
        if known:
            rendered = time.perf_counter()
            self.after_edit(config)
            names = ", ".join(os.path.relpath(p, self.docs_dir) for p in sorted(known))
            log.info(f"Quick preview: {names} checked in {checked - started:.2f} s, rendered in {rendered - checked:.2f} s")
        return True

    def _render(self, config, language: str, view: LanguageView, paths: list[str], edits: list):
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            with _quiet(I18N_LOGGER):  # its "Building 'nl' documentation" lines are not what happens here
                config = language_builds.switch_language(config, i18n, language)  # before any lookup: they follow the language
        self.enter_language(language, view.files)
        files = [file for path in paths for file in view.files_built_from(path)]
        files += self.pages_also_showing(language, view.files, edits)
        documentation_pages = view.files.documentation_pages()
        for file in dict.fromkeys(files):  # once each, in order
            _populate_page(file.page, config, view.files)
            _build_page(file.page, config, documentation_pages, view.nav, view.env, excluded=file.inclusion.is_excluded())
        return config


@contextlib.contextmanager
def _quiet(name: str):
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _hidden(relative: str) -> bool:
    """mkdocs leaves out hidden files (an editor's lock and swap files, such as .#index.md)."""
    return any(part.startswith(".") for part in relative.split(os.sep))


def finish_full_build() -> None:
    """A build finished without fault: its views are the ones to render from."""
    _views.ready, _views.collecting = _views.collecting, {}
    for view in _views.ready.values():
        view.index_sources()  # now, not at the first edit


def install(server, docs_dir: str, watched_later: list[str], full_build: Callable[[], None], accept_edit, enter_language,
            pages_also_showing, after_edit) -> None:
    """Replace ``server``'s builder (mkdocs' LiveReloadServer calls ``server.builder()`` after
    changes) and watch what mkdocs watches, to know which files changed. The build that ran before this had
    no chance to mark its views as the last good ones: it did succeed (serve stops otherwise)."""
    import watchdog.events

    finish_full_build()
    builder = QuickBuilder(docs_dir, full_build, accept_edit, enter_language, pages_also_showing, after_edit)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = builder.file_changed
    # every path mkdocs watches so far (docs_dir, mkdocs.yml, the theme with --watch-theme), and the
    # `watch:` folders it adds after this event: a change there must not pass for a page edit
    for path in dict.fromkeys([*getattr(server, "_watched_paths", {}), docs_dir, *watched_later]):
        server.observer.schedule(handler, os.path.abspath(path), recursive=True)
    server.builder = builder
