"""Real strict builds of hostile content folders (issue 13, classes 4, 6 and 7): what was never
meant to be public stays off the site, every failure ends in `path: message` with exit 1 and the
previous site intact, and two organisation builds at once do not trip over each other."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from mkdocs_wiring import buildconfig  # noqa: E402
import cli  # noqa: E402
import organisation_build  # noqa: E402
from kennisplein import project, scaffold  # noqa: E402

EXAMPLE_ORG = ROOT / "docs" / "_data" / "organisaties" / "voorbeeld"
SECRET = "GEHEIM-CONCEPT-7f3a"
HOSTILE_TITLE = 'Wat "mag" wel? <script>alert(1)</script> & `touch M` {x}'


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def copy_docs(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "work" / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    return docs, buildconfig.config_for(docs, tmp_path / "work" / "mkdocs.yml")


@pytest.fixture(scope="module")
def leaky_build(tmp_path_factory):
    """Editor backups, lock files and dotfiles in docs/, and a product made by `make new` with a
    hostile title: the build passes, with warnings."""
    tmp = tmp_path_factory.mktemp("leaky")
    docs, config = copy_docs(tmp)
    product = docs / "producten" / "grenzen-aangeven-en-respecteren"
    for name in ("index.md~", ".#index.md", "index.md.swp", "makkelijk.md.bak", ".DS_Store"):
        (product / name).write_text(f"---\ntitle: {SECRET}\n---\n# {SECRET}\n", encoding="utf-8")
    (docs / ".env").write_text(f"PASSWORD={SECRET}\n", encoding="utf-8")
    (docs / ".git").mkdir()
    (docs / ".git" / "config").write_text(f"[remote]\nurl = {SECRET}\n", encoding="utf-8")
    (docs / "videos" / "media" / "notes.tmp").write_text(SECRET, encoding="utf-8")
    folder = scaffold.create(docs, project.load(docs, with_readability=False).vocabulary, HOSTILE_TITLE)
    site = tmp / "site"
    assert cli.build_site(config, site) == 0
    return site, folder.name


def test_backups_and_dotfiles_never_reach_the_site_or_the_search_index(leaky_build):
    site, _ = leaky_build
    leaked = [str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []
    names = [p.name for p in site.rglob("*")]
    assert not [n for n in names if n.startswith(".") or n.endswith(("~", ".swp", ".bak", ".tmp"))], names


def test_a_hostile_title_from_make_new_shows_as_typed_and_runs_nothing(leaky_build):
    site, slug = leaky_build
    doc = html.fromstring((site / "producten" / slug / "index.html").read_bytes())
    h1 = doc.cssselect("article h1, .md-content h1")[0]
    assert h1.text_content().strip() == HOSTILE_TITLE
    content = doc.cssselect(".md-content")[0]
    assert not [s for s in content.iter("script") if "alert(1)" in (s.text or "")], "the title's <script> became an element"


def test_a_hostile_title_runs_nowhere_on_its_page(leaky_build):
    site, slug = leaky_build
    doc = html.fromstring((site / "producten" / slug / "index.html").read_bytes())
    assert not [s for s in doc.iter("script") if "alert(1)" in (s.text or "")]


BROKEN = {
    "link-out": (lambda docs: (docs / "videos" / "media" / "wachtwoorden.txt").symlink_to("/etc/passwd"),
                 "docs/videos/media/wachtwoorden.txt: symbolic link to '/etc/passwd', outside docs/"),
    "folder-out": (lambda docs: (docs / "videos" / "media" / "systeem").symlink_to("/etc", target_is_directory=True),
                   "docs/videos/media/systeem: symbolic link to '/etc', outside docs/"),
    "self-loop": (lambda docs: (docs / "lus").symlink_to("lus"), "docs/lus: symbolic link loops (it leads back to itself): remove it"),
    "folder-loop": (lambda docs: (docs / "producten" / "terug").symlink_to("..", target_is_directory=True),
                    "docs/producten/terug: symbolic link to "),
    "transcript-out": (lambda docs: _replace_with_link(docs / "_data" / "videos" / "grenzen.transcript.md", "/etc/passwd"),
                       "docs/_data/videos/grenzen.transcript.md: symbolic link to '/etc/passwd', outside docs/"),
    "latin1-transcript": (lambda docs: (docs / "_data" / "videos" / "grenzen.transcript.md").write_bytes(
        "Dit is de tekst van de video.\nOver grenzen en caf\xe9s.\n".encode("latin-1")),
        "docs/_data/videos/grenzen.transcript.md:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
}


def _replace_with_link(path: Path, target: str) -> None:
    path.unlink()
    path.symlink_to(target)


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_bad_file_fails_the_build_with_a_message_and_keeps_the_previous_site(tmp_path, capfd, name):
    make, message = BROKEN[name]
    docs, config = copy_docs(tmp_path)
    assert (docs / "_data" / "videos" / "grenzen.transcript.md").exists(), "the fixture names a transcript that exists"
    make(docs)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    before = snapshot(site)
    assert cli.build_site(config, site) == 1
    err = capfd.readouterr().err
    assert message in err and "Traceback" not in err, err[-3000:]
    assert "root:x:0:0" not in err, "nothing of the linked file is shown"
    assert snapshot(site) == before
    assert not list(tmp_path.glob(".site.building-*"))


def test_two_organisation_builds_at_once_end_in_a_site_or_a_plain_message(tmp_path):
    python = ROOT / ".venv" / "bin" / "python"
    python = python if python.exists() else Path(sys.executable)
    out = tmp_path / "build"
    command = [str(python), str(ROOT / "scripts" / "organisation_build.py"), str(EXAMPLE_ORG / "organisation.yml"), "--out", str(out)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=600), run.stdout.read(), run.stderr.read()) for run in runs]
    for code, _, err in results:
        assert "Traceback" not in err and "FileExistsError" not in err, err[-3000:]
        assert code == 0 or "another build of 'voorbeeldlinde' is running" in err, err[-3000:]
    assert any(code == 0 for code, _, _ in results)
    assert (out / "voorbeeldlinde" / "site" / "index.html").exists()
    assert not list(out.glob("_composing*")), "each run's composing folder is removed"


def test_an_organisation_build_names_its_own_file_for_a_bad_video_host(tmp_path, capfd):
    org = tmp_path / "org"
    shutil.copytree(EXAMPLE_ORG, org)
    path = org / "organisation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["video_hosts"] = ['x.example" always; add_header X-Injected "yes']
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert organisation_build.prepare(path, tmp_path / "build") is None
    err = capfd.readouterr().err
    assert f"{path}:" in err and "video_hosts: 'x.example\" always; add_header X-Injected \"yes' is not a host name" in err
    assert "mkdocs.yml" not in err
