"""Page weight: what a phone downloads for a page, cold cache, through the shipped nginx
configuration (gzip on). The target is 100 kB for a product page; every ordinary page type
is held to it here. Bytes, not time: the count does not depend on the machine's load
(the timings are in `make bench`)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

TARGET_KB = 100

# Every page type a reader meets before searching: the search page loads its index only when
# asked, the video index its posters (measured in `make bench`, not held to this target).
PAGES = [
    "",
    "naasten/",
    "professionals/",
    "clienten/",
    "producten/grenzen-aangeven-en-respecteren/",
    "producten/grenzen-aangeven-en-respecteren/makkelijk/",
    "producten/praten-over-intimiteit-met-je-naaste/",
    "hulp/",
    "hulp/makkelijk/",
    "begrippen/",
    "nieuw/",
    "toegankelijkheid/",
    "en/",
    "en/producten/grenzen-aangeven-en-respecteren/",
]


def transferred(browser, url: str) -> tuple[float, list[str], list[str]]:
    """kB transferred (bodies as sent plus headers) for one cold page load, the URLs it
    requested, and those on another host."""
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total = 0
    for response in responses:
        sizes = response.request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    own = urlparse(url).netloc
    urls = [r.url for r in responses]
    context.close()
    return total / 1000, urls, [u for u in urls if urlparse(u).netloc != own]


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_under_the_weight_target(browser, nginx_url, path):
    kb, urls, foreign = transferred(browser, nginx_url + path)
    assert not foreign, f"requests to other hosts: {foreign}"
    assert kb <= TARGET_KB, f"/{path}: {kb:.1f} kB transferred in {len(urls)} requests (target {TARGET_KB} kB): {urls}"


def test_the_sites_own_files_are_one_minified_script_and_one_style_sheet(browser, nginx_url):
    _, urls, _ = transferred(browser, nginx_url + PAGES[4])
    own_scripts = [u for u in urls if "/assets/javascripts/" in u and "/bundle." not in u]
    own_sheets = [u for u in urls if "/assets/stylesheets/" in u and "/main." not in u and "/palette." not in u]
    assert len(own_scripts) == 1 and ".min.js" in own_scripts[0], own_scripts
    assert len(own_sheets) == 1 and ".min.css" in own_sheets[0], own_sheets
