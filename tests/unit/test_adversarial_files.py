"""Hostile files and inputs (issue 13, classes 4 to 8), each with the exact message an editor
or administrator gets: files never meant to be public, unchecked files (logos, ui.yml), what
used to end in a traceback, and injection into shell commands and the server config.

The builds themselves (a real strict build, two organisation builds at once) are in
tests/site/test_adversarial_builds.py; nginx serving hidden files in tests/browser/test_nginx.py.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kennisplein import organisation, project, publishing, scaffold, ui, webserver
from kennisplein.logo import LogoError, check as check_logo

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
PRODUCT = Path(__file__).resolve().parent / "data" / "product"
EXAMPLE_ORG = ROOT / "docs" / "_data" / "organisaties" / "voorbeeld"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import videos_fixture  # noqa: E402


@pytest.fixture
def docs(tmp_path) -> Path:
    """A small content folder: the platform's data files and one product."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data", ignore=shutil.ignore_patterns("videos", "organisaties", "routes.yml"))  # routes.yml names the real products
    (docs / "producten" / "grenzen").mkdir(parents=True)
    for name in ("index.md", "makkelijk.md"):
        shutil.copyfile(PRODUCT / name, docs / "producten" / "grenzen" / name)
    return docs


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# --- Class 4: only what is meant is published ------------------------------------------------

def test_a_link_to_a_system_file_is_an_error_naming_the_link(docs):
    (docs / "producten" / "grenzen" / "wachtwoorden.md").symlink_to("/etc/passwd")
    found = project.load(docs, with_readability=False)
    assert "docs/producten/grenzen/wachtwoorden.md: symbolic link to '/etc/passwd', outside docs/: its content would be published. " \
           "Copy the file into the folder instead, or remove the link" in messages(found.problems)
    assert all(page.src != "producten/grenzen/wachtwoorden.md" for page in found.catalogue.pages())


def test_a_link_to_a_folder_outside_is_an_error(docs):
    (docs / "videos").mkdir()
    (docs / "videos" / "media").symlink_to("/etc", target_is_directory=True)
    scanned = publishing.scan(docs, "docs")
    assert messages(scanned.problems) == ["docs/videos/media: symbolic link to '/etc', outside docs/: its content would be published. "
                                          "Copy the file into the folder instead, or remove the link"]
    assert not any("/etc" in str(p.resolve()) for p in scanned.files)
    assert not scanned.publishes("videos/media/passwd")


def test_a_link_to_itself_loops(docs):
    (docs / "lus").symlink_to("lus")
    assert messages(publishing.scan(docs, "docs").problems) == ["docs/lus: symbolic link loops (it leads back to itself): remove it"]


def test_a_link_to_a_folder_it_is_in_loops(docs):
    (docs / "producten" / "grenzen" / "terug").symlink_to("..", target_is_directory=True)
    problems = messages(project.load(docs, with_readability=False).problems)
    assert f"docs/producten/grenzen/terug: symbolic link to '{(docs / 'producten').resolve()}', a folder it is itself inside: it loops. Remove it" in problems


def test_two_links_that_lead_to_each_other_loop(docs):
    (docs / "a").mkdir()
    (docs / "c").mkdir()
    (docs / "a" / "b").symlink_to("../c", target_is_directory=True)
    (docs / "c" / "d").symlink_to("../a", target_is_directory=True)
    problems = publishing.scan(docs, "docs").problems
    assert problems and all("it loops" in p.message and p.is_error for p in problems), messages(problems)


def test_a_dangling_link_is_an_error(docs):
    (docs / "weg.md").symlink_to("bestaat-niet.md")
    assert messages(publishing.scan(docs, "docs").problems) == ["docs/weg.md: symbolic link to 'bestaat-niet.md', which does not exist: remove it"]


def test_a_link_inside_docs_is_fine(docs):
    (docs / "producten" / "grenzen" / "plaatje.md").symlink_to("index.md")
    scanned = publishing.scan(docs, "docs")
    assert scanned.problems == [] and docs / "producten" / "grenzen" / "plaatje.md" in scanned.files


HIDDEN = [
    ("index.md~", "an editor backup or temporary file"),
    (".#index.md", "a hidden file or folder (its name starts with '.')"),
    (".index.md.swp", "a hidden file or folder (its name starts with '.')"),
    ("index.md.swp", "an editor backup or temporary file"),
    ("concept.tmp", "an editor backup or temporary file"),
    ("index.md.bak", "an editor backup or temporary file"),
    ("#index.md#", "an editor backup or temporary file"),
    (".DS_Store", "a hidden file or folder (its name starts with '.')"),
    (".env", "a hidden file or folder (its name starts with '.')"),
    (".htpasswd", "a hidden file or folder (its name starts with '.')"),
]


@pytest.mark.parametrize("name,why", HIDDEN, ids=[h[0] for h in HIDDEN])
def test_hidden_and_backup_files_are_skipped_with_a_warning(docs, name, why):
    (docs / "producten" / "grenzen" / name).write_text("---\ntitle: concept\n---\n# Geheim concept\n", encoding="utf-8")
    found = project.load(docs, with_readability=False)
    assert f"docs/producten/grenzen/{name}: warning: not published: {why}" in messages(found.problems)
    assert [p for p in found.problems if p.is_error] == []
    assert not found.published.publishes(f"producten/grenzen/{name}")
    assert all("concept" not in page.document.body for page in found.catalogue.pages())


def test_a_hidden_folder_is_skipped_whole(docs):
    (docs / ".git").mkdir()
    (docs / ".git" / "config").write_text("[remote]\nurl = geheim\n", encoding="utf-8")
    scanned = publishing.scan(docs, "docs")
    assert messages(scanned.problems) == ["docs/.git: warning: not published: a hidden file or folder (its name starts with '.')"]
    assert not scanned.publishes(".git/config")


def test_a_transcript_linked_to_a_system_file_is_never_read(tmp_path):
    docs = videos_fixture.make_docs(tmp_path)
    transcript = docs / "_data" / "videos" / "demo.transcript.md"
    transcript.unlink()
    transcript.symlink_to("/etc/passwd")
    scanned = publishing.scan(docs, "docs")
    assert "docs/_data/videos/demo.transcript.md: symbolic link to '/etc/passwd', outside docs/" in messages(scanned.problems)[0]
    index = _videos(docs, scanned)
    assert index.videos == []
    assert any("transcript.file: '_data/videos/demo.transcript.md' is a hidden or temporary file, or a symbolic link out of docs/, "
               "and is never published or read" in p.message for p in index.problems), messages(index.problems)


def _videos(docs: Path, scanned):
    from kennisplein import videos
    from kennisplein.content import catalogue as catalogue_loader
    from kennisplein.content import vocabulary as vocabulary_loader

    vocabulary = vocabulary_loader.load(docs / "_data" / "vocabulary.yml")
    return videos.load(docs, catalogue_loader.load(docs, vocabulary), (), None, scanned)


def test_a_video_file_named_like_an_editor_lock_is_not_read(tmp_path):
    docs = videos_fixture.make_docs(tmp_path)
    (docs / "_data" / "videos" / ".#demo.yml").write_text("title: [kapot\n", encoding="utf-8")
    index = _videos(docs, publishing.scan(docs, "docs"))
    assert index.problems == [] and [v.slug for v in index.videos] == ["demo"]


# --- Class 5: logo files -----------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'
BAD_LOGOS = [
    ("script", "logo.svg", SVG.format("<script>alert(document.domain)</script>"),
     "line 1 of the SVG holds <script>, which may run script or load other content: remove it"),
    ("onload", "logo.svg", SVG.replace("viewBox", 'onload="alert(1)" viewBox').format(""),
     "line 1 of the SVG has an event handler (onload=...): remove it"),
    ("foreignObject", "logo.svg", SVG.format("<foreignObject><p>x</p></foreignObject>"),
     "line 1 of the SVG holds <foreignobject>, which may run script or load other content: remove it"),
    ("remote-image", "logo.svg", SVG.format('<image href="https://tracker.example/p.png"/>'),
     "line 1 of the SVG refers to something outside the file (href=\"https://tracker.example/p.png\"): only '#...' references "
     "inside the file and embedded PNG, JPEG, GIF or WebP images are allowed"),
    ("other-file", "logo.svg", SVG.format('<use xlink:href="ander.svg#a"/>'),
     "line 1 of the SVG refers to something outside the file (href=\"ander.svg#a\"): only '#...' references "
     "inside the file and embedded PNG, JPEG, GIF or WebP images are allowed"),
    ("javascript-link", "logo.svg", SVG.format('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>'),
     "line 1 of the SVG refers to something outside the file (href=\"javascript:alert(1)\"): only '#...' references "
     "inside the file and embedded PNG, JPEG, GIF or WebP images are allowed"),
    ("set-href", "logo.svg", SVG.format('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><rect width="5" height="5"/></a>'),
     "line 1 of the SVG changes a link or an event handler with <set attributeName=\"href\">: remove it"),
    ("style-import", "logo.svg", SVG.format("<style>@import url(https://x.example/a.css);</style>"),
     "line 1 of the SVG has a style sheet that imports or references another file: remove it"),
    ("style-url", "logo.svg", SVG.format('<rect style="fill:url(https://x.example/f.svg#p)" width="5" height="5"/>'),
     "line 1 of the SVG refers to another file in style=\"fill:url(https://x.example/f.svg#p)\": only url(#...) is allowed"),
    ("entities", "logo.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG.format("<text>&x;</text>"),
     "the SVG declares XML entities: remove the <!ENTITY ...> declarations"),
    ("stylesheet-pi", "logo.svg", '<?xml-stylesheet href="https://x.example/s.css"?>' + SVG.format(""),
     "the SVG holds a processing instruction (such as <?xml-stylesheet?>): remove it"),
    ("text-as-svg", "logo.svg", "Dit is geen plaatje.\n",
     "is not a valid SVG file (not well-formed XML: Start tag expected, '<' not found, line 1, column 1): save the logo as SVG or PNG"),
    ("html-as-svg", "logo.svg", "<html><body><script>alert(1)</script></body></html>",
     "is not an SVG image: its root element is <html>, not <svg> in the SVG namespace"),
    ("html-as-png", "logo.png", "<html><script>alert(1)</script></html>",
     "is not a PNG image (it does not start with PNG's signature): save the logo as PNG or SVG"),
]


@pytest.mark.parametrize("name,text,message", [c[1:] for c in BAD_LOGOS], ids=[c[0] for c in BAD_LOGOS])
def test_an_unsafe_or_false_logo_is_refused(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LogoError) as caught:
        check_logo(path)
    assert str(caught.value) == message


def test_a_safe_svg_and_a_real_png_are_accepted(tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text(SVG.format('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
                              '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><use href="#g"/>'), encoding="utf-8")
    check_logo(svg)
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    check_logo(png)
    check_logo(EXAMPLE_ORG / "logo.svg")


@pytest.fixture(scope="module")
def vocabulary():
    return project.load(ROOT / "docs", with_readability=False).vocabulary


@pytest.fixture
def org_dir(tmp_path):
    target = tmp_path / "org"
    shutil.copytree(EXAMPLE_ORG, target)
    return target


def set_key(org_dir: Path, keys: list, value) -> Path:
    path = org_dir / "organisation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.lstrip().startswith(text))


def one_problem(path: Path, vocabulary) -> str:
    org, problems = organisation.load(path, vocabulary)
    assert org is None and len(problems) == 1, messages(problems)
    return str(problems[0])


def test_a_logo_with_script_is_refused_in_the_organisation_file(org_dir, vocabulary):
    (org_dir / "logo.svg").write_text(SVG.format("<script>alert(1)</script>"), encoding="utf-8")
    path = org_dir / "organisation.yml"
    assert one_problem(path, vocabulary) == (f"{path}:{line_of(path, 'path:')}: logo.path: 'logo.svg' line 1 of the SVG holds <script>, "
                                             "which may run script or load other content: remove it")


@pytest.mark.parametrize("value", ["../buiten.png", "/etc/logo.png", "pages/../../buiten.png"])
def test_a_logo_outside_the_organisation_folder_is_refused(org_dir, vocabulary, value):
    (org_dir.parent / "buiten.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = set_key(org_dir, ["logo", "path"], value)
    message = one_problem(path, vocabulary)
    if value.startswith("/"):
        assert message.endswith(f"logo.path: '{value}' must be a path relative to the organisation file, inside its folder")
    else:
        assert message.endswith(f"logo.path: '{value}' lies outside the organisation's folder ({org_dir.resolve()}): put the file in that folder")


def test_a_logo_linked_to_a_file_outside_is_refused(org_dir, vocabulary):
    (org_dir.parent / "elders.svg").write_text(SVG.format(""), encoding="utf-8")
    (org_dir / "link.svg").symlink_to(org_dir.parent / "elders.svg")
    path = set_key(org_dir, ["logo", "path"], "link.svg")
    assert one_problem(path, vocabulary).endswith(f"logo.path: 'link.svg' lies outside the organisation's folder ({org_dir.resolve()}): put the file in that folder")


def test_local_pages_outside_the_organisation_folder_are_refused(org_dir, vocabulary):
    (org_dir.parent / "andere-paginas").mkdir()
    path = set_key(org_dir, ["local_pages"], "../andere-paginas")
    assert one_problem(path, vocabulary) == (f"{path}:{line_of(path, 'local_pages:')}: local_pages: '../andere-paginas' lies outside "
                                             f"the organisation's folder ({org_dir.resolve()}): put the file in that folder")


def test_a_local_page_linked_to_a_file_outside_is_an_error_and_backups_are_skipped(tmp_path, org_dir, vocabulary):
    page = next((org_dir / "pages").iterdir())
    (page / "geheim.md").symlink_to("/etc/hostname")
    (page / "index.md~").write_text("oud concept", encoding="utf-8")
    org, problems = organisation.load(org_dir / "organisation.yml", vocabulary)
    origins, found = organisation._overlay_local_pages(org, org_dir, ROOT / "docs", tmp_path / "docs")
    assert f"{page}/geheim.md: symbolic link to '/etc/hostname', outside {org_dir / 'pages'}/: its content would be published. " \
           "Copy the file into the folder instead, or remove the link" in messages(found)
    assert f"{page}/index.md~: warning: not published: an editor backup or temporary file" in messages(found)
    assert origins == {}, "nothing is copied while a link leads out"


# --- Class 5: the interface text (ui.yml) --------------------------------------------------------

@pytest.fixture
def ui_file(tmp_path) -> Path:
    path = tmp_path / "ui.yml"
    shutil.copy(ROOT / "docs" / "_data" / "ui.yml", path)
    return path


def replace_line(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_the_shipped_interface_text_passes(ui_file):
    assert ui.check(ui_file) == []


def test_a_key_missing_in_one_language(ui_file):
    nl_line = line_of(ui_file, "help_title:")
    replace_line(ui_file, '  help_title: "Where to turn"', "")
    en_line = line_of(ui_file, "en:")
    assert messages(ui.check(ui_file, "ui.yml")) == [f"ui.yml:{en_line}: en: key 'help_title' is missing (nl.help_title is at line {nl_line}); every language needs every key"]


def test_a_nested_key_missing_in_one_language(ui_file):
    replace_line(ui_file, '    naasten: "For relatives"', "")
    problems = messages(ui.check(ui_file, "ui.yml"))
    assert len(problems) == 1 and "en.route_label: key 'naasten' is missing (nl.route_label.naasten is at line" in problems[0]


@pytest.mark.parametrize("text,message", [
    ('"{n kennisproducten"', "nl.products_count: a brace is not closed or not a placeholder (expected '}' before end of string): "
                             "write placeholders as {n}, and a brace that is text as {{ or }}"),
    ('"{aantal} kennisproducten"', "nl.products_count: unknown placeholder {aantal}; this text can use {n}"),
    ('"{n.__class__} kennisproducten"', "nl.products_count: '{n.__class__}' is not a placeholder: write a name such as {n}, and {{ or }} for a brace"),
    ('"{n!r} kennisproducten"', "nl.products_count: '{n...}' has a format or conversion: write just {n}"),
    ('"{0} kennisproducten"', "nl.products_count: '{0}' is not a placeholder: write a name such as {n}, and {{ or }} for a brace"),
    ("12", "nl.products_count: must be text (put it in quotes)"),
], ids=["unclosed", "unknown", "attribute", "conversion", "positional", "number"])
def test_a_broken_placeholder_is_located(ui_file, text, message):
    line = replace_line(ui_file, '  products_count: "{n} kennisproducten"', f"  products_count: {text}\n")
    assert messages(ui.check(ui_file, "ui.yml")) == [f"ui.yml:{line}: {message}"]


def test_an_unlisted_text_uses_the_same_placeholders_in_every_language(ui_file):
    replace_line(ui_file, '  other: "Overig"', '  other: "Overig {x}"\n')
    line = line_of(ui_file, 'other: "Other"')
    assert messages(ui.check(ui_file, "ui.yml")) == [f"ui.yml:{line}: en.other: has placeholders none, but nl.other has {{x}}: every language uses the same ones"]


def test_a_list_shorter_in_one_language(ui_file):
    text = ui_file.read_text(encoding="utf-8").replace(", December]", "]")
    assert text != ui_file.read_text(encoding="utf-8"), "the months are one line in ui.yml"
    ui_file.write_text(text, encoding="utf-8")
    problems = messages(ui.check(ui_file, "ui.yml"))
    assert len(problems) == 1 and problems[0].endswith("en.months: has 11 items, nl.months has 12: every language needs every item")


def test_make_check_reports_ui_problems_not_the_build(docs):
    replace_line(docs / "_data" / "ui.yml", '  products_count: "{n} kennisproducten"', '  products_count: "{n kennisproducten"\n')
    found = project.load(docs, with_readability=False)
    assert any(str(p).startswith("docs/_data/ui.yml:") and "products_count: a brace is not closed" in str(p) for p in found.problems)


# --- Class 6: no traceback ---------------------------------------------------------------------

def run_check(docs: Path) -> subprocess.CompletedProcess:
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    return subprocess.run([str(python), str(ROOT / "scripts" / "cli.py"), "check", "--docs", str(docs)], capture_output=True, text=True, timeout=300)


def test_a_latin1_transcript_is_a_located_error(tmp_path):
    docs = videos_fixture.make_docs(tmp_path)
    (docs / "_data" / "videos" / "demo.transcript.md").write_bytes("Eerste regel.\nDit is een caf\xe9 in Latin-1, niet UTF-8.\n".encode("latin-1"))
    index = videos_fixture.load(docs)
    assert messages(index.problems) == ["docs/_data/videos/demo.transcript.md:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


@pytest.mark.parametrize("make", [
    lambda docs: (docs / "lus").symlink_to("lus"),
    lambda docs: (docs / "producten" / "terug").symlink_to(".", target_is_directory=True),
    lambda docs: (docs / "producten" / "grenzen" / "passwd.md").symlink_to("/etc/passwd"),
], ids=["self-loop", "folder-loop", "outside"])
def test_make_check_on_a_bad_link_ends_in_a_message(docs, make):
    make(docs)
    result = run_check(docs)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "docs/" in result.stderr and "symbolic link" in result.stderr
    assert "root:" not in result.stdout + result.stderr, "nothing of the linked file is shown"


# --- Class 7: safe commands ----------------------------------------------------------------------

TITLES = ['Wat "mag" wel', "Gesprek `touch M` over grenzen", "<script>alert(1)</script>", "Seks & relaties: <b>vet</b>",
          "Titel {n} met {{accolades}}", "*Vet* en _schuin_ en [link](javascript:alert(1))", "# Kop ## en een \\ backslash",
          "Zeg 'nee' of \"ja\" of it's", "key: value - !!python/object:os.system", "&lt;script&gt; als entiteit", "Eén idee per zin ~~weg~~"]


@pytest.mark.parametrize("title", TITLES)
def test_make_new_keeps_any_title_verbatim_and_passes_make_check(docs, title):
    vocabulary = project.load(docs, with_readability=False).vocabulary
    folder = scaffold.create(docs, vocabulary, title)
    for name in ("index.md", "makkelijk.md"):
        meta = yaml.safe_load((folder / name).read_text(encoding="utf-8").split("---\n")[1])
        assert meta["title"] == title
    problems = [p for p in project.load(docs).problems if p.is_error]  # with the easy-read gate, as make check
    assert problems == [], messages(problems)


def test_a_title_with_a_control_character_is_refused_plainly(docs):
    vocabulary = project.load(docs, with_readability=False).vocabulary
    with pytest.raises(scaffold.ScaffoldError) as caught:
        scaffold.create(docs, vocabulary, "Titel\x00met nul")
    assert str(caught.value) == "the title 'Titel\\x00met nul' holds a control character: type it again without it"


def test_make_new_passes_the_title_through_the_environment(tmp_path, docs):
    """The real Makefile: backticks, $(...), quotes and $VAR stay text; nothing runs."""
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    wrapper = tmp_path / "python"
    wrapper.write_text(f'#!/bin/sh\nexec "{python}" "$@" --docs "{docs}"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    stamp = tmp_path / "stamp"
    stamp.touch()
    title = 'Gesprek `touch M` over $(shell touch N) "mag" $home grenzen'
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "new", f"PY={wrapper}", f"TITLE={title}", f"RUNTIME_STAMP={stamp}"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "M").exists() and not (ROOT / "M").exists() and not (tmp_path / "N").exists() and not (ROOT / "N").exists()
    folder = next((docs / "producten").glob("gesprek-touch-m-*"))
    assert yaml.safe_load((folder / "index.md").read_text(encoding="utf-8").split("---\n")[1])["title"] == title


def test_make_new_without_a_title_says_how(tmp_path, docs):
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "KENNISPLEIN_TITLE"}
    result = subprocess.run([str(python), str(ROOT / "scripts" / "cli.py"), "new", "--docs", str(docs)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2 and result.stderr.strip() == 'usage: make new TITLE="Titel van het product"'


BAD_HOSTS = ['x.example" always; add_header X-Injected "yes', "x.example; script-src *", "https://x.example", "x.example/pad", "x.example}"]


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_bad_video_host_is_refused_in_the_organisation_file_with_its_line(org_dir, vocabulary, host):
    path = set_key(org_dir, ["video_hosts"], ["video.voorbeeld.example", host])
    assert one_problem(path, vocabulary) == (f"{path}:{line_of(path, 'video_hosts:')}: video_hosts: '{host}' is not a host name: "
                                             "write only the name, like video.example.org, without https://, a path or quotes")


def test_nginx_config_names_the_organisation_file_on_a_bad_host(tmp_path, org_dir):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    path = set_key(org_dir, ["video_hosts"], [BAD_HOSTS[0]])
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    result = subprocess.run([str(python), str(ROOT / "scripts" / "cli.py"), "nginx-config", "--site", str(site), "--org", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:{line_of(path, 'video_hosts:')}: video_hosts: '{BAD_HOSTS[0]}' is not a host name")
    assert "X-Injected" not in result.stdout


@pytest.mark.parametrize("listen,server_name,message", [
    ("80", 'x.example"; add_header X "y', "server name 'x.example\"; add_header X \"y' is not one or more host names separated by spaces"),
    ("80; include /etc/passwd", "_", "listen '80; include /etc/passwd' is not a port or address:port (optionally followed by ssl, http2, default_server)"),
])
def test_nginx_config_refuses_a_bad_server_name_or_listen(tmp_path, listen, server_name, message):
    with pytest.raises(ValueError) as caught:
        webserver.check_values(listen, server_name, [])
    assert str(caught.value) == message


def test_nginx_config_accepts_ordinary_values():
    webserver.check_values("127.0.0.1:8080", "kennisplein.example.org www.kennisplein.example.org", ["video.example.org"])
    webserver.check_values("443 ssl http2", "_", [])
    webserver.check_values("[::]:80", "*.example.org", [])


def test_make_check_org_validates_the_copy_without_building(tmp_path, org_dir):
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    path = set_key(org_dir, ["contacts", 0, "email"], "geen-adres")
    result = subprocess.run([str(python), str(ROOT / "scripts" / "organisation_build.py"), "--check", str(path), "--out", str(tmp_path / "build")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:{line_of(path, 'email: geen-adres')}: contacts[0].email: value is not a valid email address" in result.stderr
    assert result.stdout.strip() == f"FAILED: {path}, 1 errors, 0 warnings" or result.stdout.startswith("FAILED")
    assert list((tmp_path / "build").iterdir()) == [], "nothing built, nothing left behind"
