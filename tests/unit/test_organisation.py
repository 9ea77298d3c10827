"""The organisation file: every bad input gets a located, specific message."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kennisplein import organisation, project

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "_data" / "organisaties" / "voorbeeld"


@pytest.fixture(scope="module")
def vocabulary():
    return project.load(ROOT / "docs").vocabulary


@pytest.fixture
def org_dir(tmp_path):
    target = tmp_path / "org"
    shutil.copytree(EXAMPLE, target)
    return target


def write(org_dir: Path, edit) -> Path:
    path = org_dir / "organisation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.lstrip().startswith(text))


def test_example_is_valid(vocabulary):
    org, problems = organisation.load(EXAMPLE / "organisation.yml", vocabulary)
    assert problems == [] and org.slug == "voorbeeldlinde"


def _set(path: list, value):
    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return edit


CASES = [
    ("missing-name", _set(["name"], KeyError), None, "missing key 'name'"),
    ("missing-contacts", _set(["contacts"], KeyError), None, "missing key 'contacts'"),
    ("empty-contacts", _set(["contacts"], []), "contacts:", "contacts: List should have at least 1 item"),
    ("unknown-key", _set(["colour"], "#000000"), "colour:", "unknown key 'colour'"),
    ("bad-colour", _set(["colours", "primary"], "green"), "primary:", "'green' is not a colour: write it as #rrggbb"),
    ("short-hex", _set(["colours", "accent"], "#12345"), "accent:", "'#12345' is not a colour"),
    ("primary-fails-contrast", _set(["colours", "primary"], "#7fbfff"), "colours:", "primary #7fbfff with white text on it has contrast 1.94:1, needs 4.5:1 for WCAG AA (short by 2.56)"),
    ("accent-fails-contrast", _set(["colours", "accent"], "#ff9900"), "colours:", "accent #ff9900 with it as text on white has contrast 2.14:1, needs 4.5:1"),
    ("unknown-topic", _set(["include"], {"topics": ["ruimtevaart"]}), "include:", "include.topics: 'ruimtevaart' is not one of"),
    ("unknown-audience", _set(["include"], {"audiences": ["ouders"]}), "include:", "include.audiences: 'ouders' is not one of"),
    ("unknown-region", _set(["region"], "wallonie"), "region:", "region: Input should be 'nl' or 'vlaanderen'"),
    ("missing-logo", _set(["logo", "path"], "bestaat-niet.svg"), "path:", "'bestaat-niet.svg' not found next to the organisation file"),
    ("logo-wrong-format", _set(["logo", "path"], "logo.gif"), "path:", "'logo.gif' must be an .svg or .png file"),
    ("logo-without-alt", _set(["logo", "alt"], ""), "alt:", "logo.alt: String should have at least 3 characters"),
    ("bad-site-url", _set(["site_url"], "kennisplein.example"), "site_url:", "site_url: Input should be a valid URL"),
    ("bad-quick-exit", _set(["quick_exit_url"], "ftp//weer"), "quick_exit_url:", "quick_exit_url: Input should be a valid URL"),
    ("bad-email", _set(["contact", "email"], "geen-adres"), "email:", "contact.email: value is not a valid email address"),
    ("bad-phone", _set(["contact", "phone"], "bel ons"), "phone:", "contact.phone: String should match pattern"),
    ("unknown-role", _set(["contacts", 0, "role"], "portier"), "- role:", "contacts[0].role: Input should be"),
    ("unreachable-contact", lambda d: [d["contacts"][1].pop(k, None) for k in ("email", "phone")], "- role: klachtenfunctionaris", "contacts[1]: Klachtenbureau De Voorbeeldlinde (fictief): give at least a phone number"),
    ("no-easy-read", _set(["contacts", 0, "easy_read"], KeyError), "- role:", "missing key 'contacts[0].easy_read'"),
    ("no-dutch", _set(["languages"], ["en"]), "languages:", "Dutch (nl) is the main language and must be offered"),
    ("missing-local-folder", _set(["local_pages"], "geen-map"), "local_pages:", "folder 'geen-map' not found next to the organisation file"),
]


@pytest.mark.parametrize("edit,key_line,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_organisation_file(org_dir, vocabulary, edit, key_line, message):
    path = write(org_dir, edit)
    org, problems = organisation.load(path, vocabulary)
    assert org is None
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    problem = next(p for p in problems if message in p.message)
    assert problem.path == str(path)
    expected_line = line_of(path, key_line) if key_line else 1
    assert problem.line == expected_line, str(problem)


def test_malformed_yaml_is_located(org_dir, vocabulary):
    path = org_dir / "organisation.yml"
    path.write_text("name: x\ncolours: [unclosed\n", encoding="utf-8")
    org, problems = organisation.load(path, vocabulary)
    assert org is None and problems[0].line == 3 and "not valid YAML" in problems[0].message


def test_local_page_with_upstream_slug_needs_replaces(tmp_path, org_dir, vocabulary):
    upstream = tmp_path / "upstream"
    (upstream / "producten" / "afspraken-in-onze-woningen").mkdir(parents=True)
    org, _ = organisation.load(org_dir / "organisation.yml", vocabulary)
    target = tmp_path / "docs"
    (target / "producten").mkdir(parents=True)
    _, problems = organisation._overlay_local_pages(org, org_dir, upstream, target)
    assert len(problems) == 1
    assert "same slug as an upstream product: add 'replaces: afspraken-in-onze-woningen'" in problems[0].message
    assert not (target / "producten" / "afspraken-in-onze-woningen").exists(), "nothing replaced by accident"


def test_local_page_replaces_upstream_on_purpose(tmp_path, org_dir, vocabulary):
    upstream = tmp_path / "upstream"
    (upstream / "producten" / "afspraken-in-onze-woningen").mkdir(parents=True)
    index = org_dir / "pages" / "afspraken-in-onze-woningen" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("review_due: 2027-11-23", "review_due: 2027-11-23\nreplaces: afspraken-in-onze-woningen"), encoding="utf-8")
    org, _ = organisation.load(org_dir / "organisation.yml", vocabulary)
    target = tmp_path / "docs"
    (target / "producten" / "afspraken-in-onze-woningen").mkdir(parents=True)
    origins, problems = organisation._overlay_local_pages(org, org_dir, upstream, target)
    assert problems == []
    assert (target / "producten" / "afspraken-in-onze-woningen" / "makkelijk.md").exists()
    assert origins["docs/producten/afspraken-in-onze-woningen/index.md"] == str(index)


def test_replaces_unknown_slug(tmp_path, org_dir, vocabulary):
    index = org_dir / "pages" / "afspraken-in-onze-woningen" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("review_due: 2027-11-23", "review_due: 2027-11-23\nreplaces: afspraken-in-onze-woningen"), encoding="utf-8")
    org, _ = organisation.load(org_dir / "organisation.yml", vocabulary)
    (tmp_path / "upstream" / "producten").mkdir(parents=True)
    _, problems = organisation._overlay_local_pages(org, org_dir, tmp_path / "upstream", tmp_path / "docs")
    assert "replaces: no upstream product 'afspraken-in-onze-woningen'" in problems[0].message


def test_selection_drops_links_to_removed_products():
    text = "Zie [seksuele assistentie](../seksuele-assistentie/index.md) en [de seksuoloog](../wat-doet-een-seksuoloog/index.md#stap)."
    pruned = organisation._drop_links(text, "producten/x/index.md", {"producten/seksuele-assistentie"})
    assert pruned == "Zie seksuele assistentie en [de seksuoloog](../wat-doet-een-seksuoloog/index.md#stap)."


def test_selection_drops_video_links_to_removed_products_and_the_copy_still_loads(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("organisaties"))
    loaded = project.load(docs)
    org_file = ROOT / "docs/_data/organisaties/voorbeeld/organisation.yml"
    data = yaml.safe_load(org_file.read_text(encoding="utf-8"))
    data.setdefault("include", {})["topics"] = ["privacy"]
    narrowed = tmp_path / "org" / "organisation.yml"
    shutil.copytree(org_file.parent, narrowed.parent)
    narrowed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    org, problems = organisation.load(narrowed, loaded.vocabulary)
    assert org is not None and not problems, problems
    removed = organisation.select(org, loaded.catalogue, docs)
    assert "producten/grenzen-aangeven-en-respecteren" in removed
    grenzen = (docs / "_data/videos/grenzen.yml").read_text(encoding="utf-8")
    assert "grenzen-aangeven-en-respecteren" not in grenzen
    assert "# Generated by" in grenzen, "the rest of the file is kept as written"
    reloaded = project.load(docs)
    assert not [p for p in reloaded.problems if "related_products" in p.message]
