"""'Lees voor' on easy-read pages, with a stubbed window.speechSynthesis (headless Chromium has
no voices): without a local Dutch voice the button stays, disabled, with one easy sentence on
how to turn a voice on; prefers nl-NL then nl-BE, never a network voice, reads sentence by
sentence and highlights the sentence being read."""
from __future__ import annotations

import json

import pytest

EASY = "producten/seksuele-assistentie/makkelijk/"
BOX = "[data-kp-read-aloud]"
BUTTON = "[data-kp-read-aloud-button]"
NOTE = "[data-kp-read-aloud-note]"

# A speechSynthesis that speaks nothing: it records each utterance, fires onstart at once and
# onend only when the test says so (window.__kpEnd()), so the test steps through sentences.
STUB = """(([voices, late]) => {
  let list = late ? [] : voices;
  const spoken = window.__kpSpoken = [];
  const listeners = [];
  let current = null;
  class Utterance { constructor(text) { this.text = text; this.voice = null; this.lang = ''; this.rate = 1; } }
  const synth = {
    speaking: false, pending: false, paused: false,
    getVoices: () => list.map(v => Object.assign({default: false, voiceURI: v.name}, v)),
    speak(u) { current = u; spoken.push({text: u.text, voice: u.voice && u.voice.name, lang: u.lang}); setTimeout(() => u.onstart && u.onstart({}), 0); },
    cancel() { current = null; window.__kpCancelled = (window.__kpCancelled || 0) + 1; },
    pause() {}, resume() {},
    addEventListener(type, fn) { if (type === 'voiceschanged') listeners.push(fn); },
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
  window.__kpEnd = () => { const u = current; if (u && u.onend) u.onend({}); };
  window.__kpVoicesArrive = () => { list = voices; listeners.forEach(fn => fn({})); };
})"""

NL = {"name": "Dutch (Netherlands)", "lang": "nl-NL", "localService": True}
BE = {"name": "Dutch (Belgium)", "lang": "nl-BE", "localService": True}
EN = {"name": "English (US)", "lang": "en-US", "localService": True}
NETWORK_NL = {"name": "Online Dutch", "lang": "nl-NL", "localService": False}

HIGHLIGHTED = """() => {
  const h = CSS.highlights && CSS.highlights.get('kp-read-aloud');
  if (h) return [...h].map(r => r.toString()).join('');
  const el = document.querySelector('.kp-read-aloud--current');
  return el ? el.textContent : null;
}"""


def open_with_voices(page, base_url, voices, late=False):
    page.add_init_script(f"{STUB}({json.dumps([voices, late])})")
    page.goto(base_url + EASY)


def norm(text: str) -> str:
    return " ".join(text.split())


def assert_disabled_with_note(page):
    assert page.locator(BUTTON).is_visible(), "the button stays on the page"
    assert page.locator(BUTTON).is_disabled()
    note = page.locator(NOTE)
    assert note.is_visible()
    text = norm(note.inner_text())
    assert "Nederlandse stem" in text and text.count(".") == 1, text
    assert page.locator(BUTTON).get_attribute("aria-describedby") == note.get_attribute("id")


@pytest.mark.parametrize("voices", [[], [EN], [NETWORK_NL]], ids=["no voices", "only English", "only a network voice"])
def test_disabled_with_a_note_without_a_local_dutch_voice(page, base_url, voices):
    open_with_voices(page, base_url, voices)
    assert page.locator(BOX).count() == 1
    assert_disabled_with_note(page)
    page.locator(BUTTON).click(force=True)
    assert page.evaluate("window.__kpSpoken.length") == 0


def test_disabled_with_a_note_without_speech_synthesis(page, base_url):
    page.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true}); window.SpeechSynthesisUtterance = undefined;")
    page.goto(base_url + EASY)
    assert_disabled_with_note(page)


def test_shown_with_a_dutch_voice(page, base_url):
    open_with_voices(page, base_url, [EN, NL])
    assert page.locator(BUTTON).is_visible()
    assert page.locator(BUTTON).is_enabled()
    assert page.locator(NOTE).is_hidden()
    assert page.locator(BUTTON).inner_text().strip() == "Lees voor"


def test_enabled_when_the_voices_arrive_late(page, base_url):
    # Chromium loads its voices after the page; they are announced with 'voiceschanged'.
    open_with_voices(page, base_url, [NL], late=True)
    assert_disabled_with_note(page)
    page.evaluate("window.__kpVoicesArrive()")
    assert page.locator(BUTTON).is_enabled()
    assert page.locator(NOTE).is_hidden()


@pytest.mark.parametrize("voices, expected", [([EN, BE, NL], "nl-NL"), ([EN, BE], "nl-BE"), ([NETWORK_NL, BE], "nl-BE")])
def test_prefers_nl_nl_then_nl_be_and_only_local_voices(page, base_url, voices, expected):
    open_with_voices(page, base_url, voices)
    page.locator(BUTTON).click()
    page.wait_for_function("window.__kpSpoken.length > 0")
    first = page.evaluate("window.__kpSpoken[0]")
    assert first["lang"] == expected


def test_reads_sentence_by_sentence_and_highlights_each(page, base_url):
    open_with_voices(page, base_url, [NL])
    page.locator(BUTTON).click()
    assert page.locator(BUTTON).inner_text().strip() == "Stop met voorlezen"
    heading = norm(page.locator(".kp-easy-read h1").first.inner_text())
    spoken = []
    for step in range(12):
        page.wait_for_function(f"window.__kpSpoken.length > {step}")
        text = page.evaluate(f"window.__kpSpoken[{step}].text")
        page.wait_for_function(f"({HIGHLIGHTED})() !== null")
        assert norm(page.evaluate(HIGHLIGHTED)) == norm(text), f"sentence {step + 1} is read but another is highlighted"
        spoken.append(norm(text))
        page.evaluate("window.__kpEnd()")
    assert spoken[0] == heading
    # One sentence at a time: no utterance holds two sentences, and paragraphs are split.
    assert all(not any(s.find(mark + " ") not in (-1, len(s) - 2) for mark in ".!?") for s in spoken), spoken
    first_paragraph = norm(page.locator(".kp-easy-read p").first.inner_text())
    assert len([s for s in spoken if s in first_paragraph]) >= 2 or first_paragraph in spoken, (first_paragraph, spoken)


def test_stop_cancels_and_removes_the_highlight(page, base_url):
    open_with_voices(page, base_url, [NL])
    page.locator(BUTTON).click()
    page.wait_for_function(f"({HIGHLIGHTED})() !== null")
    page.locator(BUTTON).click()
    assert page.locator(BUTTON).inner_text().strip() == "Lees voor"
    assert page.evaluate(HIGHLIGHTED) is None
    assert page.evaluate("window.__kpCancelled") >= 1


def test_only_on_easy_read_pages(page, base_url):
    open_with_voices(page, base_url, [NL])
    page.goto(base_url + "producten/seksuele-assistentie/")
    assert page.locator(BOX).count() == 0
