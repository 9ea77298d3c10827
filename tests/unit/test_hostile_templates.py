"""The project's own templates with hostile strings in every value they are given (hypothesis):
the real template contexts of a product page, the video index and a video page, with every string
replaced or extended, rendered with the build's escaping. Nothing may come out as an element with
an on* attribute, a script, a script URL or a reference to another host (issue #13, class 1)."""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import project, sanitise  # noqa: E402
from kennisplein.product_page import product_context  # noqa: E402
from kennisplein.videos import context as video_context  # noqa: E402
from mkdocs_wiring import hooks  # noqa: E402

MATERIAL = Path(jinja2.__file__).parents[1] / "material" / "templates"
HOSTILE = st.sampled_from([
    '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "</script><script>alert(1)</script>",
    "' onmouseover='alert(1)", "https://evil.example/x.js", "//evil.example/x", "\x00", '"', "'", "x" * 3000,
    "<svg onload=alert(1)>", "{{ 7*7 }}", "&lt;script&gt;",
])
TEMPLATES = {
    "product": ["components/version-switch.html", "components/help-short.html", "components/product-videos.html",
                "components/product-meta.html", "components/translation-notice.html", "components/read-aloud.html",
                "components/quick-exit.html", "partials/logo.html"],
    "video": ["components/video-page.html"],
    "index": ["components/video-index.html"],
}


@pytest.fixture(scope="module")
def env():
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ROOT / "overrides"), str(MATERIAL)]))
    environment.autoescape = hooks._own_template
    environment.filters["kp_clean"] = lambda value: Markup(sanitise.clean(str(value or ""), generated=True))
    environment.filters["url"] = lambda value: value
    return environment


@pytest.fixture(scope="module")
def contexts():
    loaded = project.load(ROOT / "docs", with_readability=False)
    ui = loaded.ui["nl"]

    def url_for(src):
        return "../" + src.replace(".md", "/")

    product = "producten/grenzen-aangeven-en-respecteren/index.md"
    base = {"ui": ui, "base_url": "..", "easy": False, "target": "https://www.buienradar.nl/"}
    return {
        "product": {**base, "kp": product_context(loaded, product, "nl", ui, url_for)},
        "video": {**base, **video_context.context(loaded, "videos/grenzen.md", "nl", ui, url_for)},  # the embed example lives in tests/fixtures
        "index": {**base, **video_context.context(loaded, "videos/index.md", "nl", ui, url_for)},
    }


# addresses, codes and icon names the site makes itself (url_for, vocabulary keys) or that the schema
# has parsed and checked already (HttpUrl, the embed check in kennisplein.videos.hosts): not free text
# from a data file. The JSON-LD goes out through tojson, which escapes < > & and quotes.
ADDRESS_KEYS = re.compile(r"(^|_)(url|src|poster|iso|captions|file|embed|host|icon|key|lang|language|kind|srclang|level|id|jsonld)$", re.I)


class Hostile:
    """Every free-text string of a context, replaced by or followed by a hostile one, in turn."""

    def __init__(self, payloads: list[str], replace: bool):
        self.payloads, self.replace, self.count = payloads, replace, 0

    def __call__(self, value, key: str = ""):
        if isinstance(value, dict):
            return {k: (v if ADDRESS_KEYS.search(str(k)) else self(v, str(k))) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v, key) for v in value]
        if isinstance(value, str):
            self.count += 1
            payload = self.payloads[self.count % len(self.payloads)]
            return payload if self.replace else value + payload
        return value


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "base", "meta", "style") and not (tag == "script" and dict(attrs).get("type", "").endswith("json")):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            if name in ("href", "src", "poster", "action", "data-kp-embed-src") and url.startswith(("javascript", "vbscript", "data:")):
                self.bad.append(f"<{tag} {name}={value}>")
            if name in ("src", "poster") and ("://" in url or url.startswith("//")):
                self.bad.append(f"<{tag} {name}={value}> (another host)")

    def handle_data(self, data):
        if "49" in data and "{{" not in data and "7*7" in data:
            self.bad.append("a value was rendered as a template")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(TEMPLATES)), replace=st.booleans(), data=st.data())
def test_hostile_values_never_become_markup(env, contexts, kind, replace, data):
    context = Hostile(data.draw(st.lists(HOSTILE, min_size=1, max_size=5)), replace)(contexts[kind])
    context["ui"] = SimpleNamespace(**context["ui"]) if isinstance(context["ui"], dict) else context["ui"]
    title = data.draw(HOSTILE)
    context["page"] = SimpleNamespace(title=Markup.escape(title), meta={"title": Markup.escape(title)})
    context["config"] = SimpleNamespace(theme=SimpleNamespace(logo="assets/logo.svg"), extra={"logo_alt": data.draw(HOSTILE)})
    for name in TEMPLATES[kind]:
        try:
            out = env.get_template(name).render(context)
        except (KeyError, IndexError, ValueError):  # a broken format string: the ui schema refuses those (class 5)
            continue
        scan = _Scan()
        scan.feed(out)
        assert scan.bad == [], f"{name}: {scan.bad}"
        assert "alert(1)</script>" not in out.replace("&lt;/script&gt;", "")
