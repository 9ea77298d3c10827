"""The core behind the public-service layout: the footer's contact and last update
(site_links), the breadcrumbs, and "Nieuw en bijgewerkt" with its Atom feed (whats_new)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from lxml import etree

from kennisplein import breadcrumbs, site_links, whats_new
from kennisplein.ui import UiText

UI = UiText(breadcrumbs_start="Start", types_title="Soorten", topics_title="Onderwerpen", videos_title="Video's",
            help_title="Hulp", new_title="Nieuw", new_intro="Alles, nieuwste eerst.", new_reviewed="Gecontroleerd op",
            new_feed="Feed", no_products="Geen", help_phone="Telefoon", help_email="E-mail", help_hours="Bereikbaar",
            contact_address="Adres", contact_website="Website", contact_none="Geen contactpunt.",
            months=["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"])


def _page(src, title, reviewed, level="standaard", language="nl", kind="handreiking"):
    meta = SimpleNamespace(title=title, summary=f"Over {title} <en meer>", reviewed=reviewed, type=kind, level=level)
    return SimpleNamespace(src=src, language=language, meta=meta, easy_read=level == "makkelijk")


def _catalogue():
    a = _page("producten/a/index.md", "Alpha & co", dt.date(2026, 1, 5))
    a_easy = _page("producten/a/makkelijk.md", "Alpha makkelijk", dt.date(2026, 1, 5), level="makkelijk")
    b = _page("producten/b/index.md", "Beta", dt.date(2026, 3, 1), kind="factsheet")
    products = []
    for slug, versions in (("a", {("standaard", "nl"): a, ("makkelijk", "nl"): a_easy}), ("b", {("standaard", "nl"): b})):
        product = SimpleNamespace(slug=slug, versions=versions, main=versions[("standaard", "nl")],
                                  version=lambda level, language="nl", v=versions: v.get((level, language)))
        products.append(product)
    by_src = {p.src: (prod, p) for prod in products for p in prod.versions.values()}
    vocabulary = SimpleNamespace(label=lambda kind, key, language: key.title())
    return SimpleNamespace(products=products, vocabulary=vocabulary, product_for=by_src.get,
                           pages=lambda: iter(p for prod in products for p in prod.versions.values()))


def test_contact_comes_from_the_organisation_else_the_config_else_none():
    org = SimpleNamespace(name="Zorggroep", contact=SimpleNamespace(model_dump=lambda: {"phone": "012-345678", "email": "a@b.example"}))
    assert site_links.contact(org, {"contact": {"email": "x@y.example"}}) == {"name": "Zorggroep", "phone": "012-345678", "email": "a@b.example"}
    assert site_links.contact(None, {"contact": {"email": "x@y.example"}}) == {"email": "x@y.example"}
    assert site_links.contact(None, {"contact": {"name": "Alleen een naam"}}) is None
    assert site_links.contact(None, {}) is None


def test_contact_from_the_config_is_untrusted_text():
    found = site_links.contact(None, {"contact": {"name": "<b>X</b> [y](z)", "email": "a@b.nl)](javascript:x", "url": "javascript:alert(1)"}})
    assert "email" not in found and "url" not in found
    markdown = site_links.contact_markdown(found, UI)
    assert "<b>" not in markdown and "](javascript" not in markdown.replace("\\]", "") and "\\[y\\]" in markdown
    assert site_links.fill_contact("a\n<!-- kennisplein:contact -->\n", None, UI) == "a\nGeen contactpunt.\n\n"


def test_last_update_is_the_newest_review_date():
    assert site_links.last_update(_catalogue()) == dt.date(2026, 3, 1)


def test_breadcrumbs_lead_from_the_start_page_and_skip_type_names_on_easy_read_pages():
    catalogue = _catalogue()
    url_for = lambda src: "../" + src.replace(".md", "/")  # noqa: E731
    assert breadcrumbs.trail("index.md", catalogue, "nl", UI, url_for) == []
    assert [c["label"] for c in breadcrumbs.trail("producten/a/index.md", catalogue, "nl", UI, url_for)] == ["Start", "Handreiking"]
    assert [c["label"] for c in breadcrumbs.trail("producten/a/makkelijk.md", catalogue, "nl", UI, url_for)] == ["Start"]
    assert [c["label"] for c in breadcrumbs.trail("onderwerpen/praten.md", catalogue, "nl", UI, url_for)] == ["Start", "Onderwerpen"]
    assert [c["label"] for c in breadcrumbs.trail("onderwerpen/index.md", catalogue, "nl", UI, url_for)] == ["Start"]
    assert breadcrumbs.trail("privacy.md", catalogue, "nl", UI, lambda src: "") == [], "a page that is not built is not linked"


def test_whats_new_lists_newest_first_escaped():
    page = whats_new.page(_catalogue(), "nl", UI)
    assert page.src == "nieuw.md"
    assert page.markdown.index("Beta") < page.markdown.index("Alpha")
    assert "Alpha &amp; co" in page.markdown and "&lt;en meer&gt;" in page.markdown
    assert "1 maart 2026" in page.markdown and 'datetime="2026-03-01"' in page.markdown
    assert "makkelijk" not in page.markdown, "each product once, by its standard version"


def test_atom_feed_is_valid_and_relative_without_a_site_url():
    urls = {"nieuw.md": "en/nieuw/", "producten/a/index.md": "en/producten/a/", "producten/b/index.md": "en/producten/b/"}
    xml = whats_new.feed(_catalogue(), "en", UI, "Kennisplein & co", urls.get, "en/nieuw.xml")
    feed = etree.fromstring(xml.encode())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:title", namespaces=ns) == "Nieuw · Kennisplein & co"
    assert feed.findtext("a:updated", namespaces=ns) == "2026-03-01T00:00:00Z"
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries] == ["Beta", "Alpha & co"]
    assert [e.find("a:link", ns).get("href") for e in entries] == ["producten/b/", "producten/a/"]
    assert feed.find("a:link[@rel='self']", ns).get("href") == "nieuw.xml"
    again = whats_new.feed(_catalogue(), "en", UI, "Kennisplein & co", urls.get, "en/nieuw.xml")
    assert again == xml, "stable ids and order"


def test_atom_feed_links_are_absolute_under_a_site_url():
    urls = {"nieuw.md": "nieuw/", "producten/a/index.md": "producten/a/", "producten/b/index.md": "producten/b/"}
    xml = whats_new.feed(_catalogue(), "nl", UI, "K", urls.get, "nieuw.xml", "https://kennisplein.example.org/")
    assert 'href="https://kennisplein.example.org/producten/b/"' in xml and 'href="https://kennisplein.example.org/nieuw.xml"' in xml
