"""Glossary terms in rendered HTML: explained once per page, reachable by keyboard, never inside a link's focus."""
from importlib import resources
from pathlib import Path

import pytest

from kennisplein import pictograms
from kennisplein.glossary import Glossary, GlossaryTerm, TermMarker
from kennisplein.pictograms import icon_svg

EXPLANATIONS = {"intimiteit": "Uitleg over intimiteit", "Intimiteit": "Uitleg over intimiteit", "grens": "Uitleg over grens"}
FIRST = '<abbr tabindex="0" title="Uitleg over intimiteit">intimiteit</abbr>'


@pytest.fixture(autouse=True, scope="module")
def theme_icons():
    """What the engine wiring does in a build: point the core at the theme's bundled icons."""
    pictograms.use_icons(Path(str(resources.files("material") / "templates" / ".icons" / "material")))


def mark(html: str, explanations=EXPLANATIONS) -> str:
    return TermMarker(explanations).mark(html)


def test_first_use_is_explained_and_focusable_later_uses_are_plain_text():
    out = mark("<p>intimiteit en nog eens intimiteit.</p><p>Intimiteit</p>")
    assert out == f"<p>{FIRST} en nog eens intimiteit.</p><p>Intimiteit</p>"


def test_term_inside_a_link_is_not_marked_and_is_not_the_first_use():
    out = mark('<p><a href="x/">over intimiteit</a> en intimiteit</p>')
    assert out == f'<p><a href="x/">over intimiteit</a> en {FIRST}</p>'


def test_titles_headings_buttons_and_labels_are_never_marked():
    html = ("<h1>Over intimiteit</h1><h2 id='x'>Een grens</h2><h3>intimiteit</h3><button>grens</button>"
            "<label>intimiteit</label><summary>grens</summary>")
    assert mark(html) == html
    assert mark("<h2>intimiteit</h2><p>intimiteit</p>") == f"<h2>intimiteit</h2><p>{FIRST}</p>"


def test_each_distinct_term_is_explained_once():
    out = mark("<p>intimiteit grens intimiteit grens</p>")
    assert out.count('tabindex="0"') == 2 and out.count("<abbr") == 2


def test_whole_words_only_and_case_as_listed():
    out = mark("<p>intimiteiten grenservaring INTIMITEIT</p>")
    assert "<abbr" not in out


def test_code_attributes_and_existing_abbreviations_are_left_alone():
    html = '<p title="intimiteit"><code>intimiteit</code> <abbr title="x">grens</abbr> <pre>grens</pre></p>'
    assert mark(html) == html


def test_explanations_are_escaped_in_the_title():
    out = mark("<p>grens</p>", {"grens": 'Waar "nee" begint & <stopt>'})
    assert 'title="Waar &quot;nee&quot; begint &amp; &lt;stopt&gt;"' in out


def test_easy_read_page_gets_the_easy_explanation_and_english_its_own():
    glossary = Glossary([GlossaryTerm(term="intimiteit", standard="Uitleg over intimiteit", easy="Makkelijke uitleg", en="About intimacy")])
    assert 'title="Makkelijke uitleg"' in glossary.marker("nl", easy_read=True).mark("<p>intimiteit</p>")
    assert 'title="Uitleg over intimiteit"' in glossary.marker("nl").mark("<p>intimiteit</p>")
    assert 'title="About intimacy"' in glossary.marker("en").mark("<p>intimiteit</p>")


def test_an_empty_glossary_changes_nothing():
    assert mark("<p>intimiteit</p>", {}) == "<p>intimiteit</p>"


def test_pictograms_are_inline_svg_from_the_bundled_icon_set():
    svg = icon_svg("heart")
    assert svg.startswith('<span class="twemoji"><svg') and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_icon_placeholders_are_filled_after_rendering():
    from kennisplein.pictograms import fill_icons, placeholder

    html = f"<h2>{placeholder('phone')} Bel ons</h2>"
    assert 'data-kp-icon="phone"></span>' in html
    filled = fill_icons(html)
    assert '<span class="kp-pictogram" aria-hidden="true" data-kp-icon="phone"><span class="twemoji"><svg' in filled
