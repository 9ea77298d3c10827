"""The curated routes file (docs/_data/routes.yml): checked like front matter, tolerant of
products it does not name (they find their task by topic), strict about names that do not exist."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisplein import hubs, project, routes
from kennisplein.content import vocabulary as vocabulary_loader

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "_data"
SLUGS = {p.name for p in (ROOT / "docs" / "producten").iterdir() if p.is_dir()}


@pytest.fixture(scope="module")
def vocabulary():
    return vocabulary_loader.load(DATA / "vocabulary.yml")


def write(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    (data / "routes.yml").write_text(text, encoding="utf-8")
    return data


def test_the_committed_routes_file_is_valid(vocabulary):
    loaded, problems = routes.load(DATA, vocabulary, SLUGS)
    assert problems == []
    assert set(loaded.routes) == set(vocabulary.keys("audiences"))
    for route in loaded.routes.values():
        assert 2 <= len(route.start) <= 4


def test_a_product_that_does_not_exist_is_refused_with_its_line(tmp_path, vocabulary):
    text = (DATA / "routes.yml").read_text(encoding="utf-8").replace("start: [praten-over-intimiteit-met-je-naaste,", "start: [bestaat-niet,", 1)
    lines = text.splitlines()
    expected = next(i for i, line in enumerate(lines, start=1) if "bestaat-niet" in line)
    _, problems = routes.load(write(tmp_path, text), vocabulary, SLUGS)
    assert [(p.line, p.message) for p in problems] == [(expected, "no product 'bestaat-niet' in docs/producten/")]
    assert str(problems[0]).startswith("docs/_data/routes.yml:")


@pytest.mark.parametrize("change, message", [
    (("topics: [praten]", "topics: [kletsen]"), "unknown topic 'kletsen'"),
    (("tasks: [praten, relaties,", "tasks: [roddelen, relaties,"), "unknown task 'roddelen'"),
    (("    level: standaard\n", "    level: moeilijk\n"), "level"),
    (("    filters: true\n", "    filters: true\n    colour: red\n"), "unknown key"),
])
def test_mistakes_are_reported_with_a_line(tmp_path, vocabulary, change, message):
    text = (DATA / "routes.yml").read_text(encoding="utf-8").replace(*change, 1)
    _, problems = routes.load(write(tmp_path, text), vocabulary, SLUGS)
    assert problems and all(p.line for p in problems), problems
    assert any(message in p.message for p in problems), problems


def test_broken_yaml_is_a_problem_not_a_traceback(tmp_path, vocabulary):
    _, problems = routes.load(write(tmp_path, "tasks: [\n"), vocabulary, SLUGS)
    assert problems and problems[0].line


def test_a_product_the_file_does_not_name_goes_to_its_task_by_topic(vocabulary):
    loaded, _ = routes.load(DATA, vocabulary, SLUGS)
    assert loaded.task_of("een-nieuw-product", ["grensoverschrijdend-gedrag", "praten"]) == "grenzen"
    assert loaded.task_of("een-nieuw-product", ["relaties"]) == "relaties"
    assert loaded.task_of("kinderwens-en-anticonceptie", ["seksualiteit"]) == "kinderwens", "named outright"
    assert loaded.task_of("een-nieuw-product", []) == routes.OTHER


def test_a_new_product_shows_on_its_route_without_an_entry(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties", "videos"))
    folder = docs / "producten" / "een-nieuw-product"
    source = (ROOT / "docs" / "producten" / "vriendschap-en-relaties")
    folder.mkdir()
    for name in ("index.md", "makkelijk.md"):
        text = (source / name).read_text(encoding="utf-8")
        text = text.replace("title: ", "title: Nieuwe tekst over ", 1)
        (folder / name).write_text(text, encoding="utf-8")
    loaded = project.load(docs, with_readability=False)
    assert not [p for p in loaded.problems if p.severity == "error"], loaded.problems
    hub = hubs.audience_hub(loaded.catalogue, "naasten", "nl", loaded.ui["nl"], loaded.routes)
    cards = "".join(hub.blocks.values())
    assert "Nieuwe tekst over " in cards


def test_an_edit_that_empties_or_fills_a_hub_is_not_a_quick_edit(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties", "videos"))
    loaded = project.load(docs, with_readability=False)
    page = docs / "producten" / "wat-doet-een-seksuoloog" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("type: factsheet", "type: begrippenlijst", 1), encoding="utf-8")
    assert project.reload_edit(loaded, page) is None, "soorten/begrippenlijst/ would appear: a full rebuild"
    page.write_text(text.replace("type: factsheet", "type: handreiking", 1), encoding="utf-8")
    assert project.reload_edit(loaded, page) is not None, "a type that has a hub already is a quick edit"


def test_a_video_index_without_videos_says_so_plainly():
    from kennisplein import ui as ui_text
    from kennisplein.videos import VideoIndex, pages

    ui = ui_text.load(DATA / "ui.yml")["nl"]
    index = pages.generated(VideoIndex(), "nl", ui)[0]
    assert ui["videos_none"] in index.markdown
    assert ui["videos_intro"] not in index.markdown, "no promise of captions on videos that are not there"


def test_a_start_product_not_written_for_the_audience_is_a_warning_with_its_line(tmp_path, vocabulary):
    text = (DATA / "routes.yml").read_text(encoding="utf-8").replace(
        "start: [checklist-voor-zorgorganisaties,", "start: [vriendschap-en-relaties,", 1)
    loaded, problems = routes.load(write(tmp_path, text), vocabulary, SLUGS)
    assert problems == []
    catalogue = project.load(ROOT / "docs", with_readability=False).catalogue
    warnings = routes.audience_problems(loaded, catalogue.products)
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if "start: [vriendschap-en-relaties," in l)
    assert [(w.line, w.severity) for w in warnings] == [(line, "warning")], warnings
    assert "professionals" in warnings[0].message
