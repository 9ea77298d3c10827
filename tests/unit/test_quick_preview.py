"""scripts/mkdocs_wiring/quick_preview.py's choice after a save: render the edited pages on their own, or run
mkdocs' whole rebuild. Plain objects stand in for mkdocs here; tests/site/test_serve.py checks
the pages it makes against a fresh build."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from mkdocs_wiring import quick_preview  # noqa: E402


class FakeFiles:
    def __init__(self, paths):
        self.files = [SimpleNamespace(abs_src_path=str(p), src_uri=p.name) for p in paths]

    def documentation_pages(self):
        return self.files


class Recorder:
    """The callbacks the hooks hand to the quick builder, and mkdocs' rebuild."""

    def __init__(self, accept=True):
        self.accept, self.full_builds, self.accepted, self.rendered, self.after = accept, 0, [], [], 0

    def full_build(self):
        self.full_builds += 1

    def accept_edit(self, path):
        self.accepted.append(path.name)
        return SimpleNamespace(metadata_changed=False) if self.accept else None

    def builder(self, docs, monkeypatch):
        monkeypatch.setattr(quick_preview.language_builds, "switch_language", lambda config, i18n, language: config)
        builder = quick_preview.QuickBuilder(str(docs), self.full_build, self.accept_edit, lambda *a: None, lambda *a: [], self.after_edit)
        monkeypatch.setattr(quick_preview.QuickBuilder, "_render",
                            lambda _self, config, language, view, paths, edits: self.rendered.append((language, sorted(Path(p).name for p in paths))) or config)
        return builder

    def after_edit(self, config):
        self.after += 1


def _event(path, kind="modified", dest=""):
    return SimpleNamespace(is_directory=False, event_type=kind, src_path=str(path), dest_path=str(dest) if dest else "")


@pytest.fixture
def docs(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.md", "logo.png"):
        (docs / name).write_text("tekst", encoding="utf-8")
    pages = [docs / "a.md", docs / "b.md"]
    monkeypatch.setattr(quick_preview, "_views", quick_preview.Views(
        config=SimpleNamespace(plugins={}),
        ready={"nl": quick_preview.LanguageView(FakeFiles(pages), None, None), "en": quick_preview.LanguageView(FakeFiles(pages[:1]), None, None)}))
    return docs


def test_an_edited_page_is_rendered_in_every_language_built_from_it(docs, monkeypatch):
    calls = Recorder()
    builder = calls.builder(docs, monkeypatch)
    builder.file_changed(_event(docs / "a.md"))
    builder()
    assert calls.full_builds == 0 and calls.accepted == ["a.md"] and calls.after == 1
    assert calls.rendered == [("nl", ["a.md"]), ("en", ["a.md"])]


def test_an_editors_temporary_files_do_not_stop_the_quick_preview(docs, monkeypatch):
    calls = Recorder()
    builder = calls.builder(docs, monkeypatch)
    for event in (_event(docs / "4913", "created"), _event(docs / "4913", "deleted"), _event(docs / "b.md", "moved", docs / "b.md~"),
                  _event(docs / "b.md", "created"), _event(docs / "b.md~", "deleted"), _event(docs / ".#b.md", "created"),
                  _event(docs / "a.md", "opened"), _event(docs / "a.md", "closed_no_write")):
        builder.file_changed(event)
    (docs / ".#b.md").write_text("lock", encoding="utf-8")
    builder()
    assert calls.full_builds == 0 and calls.accepted == ["b.md"], "reads, hidden files and files already gone are no edits"


def _new_page(docs):
    (docs / "c.md").write_text("nieuw", encoding="utf-8")
    return docs / "c.md"


def _deleted_page(docs):
    (docs / "b.md").unlink()
    return docs / "b.md"


def _deleted_image(docs):
    (docs / "logo.png").unlink()
    return docs / "logo.png"


@pytest.mark.parametrize("why, change", [
    ("a new file", _new_page),
    ("a data or image file", lambda docs: docs / "logo.png"),
    ("a deleted page", _deleted_page),
    ("a deleted file no page is built from", _deleted_image),
    ("mkdocs.yml", lambda docs: docs.parent / "mkdocs.yml"),
])
def test_other_changes_run_the_whole_rebuild(docs, monkeypatch, why, change):
    calls = Recorder()
    builder = calls.builder(docs, monkeypatch)
    builder.file_changed(_event(docs / "a.md"))
    builder.file_changed(_event(change(docs)))
    builder()
    assert calls.full_builds == 1 and calls.rendered == [], why


def test_an_edit_the_core_refuses_runs_the_whole_rebuild(docs, monkeypatch):
    calls = Recorder(accept=False)
    builder = calls.builder(docs, monkeypatch)
    builder.file_changed(_event(docs / "a.md"))
    builder()
    assert calls.full_builds == 1 and calls.rendered == []


def test_a_change_outside_docs_runs_the_whole_rebuild(docs, monkeypatch):
    calls = Recorder()
    builder = calls.builder(docs, monkeypatch)
    builder()  # mkdocs.yml or a theme file: mkdocs calls the builder, no event under docs/ was seen
    assert calls.full_builds == 1


def test_a_failing_quick_render_falls_back_and_the_next_edit_waits_for_a_good_build(docs, monkeypatch):
    calls = Recorder()
    builder = calls.builder(docs, monkeypatch)

    def broken(*args):
        raise RuntimeError("template fault")

    monkeypatch.setattr(quick_preview.QuickBuilder, "_render", broken)
    forgotten = []
    monkeypatch.setattr(quick_preview.render_cache, "forget_last_build", lambda: forgotten.append(True))
    builder.file_changed(_event(docs / "a.md"))
    builder()
    assert calls.full_builds == 1
    assert forgotten, "the fallback builds every hub again: the stopped preview may have marked some up to date"
    assert quick_preview._views.ready == {}, "the views of the fallback build are those it collects (none here)"
