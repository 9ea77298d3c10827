"""Content validation: every fault an editor can make is reported with its file, line and a clear message.

Each test starts from one valid product (tests/unit/data/product/, copied to
``docs/producten/grenzen/``) next to a copy of the real ``docs/_data/`` and
breaks one thing. Problems are compared as (path, line, message) tuples, so a
test fails on a wrong line, a reworded message *and* on any extra problem.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisplein import project
from kennisplein.problems import Problem, errors, format_report

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data" / "product"
VOCABULARY = yaml.safe_load((ROOT / "docs" / "_data" / "vocabulary.yml").read_text(encoding="utf-8"))

SLUG = "grenzen"
INDEX = f"docs/producten/{SLUG}/index.md"
EASY = f"docs/producten/{SLUG}/makkelijk.md"
PRODUCT_KEYS = "title, summary, audiences, level, type, topics, region, sources, evidence, reviewed, review_due, videos, replaces"


# The front matter is parsed with libyaml when PyYAML has it; its syntax messages differ from pure PyYAML's.
LIBYAML = hasattr(yaml, "CSafeLoader")


def yaml_error(libyaml: str, pure: str) -> str:
    return "front matter is not valid YAML: " + (libyaml if LIBYAML else pure)


def allowed(kind: str) -> str:
    return ", ".join(VOCABULARY[kind])


def make_docs(root: Path) -> Path:
    """A docs folder with the real data files and one valid product; returns docs/.

    The video catalogue (docs/_data/videos/) is left out: its media files live
    outside _data/ and are not what these tests are about."""
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data", ignore=shutil.ignore_patterns("videos", "routes.yml"))  # routes.yml names the real products
    folder = docs / "producten" / SLUG
    folder.mkdir(parents=True)
    for name in ("index.md", "makkelijk.md"):
        shutil.copyfile(DATA / name, folder / name)
    return docs


@dataclass
class Docs:
    path: Path  # the docs/ folder

    def file(self, rel: str) -> Path:
        return self.path.parent / rel

    def write(self, rel: str, content: str | bytes) -> None:
        target = self.file(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.file(rel).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"test set-up: {old!r} must occur once in {rel}"
        self.write(rel, text.replace(old, new))

    def append(self, rel: str, text: str) -> None:
        self.write(rel, self.file(rel).read_text(encoding="utf-8") + text)

    def load(self) -> project.Project:
        return project.load(self.path)

    def problems(self) -> list[tuple[str, int | None, str]]:
        return sorted(((p.path, p.line, p.message) for p in self.load().problems), key=lambda t: (t[0], t[1] or 0, t[2]))


@pytest.fixture
def docs(tmp_path) -> Docs:
    return Docs(make_docs(tmp_path))


# --------------------------------------------------------------------------- the valid baseline

def test_valid_product_has_no_problems(docs):
    loaded = docs.load()
    assert loaded.problems == []
    assert [p.slug for p in loaded.catalogue.products] == [SLUG]
    assert sorted(loaded.catalogue.products[0].versions) == [("makkelijk", "nl"), ("standaard", "nl")]


def test_product_body_starts_after_the_front_matter(docs):
    """The fixture's line numbers below depend on this layout."""
    page = docs.load().catalogue.products[0].main
    assert page.document.body_start_line == 18
    assert page.document.line_of(("sources", 0, "url")) == 13


# --------------------------------------------------------------------------- one broken thing per case
#
# A case is (edit, expected problems). ``edit`` changes the valid docs folder;
# the expected list is every problem project.load must report, no more.

def replace(rel, old, new):
    return lambda d: d.replace(rel, old, new)


def append(rel, text):
    return lambda d: d.append(rel, text)


def write(rel, content):
    return lambda d: d.write(rel, content)


def delete(rel):
    return lambda d: d.file(rel).unlink()


def raw_replace(rel, old: bytes, new: bytes):
    def edit(d):
        data = d.file(rel).read_bytes()
        assert data.count(old) == 1
        d.write(rel, data.replace(old, new))
    return edit


BODY_END = 26  # last line of index.md; appended text starts on line 27


CASES = [
    # ---- reading the file
    pytest.param(raw_replace(INDEX, b"Hoe je met", b"Hoe j\xe9 met"),
                 [(INDEX, 3, "not valid UTF-8 (byte 0xe9); save the file as UTF-8")], id="non-utf8-in-front-matter"),
    pytest.param(raw_replace(INDEX, b"bij een begeleider", b"bij een begeleider \x96 of zo"),
                 [(INDEX, 26, "not valid UTF-8 (byte 0x96); save the file as UTF-8")], id="non-utf8-in-body"),
    pytest.param(replace(INDEX, "---\ntitle:", "title:"),
                 [(INDEX, 1, "no front matter: the file must start with a line '---'")], id="no-front-matter"),
    pytest.param(replace(INDEX, "---\ntitle:", "\n---\ntitle:"),
                 [(INDEX, 1, "no front matter: the file must start with a line '---'")], id="blank-line-before-front-matter"),
    pytest.param(write(INDEX, ""),
                 [(INDEX, 1, "no front matter: the file must start with a line '---'")], id="empty-file"),
    pytest.param(replace(INDEX, "review_due: 2099-11-01\n---\n", "review_due: 2099-11-01\n"),
                 [(INDEX, 1, "front matter is not closed: add a line '---' after the last key")], id="unclosed-front-matter"),
    # ---- YAML syntax
    pytest.param(replace(INDEX, "type: handreiking", "type: handreiking: extra"),
                 [(INDEX, 6, yaml_error("mapping values are not allowed in this context", "mapping values are not allowed here"))], id="yaml-colon-in-value"),
    pytest.param(replace(INDEX, "topics: [grenzen, praten]", "topics: [grenzen, praten"),
                 [(INDEX, 8, yaml_error("did not find expected ',' or ']'", "expected ',' or ']', but got ':'"))], id="yaml-unclosed-list"),
    pytest.param(replace(INDEX, "    publisher: Ministerie van VWS", "   publisher: Ministerie van VWS"),
                 [(INDEX, 11, yaml_error("did not find expected '-' indicator", "expected <block end>, but found '<block mapping start>'"))], id="yaml-bad-indent"),
    pytest.param(replace(INDEX, "region: nl\n", "region: nl\ntitle: Nog een titel\n"),
                 [(INDEX, 9, "front matter is not valid YAML: duplicate key 'title' (first on line 2)")], id="duplicate-key"),
    pytest.param(replace(INDEX, "    year: 2024\n", "    year: 2024\n    year: 2025\n"),
                 [(INDEX, 13, "front matter is not valid YAML: duplicate key 'year' (first on line 12)")], id="duplicate-key-in-source"),
    pytest.param(write(INDEX, "---\n- title: Praten over grenzen\n- level: standaard\n---\n\n# Tekst\n"),
                 [(INDEX, 2, "front matter must be a list of 'key: value' lines")], id="front-matter-is-a-list"),
    pytest.param(write(INDEX, "---\nPraten over grenzen\n---\n\n# Tekst\n"),
                 [(INDEX, 2, "front matter must be a list of 'key: value' lines")], id="front-matter-is-text"),
    pytest.param(replace(INDEX, "title: Praten over grenzen", "title: Praten \x01over grenzen"),
                 [(INDEX, 2, "front matter is not valid YAML: character #x0001 is not allowed; delete it")],
                 id="control-character"),
    pytest.param(replace(INDEX, "    year: 2024", "    year: !!int twintig"),
                 [(INDEX, 12, "front matter is not valid YAML: 'twintig' is not a valid int")], id="bad-explicit-tag"),
    pytest.param(replace(INDEX, "    year: 2024", "    year: !!int ''"),
                 [(INDEX, 12, "front matter is not valid YAML: '' is not a valid int")], id="empty-explicit-tag"),
    pytest.param(replace(INDEX, "evidence: [beleid, praktijkkennis]", "evidence: [beleid, praktijkkennis]\nvideos: &v [*v]"),
                 [(INDEX, 15, "videos[0]: Input should be a valid string")], id="recursive-alias"),
    # ---- missing and unknown keys
    pytest.param(replace(INDEX, "title: Praten over grenzen\n", ""),
                 [(INDEX, 1, "missing key 'title'")], id="missing-title"),
    pytest.param(replace(INDEX, "summary: Hoe je met je naaste praat over grenzen, en waar je hulp vindt als dat lastig is.\n", ""),
                 [(INDEX, 1, "missing key 'summary'")], id="missing-summary"),
    pytest.param(replace(INDEX, "level: standaard\n", ""),
                 [(INDEX, 1, "missing key 'level'")], id="missing-level"),
    pytest.param(replace(INDEX, "audiences: [naasten, professionals]\n", ""),
                 [(INDEX, 1, "missing key 'audiences'")], id="missing-audiences"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01\n", ""),
                 [(INDEX, 1, "missing key 'reviewed'")], id="missing-reviewed"),
    pytest.param(replace(INDEX, "sources:\n  - title: Beleidsvisie intimiteit en seksualiteit\n    publisher: Ministerie van VWS\n"
                                "    year: 2024\n    url: https://www.rijksoverheid.nl/\n", ""),
                 [(INDEX, 1, "missing key 'sources'")], id="missing-sources"),
    pytest.param(replace(INDEX, "    publisher: Ministerie van VWS\n", ""),
                 [(INDEX, 10, "missing key 'sources[0].publisher'")], id="missing-source-publisher"),
    pytest.param(write(INDEX, "---\n---\n\n# Tekst\n"),
                 [(INDEX, 1, f"missing key '{key}'") for key in
                  ("title", "summary", "audiences", "level", "type", "topics", "region", "sources", "evidence", "reviewed", "review_due")],
                 id="empty-front-matter"),
    pytest.param(replace(INDEX, "region: nl\n", "region: nl\nauteur: Jan\n"),
                 [(INDEX, 9, f"unknown key 'auteur' (allowed keys: {PRODUCT_KEYS})")], id="unknown-key"),
    pytest.param(replace(INDEX, "    url: https://www.rijksoverheid.nl/\n", "    url: https://www.rijksoverheid.nl/\n    isbn: 9789012345678\n"),
                 [(INDEX, 14, "unknown key 'sources[0].isbn'")], id="unknown-key-in-source"),
    pytest.param(replace(INDEX, "region: nl\n", 'region: nl\n"auteur\\nnaam": Jan\n'),
                 [(INDEX, 9, f"unknown key 'auteur\nnaam' (allowed keys: {PRODUCT_KEYS})")], id="unknown-key-with-line-break"),
    # ---- types
    pytest.param(replace(INDEX, "title: Praten over grenzen", "title: [Praten, grenzen]"),
                 [(INDEX, 2, "title: Input should be a valid string")], id="title-is-a-list"),
    pytest.param(replace(INDEX, "    year: 2024", "    year: tweeduizend vierentwintig"),
                 [(INDEX, 12, "sources[0].year: Input should be a valid integer, unable to parse string as an integer")], id="year-is-text"),
    pytest.param(replace(INDEX, "audiences: [naasten, professionals]", "audiences: naasten"),
                 [(INDEX, 4, "audiences: Input should be a valid list")], id="audiences-not-a-list"),
    pytest.param(replace(INDEX, "sources:\n  - title: Beleidsvisie", "sources:\n  - Beleidsvisie\n  - title: Beleidsvisie"),
                 [(INDEX, 10, "sources[0]: Input should be a valid dictionary or instance of Source")], id="source-is-text"),
    # ---- controlled lists
    pytest.param(replace(INDEX, "audiences: [naasten, professionals]", "audiences: [naasten, ouders]"),
                 [(INDEX, 4, f"audiences: 'ouders' is not one of: {allowed('audiences')}")], id="unknown-audience"),
    pytest.param(replace(INDEX, "level: standaard", "level: moeilijk"),
                 [(INDEX, 5, f"level: 'moeilijk' is not one of: {allowed('levels')}")], id="unknown-level"),
    pytest.param(replace(INDEX, "type: handreiking", "type: folder"),
                 [(INDEX, 6, f"type: 'folder' is not one of: {allowed('types')}")], id="unknown-type"),
    pytest.param(replace(INDEX, "topics: [grenzen, praten]", "topics: [grenzen, koken]"),
                 [(INDEX, 7, f"topics: 'koken' is not one of: {allowed('topics')}")], id="unknown-topic"),
    pytest.param(replace(INDEX, "region: nl", "region: belgie"),
                 [(INDEX, 8, f"region: 'belgie' is not one of: {allowed('regions')}")], id="unknown-region"),
    pytest.param(replace(INDEX, "evidence: [beleid, praktijkkennis]", "evidence: [beleid, mening]"),
                 [(INDEX, 14, f"evidence: 'mening' is not one of: {allowed('evidence')}")], id="unknown-evidence"),
    pytest.param(replace(INDEX, "audiences: [naasten, professionals]", "audiences: []"),
                 [(INDEX, 4, "audiences: List should have at least 1 item after validation, not 0")], id="no-audiences"),
    pytest.param(replace(INDEX, "topics: [grenzen, praten]", "topics: [grenzen, praten, grenzen]"),
                 [(INDEX, 7, "topics: listed twice: grenzen")], id="duplicate-topic"),
    pytest.param(replace(INDEX, "topics: [grenzen, praten]", "topics: [grenzen, praten, privacy, relaties, intimiteit, seksualiteit]"),
                 [(INDEX, 7, "topics: List should have at most 5 items after validation, not 6")], id="too-many-topics"),
    pytest.param(replace(INDEX, "summary: Hoe je met je naaste praat over grenzen, en waar je hulp vindt als dat lastig is.", "summary: Over grenzen."),
                 [(INDEX, 3, "summary: String should have at least 20 characters")], id="summary-too-short"),
    pytest.param(replace(INDEX, "title: Praten over grenzen", "title: '  Ja '"),
                 [(INDEX, 2, "title: String should have at least 3 characters")], id="title-only-spaces"),
    # ---- dates
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: 1-5-2026"),
                 [(INDEX, 15, "reviewed: expected a date as YYYY-MM-DD, got '1-5-2026'")], id="date-d-m-yyyy"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: 2026/05/01"),
                 [(INDEX, 15, "reviewed: expected a date as YYYY-MM-DD, got '2026/05/01'")], id="date-with-slashes"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: 2026-05-01 10:30:00"),
                 [(INDEX, 15, "reviewed: expected a date as YYYY-MM-DD, without a time")], id="date-with-time"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: 20260501"),
                 [(INDEX, 15, "reviewed: expected a date as YYYY-MM-DD, got 20260501")], id="date-as-number"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: 2026-02-30"),
                 [(INDEX, 15, "reviewed: '2026-02-30' is not a real date")], id="impossible-date"),
    pytest.param(replace(INDEX, "reviewed: 2026-11-01", "reviewed: '2026-02-30'"),
                 [(INDEX, 15, "reviewed: '2026-02-30' is not a real date")], id="impossible-date-quoted"),
    pytest.param(replace(INDEX, "review_due: 2099-11-01", "review_due: 2027-13-01"),
                 [(INDEX, 16, "review_due: '2027-13-01' is not a real date")], id="impossible-month"),
    pytest.param(replace(INDEX, "review_due: 2099-11-01", "review_due: 2026-10-31"),
                 [(INDEX, 16, "review_due: 2026-10-31 must come after reviewed (2026-11-01)")], id="review-due-before-reviewed"),
    pytest.param(replace(INDEX, "review_due: 2099-11-01", "review_due: 2026-11-01"),
                 [(INDEX, 16, "review_due: 2026-11-01 must come after reviewed (2026-11-01)")], id="review-due-equals-reviewed"),
    pytest.param(replace(INDEX, "    url: https://www.rijksoverheid.nl/\n", "    url: https://www.rijksoverheid.nl/\n    checked: 1 mei 2026\n"),
                 [(INDEX, 14, "sources[0].checked: expected a date as YYYY-MM-DD, got '1 mei 2026'")], id="source-checked-not-a-date"),
    # ---- source URL
    pytest.param(replace(INDEX, "url: https://www.rijksoverheid.nl/", "url: www.rijksoverheid.nl"),
                 [(INDEX, 13, "sources[0].url: Input should be a valid URL, relative URL without a base")], id="url-without-scheme"),
    pytest.param(replace(INDEX, "url: https://www.rijksoverheid.nl/", "url: javascript:alert(1)"),
                 [(INDEX, 13, "sources[0].url: URL scheme should be 'http' or 'https'")], id="url-javascript"),
    # ---- the product folder
    pytest.param(delete(EASY),
                 [(EASY, None, f"missing easy-read version: product '{SLUG}' has index.md but no makkelijk.md")], id="no-makkelijk-md"),
    pytest.param(delete(INDEX),
                 [(INDEX, None, f"missing standard version: product '{SLUG}' has makkelijk.md but no index.md")], id="no-index-md"),
    pytest.param(replace(INDEX, "level: standaard", "level: makkelijk"),
                 [(INDEX, 5, "level: index.md must say level: standaard")], id="index-says-makkelijk"),
    pytest.param(replace(EASY, "level: makkelijk", "level: standaard"),
                 [(EASY, 5, "level: makkelijk.md must say level: makkelijk")], id="makkelijk-says-standaard"),
    pytest.param(replace(EASY, "type: handreiking", "type: checklist"),
                 [(EASY, 6, f"type differs from docs/producten/{SLUG}/index.md: every version of a product shares its type")], id="type-differs"),
    pytest.param(replace(EASY, "region: nl", "region: vlaanderen"),
                 [(EASY, 8, f"region differs from docs/producten/{SLUG}/index.md: every version of a product shares its region")], id="region-differs"),
    pytest.param(replace(EASY, "topics: [grenzen, praten]", "topics: [grenzen]"),
                 [(EASY, 7, f"topics differs from docs/producten/{SLUG}/index.md: every version of a product shares its topics")], id="topics-differ"),
    pytest.param(write(f"docs/producten/{SLUG}/notities.md", "---\ntitle: Notities\n---\n"),
                 [(f"docs/producten/{SLUG}/notities.md", None,
                   "unexpected file name in a product folder: use index.md, makkelijk.md or their .en.md translations")], id="unexpected-file-name"),
    pytest.param(write(f"docs/producten/{SLUG}/index.fr.md", "---\ntitle: Notes\n---\n"),
                 [(f"docs/producten/{SLUG}/index.fr.md", None,
                   "unexpected file name in a product folder: use index.md, makkelijk.md or their .en.md translations")], id="unknown-language"),
    pytest.param(write("docs/producten/los.md", "---\ntitle: Los bestand\n---\n"),
                 [("docs/producten/los.md", None,
                   "a product is a folder producten/<slug>/ with index.md and makkelijk.md; move this file into such a folder")],
                 id="file-directly-under-producten"),
    pytest.param(write(f"docs/producten/{SLUG}/extra/index.md", "---\ntitle: Te diep\n---\n"),
                 [(f"docs/producten/{SLUG}/extra/index.md", None,
                   "a product is a folder producten/<slug>/ with index.md and makkelijk.md; move this file into such a folder")],
                 id="file-nested-too-deep"),
    # ---- site pages
    pytest.param(write("docs/over.md", "---\ntitle: Over ons\nauteur: Jan\n---\n\n# Over ons\n"),
                 [("docs/over.md", 3, "unknown key 'auteur' (allowed keys: title, summary, level, hide)")], id="site-page-unknown-key"),
    pytest.param(write("docs/over.md", "---\ntitle: Over ons\nhide: [zijbalk]\n---\n\n# Over ons\n"),
                 [("docs/over.md", 3, "hide: 'zijbalk' is not one of: footer, navigation, path, toc")], id="site-page-bad-hide"),
    pytest.param(write("docs/over.md", "# Over ons\n"),
                 [("docs/over.md", 1, "no front matter: the file must start with a line '---'")], id="site-page-no-front-matter"),
    # ---- the Markdown body (appended after line 26 of index.md)
    pytest.param(append(INDEX, "\n![](foto.png)\n"),
                 [(INDEX, 28, "afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\"")], id="markdown-image-without-alt"),
    pytest.param(append(INDEX, "\nZie ![ ](foto.png) hier.\n"),
                 [(INDEX, 28, "afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\"")], id="markdown-image-blank-alt"),
    pytest.param(append(INDEX, '\n<img src="foto.png">\n'),
                 [(INDEX, 28, "afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\"")], id="html-img-without-alt"),
    pytest.param(append(INDEX, '\n<p>\n<img src="foto.png" alt="" />\n</p>\n'),
                 [(INDEX, 29, "afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\"")], id="html-img-empty-alt"),
    pytest.param(append(INDEX, "\n<script>alert('hoi')</script>\n"),
                 [(INDEX, 28, "<script> is niet toegestaan in de tekst: het voert code uit")], id="script-tag"),
    pytest.param(append(INDEX, '\n<SCRIPT src="https://example.org/x.js"></SCRIPT>\n'),
                 [(INDEX, 28, "<script> is niet toegestaan in de tekst: het voert code uit")], id="script-tag-upper-case"),
    pytest.param(append(INDEX, '\n<iframe src="https://example.org"></iframe>\n'),
                 [(INDEX, 28, "<iframe> is niet toegestaan in de tekst: het laadt een andere site in de pagina")], id="iframe-tag"),
    pytest.param(append(INDEX, '\n<a href="https://example.org" onclick="stuur()">klik</a>\n'),
                 [(INDEX, 28, "attribuut 'onclick' op <a> is niet toegestaan: het voert code uit")], id="onclick-attribute"),
    pytest.param(append(INDEX, "\n<img alt='foto' src=foto.png ONERROR=stuur()>\n"),
                 [(INDEX, 28, "attribuut 'onerror' op <img> is niet toegestaan: het voert code uit")], id="onerror-attribute-unquoted"),
    pytest.param(append(INDEX, "\nLees [meer](javascript:stuurDoor) hier.\n"),
                 [(INDEX, 28, "'javascript:'-adres 'javascript:stuurDoor' in <a href> is niet toegestaan: het voert code uit")], id="markdown-javascript-link"),
    pytest.param(append(INDEX, "\nLees [meer](<JavaScript:stuurDoor>) hier.\n"),
                 [(INDEX, 28, "'javascript:'-adres 'JavaScript:stuurDoor' in <a href> is niet toegestaan: het voert code uit")], id="markdown-javascript-link-angle"),
    pytest.param(append(INDEX, '\n<a href="javascript:stuurDoor()">klik</a>\n'),
                 [(INDEX, 28, "'javascript:'-adres 'javascript:stuurDoor()' in <a href> is niet toegestaan: het voert code uit")], id="href-javascript"),
    pytest.param(append(INDEX, '\n<a href=" java&#x09;script:stuurDoor()">klik</a>\n'),
                 [(INDEX, 28, "'javascript:'-adres ' java\\x09script:stuurDoor()' in <a href> is niet toegestaan: het voert code uit")], id="href-javascript-with-tab-entity"),
    pytest.param(append(INDEX, "\nLees [meer](java&#x09;script:stuurDoor) hier.\n"),
                 [(INDEX, 28, "'javascript:'-adres 'java\\x09script:stuurDoor' in <a href> is niet toegestaan: het voert code uit")], id="markdown-link-with-tab-entity"),
    pytest.param(append(INDEX, '\nLees [meer](https://example.org){ onclick="stuur()" } hier.\n'),
                 [(INDEX, 28, "attribuut 'onclick' op <a> is niet toegestaan: het voert code uit")], id="attr-list-onclick"),
    pytest.param(append(INDEX, '\nLees [meer](https://example.org){: href="javascript:stuur()" } hier.\n'),
                 [(INDEX, 28, "'javascript:'-adres 'javascript:stuur()' in <a href> is niet toegestaan: het voert code uit")], id="attr-list-href-javascript"),
    pytest.param(append(INDEX, "\n~~~\n```\n~~~\n\n<script>alert(1)</script>\n"),
                 [(INDEX, 32, "<script> is niet toegestaan in de tekst: het voert code uit")], id="script-after-mismatched-fence"),
    pytest.param(append(INDEX, "\n```\n<script>alert(1)</script>\n"),
                 [(INDEX, 29, "<script> is niet toegestaan in de tekst: het voert code uit")], id="script-after-unclosed-fence"),
]


@pytest.mark.parametrize("edit, expected", CASES)
def test_each_fault_is_reported_with_path_line_and_message(docs, edit, expected):
    edit(docs)
    loaded = docs.load()
    assert docs.problems() == sorted(expected, key=lambda t: (t[0], t[1] or 0, t[2]))
    assert all(p.is_error for p in loaded.problems), "content faults fail the build"
    assert all("\n" not in str(p) for p in loaded.problems), "one problem is one line of the report"


def test_there_are_at_least_25_distinct_bad_inputs():
    assert len({case.id for case in CASES}) == len(CASES) >= 25


# --------------------------------------------------------------------------- things that must NOT be flagged

FINE_BODIES = [
    pytest.param("\n```html\n<script>alert(1)</script>\n<img src=\"x.png\" onclick=\"x()\">\n```\n", id="script-in-backtick-fence"),
    pytest.param("\n~~~\n<script>alert(1)</script>\n~~~\n", id="script-in-tilde-fence"),
    pytest.param("\n````markdown\n```\n<script>alert(1)</script>\n```\n````\n", id="fence-inside-longer-fence"),
    pytest.param("\nSchrijf nooit `<script>` of `![](x.png)` of `[x](javascript:y)` in een pagina.\n", id="inline-code"),
    pytest.param('\n![Een lachend gezicht](foto.png)\n\n<img src="foto.png" alt="Een lachend gezicht">\n', id="images-with-alt"),
    pytest.param("\nLees [meer](https://www.rijksoverheid.nl/) of [de tekst](#praten-over-grenzen).\n", id="ordinary-links"),
    pytest.param("\n## Meer lezen { #meer }\n\nEen [link](https://example.org){ .knop target=_blank }\n", id="attr-list-without-script"),
]


@pytest.mark.parametrize("body", FINE_BODIES)
def test_safe_markup_is_not_flagged(docs, body):
    docs.append(INDEX, body)
    assert docs.problems() == []


# --------------------------------------------------------------------------- all at once, sorted

def test_several_problems_in_one_file_are_all_reported(docs):
    docs.replace(INDEX, "audiences: [naasten, professionals]", "audiences: [naasten, ouders]")
    docs.replace(INDEX, "summary: Hoe je met je naaste praat over grenzen, en waar je hulp vindt als dat lastig is.", "summary: Kort.")
    docs.replace(INDEX, "region: nl\n", "region: nl\nauteur: Jan\n")
    docs.replace(INDEX, "    year: 2024", "    year: ooit")
    docs.replace(INDEX, "review_due: 2099-11-01", "review_due: 2020-01-01")
    docs.append(INDEX, "\n![](foto.png)\n\n<script>alert(1)</script>\n")
    assert docs.problems() == [
        (INDEX, 3, "summary: String should have at least 20 characters"),
        (INDEX, 4, f"audiences: 'ouders' is not one of: {allowed('audiences')}"),
        (INDEX, 9, f"unknown key 'auteur' (allowed keys: {PRODUCT_KEYS})"),
        (INDEX, 13, "sources[0].year: Input should be a valid integer, unable to parse string as an integer"),
        (INDEX, 17, "review_due: 2020-01-01 must come after reviewed (2026-11-01)"),
        (INDEX, 29, "afbeelding 'foto.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](foto.png) of in HTML alt=\"…\""),
        (INDEX, 31, "<script> is niet toegestaan in de tekst: het voert code uit"),
    ]


def _break_everything(docs: Docs) -> None:
    docs.write("docs/producten/los.md", "---\ntitle: Los\n---\n")
    docs.write("docs/over.md", "---\ntitle: Over ons\nauteur: Jan\n---\n")
    docs.write("docs/producten/alleen-standaard/index.md", (DATA / "index.md").read_text(encoding="utf-8"))
    docs.replace(INDEX, "title: Praten over grenzen", "title: [Praten]")
    docs.replace(INDEX, "region: nl\n", "region: nl\nauteur: Jan\n")
    docs.replace(INDEX, "reviewed: 2026-11-01", "reviewed: 2026/11/01")
    docs.append(INDEX, "\n![](b.png)\n\n<script>x()</script>\n")
    docs.replace(EASY, "level: makkelijk", "level: standaard")
    docs.replace(EASY, "region: nl", "region: vlaanderen")


def test_whole_report_is_sorted_and_deterministic(docs, tmp_path):
    _break_everything(docs)
    first = format_report(docs.load().problems)
    assert first == format_report(docs.load().problems)

    # the same faults written in another order give the same report
    other = Docs(make_docs(tmp_path / "other"))
    _break_everything(other)
    assert format_report(other.load().problems) == first

    lines = first.split("\n")
    assert lines == [
        "docs/over.md:3: unknown key 'auteur' (allowed keys: title, summary, level, hide)",
        "docs/producten/alleen-standaard/makkelijk.md: missing easy-read version: product 'alleen-standaard' has index.md but no makkelijk.md",
        f"{INDEX}:2: title: Input should be a valid string",
        f"{INDEX}:9: unknown key 'auteur' (allowed keys: {PRODUCT_KEYS})",
        f"{INDEX}:16: reviewed: expected a date as YYYY-MM-DD, got '2026/11/01'",
        f"{INDEX}:29: afbeelding 'b.png' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](b.png) of in HTML alt=\"…\"",
        f"{INDEX}:31: <script> is niet toegestaan in de tekst: het voert code uit",
        f"{EASY}:5: level: makkelijk.md must say level: makkelijk",
        "docs/producten/los.md: a product is a folder producten/<slug>/ with index.md and makkelijk.md; move this file into such a folder",
    ]
    # lines are ordered by path, then by line number as a number (9 before 16 before 29)
    keys = [(p.path, p.line or 0) for p in sorted(docs.load().problems, key=lambda p: (p.path, p.line or 0, p.message))]
    assert keys == sorted(keys)


def test_errors_and_warnings_are_told_apart(docs):
    docs.replace(INDEX, "reviewed: 2026-11-01", "reviewed: 2020-01-01")
    docs.replace(INDEX, "review_due: 2099-11-01", "review_due: 2021-01-01")
    docs.replace(EASY, "reviewed: 2026-11-01", "reviewed: 2020-01-01")
    docs.replace(EASY, "review_due: 2099-11-01", "review_due: 2021-01-01")
    problems = docs.load().problems
    assert errors(problems) == []
    assert sorted(str(p) for p in problems) == [
        f"{INDEX}:16: warning: review_due 2021-01-01 has passed: review this page and set new dates",
        f"{EASY}:15: warning: review_due 2021-01-01 has passed: review this page and set new dates",
    ]


def test_problem_string_is_path_line_message():
    assert str(Problem("docs/a.md", 3, "kapot")) == "docs/a.md:3: kapot"
    assert str(Problem("docs/a.md", None, "kapot")) == "docs/a.md: kapot"
    assert str(Problem("docs/a.md", 3, "oud", "warning")) == "docs/a.md:3: warning: oud"
    assert str(Problem("docs/a.md", 3, "unknown key 'a\nb'")) == "docs/a.md:3: unknown key 'a\\nb'", "one problem, one line"


# --------------------------------------------------------------------------- property: never raises

VALID_META = yaml.safe_load((DATA / "index.md").read_text(encoding="utf-8").split("---\n")[1])
BODY = "\n# Praten over grenzen\n\nIedereen heeft grenzen.\n"

YAML_TOKENS = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*b", "!!int ", "!!float ", "!!bool ", "!!timestamp ",
    "!!binary ", "!!set ", "!!python/object ", "!tag ", "? ", "|", ">", "'", '"', "#", "\n", "\n  ", "\n    ", "  ", "\t",
    "<<: ", "~", "null", "yes", "0x1F", "1e999", ".nan", "---", "...", "%YAML 1.1\n", "\\", "é", "\u2028", "\x00", "\r",
    "title", "summary", "audiences", "level", "type", "topics", "region", "sources", "evidence", "reviewed",
    "review_due", "videos", "replaces", "standaard", "makkelijk", "naasten", "grenzen", "nl",
    "2026-02-30", "2026-11-01", "2026-11-01 10:00:00", "1-5-2026", "https://", "javascript:",
]

yamlish_text = st.lists(st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=6)), max_size=40).map("".join)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.dates(), st.datetimes(), st.sampled_from(["2026-02-30", "naasten", "grenzen", "https://example.org", "javascript:x"]),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=15,
)
keys = st.one_of(st.sampled_from(sorted(VALID_META) + ["sources", "auteur"]), st.text(max_size=10),
                 st.integers(), st.none(), st.dates())


@st.composite
def front_matter_dicts(draw):
    """Random dicts, often a valid product's front matter with a few keys dropped or replaced."""
    if draw(st.booleans()):
        meta = draw(st.dictionaries(keys, values, max_size=14))
    else:
        meta = dict(VALID_META)
        for key in draw(st.lists(st.sampled_from(sorted(VALID_META)), max_size=3)):
            meta.pop(key, None)
        meta.update(draw(st.dictionaries(keys, values, max_size=3)))
        if draw(st.booleans()):
            meta["sources"] = [dict(VALID_META["sources"][0], **draw(st.dictionaries(st.sampled_from(
                ["title", "publisher", "year", "url", "checked", "isbn"]), values, max_size=2)))]
    return yaml.safe_dump(meta, allow_unicode=draw(st.booleans()), sort_keys=draw(st.booleans()))


def files(strategy):
    return strategy.map(lambda text: ("---\n" + text + "\n---\n" + BODY).encode("utf-8", "surrogatepass"))


arbitrary_files = st.one_of(
    files(yamlish_text),
    files(front_matter_dicts()),
    st.binary(max_size=300).map(lambda raw: b"---\n" + raw + b"\n---\n" + BODY.encode()),
    st.binary(max_size=300),
)


@pytest.fixture(scope="module")
def scratch_docs(tmp_path_factory) -> Docs:
    return Docs(make_docs(tmp_path_factory.mktemp("property")))


def _assert_well_formed(loaded) -> None:
    assert isinstance(loaded, project.Project)
    for problem in loaded.problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.path, str) and problem.path.startswith("docs/producten/")
        assert isinstance(problem.message, str) and problem.message.strip()
        assert problem.line is None or (isinstance(problem.line, int) and problem.line >= 1)
        assert problem.severity in ("error", "warning")
        assert "\n" not in str(problem), "one problem is one line of the report"


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(content=arbitrary_files, which=st.sampled_from(["index.md", "makkelijk.md"]))
def test_arbitrary_front_matter_never_raises(scratch_docs, content, which):
    target = scratch_docs.path / "producten" / SLUG / which
    try:
        target.write_bytes(content)
        _assert_well_formed(scratch_docs.load())
    finally:
        shutil.copyfile(DATA / which, target)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | yamlish_text)
def test_arbitrary_site_page_never_raises(text):
    with tempfile.TemporaryDirectory() as tmp:
        docs = make_docs(Path(tmp))
        (docs / "over.md").write_text("---\n" + text + "\n---\n" + BODY, encoding="utf-8", errors="surrogatepass")
        loaded = project.load(docs)
        assert isinstance(loaded, project.Project)
        for problem in loaded.problems:
            assert isinstance(problem, Problem) and problem.path == "docs/over.md"
            assert problem.message.strip() and "\n" not in str(problem)
