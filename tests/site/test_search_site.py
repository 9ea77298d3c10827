"""The search in the built site: one index pair per language, lean, pointing at real pages;
a search field in every page's header that loads nothing until it is used; the search page."""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from kennisplein.search import index, query

ROOT = Path(__file__).resolve().parents[2]

LANGUAGES = {"nl": "search", "en": "en/search"}
STORED = ["url", "title", "summary", "level", "audiences", "topics", "type", "region", "language", "group", "kind"]


def payload(site: Path, language: str, tier: int) -> dict:
    return index.read(site / LANGUAGES[language] / index.file_names(language)[tier])


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_files_exist_per_language(built_site, language):
    for name in index.file_names(language):
        assert (built_site / LANGUAGES[language] / name).is_file()
    assert payload(built_site, language, 0)["language"] == language
    assert not (built_site / "search" / "search_index.json").exists(), "material's search is not used"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_metadata_bloat(built_site, language):
    instant, full = payload(built_site, language, 0), payload(built_site, language, 1)
    assert instant["fields"] == STORED
    assert all(len(doc) == len(STORED) for doc in instant["docs"])
    assert "docs" not in full, "the full index refers to the documents of the small one"
    for data in (instant, full):
        for _, posting in data["index"]["invertedIndex"]:
            assert all(meta == {} for field, refs in posting.items() if field != "_index" for meta in refs.values()), "no positions"
    raw = (built_site / LANGUAGES[language] / index.file_names(language)[0]).read_bytes()
    assert len(gzip.compress(raw)) / len(instant["docs"]) < 400, "small index: under 400 gzip bytes per page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_result_url_is_a_built_page(built_site, parse, language):
    instant = payload(built_site, language, 0)
    for doc in instant["docs"]:
        path, anchor = urldefrag(doc[0])
        target = built_site / path / "index.html" if path.endswith("/") else built_site / path
        assert target.is_file(), f"{doc[0]} is not a page"
        if anchor:
            assert parse(target).get_element_by_id(anchor) is not None, f"{doc[0]}: no such anchor"


@pytest.mark.parametrize(("language", "word"), [("nl", "één"), ("nl", "cliënten"), ("nl", "2023"), ("en", "België"), ("en", "2023")])
def test_special_words_are_findable_in_the_built_index(built_site, language, word):
    instant, full = payload(built_site, language, 0), payload(built_site, language, 1)
    found = query.search(index.load(full), word, language, instant["synonyms"])
    assert found, f"{word!r} finds nothing in the {language} index"


def test_english_index_keeps_dutch_pages_findable(built_site):
    """A page without an English version is in the English index in Dutch (marked nl); today every page
    has one, so the check runs only while some page is still untranslated."""
    instant, full = payload(built_site, "en", 0), payload(built_site, "en", 1)
    dutch = [doc for doc in instant["docs"] if doc[8] == "nl"]
    if not dutch:
        pytest.skip("every page has its English version: no Dutch fallback page in the English index")
    title_word = next(w for w in dutch[0][1].split() if len(w) > 4)
    found = query.search(index.load(full), title_word, "en", instant["synonyms"])
    assert any(instant["docs"][int(ref)][8] == "nl" for ref, _ in found[:5])


def test_every_page_has_the_header_search_and_loads_no_index(built_site, parse, html_pages):
    for page in html_pages:
        if page.name == "404.html":
            continue
        doc = parse(page)
        forms = doc.cssselect("header form[data-kp-search-header][role=search]")
        assert len(forms) == 1, f"{page}: no search field in the header"
        assert forms[0].cssselect("input[name=q]") and forms[0].cssselect("label[for=kp-search-input]")
        sources = [s.get("src") or "" for s in doc.cssselect("script")]
        assert not any("lunr" in s or "/search/index-" in s for s in sources), f"{page} loads the index before focus"


@pytest.mark.parametrize(("prefix", "language"), [("", "nl"), ("en/", "en")])
def test_search_page_has_one_result_list_and_facets(built_site, parse, prefix, language):
    doc = parse(built_site / prefix / "zoeken" / "index.html")
    assert len(doc.cssselect("[data-search-results]")) == 1
    assert doc.cssselect("[data-kp-search-facets]") and doc.cssselect("[role=status][aria-live=polite]")
    config = json.loads(doc.cssselect("script[data-kp-search-config]")[0].text)
    assert config["language"] == language and config["index"] == f"{prefix}search/index-{language}.js"


def test_facet_labels_come_from_the_vocabulary(built_site):
    facets = {f["param"]: f for f in payload(built_site, "nl", 0)["facets"]}
    assert list(facets) == ["doelgroep", "niveau", "soort", "onderwerp", "regio", "taal"]
    assert facets["doelgroep"]["values"]["naasten"] == "Naasten"
    assert facets["niveau"]["values"]["makkelijk"] == "Makkelijk lezen"


def _transcript_only_words(instant: dict, full: dict) -> list[tuple[str, str]]:
    """(word as written in a transcript, url of its video) for words whose index term occurs in that one video's
    transcript and nowhere else: no other page, no other field; and no other term starts with it (prefix matching
    as you type would otherwise bring the longer words' pages in too)."""
    from kennisplein.search import analysis

    postings = dict(full["index"]["invertedIndex"])
    out = []
    for path in sorted((ROOT / "docs" / "_data" / "videos").glob("*.transcript.md")):
        for word in analysis.tokenize(path.read_text(encoding="utf-8")):
            term = analysis.analyse_word(word, "nl")
            fields = {field: refs for field, refs in postings.get(term, {}).items() if field != "_index" and refs}
            if list(fields) != ["transcripts"] or len(fields["transcripts"]) != 1:
                continue
            if any(other != term and other.startswith(term) for other in postings):
                continue
            [ref] = fields["transcripts"]
            out.append((word, instant["docs"][int(ref)][0]))
    return out


def test_a_video_is_found_by_a_word_only_its_transcript_has(built_site):
    instant, full = payload(built_site, "nl", 0), payload(built_site, "nl", 1)
    words = _transcript_only_words(instant, full)
    assert words, "no transcript word occurs only in its transcript: the transcripts add nothing to the index"
    full_index = index.load(full)
    for word, url in words:
        assert url.startswith("videos/") and (built_site / url / "index.html").is_file()
        assert not query.search(index.load(instant), word, "nl", instant["synonyms"]), f"{word!r} is in a title or summary"
        found = query.search(full_index, word, "nl", instant["synonyms"])
        assert found and instant["docs"][int(found[0][0])][0] == url, f"{word!r}: {url} is not the top result"


@pytest.mark.parametrize("language", LANGUAGES)
def test_spelling_lexicon_is_its_own_small_file_and_best_bets_name_indexed_pages(built_site, language):
    instant = payload(built_site, language, 0)
    words_path = built_site / LANGUAGES[language] / index.words_file_name(language)
    words = index.read(words_path)
    assert words["tier"] == "words" and instant["words"] == words_path.name
    assert len(gzip.compress(words_path.read_bytes())) < 64 * 1024, "the lexicon stays small"
    assert any(row[0] == "seksuoloog" for row in words["words"])
    groups = {doc[STORED.index("group")] for doc in instant["docs"]}
    assert instant["bestBets"] and all(bet["group"] in groups for bet in instant["bestBets"])
    kinds = {doc[STORED.index("kind")] for doc in instant["docs"]}
    assert kinds == {"kennisproduct", "begrip", "video", "hulp", "pagina"}, "help, glossary and videos are documents of the index"
