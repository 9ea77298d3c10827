"""The built site: hubs, product pages, switches and privacy, read from the HTML."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import cli  # scripts/ is on the path (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
AUDIENCES = ("naasten", "professionals", "clienten")
PRODUCT_DIRS = sorted(p for p in (ROOT / "docs" / "producten").iterdir() if p.is_dir())
# Attributes that make a browser fetch something; an absolute http(s) URL there is a third-party request.
FETCHING = re.compile(r'<(?:script|link|img|iframe|source|video|audio|track|embed|object)\b[^>]*\b(?:src|href|data|poster|srcset)\s*=\s*["\']?\s*(?:https?:)?//', re.I)
CSS_URL = re.compile(r'url\(\s*["\']?\s*(?:https?:)?//', re.I)


def test_start_page_offers_a_route_per_audience(built_site, parse):
    doc = parse(built_site / "index.html")
    routes = doc.cssselect("nav.kp-routes a.kp-route")
    assert [a.get("href").rstrip("/").split("/")[-1] for a in routes] == list(AUDIENCES)
    assert "kp-route--easy" in routes[-1].get("class"), "the clients' route is marked easy-read"


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_audience_hub_lists_products(built_site, parse, audience, prefix):
    doc = parse(built_site / prefix / audience / "index.html")
    cards = doc.cssselect("article.kp-card")
    assert cards, f"{prefix}{audience} hub lists no products"
    for card in cards:
        assert card.cssselect("h3 a"), "every card links to its product"


def test_generated_placeholders_are_all_filled(html_pages):
    """Hub cards and their links are put in after rendering (kennisplein.hubs.fill_blocks,
    resolve_links); a placeholder left in a page would be an empty list or a dead link."""
    for page in html_pages:
        text = page.read_text(encoding="utf-8")
        assert "data-kp-block=" not in text and "kp-src:" not in text, page


def test_hub_card_links_lead_to_built_pages(built_site, parse):
    for hub in ("naasten", "onderwerpen/grenzen", "soorten/handreiking", "en/clienten"):
        folder = built_site / hub
        for link in parse(folder / "index.html").cssselect("article.kp-card a"):
            assert (folder / link.get("href") / "index.html").resolve().exists(), (hub, link.get("href"))


def test_clients_hub_links_easy_read_versions_first(built_site, parse):
    doc = parse(built_site / "clienten" / "index.html")
    for card in doc.cssselect("article.kp-card"):
        assert card.cssselect("h3 a")[0].get("href").rstrip("/").endswith("makkelijk")


def test_topic_and_type_hubs_exist(built_site, parse):
    topics = parse(built_site / "onderwerpen" / "index.html")
    assert len(topics.cssselect("article li a, .md-content li a")) >= 10
    assert (built_site / "soorten" / "handreiking" / "index.html").exists()


@pytest.mark.parametrize("product", PRODUCT_DIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("level", ["", "makkelijk/"])
def test_every_product_version_has_switches_and_metadata(built_site, parse, product, level):
    page = built_site / "producten" / product.name / level / "index.html"
    doc = parse(page)
    switch = doc.cssselect("[data-kp-version-switch]")
    assert switch, f"{page} has no version switch"
    options = {o.get("data-level"): o for o in switch[0].cssselect(".kp-version-switch__option")}
    assert set(options) == {"standaard", "makkelijk"}
    current = "makkelijk" if level else "standaard"
    assert options[current].get("aria-current") == "page"
    other = options["standaard" if level else "makkelijk"]
    assert other.tag == "a" and other.get("href")
    meta = doc.cssselect("[data-kp-product-meta]")
    assert meta, f"{page} has no metadata block"
    text = meta[0].text_content()
    labels = ("Voor wie", "Wat is dit", "Waar gaat het over", "Waar", "Waar komt dit vandaan", "Dit komt uit", "Gecontroleerd op") if level else \
        ("Voor wie", "Soort", "Onderwerpen", "Geldt voor", "Gebaseerd op", "Bronnen", "Laatst gecontroleerd")
    for label in labels:
        assert label in text
    # the language switch of material keeps you on the same product
    languages = [a.get("href") for a in doc.cssselect(".md-select__link[hreflang]")]
    assert any(h and f"en/producten/{product.name}/{level}" in h for h in languages), languages


def test_untranslated_page_says_so_in_the_readers_language(tmp_path, parse):
    # every page has its English version, so the fallback is shown on a copy with one translation taken out
    import shutil
    from mkdocs_wiring import buildconfig
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    product = PRODUCT_DIRS[0].name
    (docs / "producten" / product / "makkelijk.en.md").unlink()
    site = tmp_path / "site"
    assert cli.build_site(buildconfig.config_for(docs, tmp_path / "mkdocs.yml"), site) == 0
    doc = parse(site / "en" / "producten" / product / "makkelijk" / "index.html")
    notice = doc.cssselect("[data-kp-translation-missing]")
    assert notice and "not been translated" in notice[0].text_content()
    assert doc.cssselect('.kp-product[lang="nl"]'), "the Dutch text is marked lang=nl"


def test_translated_page_has_no_notice(built_site, parse):
    translated = [p for p in PRODUCT_DIRS if (p / "index.en.md").exists()]
    if not translated:
        pytest.skip("no English translation yet")
    doc = parse(built_site / "en" / "producten" / translated[0].name / "index.html")
    assert not doc.cssselect("[data-kp-translation-missing]")
    assert doc.getroottree().getroot().get("lang") == "en"


def test_authors_guide_is_generated_from_the_schema_for_make_serve_only(built_site):
    from kennisplein import generated_pages, project

    assert not (built_site / "voor-redacteuren").exists(), "the editors' guide is not on the public site"
    loaded = project.load(ROOT / "docs", with_readability=False)
    guide = [p for p in generated_pages.for_language(loaded, "nl", with_authors_guide=True) if p.src == generated_pages.AUTHORS_GUIDE]
    assert guide, "`make serve` makes the editors' guide"
    text = guide[0].markdown
    for key in ("title", "summary", "audiences", "level", "type", "topics", "region", "sources", "evidence", "reviewed", "review_due"):
        assert f"{key}" in text
    assert "grensoverschrijdend-gedrag" in text, "allowed topic values are listed"


def test_navigation_lists_hubs_only(built_site, parse):
    doc = parse(built_site / "producten" / PRODUCT_DIRS[0].name / "index.html")
    primary = doc.cssselect("nav.md-nav--primary a.md-nav__link")
    hrefs = [a.get("href") for a in primary]
    assert not any("producten/" in (h or "") for h in hrefs), "products must not be in the sidebar"
    assert len(primary) <= 12


def test_no_page_references_another_host(html_pages):
    offenders = []
    for page in html_pages:
        text = page.read_text(encoding="utf-8")
        if FETCHING.search(text) or CSS_URL.search(text):
            offenders.append(str(page))
    assert not offenders, offenders


def test_no_stylesheet_or_script_references_another_host(built_site):
    offenders = []
    for asset in list(built_site.rglob("*.css")):
        text = asset.read_text(encoding="utf-8", errors="replace")
        if re.search(r"@import\s+url\(\s*[\"']?https?:|fonts\.googleapis", text):
            offenders.append(str(asset))
    assert not offenders


def test_one_own_stylesheet_one_own_script_and_no_head_alternates(built_site, parse):
    """Few requests on a phone: the site's own CSS and JS come as one file each, and no
    <link rel=alternate hreflang> in the head (material would fetch a sitemap under each)."""
    doc = parse(built_site / "producten" / "seksuele-assistentie" / "index.html")
    own_css = [l.get("href") for l in doc.cssselect("link[rel=stylesheet]") if "/kennisplein." in l.get("href")]
    own_js = [s.get("src") for s in doc.cssselect("script[src]") if "/kennisplein." in s.get("src")]
    assert len(own_css) == 1 and len(own_js) == 1
    assert not doc.cssselect("head link[rel=alternate][hreflang]")
    assert doc.cssselect(".md-select__link[hreflang=en]"), "the visible language selector keeps its links"


def test_the_root_404_page_is_dutch(built_site, parse):
    doc = parse(built_site / "404.html")
    assert doc.get("lang") == "nl" and "Snel weg" in doc.text_content()
