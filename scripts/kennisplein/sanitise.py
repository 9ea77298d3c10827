"""The one allowlist for HTML rendered from content: what the build publishes and what `make check` explains.

Content (Markdown bodies, transcripts, glossary and help texts, an organisation's
pages) is written by people, soon through a browser editor, so every string is
untrusted. Blocklists lose to parser tricks (``<noscript><p title="</noscript><img
onerror=…>">``); an allowlist applied by a real HTML5 parser does not. The
cleaning is done by nh3 (the Python binding of Rust's ammonia); this module holds
the policy, and ``findings`` says in plain Dutch what the policy would change, so
the content check can tell the editor instead of the text silently losing it.

Allowed is what the site's own Markdown extensions (admonition, attr_list,
md_in_html, tables, toc, fenced_code) and generated pages produce. Media load
only from the site itself; links go within the site or to https, mailto and tel
addresses; no event handlers, no forms, no styles, no frames, no SVG.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

TAGS = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "nav", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title", "role", "hidden", "tabindex",
                               "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"})
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"datetime"},
    "ins": {"datetime"},
    # placeholders the site's own Markdown carries and fills in after sanitising
    "div": {"data-kp-block"},
    "span": {"data-kp-icon"},
}
# what the site's generated pages (help directory filters) add on top; never allowed in an editor's file
# (a form here never has an action or method: those attributes are not on the list)
GENERATED_TAGS = frozenset({"fieldset", "legend", "label", "input", "form", "select", "option", "button"})
GENERATED_ATTRIBUTES = {
    "input": {"type", "name", "value", "data-kp-help-filter"},
    "label": {"for"},
    "fieldset": {"data-kp-help-filters"},
    "li": {"data-audiences"},
    # the professionals' route filter (hubs.route_filter, route-filter.js) and the cards it narrows
    "form": {"data-kp-route-filter"},
    "select": {"name"},
    "option": {"value"},
    "button": {"type"},
    "p": {"data-kp-route-filter-status", "data-one", "data-many", "data-none"},
    "article": {"data-kp-type", "data-kp-region"},
    "a": {"type"},   # the Atom feed's link on "Nieuw en bijgewerkt"
}
INPUT_TYPES = frozenset({"checkbox"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
# a generated page links to another page by its source (kennisplein.hubs.page_link), resolved after sanitising
SITE_LINK_SCHEME = "kp-src"
STYLE_PROPERTIES = frozenset({"text-align"})  # what the tables extension writes for aligned columns
# dropped with everything inside them (ammonia's default)
CONTENT_DROPPED = frozenset({"script", "style"})
ID = re.compile(r"^\w[\w:.-]*$")
PLACEHOLDER_VALUE = re.compile(r"^[a-z0-9-]+$")
CONTROL = re.compile(r"[\x00-\x20\x7f]")

_WHY = {
    "script": "het voert code uit",
    "noscript": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "xmp": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "noembed": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "noframes": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "plaintext": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "template": "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen",
    "textarea": "het is een formulierveld, en een browser leest wat erin staat anders dan deze controle",
    "iframe": "het laadt een andere site in de pagina",
    "frame": "het laadt een andere site in de pagina",
    "object": "het laadt een andere site of code in de pagina",
    "embed": "het laadt een andere site of code in de pagina",
    "applet": "het laadt code in de pagina",
    "form": "een formulier stuurt gegevens van de lezer naar een adres",
    "input": "het is een formulierveld",
    "button": "het is een formulierknop",
    "select": "het is een formulierveld",
    "option": "het is een formulierveld",
    "meta": "het kan de lezer naar een andere site sturen of de pagina veranderen",
    "base": "het verandert waar alle links van de pagina naartoe gaan",
    "link": "het laadt iets van een andere site",
    "style": "opmaak hoort in het thema; een stijlblok kan iets van een andere site laden",
    "svg": "SVG kan code uitvoeren en links veranderen (zoals met <set> en <animate>)",
    "math": "MathML kan code en links bevatten",
    "set": "het verandert een link in code (SVG-animatie)",
    "animate": "het verandert een link in code (SVG-animatie)",
    "video": "zet een video in docs/_data/videos/, dan maakt de site de speler",
    "audio": "audio hoort in een video-bestand in docs/_data/videos/",
}


def _tags(generated: bool) -> frozenset[str]:
    return TAGS | GENERATED_TAGS if generated else TAGS


def _attributes(tag: str, generated: bool) -> set[str]:
    return set(ATTRIBUTES.get(tag, ())) | (GENERATED_ATTRIBUTES.get(tag, set()) if generated else set())


def _policy_attributes(generated: bool) -> dict[str, set[str]]:
    attributes = {tag: _attributes(tag, generated) for tag in _tags(generated)}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)
    return attributes


def url_problem(tag: str, attribute: str, value: str, generated: bool = False) -> str | None:
    """Why this URL may not be published, in plain Dutch, or None when it may."""
    shown = shorten(value)
    cleaned = CONTROL.sub("", html.unescape(value))  # a browser drops tabs and newlines before it reads the scheme
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if scheme in ("javascript", "vbscript", "data", "livescript"):
        return f"'{scheme}:'-adres '{shown}' in <{tag} {attribute}> is niet toegestaan: het voert code uit"
    if attribute == "href" and tag == "a":
        if generated and scheme == SITE_LINK_SCHEME:
            return None
        if scheme and scheme not in LINK_SCHEMES:
            return f"link naar '{shown}' is niet toegestaan: gebruik een pad binnen de site, of een adres dat begint met https://, mailto: of tel:"
        if not scheme and (parts.netloc or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))):
            return f"link naar '{shown}' is niet toegestaan: schrijf het adres voluit met https://"
        return None
    if scheme or parts.netloc or cleaned.startswith(("//", "\\")):
        return f"<{tag} {attribute}=\"{shown}\"> laadt iets van een andere site: zet het bestand op de site zelf en verwijs ernaar met een pad zoals media/foto.png"
    return None


def attribute_problem(tag: str, attribute: str, value: str, generated: bool = False) -> str | None:
    """Why this attribute may not be published, or None when it may."""
    if attribute.startswith("on"):
        return f"attribuut '{attribute}' op <{tag}> is niet toegestaan: het voert code uit"
    if attribute not in GLOBAL_ATTRIBUTES and attribute not in _attributes(tag, generated):
        if attribute in ("style",):
            return f"attribuut 'style' op <{tag}> is niet toegestaan: opmaak hoort in het thema"
        return f"attribuut '{attribute}' op <{tag}> is niet toegestaan; haal het weg"
    if attribute in URL_ATTRIBUTES:
        return url_problem(tag, attribute, value, generated)
    if attribute == "id" and (not ID.match(value) or value.startswith("__")):
        return f"id '{shorten(value)}' op <{tag}> is niet toegestaan: gebruik alleen letters, cijfers en streepjes, en niet twee liggende streepjes vooraan"
    if attribute in ("data-kp-block", "data-kp-icon") and not PLACEHOLDER_VALUE.match(value):
        return f"attribuut '{attribute}' op <{tag}> heeft een waarde die de site niet maakt"
    if tag == "input" and attribute == "type" and value.lower() not in INPUT_TYPES:
        return f"<input type=\"{shorten(value)}\"> is niet toegestaan"
    if attribute == "style" and not _only_text_align(value):
        return f"attribuut 'style' op <{tag}> is niet toegestaan: alleen 'text-align' (van een Markdown-tabel) mag"
    return None


def _only_text_align(style: str) -> bool:
    declarations = [d for d in style.split(";") if d.strip()]
    return all(re.fullmatch(r"\s*text-align\s*:\s*(left|right|center)\s*", d, re.I) for d in declarations)


def element_problem(tag: str, generated: bool = False) -> str | None:
    if tag in _tags(generated):
        return None
    why = _WHY.get(tag)
    if why is None:
        return f"<{tag}> is niet toegestaan in de tekst; haal het weg"
    return f"<{tag}> is niet toegestaan in de tekst: {why}"


@lru_cache(maxsize=2)
def _cleaner(generated: bool) -> nh3.Cleaner:
    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        return None if attribute_problem(tag, attribute, value, generated) else value

    return nh3.Cleaner(
        tags=set(_tags(generated)),
        clean_content_tags=set(CONTENT_DROPPED),
        attributes=_policy_attributes(generated),
        attribute_filter=attribute_filter,
        url_schemes=set(LINK_SCHEMES) | ({SITE_LINK_SCHEME} if generated else set()),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
    )


def clean(fragment: str, generated: bool = False) -> str:
    """``fragment`` with everything outside the allowlist taken out (nh3 parses it as a browser would).

    ``generated``: a page the site makes from data (it may carry the help directory's filter)."""
    return _cleaner(generated).clean(fragment)


def shorten(value: str, limit: int = 60) -> str:
    """An untrusted value as it may appear in a message: one line, visible control characters, not too long."""
    shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class Finding:
    """One construct the sanitiser would change: what it is (a needle to find it in the source) and why."""

    __slots__ = ("needles", "message")

    def __init__(self, needles: tuple[str, ...], message: str):
        self.needles, self.message = needles, message

    def __repr__(self) -> str:
        return f"Finding({self.needles!r}, {self.message!r})"


class _Walker(HTMLParser):
    """Reads rendered HTML and notes every element, attribute and URL the policy refuses.

    Inside an element the policy drops entirely (script, style) or that browsers read
    as raw text (noscript, xmp, textarea, ...), only the element itself is reported:
    what follows it is not looked at as markup by this parser, but the element alone
    is enough for the editor to see what to remove."""

    def __init__(self, generated: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.generated = generated

    def handle_starttag(self, tag, attrs):
        problem = element_problem(tag, self.generated)
        if problem:
            self.findings.append(Finding((f"<{tag}",), problem))
            if tag in ("noscript", "xmp", "noembed", "noframes", "textarea", "plaintext", "title", "iframe"):
                self.set_cdata_mode(tag)  # browsers read these as raw text: report the element, not its contents
            return
        for name, value in attrs:
            problem = attribute_problem(tag, name, value or "", self.generated)
            if problem:
                self.findings.append(Finding((value or "", name, f"<{tag}"), problem))
        if tag == "img":
            alt = dict(attrs).get("alt")
            src = dict(attrs).get("src") or ""
            if alt is None or not alt.strip():
                self.findings.append(Finding((src, "<img", "!["), f"afbeelding '{shorten(src)}' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat]({shorten(src)}) of in HTML alt=\"…\""))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        pass  # comments are dropped silently: an editor's note is not an error

    def unknown_decl(self, data):
        self.findings.append(Finding(("<!",), "'<![…]>' is niet toegestaan in de tekst; haal het weg"))


def findings(fragment: str, generated: bool = False) -> list[Finding]:
    """Everything in ``fragment`` (rendered HTML) that ``clean`` would change, with a reason in plain Dutch."""
    walker = _Walker(generated)
    walker.feed(fragment)
    walker.close()
    return walker.findings
