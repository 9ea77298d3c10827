"""Quick exit ("Snel weg"), after GOV.UK's "Exit this page": on every page, easy-read wording
with an icon on easy-read pages; the button or Shift pressed three times within 5 seconds hides
the page at once and replaces it (location.replace) with the neutral site from the config, so
Back does not return to the page just read. The neutral site is answered by page.route: no
request ever leaves the machine."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = "producten/seksuele-assistentie/"
EASY = "producten/seksuele-assistentie/makkelijk/"
BUTTON = "[data-kp-quick-exit-button]"


@pytest.fixture(scope="module")
def ui():
    return yaml.safe_load((ROOT / "docs" / "_data" / "ui.yml").read_text(encoding="utf-8"))


class Neutral:
    """Answers every request to another host (only the neutral site should be asked for).
    keep=True answers 204 No Content, which cancels the navigation: the page that was left
    stays loaded, so the test can see what the exit did to it."""

    def __init__(self, page, base_url, keep=False):
        self.requests = []
        self.keep = keep
        page.context.route(lambda url: not url.startswith(base_url), self.answer)

    def answer(self, route):
        self.requests.append(route.request.url)
        if self.keep:
            route.fulfill(status=204)
        else:
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Weer</title><p>Het weer")


def target(page) -> str:
    return page.locator(BUTTON).get_attribute("href")


def test_the_neutral_site_comes_from_the_config(site_dir):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    tree = html.fromstring((site_dir / PRODUCT / "index.html").read_bytes())
    href = tree.cssselect(BUTTON)[0].get("href")
    assert href.startswith("https://") and f"quick_exit_url: {href}" in config
    assert "noreferrer" in tree.cssselect(BUTTON)[0].get("rel")


def test_button_wording_per_page_and_language(site_pass, ui):
    # Checked on every page in the all-pages pass: the standard wording, or on easy-read pages
    # the easy-read wording with an icon, in the page's interface language.
    wrong = []
    for (page, width), facts in sorted(site_pass.facts.items()):
        qe = facts.get("quickExit")
        strings = ui[facts["lang"].split("-")[0]]  # the interface language of the page
        want = strings["quick_exit_easy"] if facts["easyRead"] else strings["quick_exit"]
        if not qe or qe["label"] != want or qe["icon"] != facts["easyRead"]:
            wrong.append(f"/{page} at {width}px: {qe} (easy-read: {facts['easyRead']}, want '{want}')")
    assert not wrong, "quick exit wording:\n" + "\n".join(wrong[:30])


def test_click_hides_the_page_at_once_and_replaces_it(page, base_url):
    neutral = Neutral(page, base_url, keep=True)
    page.goto(base_url + PRODUCT)
    assert page.locator(BUTTON).is_visible()
    page.locator(BUTTON).click()
    page.wait_for_function("document.documentElement.classList.contains('kp-exiting')")
    assert page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    assert page.evaluate("document.title") == ""
    page.wait_for_timeout(100)
    assert neutral.requests == [target(page)]


def test_back_does_not_return_to_the_page_just_read(page, base_url):
    neutral = Neutral(page, base_url)
    page.goto(base_url)
    page.goto(base_url + PRODUCT)
    length = page.evaluate("history.length")
    neutral_url = target(page)
    with page.expect_navigation():
        page.locator(BUTTON).click()
    assert page.url == neutral_url and neutral.requests == [neutral_url]
    assert page.evaluate("history.length") == length, "quick exit added a history entry (it must replace the page)"
    page.go_back()
    assert page.url == base_url, f"Back went to {page.url}"
    assert PRODUCT not in page.url


def test_shift_three_times_exits(page, base_url):
    neutral = Neutral(page, base_url, keep=True)
    page.goto(base_url + EASY)
    page.keyboard.press("Shift")
    status = page.locator("[data-kp-quick-exit-status]")
    assert "2" in status.inner_text(), "the first press is not announced"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_function("document.documentElement.classList.contains('kp-exiting')")
    page.wait_for_timeout(100)
    assert neutral.requests == [target(page)]


def test_two_presses_do_not_exit(page, base_url):
    neutral = Neutral(page, base_url, keep=True)
    page.goto(base_url + PRODUCT)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert neutral.requests == []
    assert not page.evaluate("document.documentElement.classList.contains('kp-exiting')")


def test_slow_presses_do_not_exit(page, base_url):
    neutral = Neutral(page, base_url, keep=True)
    page.clock.install()
    page.goto(base_url + PRODUCT)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)  # more than 5 seconds after the first press
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert neutral.requests == []
    assert not page.evaluate("document.documentElement.classList.contains('kp-exiting')")


def test_shift_with_other_keys_between_does_not_exit(page, base_url):
    # Typing capitals (Shift+letter) is not an exit.
    neutral = Neutral(page, base_url, keep=True)
    page.goto(base_url + PRODUCT)
    page.locator("#kp-search-input").focus()
    page.keyboard.type("Relaties En Grenzen")
    page.wait_for_timeout(300)
    assert neutral.requests == []


def test_button_is_reachable_by_keyboard_and_exits(page, base_url):
    neutral = Neutral(page, base_url, keep=True)
    page.goto(base_url + PRODUCT)
    page.locator(BUTTON).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.classList.contains('kp-exiting')")
    page.wait_for_timeout(100)
    assert neutral.requests == [target(page)]


@pytest.mark.parametrize("path", ["veilig-bezoeken/", "veilig-bezoeken-makkelijk/", "en/veilig-bezoeken/", "en/veilig-bezoeken-makkelijk/"])
def test_the_safe_visit_page_exists_in_standard_and_easy_read(site_dir, path):
    tree = html.fromstring((site_dir / path / "index.html").read_bytes())
    text = " ".join(tree.xpath("//article")[0].text_content().split()).lower()
    if path.startswith("en/"):
        assert "quick exit" in text or "leave now" in text, path
        assert "history" in text and "private" in text, path
    else:
        assert "snel weg" in text, path
        assert "geschiedenis" in text and ("privé" in text or "prive" in text), path
    assert ("makkelijk" in path) == bool(tree.xpath("//*[contains(concat(' ', @class, ' '), ' kp-easy-read ')]")), path


def test_every_page_links_to_the_safe_visit_page(site_dir):
    missing = []
    for page in sorted(site_dir.rglob("*.html")):
        hrefs = html.fromstring(page.read_bytes()).xpath("//a/@href")
        if not any("veilig-bezoeken" in h for h in hrefs):
            missing.append(page.relative_to(site_dir).as_posix())
    assert not missing, f"pages without a link to 'Veilig deze website bezoeken': {missing}"
