"""Glossary terms in rendered HTML: explained once per page, reachable by keyboard, never inside a link's focus."""
from kennisplein.glossary import focusable_terms
from kennisplein.pictograms import icon_svg

TERM = '<abbr title="Uitleg over intimiteit">intimiteit</abbr>'


def test_first_use_is_explained_and_focusable_later_uses_are_plain_text():
    html = f"<p>{TERM} en nog eens {TERM}.</p><p>{TERM}</p>"
    out = focusable_terms(html)
    assert out.count("<abbr") == 1
    assert out.startswith('<p><abbr tabindex="0" title="Uitleg over intimiteit">intimiteit</abbr> en nog eens intimiteit.')


def test_term_inside_a_link_keeps_hover_but_gets_no_focus_stop_and_is_not_the_first_use():
    html = f'<p><a href="x/">over {TERM}</a> en {TERM}</p>'
    out = focusable_terms(html)
    assert '<a href="x/">over <abbr title="Uitleg over intimiteit">intimiteit</abbr></a>' in out
    assert out.endswith('en <abbr tabindex="0" title="Uitleg over intimiteit">intimiteit</abbr></p>')


def test_easy_read_page_gets_the_easy_explanation():
    out = focusable_terms(f"<p>{TERM}</p>", {"Uitleg over intimiteit": "Makkelijke uitleg"})
    assert out == '<p><abbr tabindex="0" title="Makkelijke uitleg">intimiteit</abbr></p>'


def test_each_distinct_term_is_explained_once():
    other = '<abbr title="Uitleg over grens">grens</abbr>'
    out = focusable_terms(f"<p>{TERM} {other} {TERM} {other}</p>")
    assert out.count('tabindex="0"') == 2


def test_pictograms_are_inline_svg_from_the_bundled_icon_set():
    svg = icon_svg("heart")
    assert svg.startswith('<span class="twemoji"><svg') and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_icon_placeholders_are_filled_after_rendering():
    from kennisplein.pictograms import fill_icons, placeholder

    html = f"<h2>{placeholder('phone')} Bel ons</h2>"
    assert 'data-kp-icon="phone"></span>' in html
    filled = fill_icons(html)
    assert '<span class="kp-pictogram" aria-hidden="true" data-kp-icon="phone"><span class="twemoji"><svg' in filled
