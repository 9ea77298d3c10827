"""kennisplein.project.reload_edit: what `mkdocs serve`'s quick preview may show without loading all
content again (an edit to one page's text, or to a product's descriptive front matter), and what
it must hand back."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisplein import project

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = "producten/seksuele-assistentie"


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    docs = tmp_path_factory.mktemp("source") / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties", "videos"))
    return docs


@pytest.fixture
def docs(source, tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(source, copy)
    return copy


def _load(docs):
    return project.load(docs, with_readability=False)


def _body_of(loaded, src):
    return next(page for page in loaded.catalogue.pages() if page.src == src).document.body


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_to_the_text_is_taken_in(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin over zebrapaden.\n", encoding="utf-8")
    edit = project.reload_edit(loaded, page)
    assert edit is not None and not [p for p in edit.problems if p.severity == "error"]
    assert not edit.metadata_changed
    assert "zebrapaden" in _body_of(loaded, f"{PRODUCT}/index.md")
    assert loaded.catalogue.product_for(f"{PRODUCT}/index.md")[1].document.body.endswith("zebrapaden.\n")


def test_a_site_page_edit_is_taken_in(docs):
    loaded = _load(docs)
    page = docs / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert project.reload_edit(loaded, page) is not None
    assert "Nog een zin." in _body_of(loaded, "privacy.md")


def test_an_english_easy_read_site_page_edit_goes_through_the_english_gate(docs):
    loaded = _load(docs)
    page = docs / "privacy-makkelijk.en.md"
    long = " ".join(["This sentence goes on and on with many words"] * 3) + ".\n"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + long, encoding="utf-8")
    edit = project.reload_edit(loaded, page)
    assert edit is not None
    assert any(p.message.startswith("sentence too long: 27 words") and p.severity == "error" for p in edit.problems)   # enforced, as in Dutch


def test_a_new_title_is_taken_in_and_the_derived_pages_are_named(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "makkelijk.md"
    _edit(page, "title: Wat is seksuele assistentie?", "title: Seksuele assistentie in het kort")
    edit = project.reload_edit(loaded, page)
    assert edit.metadata_changed and not [p for p in edit.problems if p.severity == "error"]
    assert sorted(edit.product_sources) == sorted(f"{PRODUCT}/{p.name}" for p in (docs / PRODUCT).glob("*.md"))   # every version
    product, version = loaded.catalogue.product_for(f"{PRODUCT}/makkelijk.md")
    assert version.meta.title == "Seksuele assistentie in het kort"
    assert product.version("makkelijk") is version


def test_a_type_that_differs_from_the_other_versions_is_an_error(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "makkelijk.md"
    _edit(page, "type: factsheet", "type: handreiking")
    edit = project.reload_edit(loaded, page)
    assert any("type differs" in p.message and p.severity == "error" for p in edit.problems)
    assert loaded.catalogue.product_for(f"{PRODUCT}/makkelijk.md")[1].meta.type == "factsheet", "the old version stays"


@pytest.mark.parametrize("name, old, new, why", [
    ("makkelijk.md", "level: makkelijk", "level: standaard", "the level decides where the page lives"),
    ("makkelijk.md", "evidence: [praktijkkennis]", "evidence: [praktijkkennis]\nvideos: [grenzen]", "videos: the video index"),
    ("../../privacy.md", "title: Privacy", "title: Privacy en cookies", "a site page's front matter (the navigation)"),
])
def test_an_edit_beyond_what_the_quick_preview_follows_needs_a_full_load(docs, name, old, new, why):
    loaded = _load(docs)
    page = docs / PRODUCT / name
    src = page.resolve().relative_to(docs.resolve()).as_posix()
    before = next(p for p in loaded.catalogue.pages() if p.src == src)
    _edit(page, old, new)
    assert project.reload_edit(loaded, page) is None, why
    assert next(p for p in loaded.catalogue.pages() if p.src == src) is before


def test_a_new_or_unknown_file_needs_a_full_load(docs):
    loaded = _load(docs)
    new = docs / "nieuw.md"
    new.write_text("---\ntitle: Nieuw\n---\n\nTekst.\n", encoding="utf-8")
    assert project.reload_edit(loaded, new) is None
    assert project.reload_edit(loaded, docs.parent / "elders.md") is None


def test_front_matter_that_no_longer_reads_needs_a_full_load(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "index.md"
    _edit(page, "---\n", "---\ntitle: [kapot\n")
    assert project.reload_edit(loaded, page) is None


def test_a_hard_sentence_in_easy_read_is_an_error_and_the_old_text_stays(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "makkelijk.md"
    before = _body_of(loaded, f"{PRODUCT}/makkelijk.md")
    long_sentence = "Dit is een heel erg lange zin " + "met nog meer ingewikkelde bijzinnen en woorden " * 6 + "die niemand snapt."
    _edit(page, "Seks en liefde horen bij het leven.", long_sentence)
    problems = project.reload_edit(loaded, page).problems
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(p.path.endswith("makkelijk.md") and p.line for p in errors)
    assert _body_of(loaded, f"{PRODUCT}/makkelijk.md") == before


def test_a_new_heading_is_taken_in_unless_a_link_points_at_the_old_one(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "makkelijk.md"
    _edit(page, "## Wat is het?", "## Wat is dat?")
    edit = project.reload_edit(loaded, page)
    assert edit is not None and not [p for p in edit.problems if p.severity == "error"]
    _append(docs / "privacy.md", f"\nZie [wat dat is](producten/seksuele-assistentie/makkelijk.md#wat-is-dat).\n")
    assert project.reload_edit(loaded, docs / "privacy.md").problems == []
    _edit(page, "## Wat is dat?", "## Wat betekent het?")
    problems = project.reload_edit(loaded, page).problems
    assert any("privacy.md" in p.path and "#wat-is-dat" in p.message and p.severity == "error" for p in problems)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_broken_link_in_the_text_is_an_error(docs):
    loaded = _load(docs)
    page = docs / PRODUCT / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [elders](../bestaat-niet/index.md).\n", encoding="utf-8")
    problems = project.reload_edit(loaded, page).problems
    assert any("no such page" in p.message and p.severity == "error" for p in problems)


def test_a_path_through_a_symbolic_link_is_the_same_page(docs, tmp_path):
    loaded = _load(docs)
    link = tmp_path / "koppeling"
    link.symlink_to(docs, target_is_directory=True)
    page = link / PRODUCT / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    edit = project.reload_edit(loaded, page)
    assert edit is not None and edit.product == "seksuele-assistentie"
