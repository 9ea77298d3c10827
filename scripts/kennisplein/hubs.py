"""Hub pages, generated from front matter: audience, topic and type overviews.

Navigation goes through these hubs instead of a sidebar of every page (the
default navigation makes a build quadratic in the number of pages). Each hub
is returned as Markdown with relative ``.md`` links, so any generator that
understands Markdown links can render it; the product cards are plain HTML whose
links (``page_link``) the wiring resolves after rendering (``resolve_links``).
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

from kennisplein.content.catalogue import DEFAULT_LANGUAGE, Catalogue, Product
from kennisplein import pictograms
from kennisplein.ui import UiText

START_PAGE_MARKER = "<!-- kennisplein:audience-routes -->"
PAGE_LINK_PREFIX = "kp-src:"
PAGE_LINK = re.compile(r'href="kp-src:(?P<src>[^"]+)"')
AUDIENCE_ICONS = {"naasten": "account-heart", "professionals": "briefcase-account", "clienten": "account-voice"}


@dataclass(frozen=True)
class HubPage:
    src: str  # where the page pretends to live under docs/, e.g. "onderwerpen/grenzen.md"
    title: str
    markdown: str
    blocks: dict[str, str] = field(default_factory=dict)  # HTML put in after rendering: see fill_blocks


BLOCK = re.compile(r'<div data-kp-block="(?P<key>[\w-]+)"></div>')


def _block(blocks: dict[str, str], html_text: str) -> str:
    """Keep a large block of generated HTML (hundreds of product cards) out of the Markdown:
    the Markdown gets a placeholder, fill_blocks puts the HTML in after rendering. Markdown
    would only pass the HTML through, after reading all of it (twice) with a slow HTML parser."""
    key = f"b{len(blocks)}"
    blocks[key] = html_text
    return f'<div data-kp-block="{key}"></div>\n'


def fill_blocks(html_text: str, blocks: dict[str, str]) -> str:
    if not blocks:
        return html_text
    return BLOCK.sub(lambda m: blocks.get(m.group("key"), m.group(0)), html_text)


def _link(from_src: str, to_src: str) -> str:
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _count(ui: UiText, n: int) -> str:
    return ui["product_count_one"] if n == 1 else ui["products_count"].format(n=n)


def _front_matter(title: str) -> str:
    return f"---\ntitle: {title!r}\n---\n\n"


def page_link(src: str) -> str:
    """A link to another page by its source path, for generated HTML: Markdown links are
    resolved by the generator, links in HTML are not, so resolve_links does it after rendering."""
    return PAGE_LINK_PREFIX + src


def resolve_links(html_text: str, url_for) -> str:
    """Replace every page_link with the relative URL ``url_for(src)`` gives; a page that does not
    exist is an error (the links come from the catalogue, so this means a bug, not bad content)."""
    if PAGE_LINK_PREFIX not in html_text:
        return html_text

    def replace(match: re.Match) -> str:
        url = url_for(match.group("src"))
        if not url:
            raise LookupError(f"generated link to a page that is not built: {match.group('src')}")
        return f'href="{url}"'

    return PAGE_LINK.sub(replace, html_text)


# Cards made before, by the very objects they were made from (kept in the value, so that an id is
# never reused while its entry lives), for one loaded vocabulary: a product is on four or five hubs
# per language, and after an edit to one product `mkdocs serve`'s quick preview makes every hub again.
_made_cards: dict[tuple, tuple[tuple, str]] = {}
_made_cards_vocabulary = None


def _card(product: Product, catalogue: Catalogue, language: str, ui: UiText, easy_first: bool) -> str:
    global _made_cards_vocabulary
    if _made_cards_vocabulary is not catalogue.vocabulary:  # content loaded again: start afresh
        _made_cards.clear()
        _made_cards_vocabulary = catalogue.vocabulary
    versions = tuple(product.versions.values())
    key = (tuple(map(id, versions)), id(ui), language, easy_first)
    made = _made_cards.get(key)
    if made is None:
        made = _made_cards[key] = ((versions, ui), _make_card(product, catalogue, language, ui, easy_first))
    return made[1]


def type_label(vocab, ui: UiText, kind: str, language: str, easy: bool) -> str:
    """A type's name; on easy-read pages and cards its easy word from ui.yml (``easy_types``)."""
    easy_types = ui["easy_types"] if easy else None
    if isinstance(easy_types, dict) and kind in easy_types:
        return easy_types[kind]
    return vocab.label("types", kind, language)


def _make_card(product: Product, catalogue: Catalogue, language: str, ui: UiText, easy_first: bool) -> str:
    """One product as plain HTML (not Markdown in HTML): a hub lists hundreds, and Markdown
    parsing them cost five times as much as the rest of the page. ``data-kp-type`` and
    ``data-kp-region`` let a route's filter (route-filter.js) narrow the cards in the page."""
    vocab = catalogue.vocabulary
    standard = product.version("standaard", language) or product.main
    easy = product.version("makkelijk", language) or product.version("makkelijk")
    first, second = (easy, standard) if easy_first and easy else (standard, easy)
    lang_attr = "" if first.language == language else f' lang="{first.language}"'
    badges = [type_label(vocab, ui, first.meta.type, language, first.easy_read), vocab.label("regions", first.meta.region, language)]
    if first.easy_read:
        badges.insert(0, ui["easy_read"])
    badge_html = " ".join(f'<span class="kp-badge">{html.escape(b)}</span>' for b in badges)
    other = ""
    if second is not None:
        label = ui["read_standard_version"] if second.level == "standaard" else ui["read_easy_version"]
        other = f'\n<p><a class="kp-card__other" href="{page_link(second.src)}">{html.escape(label)}</a></p>'
    return (
        f'<article class="kp-card{" kp-card--easy" if first.easy_read else ""}"{lang_attr} '
        f'data-kp-type="{html.escape(first.meta.type)}" data-kp-region="{html.escape(first.meta.region)}">\n'
        f'<h3><a href="{page_link(first.src)}">{html.escape(first.meta.title)}</a></h3>\n'
        f"<p>{html.escape(first.meta.summary)}</p>\n"
        f'<p class="kp-badges">{badge_html}</p>{other}\n'
        f"</article>"
    )


def _cards(products: list[Product], catalogue: Catalogue, language: str, ui: UiText, easy_first: bool = False, keep_order: bool = False) -> str:
    if not products:
        return f"{ui['no_products']}\n"
    ordered = products if keep_order else sorted(products, key=lambda p: p.main.meta.title.lower())
    cards = "\n".join(_card(p, catalogue, language, ui, easy_first) for p in ordered)
    return f'<div class="kp-cards">\n{cards}\n</div>\n'


def route_title(ui: UiText, audience: str) -> str:
    """One name per route, on the start page, in the hub's title and in the navigation."""
    labels = ui["route_label"]
    return labels.get(audience, audience) if isinstance(labels, dict) else audience


def _route_filters(products: list[Product], catalogue: Catalogue, language: str, ui: UiText) -> str:
    """Type and region filters of a route, put to work by route-filter.js (hidden without it)."""
    vocab = catalogue.vocabulary
    kinds = [k for k in vocab.keys("types") if any(p.main.meta.type == k for p in products)]
    type_options = "".join(f'<option value="{html.escape(k)}">{html.escape(vocab.label("types", k, language))}</option>' for k in kinds)
    region_options = "".join(
        f'<option value="{r}">{html.escape(vocab.label("regions", r, language))}</option>' for r in vocab.keys("regions") if r != "algemeen"
    )
    return (
        f'<form class="kp-route-filter" data-kp-route-filter hidden aria-labelledby="kp-route-filter-title">'
        f'<h2 id="kp-route-filter-title" class="kp-route-filter__title">{html.escape(ui["route_filter_title"])}</h2>'
        f'<div class="kp-route-filter__fields">'
        f'<p class="kp-route-filter__field"><label for="kp-route-filter-soort">{html.escape(ui["meta_type"])}</label>'
        f'<select id="kp-route-filter-soort" name="soort"><option value="">{html.escape(ui["route_filter_all_types"])}</option>{type_options}</select></p>'
        f'<p class="kp-route-filter__field"><label for="kp-route-filter-regio">{html.escape(ui["meta_region"])}</label>'
        f'<select id="kp-route-filter-regio" name="regio"><option value="">{html.escape(ui["route_filter_all_regions"])}</option>{region_options}</select></p>'
        f'<p class="kp-route-filter__field"><button type="reset" class="kp-route-filter__reset">{html.escape(ui["route_filter_reset"])}</button></p>'
        f'</div>'
        f'<p class="kp-route-filter__status" role="status" data-kp-route-filter-status '
        f'data-one="{html.escape(ui["product_count_one"])}" data-many="{html.escape(ui["products_count"])}" data-none="{html.escape(ui["route_filter_none"])}"></p>'
        f"</form>\n"
    )


# A task on a route lists at most this many products and links to the topics for the rest:
# the page stays short enough for a phone, and its size stays bounded as the catalogue grows.
ROUTE_TASK_SIZE = 24


def audience_hub(catalogue: Catalogue, audience: str, language: str, ui: UiText, routes=None) -> HubPage:
    """An audience's route: "Begin hier" (chosen in routes.yml), then the rest by the reader's
    task, then the products written mainly for another audience under a heading of their own."""
    from kennisplein.routes import OTHER, Routes

    routes = routes or Routes()
    route = routes.routes.get(audience)
    src = f"{audience}.md"
    title = route_title(ui, audience)
    level = route.level if route else ("makkelijk" if audience == "clienten" else "standaard")
    easy_first = level == "makkelijk"
    by_slug = {p.slug: p for p in catalogue.products}

    def shown_version(product: Product):
        return product.version(level, language) or product.version(level) or product.main

    on_route = [p for p in catalogue.products if any(audience in v.meta.audiences for v in p.versions.values())]
    start = [by_slug[s] for s in (route.start if route else ()) if s in by_slug and by_slug[s] in on_route]
    start_slugs = {p.slug for p in start}
    task_order = list(route.tasks) if route else []
    by_task: dict[str, list[Product]] = {}
    elsewhere: list[Product] = []
    for product in sorted(on_route, key=lambda p: p.main.meta.title.lower()):
        if product.slug in start_slugs:
            continue
        if audience not in shown_version(product).meta.audiences:
            elsewhere.append(product)
            continue
        task = routes.task_of(product.slug, product.main.meta.topics) if route else OTHER
        if task not in task_order:
            task = OTHER
        by_task.setdefault(task, []).append(product)

    blocks: dict[str, str] = {}
    sections = []
    if start:
        sections.append(f'## {ui["route_start"]} {{ #begin-hier }}\n\n{_block(blocks, _cards(start, catalogue, language, ui, easy_first, keep_order=True))}')
    if route and route.filters:
        sections.append(_block(blocks, _route_filters([p for p in on_route if p.slug not in start_slugs], catalogue, language, ui)))
    for task in [*task_order, OTHER]:
        products = by_task.get(task, [])
        if not products:
            continue
        label = routes.task_label(task, language)
        more = f"\n[{ui['all_topics']}]({_link(src, 'onderwerpen/index.md')})\n" if len(products) > ROUTE_TASK_SIZE else ""
        sections.append(f"## {label}\n\n{_block(blocks, _cards(products[:ROUTE_TASK_SIZE], catalogue, language, ui, easy_first))}{more}")
    if elsewhere:
        heading = route.elsewhere.get(language) or route.elsewhere.get("nl") if route else ui["other"]
        sections.append(f"## {heading}\n\n{_block(blocks, _cards(elsewhere, catalogue, language, ui, easy_first))}")
    body = "\n".join(sections) or ui["no_products"]
    help_line = f'[{ui["help_title"]}]({_link(src, "hulp/makkelijk.md" if easy_first else "hulp/index.md")}){{ .kp-route-help }}'
    markdown = _front_matter(title) + f"# {title}\n\n{ui['audience_hub_intro'][audience]}\n\n{help_line}\n\n{body}\n"
    return HubPage(src, title, markdown, blocks)


def topic_hubs(catalogue: Catalogue, language: str, ui: UiText) -> list[HubPage]:
    vocab = catalogue.vocabulary
    pages, index_lines = [], []
    by_topic: dict[str, list[Product]] = {}
    for product in catalogue.products:
        for topic in product.main.meta.topics:
            by_topic.setdefault(topic, []).append(product)
    for topic in vocab.keys("topics"):
        src = f"onderwerpen/{topic}.md"
        label = vocab.label("topics", topic, language)
        products = by_topic.get(topic, [])
        if not products:  # a hub with nothing on it is neither made nor linked
            continue
        blocks: dict[str, str] = {}
        markdown = _front_matter(label) + f"# {label}\n\n## {_count(ui, len(products))}\n\n{_block(blocks, _cards(products, catalogue, language, ui))}\n[{ui['all_topics']}](index.md)\n"
        pages.append(HubPage(src, label, markdown, blocks))
        index_lines.append(f"- [{label}]({topic}.md) — {_count(ui, len(products))}")
    index = _front_matter(ui["topics_title"]) + f"# {ui['topics_title']}\n\n{ui['topics_intro']}\n\n" + "\n".join(index_lines) + "\n"
    return [HubPage("onderwerpen/index.md", ui["topics_title"], index), *pages]


def type_hubs(catalogue: Catalogue, language: str, ui: UiText) -> list[HubPage]:
    vocab = catalogue.vocabulary
    pages, index_lines = [], []
    for kind in vocab.keys("types"):
        src = f"soorten/{kind}.md"
        label = vocab.label("types", kind, language)
        products = [p for p in catalogue.products if p.main.meta.type == kind]
        if not products:  # a hub with nothing on it is neither made nor linked
            continue
        blocks: dict[str, str] = {}
        markdown = _front_matter(label) + f"# {label}\n\n## {_count(ui, len(products))}\n\n{_block(blocks, _cards(products, catalogue, language, ui))}\n[{ui['all_types']}](index.md)\n"
        pages.append(HubPage(src, label, markdown, blocks))
        index_lines.append(f"- [{label}]({kind}.md) — {_count(ui, len(products))}")
    index = _front_matter(ui["types_title"]) + f"# {ui['types_title']}\n\n{ui['types_intro']}\n\n" + "\n".join(index_lines) + "\n"
    return [HubPage("soorten/index.md", ui["types_title"], index), *pages]


def built_hub_sources(products) -> set[str]:
    """The topic and type hubs that have products, so are built (an empty hub is not)."""
    found = set()
    for product in products:
        meta = product.main.meta
        found.add(f"soorten/{meta.type}.md")
        found.update(f"onderwerpen/{t}.md" for t in meta.topics)
    return found


def generated_sources(vocabulary) -> set[str]:
    """Source paths of every page this module generates, for link checking before a build."""
    sources = {f"{a}.md" for a in vocabulary.keys("audiences")} | {"onderwerpen/index.md", "soorten/index.md"}
    sources |= {f"onderwerpen/{t}.md" for t in vocabulary.keys("topics")} | {f"soorten/{k}.md" for k in vocabulary.keys("types")}
    return sources


def all_hubs(catalogue: Catalogue, language: str, ui: UiText, routes=None) -> list[HubPage]:
    audiences = [audience_hub(catalogue, a, language, ui, routes) for a in catalogue.vocabulary.keys("audiences")]
    return audiences + topic_hubs(catalogue, language, ui) + type_hubs(catalogue, language, ui)


def audience_routes(catalogue: Catalogue, language: str, ui: UiText, page_src: str = "index.md") -> str:
    """The "Wie ben je?" block of the start page: one route per audience, clients easy-read first."""
    routes = []
    for audience in catalogue.vocabulary.keys("audiences"):
        classes = ".kp-route .kp-route--easy" if audience == "clienten" else ".kp-route"
        routes.append(
            f'[{pictograms.placeholder(AUDIENCE_ICONS.get(audience, pictograms.DEFAULT_ICON), "kp-route__icon")} '
            f'<span class="kp-route__label">{html.escape(ui["route_label"][audience])}</span> '
            f'<span class="kp-route__text">{html.escape(ui["route_text"][audience])}</span>]'
            f"({_link(page_src, audience + '.md')}){{ {classes} }}"
        )
    return f'<nav class="kp-routes" aria-label="{html.escape(ui["routes_label"])}" markdown>\n\n' + "\n\n".join(routes) + "\n\n</nav>"


def fill_start_page(markdown: str, catalogue: Catalogue, language: str, ui: UiText, page_src: str = "index.md") -> str:
    if START_PAGE_MARKER not in markdown:
        return markdown
    return markdown.replace(START_PAGE_MARKER, audience_routes(catalogue, language, ui, page_src))
