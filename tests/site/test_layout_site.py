"""The public-service layout in the built HTML: the footer's links resolve in both languages and
on the 404 pages, the footer names the last content update, breadcrumbs and page contents are
where they belong, and the "Nieuw en bijgewerkt" Atom feed parses and lists every product."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
PRODUCTS = sorted(p.name for p in (ROOT / "docs" / "producten").iterdir() if p.is_dir())
FOOTER_PAGES = {"over", "toegankelijkheid", "privacy", "veilig-bezoeken", "nieuw"}
UI = yaml.safe_load((ROOT / "docs" / "_data" / "ui.yml").read_text(encoding="utf-8"))


def _target(site: Path, page: Path, href: str) -> Path:
    path = urlsplit(href).path
    if path.startswith("/"):
        resolved = site / path.lstrip("/")
    else:
        resolved = Path(posixpath.normpath(str(page.parent / path)))
    return resolved / "index.html" if href.endswith("/") or resolved.is_dir() else resolved


@pytest.mark.parametrize("page", ["index.html", "producten/seksuele-assistentie/index.html", "producten/seksuele-assistentie/makkelijk/index.html",
                                  "en/index.html", "en/producten/seksuele-assistentie/index.html", "404.html", "en/404.html"])
def test_footer_links_resolve(built_site, parse, page):
    doc = parse(built_site / page)
    links = doc.cssselect(".kp-footer__links a")
    names = {urlsplit(a.get("href")).path.rstrip("/").split("/")[-1].removesuffix("-makkelijk") for a in links}
    assert FOOTER_PAGES <= names, f"/{page} footer lacks {FOOTER_PAGES - names}"
    for a in links:
        target = _target(built_site, built_site / page, a.get("href"))
        assert target.exists(), f"/{page}: footer link {a.get('href')} leads nowhere ({target})"
        if page.startswith("en/"):
            assert "/en/" in str(target), f"/{page}: footer link {a.get('href')} leaves the English site"


@pytest.mark.parametrize("page", ["producten/seksuele-assistentie/makkelijk/index.html", "en/producten/seksuele-assistentie/makkelijk/index.html"])
def test_easy_read_footer_leads_to_easy_read_pages(built_site, parse, page):
    """An easy-read reader who follows the footer lands on easy-read pages (the last-update list excepted)."""
    names = {urlsplit(a.get("href")).path.rstrip("/").split("/")[-1] for a in parse(built_site / page).cssselect(".kp-footer__links a")}
    assert {"over-makkelijk", "toegankelijkheid-makkelijk", "privacy-makkelijk", "veilig-bezoeken-makkelijk"} <= names, names


def test_footer_names_the_last_content_update_and_the_contact(built_site, parse):
    newest = max(yaml.safe_load((ROOT / "docs" / "producten" / slug / "index.md").read_text(encoding="utf-8").split("---")[1])["reviewed"]
                 for slug in PRODUCTS)
    for page in ("index.html", "en/index.html"):
        doc = parse(built_site / page)
        assert doc.cssselect(f".kp-footer__updated time[datetime='{newest.isoformat()}']"), f"/{page}: no last update {newest}"
        assert doc.cssselect(".kp-footer__contact"), f"/{page}: no contact block"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_atom_feed_parses_and_lists_every_product(built_site, prefix):
    feed = etree.parse(str(built_site / prefix / "nieuw.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, f"the feed has no <{required}>"
    entries = feed.findall(f"{ATOM}entry")
    linked = set()
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{required}") is not None and entry.find(f"{ATOM}{required}").text, f"an entry has no <{required}>"
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        target = _target(built_site, built_site / prefix / "nieuw.xml", href)
        assert target.exists(), f"feed link {href} leads nowhere"
        linked.add(href.rstrip("/").split("/")[-1])
    assert linked == set(PRODUCTS), f"the feed misses {set(PRODUCTS) - linked}"
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True), "newest first"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_whats_new_page_lists_every_product_and_links_the_feed(built_site, parse, prefix):
    doc = parse(built_site / prefix / "nieuw" / "index.html")
    items = doc.cssselect("ul.kp-new li.kp-new__item")
    assert len(items) == len(PRODUCTS)
    assert doc.cssselect("a[type='application/atom+xml']")
    assert doc.cssselect("head link[rel=alternate][type='application/atom+xml']")


@pytest.mark.parametrize("page, language, title", [("404.html", "nl", "not_found_title"), ("en/404.html", "en", "not_found_title")])
def test_404_pages_help_in_their_language(built_site, parse, page, language, title):
    doc = parse(built_site / page)
    assert doc.get("lang") == language
    assert doc.cssselect("h1")[0].text_content().strip() == UI[language][title]
    assert doc.cssselect("[data-kp-quick-exit-button]"), "the quick exit"
    assert doc.cssselect("form[role=search] input[name=q]"), "a search field"
    routes = [a.get("href") for a in doc.cssselect(".kp-not-found__routes a")]
    assert len(routes) == 3 and all(h.startswith("/") for h in routes), "the audience routes, with links that work at any address"
    assert all(l.get("href").startswith("/") for l in doc.cssselect("link[rel=stylesheet]"))


def test_breadcrumbs_and_contents(built_site, parse):
    product = parse(built_site / "producten/praten-over-intimiteit-met-je-naaste/index.html")
    crumbs = [a.text_content().strip() for a in product.cssselect(".kp-breadcrumbs a")]
    assert crumbs[0] == UI["nl"]["breadcrumbs_start"] and len(crumbs) == 2
    contents = product.cssselect("article .kp-contents a")
    assert len(contents) >= 4 and all(a.get("href").startswith("#") for a in contents)
    h1 = product.cssselect("article h1")[0]
    assert h1.getnext() is not None and "kp-contents" in (h1.getnext().get("class") or ""), "the contents sit right under the title"
    assert not parse(built_site / "index.html").cssselect(".kp-breadcrumbs"), "no breadcrumbs on the start page"
    assert not parse(built_site / "naasten/index.html").cssselect(".kp-contents"), "a hub is a list of links already"


@pytest.mark.parametrize("page", ["toegankelijkheid/index.html", "toegankelijkheid-makkelijk/index.html", "en/toegankelijkheid/index.html",
                                  "en/toegankelijkheid-makkelijk/index.html", "over/index.html", "en/over/index.html"])
def test_site_pages_say_who_to_contact(built_site, parse, page):
    doc = parse(built_site / page)
    text = doc.cssselect("article")[0].text_content()
    assert "kennisplein:contact" not in (built_site / page).read_text(encoding="utf-8")
    language = "en" if page.startswith("en/") else "nl"
    assert UI[language]["contact_none"] in text, "the general version says plainly it has no contact point"


def test_only_the_whats_new_page_announces_the_feed(built_site, parse):
    # The theme's script fetches a sitemap.xml beside every <link rel="alternate">: one wasted
    # request on every page if the feed were announced everywhere.
    for page in ("index.html", "producten/seksuele-assistentie/index.html", "en/index.html"):
        assert not parse(built_site / page).cssselect("head link[rel=alternate]"), f"/{page}"


@pytest.mark.parametrize("page, language", [
    ("producten/praten-over-intimiteit-met-je-naaste/makkelijk/index.html", "nl"), ("hulp/makkelijk/index.html", "nl"),
    ("privacy-makkelijk/index.html", "nl"), ("en/producten/praten-over-intimiteit-met-je-naaste/makkelijk/index.html", "en"),
])
def test_easy_read_pages_name_the_hubs_in_easy_words_in_tabs_and_drawer(built_site, parse, page, language):
    """The tabs are the navigation on a wide screen, the drawer on a phone: both carry the easy names."""
    easy_nav = UI[language]["easy_nav"]
    doc = parse(built_site / page)
    for where in (".md-tabs__link", ".md-nav--primary .md-nav__link"):
        labels = {" ".join(a.text_content().split()) for a in doc.cssselect(where)}
        standard_only = {standard for standard, easy in easy_nav.items() if standard != easy}
        assert not labels & standard_only, f"/{page} {where}: standard names {labels & standard_only}"
        assert set(easy_nav.values()) <= labels, f"/{page} {where}: missing easy names {set(easy_nav.values()) - labels}"


def test_standard_pages_keep_the_standard_hub_names(built_site, parse):
    labels = {" ".join(a.text_content().split()) for a in parse(built_site / "index.html").cssselect(".md-tabs__link")}
    assert set(UI["nl"]["easy_nav"]) <= labels, labels
