"""The same site from both engines: MkDocs 1.6.1 and ProperDocs 1.6.7.

ProperDocs is the maintained fork of MkDocs 1.x that an organisation can switch to
(README, scripts/ENGINE.md). The session's build uses the engine `make test ENGINE=...` chose
(MkDocs by default); one extra strict build uses the other, from the same mkdocs.yml, hooks,
static-i18n and theme. Then, compared page by page: the same set of pages, the same main
content, the same search documents. A difference fails the test and is listed by page.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import cli  # noqa: E402
from kennisplein.search import index  # noqa: E402

SEARCH = {"nl": "search", "en": "en/search"}
GENERATOR = {"mkdocs": "mkdocs-1.6.1,", "properdocs": "ProperDocs 1.6.7,"}


@pytest.fixture(scope="module")
def sites(built_site, tmp_path_factory) -> dict[str, Path]:
    """The built site of each engine: the session's, and one more build with the other engine."""
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail("ProperDocs is not installed: .venv/bin/pip install -r requirements.txt")
    session = cli.engine()
    other = next(name for name in cli.ENGINES if name != session)
    site = tmp_path_factory.mktemp(other) / "site"
    assert cli.build_site(ROOT / "mkdocs.yml", site, engine_name=other) == 0, f"strict build with {other} failed"
    return {session: built_site, other: site}


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def main_content(path: Path) -> str:
    """The page's article (what the page says), or its body where a page has none."""
    doc = html.fromstring(path.read_bytes())
    found = doc.cssselect("article.md-content__inner") or doc.cssselect("body")
    return html.tostring(found[0], encoding="unicode")


def generator(path: Path) -> str:
    found = html.fromstring(path.read_bytes()).cssselect('meta[name="generator"]')
    return found[0].get("content") if found else ""


def search_documents(site: Path, language: str) -> dict[str, tuple]:
    """Per page URL: what the result shows (the stored document) and every (field, term) the
    full-text index holds for it."""
    folder = site / SEARCH[language]
    instant_name, full_name = index.file_names(language)
    instant, full = index.read(folder / instant_name), index.read(folder / full_name)
    terms: dict[str, set] = defaultdict(set)
    for term, posting in full["index"]["invertedIndex"]:
        for field, refs in posting.items():
            if field == "_index":
                continue
            for ref in refs:
                terms[ref].add((field, term))
    url = instant["fields"].index("url")
    return {doc[url]: (repr(doc), sorted(terms[str(ref)])) for ref, doc in enumerate(instant["docs"])}


@pytest.mark.parametrize("engine", cli.ENGINES)
def test_each_build_was_made_by_its_own_engine(sites, engine):
    for page in ("index.html", "en/index.html"):  # the English build runs in a process of its own
        assert GENERATOR[engine] in generator(sites[engine] / page), f"{engine}: {page}"


def test_the_same_pages(sites):
    mkdocs_pages, properdocs_pages = pages(sites["mkdocs"]), pages(sites["properdocs"])
    assert mkdocs_pages == properdocs_pages, (
        f"only MkDocs: {sorted(mkdocs_pages - properdocs_pages)}; only ProperDocs: {sorted(properdocs_pages - mkdocs_pages)}")


def test_every_page_has_the_same_main_content(sites):
    mkdocs_site, properdocs_site = sites["mkdocs"], sites["properdocs"]
    differing = [page for page in sorted(pages(mkdocs_site) & pages(properdocs_site))
                 if main_content(mkdocs_site / page) != main_content(properdocs_site / page)]
    assert not differing, "main content differs between MkDocs and ProperDocs on:\n" + "\n".join(differing)


@pytest.mark.parametrize("language", SEARCH)
def test_every_page_has_the_same_search_documents(sites, language):
    mkdocs_docs, properdocs_docs = search_documents(sites["mkdocs"], language), search_documents(sites["properdocs"], language)
    differing = sorted(url for url in mkdocs_docs.keys() | properdocs_docs.keys() if mkdocs_docs.get(url) != properdocs_docs.get(url))
    assert not differing, f"search documents ({language}) differ between MkDocs and ProperDocs for:\n" + "\n".join(differing)
