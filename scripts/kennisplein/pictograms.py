"""Pictograms for readers who lean on pictures: beside the headings of easy-read pages and
beside the links of the site navigation.

Icons come from the theme's bundled Material Design set, so nothing is downloaded; the engine
wiring says where that set is (``use_icons``), so the core does not import the theme. The
Markdown carries an empty placeholder (``<span data-kp-icon="heart"></span>``) and
``fill_icons`` puts the inline SVG into the rendered HTML: the emoji extension that turns
``:material-heart:`` shortcodes into SVG cost a fifth of the Markdown time of every page,
and long SVG markup in the Markdown made the raw-HTML parsing slower still. A heading gets the first icon whose
words occur in it, or a neutral "information" icon; the icon is hidden from screen readers,
because the heading text says the same.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

DEFAULT_ICON = "information-outline"
# (icon, words that start a word in the heading), in order of precedence; Dutch and English.
HEADING_ICONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phone", ("bel", "telefoon", "call", "phone")),
    ("hand-heart", ("hulp", "help", "terecht", "steun", "support")),
    ("hand-back-right", ("grens", "grenz", "nee ", "stop", "boundar", "no ")),
    ("shield-check", ("veilig", "privacy", "geheim", "safe", "secret")),
    ("scale-balance", ("wet", "regel", "recht", "mag ", "law", "rule", "right")),
    ("chat", ("praat", "praten", "vertel", "zeg", "gesprek", "talk", "tell", "say")),
    ("heart", ("liefde", "verliefd", "relatie", "seks", "intiem", "intimiteit", "love", "relationship", "sex", "intima")),
    ("account-group", ("wie ", "wie?", "who ", "who?", "assistent", "mensen", "people")),
    ("help-circle-outline", ("wat is", "wat zijn", "what is", "what are", "wat betekent", "what does")),
    ("lightbulb-on-outline", ("hoe", "tip", "kies", "keuze", "doen", "how", "choose", "choice", "what can")),
    ("book-open-variant", ("lees meer", "meer weten", "read more", "more about")),
)
# Navigation icons for the pages in the site navigation, by source path (language suffix removed).
NAV_ICONS = {
    "index.md": "material/home",
    "naasten.md": "material/account-heart",
    "professionals.md": "material/briefcase-account",
    "clienten.md": "material/account-voice",
    "onderwerpen/index.md": "material/tag-multiple",
    "soorten/index.md": "material/shape",
    "begrippen.md": "material/book-alphabet",
    "videos/index.md": "material/video",
    "hulp/index.md": "material/hand-heart",
    "hulp/makkelijk.md": "material/hand-heart",
}
HEADING = re.compile(r"^(?P<hashes>#{2,3})[ \t]+(?P<text>.+?)[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")


_icon_folder: Path | None = None  # the theme's Material Design icons; set by the engine wiring


def use_icons(folder: Path) -> None:
    """Where the theme's Material Design icons are (one SVG file per icon name)."""
    global _icon_folder
    if folder != _icon_folder:
        _icon_folder = folder
        icon_svg.cache_clear()


@functools.cache
def icon_svg(icon: str) -> str:
    """Inline SVG of a bundled Material Design icon, wrapped like the theme's own icon markup."""
    if _icon_folder is None:
        raise RuntimeError("pictograms.use_icons(folder) was not called: the engine wiring says where the theme's icons are")
    svg = (_icon_folder / f"{icon}.svg").read_text(encoding="utf-8").strip()
    return f'<span class="twemoji">{svg}</span>'


def placeholder(icon: str, css_class: str = "kp-pictogram") -> str:
    return f'<span class="{css_class}" aria-hidden="true" data-kp-icon="{icon}"></span>'


PLACEHOLDER = re.compile(r'data-kp-icon="(?P<icon>[a-z0-9-]+)"></span>')


def fill_icons(html: str) -> str:
    """Rendered HTML with every icon placeholder holding its SVG."""
    if "data-kp-icon" not in html:
        return html
    return PLACEHOLDER.sub(lambda m: f'data-kp-icon="{m.group("icon")}">{icon_svg(m.group("icon"))}</span>', html)


def icon_for(heading: str) -> str:
    text = " " + re.sub(r"\s+", " ", heading.lower()) + " "
    for icon, words in HEADING_ICONS:
        if any(" " + word in text for word in words):
            return icon
    return DEFAULT_ICON


def decorate_headings(markdown: str) -> str:
    """Put a pictogram before every level-2 and level-3 ATX heading outside code blocks."""
    fences = [m.span() for m in FENCE.finditer(markdown)]

    def replace(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in fences) or "kp-pictogram" in match.group("text"):
            return match.group(0)
        icon = icon_for(match.group("text"))
        return f'{match.group("hashes")} {placeholder(icon)} {match.group("text")}'

    return HEADING.sub(replace, markdown)


def nav_icon(src: str) -> str | None:
    """The navigation icon for a page, e.g. 'material/home' for index.md or index.en.md."""
    return NAV_ICONS.get(LANGUAGE_SUFFIX.sub(".md", src))
