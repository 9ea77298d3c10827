"""The mkdocs wiring: the only module mkdocs names (``hooks:`` in mkdocs.yml).

Each event hands over to the engine-neutral core in ``scripts/kennisplein/``
in a few lines. State lives on one ``BuildState`` made fresh for every
top-level build (mkdocs-static-i18n runs a nested build per language, and
``mkdocs serve`` keeps this module loaded across rebuilds).
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jinja2 import FileSystemBytecodeCache  # noqa: E402
from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from kennisplein import assets, breadcrumbs, csp, generated_pages, glossary, hubs, pictograms, project, readability, sanitise, site_links, whats_new  # noqa: E402
from kennisplein.ui import long_date  # noqa: E402
from kennisplein import search  # noqa: E402
from mkdocs_wiring import language_builds, quick_preview, render_cache  # noqa: E402
from kennisplein.problems import errors, format_report  # noqa: E402
from kennisplein.product_page import product_context  # noqa: E402
from kennisplein.videos import context as video_context  # noqa: E402

log = logging.getLogger("mkdocs.hooks.kennisplein")
DEFAULT_LANGUAGE = "nl"


class BuildState:
    def __init__(self, docs_dir: str, video_hosts: list[str] | None = None, with_readability: bool = True):
        self.project = project.load(Path(docs_dir), video_hosts or [], with_readability)
        self.languages: list[str] = [DEFAULT_LANGUAGE]
        self.files = None
        self.file_for: dict = {}  # this language's lookups (_url_for)
        self.file_for_by_language: dict[str, dict] = {}
        self.blocks: dict[str, dict[str, str]] = {}  # generated HTML per hub page (kennisplein.hubs.fill_blocks)
        self.term_markers: dict[tuple[str, bool], glossary.TermMarker] = {}
        self.bundles: list[assets.Bundle] | None = None
        self.children: list[language_builds.Child] = []  # processes this one waits for
        self.search_beside = False  # the search indexes are written by a process of their own
        self.static_templates: set[str] | None = None
        self.nav = None  # this language's, for the quick preview
        self.last_update: tuple | None = None  # (newest reviewed date,), for the footer


_state: BuildState | None = None
_render_cache: render_cache.RenderCache | None = None  # this language's; set by on_config


def _i18n(config):
    return config.plugins.get("i18n")


def _language(config) -> str:
    i18n = _i18n(config)
    return i18n.current_language if i18n and i18n.current_language else DEFAULT_LANGUAGE


def _prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def on_config(config):
    global _state, _render_cache
    i18n = _i18n(config)
    if _state is None or not (i18n and i18n.building):
        beside = language_builds.wanted(i18n)  # then the readability gate and search index run in a process of their own
        try:
            _state = BuildState(config.docs_dir, config.extra.get("video_hosts"), with_readability=not beside)
        except project.ProjectError as exc:
            raise PluginError(str(exc)) from None
        if i18n:
            _state.languages = [lang.locale for lang in i18n.config.languages if lang.build]
        _report(_state.project.problems)
        if beside:
            language_builds.clean_site_once(config)
            _state.search_beside = True
            site_dir, urls = Path(config.site_dir), config.use_directory_urls
            _state.children.append(language_builds.beside("the readability gate or the search index", lambda: _checks_and_search(site_dir, urls)))
    _bundle_front_end(config)
    _use_theme_icons(config)
    docs, language = Path(config.docs_dir), _language(config)
    _render_cache = render_cache.RenderCache(render_cache.store_file(docs.parent / ".cache" / "kennisplein", docs.name, language), config)
    return config


def _use_theme_icons(config) -> None:
    """The pictograms are the theme's bundled Material Design icons (theme/.icons/material)."""
    for folder in config.theme.dirs:
        icons = Path(folder) / ".icons" / "material"
        if icons.is_dir():
            pictograms.use_icons(icons)
            return
    raise PluginError("the theme bundles no Material Design icons (.icons/material): the pictograms need them")


def _root_pages_from_default_language(config) -> None:
    """The theme's own pages (404.html, sitemap.xml) live at the site root, which every
    language build writes into: only the default language writes them. Without a site_url
    the sitemap would list "None/..." addresses, so there is none."""
    if _state.static_templates is None:
        _state.static_templates = set(config.theme.static_templates)
    language = _language(config)
    templates = set(_state.static_templates) if language == DEFAULT_LANGUAGE else {f"{language}/404.html"} & NOT_FOUND_PAGES
    if not config.site_url:
        templates.discard("sitemap.xml")
    config.theme.static_templates = templates


def on_startup(command, dirty):
    language_builds.note_command(command, dirty)


def on_shutdown():
    language_builds.stop_detached()  # `mkdocs serve` stopped: its search index is out of date


def on_pre_build(config):
    i18n = _i18n(config)
    if language_builds.wanted(i18n):
        started = language_builds.start(config, i18n)  # None in a forked language build
        _state.children = _state.children + started if started is not None else []
    _root_pages_from_default_language(config)  # after static-i18n's on_config, which resets the theme


def _report(problems) -> None:
    if errors(problems):
        raise PluginError(f"content has {len(errors(problems))} problem(s):\n{format_report(problems)}")
    for problem in problems:
        log.info(str(problem))


def _checks_and_search(site_dir: Path, use_directory_urls: bool) -> int:
    """The work of `mkdocs build` that needs the content but not the rendered pages."""
    try:
        _report(project.check_readability(_state.project))
        for language in _state.languages:
            _write_search_index(site_dir, language, use_directory_urls)
    except PluginError as exc:
        log.error(str(exc))
        return 1
    return 0


def _write_search_index(site_dir: Path, language: str, use_directory_urls: bool) -> None:
    try:
        search.write_site_index(_state.project, site_dir, language, use_directory_urls)
    except search.SynonymsError as exc:
        raise PluginError(f"search data (synonyms, best bets):\n{exc}") from None


def _plain_script(script) -> bool:
    return isinstance(script, str) or not (script.type or script.defer or script.async_)


def _bundle_front_end(config) -> None:
    """The site's own style sheets and scripts, served as one file each (see kennisplein.assets)."""
    if _state.bundles is None:
        roots = [Path(config.docs_dir), *(Path(d) for d in config.theme.dirs)]
        scripts = [str(s) for s in config.extra_javascript if _plain_script(s)]
        try:
            _state.bundles = [
                assets.bundle([str(p) for p in config.extra_css], roots, "assets/stylesheets", "kennisplein", "css"),
                assets.bundle(scripts, roots, "assets/javascripts", "kennisplein", "js"),
            ]
        except assets.AssetError as exc:
            raise PluginError(str(exc)) from None
    css, js = _state.bundles
    config.extra_css = [css.path] if css.parts else []
    others = [s for s in config.extra_javascript if not _plain_script(s) and str(s) != js.path]
    config.extra_javascript = others + ([js.path] if js.parts else [])


def _unchanged_since_last_build(language: str, page) -> bool:
    """Is this generated page the same as in the previous build (or quick preview) of this
    `mkdocs serve`? Its HTML depends on its Markdown and its hub blocks."""
    return render_cache.same_as_last_build((language, page.src), page.markdown + repr(page.blocks))


def _generated(config, page, language: str) -> File:
    """A page made from data (a kennisplein.hubs.HubPage)."""
    file = File.generated(config, page.src, content=page.markdown)
    file.dest_uri = _prefix(language) + file.dest_uri
    alternates = {lang: SimpleNamespace(url=_prefix(lang) + file.url) for lang in _state.languages}
    file.alternates, file.locale, file.locale_alternate_of = alternates, language, language
    if language_builds.serving() and _unchanged_since_last_build(language, page) and Path(file.abs_dest_path).exists():
        file.is_modified = lambda: False  # `serve --dirty` then leaves this hub as it is (mkdocs counts generated pages as modified)
    return file


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    language = _language(config)
    published = _state.project.published  # hidden files, editor backups: never copied to the site
    for file in [f for f in files if not f.generated_by and not published.publishes(f.src_uri)]:
        files.remove(file)
    for page in generated_pages.for_language(_state.project, language, with_authors_guide=language_builds.serving()):
        files.append(_generated(config, page, language))
        _state.blocks[page.src] = page.blocks
    for bundle in _state.bundles or []:
        if bundle.parts and files.get_file_from_path(bundle.path) is None:
            files.append(File.generated(config, bundle.path, content=bundle.content))
    _add_feed(files, config, language)
    _state.last_update = None
    sitemap = files.get_file_from_path("sitemap.xml")
    if sitemap is not None and "sitemap.xml" not in config.theme.static_templates:
        files.remove(sitemap)  # a theme's template, otherwise copied as it is (see _root_pages_from_default_language)
    _state.file_for = _state.file_for_by_language[language] = {}
    _state.files = files  # resolves "producten/x/index.md" to this language's translation, if any
    return files


def _add_feed(files, config, language: str) -> None:
    """The Atom feed of "Nieuw en bijgewerkt" (kennisplein.whats_new), one per language."""
    dest = _prefix(language) + whats_new.FEED

    def url_of(src: str) -> str:
        target = files.get_file_from_path(src)
        return target.url if target else ""

    content = whats_new.feed(_state.project.catalogue, language, _state.project.ui[language], config.site_name, url_of, dest, config.site_url)
    file = File.generated(config, whats_new.FEED, content=content)
    file.dest_uri = dest
    files.append(file)


@event_priority(-150)  # after static-i18n (-100) has made this language's navigation
def on_nav(nav, config, files):
    _state.nav = nav
    return nav


def _own_template(name: str | None) -> bool:
    """The project's own templates escape every value they print (material's do not)."""
    return name is not None and (name.startswith(ESCAPED_TEMPLATES) or name in ESCAPED_TEMPLATES)


ESCAPED_TEMPLATES = ("components/", "partials/header.html", "partials/logo.html", "partials/copyright.html", "partials/search.html",
                     "partials/tabs-item.html", "404.html", "en/404.html")


def on_env(env, config, files):
    """The project's own templates autoescape, and ``kp_clean`` sanitises HTML a template is handed
    (kennisplein.sanitise). Compiled templates are kept between builds (jinja's own cache, keyed by
    each template's source): every build and every `mkdocs serve` rebuild compiles the theme's
    templates anew. Its folder is named for which templates escape, which jinja's cache key does not include."""
    env.autoescape = _own_template
    env.filters["kp_clean"] = lambda value: Markup(sanitise.clean(str(value or ""), generated=True))
    if env.bytecode_cache is None:
        escaping = hashlib.sha256(repr(ESCAPED_TEMPLATES).encode()).hexdigest()[:12]
        folder = Path(config.docs_dir).parent / ".cache" / "kennisplein" / f"templates-escaped-{escaping}"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    if language_builds.serving():
        quick_preview.remember(_language(config), config, files, _state.nav, env)
    return env


def on_serve(server, config, builder):
    """An edit to one page is rendered with the pages it shows in (scripts/mkdocs_wiring/quick_preview.py)."""
    quick_preview.install(server, config.docs_dir, list(config.watch), builder, _accept_edit, _enter_language, _pages_also_showing, _after_quick_edit)
    threading.Thread(target=readability.prepare, daemon=True).start()  # for the first edit's check
    return server


def _accept_edit(path: Path) -> project.Edit | None:
    """Can the quick preview show this edit? Its problems are reported here; with an error, or
    an edit beyond what reload_edit follows, the whole rebuild runs (and reports as builds do)."""
    edit = project.reload_edit(_state.project, path)
    if edit is None or errors(edit.problems):
        return None
    _report(edit.problems)
    return edit


def _pages_also_showing(language: str, files, edits: list[project.Edit]) -> list[File]:
    """The pages of ``language`` that show an edited front matter, besides the edited page: the
    product's other versions, the start page, its videos' pages (they name the product in their
    template context) and every generated page whose source changed."""
    if not any(edit.metadata_changed for edit in edits):
        return []
    found = [files.get_file_from_path(src) for edit in edits for src in edit.product_sources]
    found.append(files.get_file_from_path("index.md"))
    found += [files.get_file_from_path(video.src) for edit in edits if edit.product for video in _state.project.videos.for_product(edit.product)]
    for page in generated_pages.for_language(_state.project, language, with_authors_guide=language_builds.serving()):
        _state.blocks[page.src] = page.blocks  # this language's, as on_files leaves them
        file = files.get_file_from_path(page.src)
        if file is not None and not _unchanged_since_last_build(language, page):
            file.content_string = page.markdown
            found.append(file)
    return [file for file in found if file is not None]


def _enter_language(language: str, files) -> None:
    _state.files, _state.file_for = files, _state.file_for_by_language.setdefault(language, {})
    _state.last_update = None


def _after_quick_edit(config) -> None:
    language_builds.run_detached("search index", _search_index_command(config))


def on_page_markdown(markdown, page, config, files):
    _render_cache.wrap(page)
    if isinstance(page.meta.get("title"), str) and not isinstance(page.meta["title"], Markup):
        # material's templates print page titles as HTML (navigation, footer, <h1>): a title from
        # front matter is text, so it reaches them escaped (and our own templates do not escape it twice)
        page.meta["title"] = Markup.escape(page.meta["title"])
    language = _language(config)
    if page.file.src_uri in ("index.md", f"index.{language}.md"):
        markdown = hubs.fill_start_page(markdown, _state.project.catalogue, language, _state.project.ui[language])
    markdown = site_links.fill_contact(markdown, _contact(config), _state.project.ui[language])
    icon = pictograms.nav_icon(page.file.src_uri)
    if icon:
        page.meta.setdefault("icon", icon)
    if page.meta.get("level") == "makkelijk":
        markdown = pictograms.decorate_headings(markdown)
    return markdown


def on_page_content(html, page, config, files):
    # every page's rendered content, before the site adds its own markup (hub cards, icons, glossary terms)
    html = sanitise.clean(html, generated=page.file.generated_by is not None)
    key = (_language(config), page.meta.get("level") == "makkelijk")
    if key not in _state.term_markers:
        _state.term_markers[key] = _state.project.glossary.marker(*key)
    html = _state.term_markers[key].mark(pictograms.fill_icons(html))  # running text only: cards come after
    try:
        return hubs.resolve_links(hubs.fill_blocks(html, _clean_blocks(page.file.src_uri)), lambda src: _url_for(src, page))
    except LookupError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


def _clean_blocks(src: str) -> dict[str, str] | None:
    """A hub's generated HTML (cards, empty-hub text) carries front matter and interface text: it
    goes through the sanitiser too, as the page's own content did."""
    blocks = _state.blocks.get(src)
    return {key: sanitise.clean(block, generated=True) for key, block in blocks.items()} if blocks else blocks


def _url_for(src: str, page) -> str:
    """The relative URL from ``page`` to the page built from ``src`` in this language, or ""."""
    if src not in _state.file_for:  # static-i18n's lookup tries three paths per call: remember it
        _state.file_for[src] = _state.files.get_file_from_path(src)
    target = _state.file_for[src]
    return target.url_relative_to(page.file) if target else ""


def on_page_context(context, page, config, nav):
    language = _language(config)
    context["ui"] = _state.project.ui[language]

    def url_for(src: str) -> str:
        return _url_for(src, page)

    context["kp"] = product_context(_state.project, page.file.src_uri, language, context["ui"], url_for)
    context["kp_search"] = search.context(_state.project, page.file.src_uri, language, config.use_directory_urls)
    # the offline copy (plain .html links, opened from file://) carries captions inline: browsers refuse file: tracks
    context.update(video_context.context(_state.project, page.file.src_uri, language, context["ui"], url_for, inline_captions=not config.use_directory_urls))
    context["kp_breadcrumbs"] = breadcrumbs.trail(page.file.src_uri, _state.project.catalogue, language, context["ui"], url_for)
    context.update(_site_context(config, language, url_for, page.meta.get("level") == "makkelijk"))
    context["kp_nav_names"] = _easy_nav_names(language) if page.meta.get("level") == "makkelijk" else {}
    return context


def _easy_nav_names(language: str) -> dict:
    """The hubs' easy names (ui.yml easy_nav) for the tabs and the drawer, keyed by the title as the
    navigation holds it: escaped ("Video's" is "Video&#39;s"), as page titles are (on_page_markdown)."""
    names = _state.project.ui[language].get("easy_nav")
    if not isinstance(names, dict):
        return {}
    # both forms: a title the wiring escaped ("Video&#39;s") and one that reached the nav as written
    return {key: Markup.escape(easy) for standard, easy in names.items() for key in (Markup.escape(standard), standard)}


def _contact(config) -> dict | None:
    return site_links.contact(_state.project.organisation, config.extra)


def _site_context(config, language: str, url_for, easy_read: bool) -> dict:
    """The footer (kennisplein.site_links) and the feed link in the head, for any page."""
    ui = _state.project.ui[language]
    if _state.last_update is None:  # once per build (and per quick preview): it reads every page
        _state.last_update = (site_links.last_update(_state.project.catalogue),)
    updated = _state.last_update[0]
    return {
        "kp_footer": {
            "links": site_links.footer_links(url_for, easy_read, ui),
            "contact": _contact(config),
            "contact_url": url_for("over.md"),
            "updated": long_date(updated, ui) if updated else None,
            "updated_iso": updated.isoformat() if updated else None,
        },
        "kp_feed": {"title": f"{ui['new_title']} · {config.site_name}", "url": url_for(whats_new.FEED)} if url_for(whats_new.FEED) else None,
    }


def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy itself (kennisplein.csp), for hosts without headers."""
    return csp.with_meta_tag(output, config.extra.get("video_hosts") or [])


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) carry the policy too."""
    return csp.with_meta_tag(output_content, config.extra.get("video_hosts") or []) if template_name.endswith(".html") else output_content


def on_post_build(config):
    """One search index per site language, written by that language's build (static-i18n nests
    them) or, in `mkdocs build`, beside the build; then wait for the processes this one started."""
    language = _language(config)
    if language_builds.serving():
        if language == DEFAULT_LANGUAGE:  # the preview shows the edit first; the search indexes follow
            language_builds.run_detached("search index", _search_index_command(config))
    else:
        if not _state.search_beside:
            _write_search_index(Path(config.site_dir), language, config.use_directory_urls)
        _render_cache.save()  # not while serving: writing it after every edit costs a second
    if _state.children:
        failed = language_builds.finish(_state.children, _i18n(config))
        _state.children = []
        if failed:
            raise PluginError(f"{', '.join(failed)} failed (in a process of its own): see the messages above")


def _search_index_command(config) -> list[str]:
    command = [sys.executable, str(Path(__file__).resolve().parents[1] / "cli.py"), "search-index",
               "--docs", str(config.docs_dir), "--site-dir", str(config.site_dir)]
    command += [arg for language in _state.languages for arg in ("--language", language)]
    command += [arg for host in config.extra.get("video_hosts") or [] for arg in ("--video-host", host)]
    command += ["--parent-pid", str(os.getpid())]
    return command + ([] if config.use_directory_urls else ["--no-directory-urls"])


def on_template_context(context, template_name, config):
    """Theme pages without a Markdown page (the 404 pages) still get the interface text, the
    search field, the footer and the routes. They are served at any address, so their links are
    absolute from the site root, as mkdocs makes them for error pages."""
    language = _language(config)
    context.setdefault("ui", _state.project.ui[language])
    if template_name in NOT_FOUND_PAGES:
        context["base_url"] = urlsplit(config.site_url or "/").path  # as mkdocs does for error templates
        root = context["base_url"].rstrip("/") + "/"

        def url_for(src: str) -> str:
            target = _state.files.get_file_from_path(src) if _state.files else None
            return root + target.url if target else ""

        # The language menu: each language's start page. static-i18n leaves the last page's links
        # on config.extra.alternate (as an attribute, which is what the theme reads).
        alternates = [dict(alt, link=root + _prefix(alt["lang"])) if alt.get("lang") in _state.languages else alt
                      for alt in (getattr(config.extra, "alternate", None) or config.extra.get("alternate") or [])]
        if alternates:
            config.extra.alternate = alternates
        context["kp_search"] = search.context(_state.project, "404.md", language, config.use_directory_urls)
        context["kp_not_found"] = site_links.not_found(_state.project.vocabulary, _state.project.ui[language], url_for)
        context.update(_site_context(config, language, url_for, False))
    return context


# The 404 page of each language: the default language's at the root (mkdocs' error template),
# the others' under their prefix (overrides/en/404.html), each written by its own language build.
NOT_FOUND_PAGES = {"404.html", "en/404.html"}
