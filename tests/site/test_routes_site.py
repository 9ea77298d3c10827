"""The built site is honest and finished, and easy all the way: no demo material or build
scripts on any page, no empty hub, curated routes with one name, easy words on easy pages,
and a help directory with dates in words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUDIENCES = ("naasten", "professionals", "clienten")
PRODUCT_DIRS = sorted(p for p in (ROOT / "docs" / "producten").iterdir() if p.is_dir())
FORBIDDEN = re.compile(r"voorbeeld00|(?<![a-z])scripts/|make_example_videos|voorbeeldvideo")  # not assets/javascripts/
# Standard-language labels that must not appear in the labels of an easy-read page (badges,
# the metadata block, the version switch, the navigation, the help directory's headings).
STANDARD_LABELS = {
    "nl": ("Handreiking", "Factsheet", "Checklist", "Protocol", "Achtergrond", "Soorten kennisproducten", "Begrippenlijst",
           "Laatst gecontroleerd", "Volgende controle", "Gebaseerd op", "Bronnen", "Geldt voor", "Over deze pagina",
           "Cliënten", "Praktijkkennis", "Ervaringskennis", "Richtlijn", "Grensoverschrijdend gedrag"),
    "en": ("Guide", "Factsheet", "Checklist", "Protocol", "Background", "Kinds of knowledge products", "Glossary",
           "Last reviewed", "Next review", "Based on", "Sources", "Applies to", "About this page", "Clients",
           "Practice knowledge", "Lived experience", "Guideline", "Unwanted sexual behaviour"),
}
LABELS = ".kp-badge, [data-kp-product-meta] dt, [data-kp-product-meta] dd, [data-kp-product-meta] h2, nav.md-nav--primary .md-ellipsis"


def test_no_page_shows_demo_material_or_build_scripts(built_site):
    files = [p for p in built_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".vtt", ".txt")]
    assert files
    offenders = [(p.relative_to(built_site).as_posix(), m.group(0)) for p in files
                 for m in [FORBIDDEN.search(p.read_text(encoding="utf-8", errors="replace"))] if m]
    assert not offenders, offenders


def test_the_editors_guide_is_not_published(built_site):
    assert not (built_site / "voor-redacteuren").exists()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8") if (built_site / "sitemap.xml").exists() else ""
    assert "voor-redacteuren" not in sitemap


def _hubs(built_site: Path, prefix: str) -> list[Path]:
    root = built_site / prefix
    hubs = [root / a / "index.html" for a in AUDIENCES]
    hubs += [p for folder in ("onderwerpen", "soorten") for p in (root / folder).glob("*/index.html")]
    return hubs


@pytest.mark.parametrize("prefix", ["", "en"])
def test_every_generated_hub_has_at_least_one_product(built_site, parse, prefix):
    hubs = _hubs(built_site, prefix)
    assert len(hubs) >= 3 + 5
    for hub in hubs:
        assert parse(hub).cssselect("article.kp-card"), f"{hub.relative_to(built_site)} lists no product"
    for index in ("onderwerpen", "soorten"):
        doc = parse(built_site / prefix / index / "index.html")
        text = doc.cssselect(".md-content")[0].text_content()
        assert not re.search(r"\b0 (kennisproducten|knowledge products)", text), f"{index} links an empty hub"
        for link in doc.cssselect(".md-content li a"):
            target = (built_site / prefix / index / link.get("href")).resolve()
            assert (target / "index.html").exists() or target.exists(), link.get("href")


def test_empty_type_hub_is_not_built(built_site):
    assert not (built_site / "soorten" / "begrippenlijst").exists()


def test_route_names_agree_between_start_page_and_hubs(built_site, parse):
    for prefix in ("", "en"):
        start = parse(built_site / prefix / "index.html")
        labels = {a.get("href").rstrip("/").split("/")[-1]: a.cssselect(".kp-route__label")[0].text_content().strip()
                  for a in start.cssselect("nav.kp-routes a.kp-route")}
        for audience in AUDIENCES:
            hub = parse(built_site / prefix / audience / "index.html")
            assert hub.cssselect("h1")[0].text_content().strip() == labels[audience], (prefix, audience)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_route_opens_with_two_to_four_chosen_products(built_site, parse, audience):
    doc = parse(built_site / audience / "index.html")
    first = doc.cssselect(".md-content h2")[0]
    assert first.get("id") == "begin-hier"
    cards = first.getnext().cssselect("article.kp-card")
    assert 2 <= len(cards) <= 4


def test_relatives_route_puts_products_for_professionals_last(built_site, parse):
    doc = parse(built_site / "naasten" / "index.html")
    headings = [h.text_content().strip() for h in doc.cssselect(".md-content h2")]
    assert headings[-1] == "Vooral geschreven voor professionals"
    last = doc.cssselect(".md-content h2")[-1].getnext()
    titles = " ".join(a.text_content() for a in last.cssselect("h3 a"))
    assert "sekswerkers" in titles and "plegers" in titles


def _easy_pages(built_site: Path, prefix: str) -> list[Path]:
    root = built_site / prefix
    return [root / "producten" / p.name / "makkelijk" / "index.html" for p in PRODUCT_DIRS] + [root / "hulp" / "makkelijk" / "index.html"]


@pytest.mark.parametrize("language, prefix", [("nl", ""), ("en", "en")])
def test_easy_read_pages_use_no_standard_language_label(built_site, parse, language, prefix):
    found = []
    for page in _easy_pages(built_site, prefix):
        doc = parse(page)
        for element in doc.cssselect(LABELS):
            text = " ".join(element.text_content().split())
            for label in STANDARD_LABELS[language]:
                if re.search(rf"\b{re.escape(label)}\b", text):
                    found.append((page.relative_to(built_site).as_posix(), label, text[:60]))
    assert not found, found


def test_easy_read_metadata_says_where_it_comes_from_in_easy_words(built_site, parse):
    doc = parse(built_site / "producten" / "seksuele-assistentie" / "makkelijk" / "index.html")
    meta = doc.cssselect("[data-kp-product-meta]")[0].text_content()
    assert "Dit komt uit" in meta


def test_help_pages_show_dates_in_words_and_both_countries(built_site, parse):
    for page in ("hulp/index.html", "hulp/makkelijk/index.html"):
        doc = parse(built_site / page)
        text = doc.cssselect(".md-content")[0].text_content()
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), f"{page} shows an ISO date"
        ids = {h.get("id") for h in doc.cssselect(".md-content h2")}
        assert {"nl", "vlaanderen"} <= ids
    standard = parse(built_site / "hulp" / "index.html").text_content()
    for name in ("Zorgcentra na Seksueel Geweld", "0900-8844", "101", "112", "Sense.info", "Allesoverseks"):
        assert name in standard


def test_help_box_follows_the_region_of_the_product(built_site, parse):
    def box(slug):
        found = parse(built_site / "producten" / slug / "index.html").cssselect("[data-kp-help-short]")
        return found[0].text_content() if found else ""

    dutch = box("checklist-voor-zorgorganisaties")
    assert "0800-2000" in dutch and "1712" not in dutch
    flemish = box("hulpverlening-aan-plegers-in-vlaanderen")
    assert "1712" in flemish and "0800" not in flemish
    both = box("grenzen-aangeven-en-respecteren")
    assert "In Nederland" in both and "In Vlaanderen" in both
