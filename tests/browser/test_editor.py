"""The browser editor (`make edit`): an editor who never used git writes a product with both versions,
edits a glossary term and an organisation's contacts in Decap CMS, sees the checks' verdict, and the
files it wrote pass `make check` and appear on the preview site. Runs the real editor (edit.py:
decap-server, mkdocs serve and the editor server) on free loopback ports against a copy of docs/."""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import project  # noqa: E402
from kennisplein.editor import cms_config  # noqa: E402
from mkdocs_wiring import buildconfig  # noqa: E402

pytestmark = pytest.mark.browser
EDITOR = ROOT / "scripts" / "editor"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_editor(args: list[str], log: Path):
    if not (EDITOR / "node_modules" / "decap-server").is_dir():
        pytest.fail("the editor's npm packages are missing: run 'make test' (it runs npm ci --prefix scripts/editor)")
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, str(EDITOR / "edit.py"), "--port", str(port), *args], stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while "klaar" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, f"the editor did not start:\n{log.read_text()[-3000:]}"
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("organisaties"))
    buildconfig.config_for(root / "docs", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="module")
def editor(workspace):
    with running_editor(["--root", str(workspace)], workspace / "editor.log") as origin:
        yield origin


@pytest.fixture
def cms(browser, editor):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.foreign = []
    page.on("request", lambda r: page.foreign.append(r.url) if not r.url.startswith((editor, "data:", "blob:")) else None)
    page.goto(editor + "/admin/")
    page.get_by_role("button", name="Inloggen").click()   # the local proxy needs no account: the button only opens the editor
    page.wait_for_selector("text=Inhoudstypen")
    yield page
    assert page.foreign == [], f"the editor asked other hosts: {page.foreign[:5]}"
    context.close()


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        with contextlib.suppress(urllib.error.URLError, OSError):
            with urllib.request.urlopen(url, timeout=10) as answer:
                body = answer.read().decode()
                if text in body:
                    return body
        time.sleep(1)
    raise AssertionError(f"{url} never showed {text!r}")


def choose(page, field: str, *labels: str, pane: int = 0) -> None:
    """Pick options in a select widget (react-select) by typing their Dutch label."""
    box = page.locator(f"[id^='{field}-field-']").nth(pane)
    for label in labels:
        box.click(force=True)
        page.keyboard.type(label)
        page.keyboard.press("Enter")


def field(page, name: str, pane: int = 0):
    return page.locator(f"[id^='{name}-field-']").nth(pane)


def publish(page) -> None:
    page.wait_for_selector("text=Item opgeslagen", state="detached", timeout=30_000)   # the previous save's notice has gone
    page.evaluate("() => { const h = document.querySelector('#kp-status h2'); if (h) h.textContent = 'Bezig'; }")
    page.get_by_role("button", name="Publiceer").first.click()
    page.get_by_text("Publiceer nu").click()
    page.wait_for_selector("text=Item opgeslagen", timeout=30_000)


def verdict(page) -> str:
    status = page.locator("#kp-status")
    page.wait_for_function("() => { const s = document.querySelector('#kp-status h2'); return s && !s.textContent.startsWith('Bezig'); }", timeout=60_000)
    return status.inner_text()


def check(docs: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "cli.py"), "check", "--docs", str(docs)], capture_output=True, text=True)


def test_a_new_product_with_both_versions_is_written_checked_and_served(cms, editor, workspace):
    cms.goto(editor + "/admin/#/collections/producten/new")
    field(cms, "title").fill("Samen naar de sportclub")
    field(cms, "summary").fill("Hoe je samen met je naaste afspraken maakt over aanraking en privacy in de kleedkamer van de sportclub.")
    choose(cms, "audiences", "Naasten", "Professionals")
    choose(cms, "type", "Handreiking")
    choose(cms, "topics", "Privacy", "Grenzen aangeven")
    choose(cms, "region", "Nederland en Vlaanderen")
    choose(cms, "evidence", "Praktijkkennis")
    field(cms, "reviewed").fill("2026-12-01")
    field(cms, "review_due").fill("2027-12-01")
    cms.get_by_role("button", name="Voeg bron toe").first.click()
    field(cms, "title", 1).fill("Beleidsvisie intimiteit en seksualiteit voor mensen met een beperking")   # the source's title
    field(cms, "publisher").fill("Ministerie van VWS")
    field(cms, "year").fill("2024")
    cms.locator('[aria-label="markdown field"] [contenteditable=true]').first.click()
    cms.keyboard.type("In de kleedkamer is privacy belangrijk. Maak samen vooraf afspraken over wie helpt bij het omkleden.")
    publish(cms)
    shown = verdict(cms)
    assert "geen fouten" in shown, shown

    folder = workspace / "docs" / "producten" / "samen-naar-de-sportclub"
    assert sorted(p.name for p in folder.iterdir()) == ["index.md", "makkelijk.md"], "no English file for a translation nobody wrote"
    meta = yaml.safe_load((folder / "index.md").read_text().split("---")[1])
    assert meta["audiences"] == ["naasten", "professionals"] and meta["region"] == "algemeen" and str(meta["reviewed"]) == "2026-12-01"
    assert meta["sources"][0]["year"] == 2024
    assert yaml.safe_load((folder / "makkelijk.md").read_text().split("---")[1])["level"] == "makkelijk"
    result = check(workspace / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "samen-naar-de-sportclub/makkelijk.md" in result.stdout   # the easy-read gate measured it
    wait_for(editor + "/producten/samen-naar-de-sportclub/", "Maak samen vooraf afspraken")
    wait_for(editor + "/producten/samen-naar-de-sportclub/makkelijk/", "Samen naar de sportclub")

    # the easy-read version is edited in its own collection, in the site's easy-read typography
    cms.goto(editor + "/admin/#/collections/makkelijk")
    cms.get_by_text("Samen naar de sportclub").first.click()
    cms.wait_for_url("**/collections/makkelijk/entries/samen-naar-de-sportclub")
    field(cms, "title").wait_for()
    cms.locator('[aria-label="markdown field"] [contenteditable=true]').first.click()
    cms.keyboard.press("Control+End")
    cms.keyboard.type(" Je mag zelf kiezen wie je helpt.")
    cms.locator("[title='Wissel voorvertoning']").click()   # the preview pane, beside the form
    frame = cms.frame_locator("iframe").first
    frame.locator(".kp-easy-read").wait_for()
    preview = next(f for f in cms.frames if f != cms.main_frame)
    # the site's own stylesheets load into the preview: easy-read body text at 18 px or more
    preview.wait_for_function("""() => { const p = document.querySelector('.kp-easy-read p:not(.kp-preview__label)');
        return p && parseFloat(getComputedStyle(p).fontSize) >= 18; }""", timeout=30_000)
    publish(cms)
    shown = verdict(cms)
    assert "makkelijk.md" in shown and "Flesch-Douma" in shown, "the easy-read gate's figures for the page just saved"
    wait_for(editor + "/producten/samen-naar-de-sportclub/makkelijk/", "Je mag zelf kiezen wie je helpt")


def test_a_glossary_term_edited_in_the_form_reaches_the_glossary_page(cms, editor, workspace):
    glossary = workspace / "docs" / "_data" / "glossary.yml"
    header = glossary.read_text().splitlines()[0]
    cms.goto(editor + "/admin/#/collections/gegevens/entries/begrippen")
    item = cms.locator("div", has=cms.get_by_text("intimiteit", exact=True)).filter(has=cms.get_by_role("button", name="Expand")).last
    item.get_by_role("button", name="Expand").click()
    easy_id = cms.wait_for_function("""() => {
        const term = [...document.querySelectorAll("input[id^='term-field-']")].find(i => i.value === "intimiteit");
        for (let box = term; box; box = box.parentElement) {
            const easy = box.querySelector("textarea[id^='easy-field-']");
            if (easy) return easy.id;
        }
        return null;
    }""").json_value()
    box = cms.locator(f"#{easy_id}")
    box.fill("Intimiteit is dicht bij iemand zijn. Je voelt je fijn en veilig.")
    publish(cms)
    assert "geen fouten" in verdict(cms)
    text = glossary.read_text()
    assert text.splitlines()[0] == header, "the file's own comments are kept"
    terms = yaml.safe_load(text)
    assert isinstance(terms, list), "the glossary stays a list (the editor wraps it for Decap only)"
    assert next(t for t in terms if t["term"] == "intimiteit")["easy"] == "Intimiteit is dicht bij iemand zijn. Je voelt je fijn en veilig."
    wait_for(editor + "/begrippen/", "Je voelt je fijn en veilig")


def test_the_form_offers_only_the_vocabulary(cms, editor):
    cms.goto(editor + "/admin/#/collections/producten/new")
    box = field(cms, "topics")
    box.click(force=True)
    cms.keyboard.type("Astrologie")
    cms.wait_for_selector("[class*='menu'] >> text=/opties|options/i")   # react-select: nothing matches
    cms.keyboard.press("Enter")
    cms.keyboard.press("Escape")
    chips = cms.locator("[class*='multiValue'], [class*='MultiValue']").filter(has_text="Astrologie")
    assert chips.count() == 0, "a topic outside the vocabulary cannot be chosen"
    field(cms, "title").fill("Te")
    cms.get_by_role("button", name="Publiceer").first.click()
    cms.get_by_text("Publiceer nu").click()
    cms.wait_for_selector("text=3 tot 120 tekens")
    assert cms.get_by_text("Item opgeslagen").count() == 0


def test_the_served_config_is_what_the_schema_says(editor, workspace):
    with urllib.request.urlopen(editor + "/admin/config.yml") as answer:
        served = answer.read().decode()
    builder = cms_config.ConfigBuilder(project.load(workspace / "docs", with_readability=False).vocabulary)
    assert served == cms_config.to_yaml(builder.config(proxy_url=editor + "/api/v1", site_url=editor + "/"))


def _post(url: str, body: dict, headers: dict) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_only_this_computer_and_only_the_schema_folders(editor, workspace):
    own = {"Origin": editor, "Content-Type": "application/json"}
    write = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [{"path": "mkdocs.yml", "raw": "x"}], "assets": [],
                                                  "options": {}}}
    assert _post(editor + "/api/v1", write, own) == 403
    assert (workspace / "mkdocs.yml").read_text() != "x"
    evil = {**write, "params": {**write["params"], "dataFiles": [{"path": "docs/producten/x/index.nl.md", "raw": "---\ntitle: x\n---\n"}]}}
    assert _post(editor + "/api/v1", evil, {"Origin": "http://evil.example", "Content-Type": "application/json"}) == 403
    assert _post(editor + "/api/v1", evil, {"Origin": editor, "Content-Type": "text/plain"}) == 403
    assert not (workspace / "docs" / "producten" / "x").exists()
    request = urllib.request.Request(editor + "/admin/", headers={"Host": "kennisplein.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    log = (workspace / "editor.log").read_text()
    assert re.search(r"Decap CMS Proxy Server listening on 127\.0\.0\.1:\d+", log) or "listening" not in log


@pytest.fixture(scope="module")
def organisation_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("org") / "voorbeeld"
    shutil.copytree(ROOT / "docs" / "_data" / "organisaties" / "voorbeeld", folder)
    out = tmp_path_factory.mktemp("org-build")
    with running_editor(["--org", str(folder / "organisation.yml"), "--out", str(out)], folder.parent / "editor.log") as origin:
        yield origin, folder


def test_an_organisation_edits_its_contacts_and_the_copy_shows_them(browser, organisation_copy):
    origin, folder = organisation_copy
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(origin + "/admin/")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(origin + "/admin/#/collections/organisatie/entries/organisatie")
    person = page.locator("div", has=page.get_by_text("Sam de Vries (fictief)", exact=True)).filter(has=page.get_by_role("button", name="Expand")).last
    person.get_by_role("button", name="Expand").click()
    hours_id = page.wait_for_function("""() => [...document.querySelectorAll("input[id^='opening_hours-field-']")]
        .find(i => i.value === "dinsdag en donderdag, 9 tot 12 uur")?.id""").json_value()
    page.locator(f"#{hours_id}").fill("maandag tot donderdag, 9 tot 16 uur")
    publish(page)
    assert "geen fouten" in verdict(page)
    org = yaml.safe_load((folder / "organisation.yml").read_text())
    assert org["contacts"][0]["opening_hours"] == "maandag tot donderdag, 9 tot 16 uur"
    assert (folder / "organisation.yml").read_text().startswith("# A clearly fictional example organisation"), "its comments are kept"
    wait_for(origin + "/hulp/", "maandag tot donderdag, 9 tot 16 uur")

    # its own page, in the same form as the platform's products
    page.goto(origin + "/admin/#/collections/paginas")
    page.get_by_text("Afspraken", exact=False).first.click()
    field(page, "title").wait_for()
    page.locator('[aria-label="markdown field"] [contenteditable=true]').first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Vraag het gerust aan je begeleider.")
    publish(page)
    assert "geen fouten" in verdict(page)
    assert "Vraag het gerust aan je begeleider." in (folder / "pages" / "afspraken-in-onze-woningen" / "index.md").read_text()
    wait_for(origin + "/producten/afspraken-in-onze-woningen/", "Vraag het gerust aan je begeleider.")
    context.close()
