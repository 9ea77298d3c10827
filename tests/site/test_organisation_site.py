"""The fictional example organisation, built for real: its name, colours, logo and
contacts show, what it excludes is gone, and the repository is left untouched."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import cli  # noqa: E402
import organisation_build  # noqa: E402

EXAMPLE = ROOT / "docs" / "_data" / "organisaties" / "voorbeeld" / "organisation.yml"


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def org_site(tmp_path_factory):
    before = tree_hash(ROOT / "docs")
    out = tmp_path_factory.mktemp("org-build")
    config, site = organisation_build.prepare(EXAMPLE, out)
    assert cli.build_site(config, site) == 0
    assert tree_hash(ROOT / "docs") == before, "building an organisation's copy must not change docs/"
    return site


def parse(path: Path):
    return html.fromstring(path.read_bytes())


def test_pages_show_the_organisation_name_and_logo(org_site):
    doc = parse(org_site / "index.html")
    assert "Voorbeeldlinde" in doc.cssselect(".md-header__topic")[0].text_content()
    logo = doc.cssselect(".md-logo img")[0]
    assert logo.get("alt") == "Logo van Zorggroep De Voorbeeldlinde"
    assert (org_site / logo.get("src").lstrip("./")).exists() or (org_site / "assets" / "organisation" / "logo.svg").exists()


def test_brand_colours_come_after_all_the_platform_styles(org_site):
    doc = parse(org_site / "index.html")
    own = [link.get("href") for link in doc.cssselect("link[rel=stylesheet]") if "kennisplein." in (link.get("href") or "")]
    assert len(own) == 1, "the platform's style sheets are served as one bundle"
    css = (org_site / own[0].lstrip("./")).read_text(encoding="utf-8")
    platform = [line.removeprefix("/* ").removesuffix(" */") for line in css.splitlines() if line.startswith("/* assets/")]
    assert platform[-1] == "assets/organisation/brand.css"
    assert {"assets/stylesheets/kennisplein.css", "assets/stylesheets/quick-exit.css", "assets/stylesheets/print.css"} <= set(platform)
    assert "#0b5d4b" in css and "#9c2a1c" in css


def test_help_directory_shows_own_contacts_first(org_site):
    doc = parse(org_site / "hulp" / "index.html")
    entries = doc.cssselect(".kp-help__entry")
    assert "Sam de Vries" in entries[0].text_content()
    assert "vertrouwenspersoon@voorbeeldlinde.example" in entries[0].text_content()
    text = doc.text_content()
    assert "Veilig Thuis" in text, "public services of the organisation's region"
    assert "Tele-Onthaal" not in text, "services of another region are left out"
    easy = parse(org_site / "hulp" / "makkelijk" / "index.html").text_content()
    assert "Sam luistert naar je." in easy


def test_local_page_is_built_and_listed(org_site):
    assert (org_site / "producten" / "afspraken-in-onze-woningen" / "makkelijk" / "index.html").exists()
    hub = parse(org_site / "naasten" / "index.html").text_content()
    assert "Afspraken over privacy in onze woningen" in hub


def test_excluded_region_is_gone_everywhere(org_site):
    flemish = [p.parent.name for p in (ROOT / "docs" / "producten").glob("*/index.md") if "region: vlaanderen" in p.read_text(encoding="utf-8")]
    assert flemish, "the example excludes Flemish products; there should be some upstream"
    sitemap = (org_site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in flemish:
        assert not (org_site / "producten" / slug).exists()
        assert f"producten/{slug}/" not in sitemap
        for hub in ("naasten", "professionals", "clienten", "onderwerpen/index", "soorten/index"):
            page = org_site / hub.replace("/index", "") / "index.html"
            assert f"producten/{slug}/" not in page.read_text(encoding="utf-8")


def test_footer_and_accessibility_page_show_the_organisations_own_contact(org_site):
    # The organisation file's contact (docs/_data/organisaties/voorbeeld/organisation.yml), not the general text.
    for page in ("index.html", "toegankelijkheid/index.html"):
        doc = parse(org_site / page)
        footer = doc.cssselect(".kp-footer__contact")[0].text_content()
        assert "012-3456789" in footer and "info@voorbeeldlinde.example" in footer, f"/{page} footer"
    article = parse(org_site / "toegankelijkheid" / "index.html").cssselect("article")[0]
    assert article.cssselect("a[href='mailto:info@voorbeeldlinde.example']")
    assert "Zorggroep De Voorbeeldlinde" in article.text_content()


def test_english_help_directory_shows_the_contacts_english_texts(org_site):
    doc = parse(org_site / "en" / "hulp" / "index.html")
    own = doc.cssselect(".kp-help__entry--own")
    assert own and "Sam de Vries (fictional)" in own[0].text_content()
    assert not [el for entry in own for el in entry.xpath('.//*[@lang="nl"]')], "a contact with English texts is marked Dutch"
    assert "Sam listens to you." in parse(org_site / "en" / "hulp" / "makkelijk" / "index.html").text_content()
