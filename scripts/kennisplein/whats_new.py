""""Nieuw en bijgewerkt": the products by their latest review date, as a page and an Atom feed.

Professionals who follow the platform subscribe to the feed; everyone else reads the page. Both
come from front matter only (``reviewed``, ``title``, ``summary``, ``type``), per language.
The feed is valid Atom (RFC 4287) and works offline: its links are relative to the feed itself
unless the site has a ``site_url``, and ids are stable ``urn:uuid:`` names made from the product.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
import uuid
from xml.sax.saxutils import escape, quoteattr

from kennisplein.content.catalogue import Catalogue, Page
from kennisplein.hubs import HubPage, page_link
from kennisplein.ui import UiText

PAGE = "nieuw.md"
FEED = "nieuw.xml"
ATOM = "http://www.w3.org/2005/Atom"
NAMESPACE = uuid.UUID("6f1c2a52-9a4e-4d53-9a52-6b656e6e6973")  # this platform's own uuid5 namespace


def latest(catalogue: Catalogue, language: str) -> list[Page]:
    """Each product once (its standard version in ``language``, else Dutch), newest review first."""
    pages = []
    for product in catalogue.products:
        page = product.version("standaard", language) or product.main
        pages.append(page)
    return sorted(pages, key=lambda p: (-p.meta.reviewed.toordinal(), p.meta.title.lower()))


def _date(value: dt.date, ui: UiText) -> str:
    months = ui["months"]
    return f"{value.day} {months[value.month - 1]} {value.year}" if isinstance(months, list) else value.isoformat()


def page(catalogue: Catalogue, language: str, ui: UiText) -> HubPage:
    title = ui["new_title"]
    items = []
    for p in latest(catalogue, language):
        lang = "" if p.language == language else f' lang="{p.language}"'
        kind = catalogue.vocabulary.label("types", p.meta.type, language)
        items.append(
            f'<li class="kp-new__item"{lang}><a class="kp-new__link" href="{page_link(p.src)}">{html.escape(p.meta.title)}</a>'
            f'<span class="kp-new__meta">{html.escape(ui["new_reviewed"])} <time datetime="{p.meta.reviewed.isoformat()}">'
            f'{html.escape(_date(p.meta.reviewed, ui))}</time> · {html.escape(kind)}</span>'
            f'<span class="kp-new__summary">{html.escape(p.meta.summary)}</span></li>'
        )
    body = f'<ul class="kp-new">\n' + "\n".join(items) + "\n</ul>\n" if items else f"{ui['no_products']}\n"
    feed = f'<p class="kp-new__feed"><a href="{page_link(FEED)}" type="application/atom+xml">{html.escape(ui["new_feed"])}</a></p>\n'
    markdown = f"---\ntitle: {title!r}\nhide: [toc]\n---\n\n# {title}\n\n{ui['new_intro']}\n\n{feed}\n{body}"
    return HubPage(PAGE, title, markdown)


def _entry_id(p: Page) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, p.src)}"


def _stamp(value: dt.date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def feed(catalogue: Catalogue, language: str, ui: UiText, site_name: str, url_of, feed_dest: str, site_url: str | None = None) -> str:
    """The Atom document. ``url_of(src)`` is the site-relative address of the page built from
    ``src`` in this language ("producten/x/" or "en/producten/x/index.html"); ``feed_dest`` is the
    feed's own ("en/nieuw.xml"). Links are absolute under ``site_url``, else relative to the feed."""
    base = posixpath.dirname(feed_dest)

    def href(site_relative: str) -> str:
        if site_url:
            return site_url.rstrip("/") + "/" + site_relative
        rel = posixpath.relpath(site_relative or ".", base or ".")
        return rel + "/" if site_relative.endswith("/") and not rel.endswith("/") else rel

    pages = latest(catalogue, language)
    updated = max((p.meta.reviewed for p in pages), default=dt.date(2000, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="{language}">',
        f"  <title>{escape(ui['new_title'])} · {escape(site_name)}</title>",
        f"  <subtitle>{escape(ui['new_intro'])}</subtitle>",
        f"  <id>urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + language)}</id>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <author><name>{escape(site_name)}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(href(feed_dest))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(href(url_of(PAGE)))}/>',
    ]
    for p in pages:
        kind = catalogue.vocabulary.label("types", p.meta.type, language)
        lines += [
            f'  <entry xml:lang="{p.language}">',
            f"    <title>{escape(p.meta.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(href(url_of(p.src)))}/>',
            f"    <id>{_entry_id(p)}</id>",
            f"    <updated>{_stamp(p.meta.reviewed)}</updated>",
            f"    <category term={quoteattr(p.meta.type)} label={quoteattr(kind)}/>",
            f"    <summary>{escape(p.meta.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
