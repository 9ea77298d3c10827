"""The video index in headless Chromium: filtering by keyboard with the choice in the URL, a self-hosted
clip playing with captions showing, and an embed that contacts its host only after the button is pressed."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from kennisplein.videos import captions

CARDS = "[data-kp-video-card]"


def serve_byte_ranges(page, site_dir):
    """Answer media requests with byte ranges, as any real web server does: the test server
    (http.server) cannot, and without ranges Chromium will not seek in a video."""
    def handle(route):
        data = (site_dir / urlparse(route.request.url).path.lstrip("/")).read_bytes()
        headers = {"Accept-Ranges": "bytes", "Content-Type": "video/webm"}
        match = re.match(r"bytes=(\d+)-(\d*)", route.request.headers.get("range", ""))
        if not match:
            return route.fulfill(status=200, headers=headers, body=data)
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else len(data) - 1
        headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
        route.fulfill(status=206, headers=headers, body=data[start:end + 1])

    page.route("**/videos/media/*.webm", handle)


def visible_slugs(page) -> list[str]:
    return page.eval_on_selector_all(
        CARDS, "cards => cards.filter(c => !c.hidden).map(c => c.querySelector('h2 a').getAttribute('href').replace(/\\/$/, '').split('/').pop())")


def test_filter_the_index_by_keyboard_and_url(page, base_url):
    page.goto(base_url + "videos/")
    total = page.locator(CARDS).count()
    assert total >= 3 and page.locator("[data-kp-video-filters]").is_visible()
    status = page.locator("[data-kp-video-count]")
    assert status.inner_text() == f"{total} video's"

    privacy = page.get_by_role("checkbox", name="Privacy")
    privacy.focus()
    page.keyboard.press("Space")
    assert privacy.is_checked()
    assert visible_slugs(page) == ["privacy"]
    assert status.inner_text() == "1 video"
    assert parse_qs(urlparse(page.url).query) == {"onderwerp": ["privacy"]}

    page.keyboard.press("Space")  # untick: every video again
    assert len(visible_slugs(page)) == total and urlparse(page.url).query == ""

    page.goto(base_url + "videos/?kenmerk=audio-description&doelgroep=professionals")
    assert page.get_by_role("checkbox", name="Audiodescriptie").is_checked()
    assert visible_slugs(page) == ["grenzen"], "features and audiences combine: both must match"

    page.get_by_role("checkbox", name="Naasten").check()
    assert sorted(visible_slugs(page)) == ["grenzen", "privacy", "vriendschap"], "within a group any ticked value matches"

    page.get_by_role("button", name="Laat alle video's zien").press("Enter")
    # with three clips every card is already visible here: wait for the reset itself (the URL)
    page.wait_for_function("location.search === '' && document.querySelectorAll('[data-kp-video-card]:not([hidden])').length === %d" % total)
    assert urlparse(page.url).query == ""

    page.get_by_role("link", name="Vriendschap").click()
    page.wait_for_url("**/videos/vriendschap/")
    assert page.foreign_requests == [], page.foreign_requests


def test_self_hosted_clip_plays_with_captions_showing(page, base_url, site_dir):
    serve_byte_ranges(page, site_dir)
    page.goto(base_url + "videos/privacy/")
    page.wait_for_function("document.querySelector('video').readyState >= 1")
    page.evaluate("""() => {
        const video = document.querySelector('video');
        video.muted = true;
        return video.play().catch(() => null);
    }""")
    page.wait_for_function("document.querySelector('video').textTracks[0].mode === 'showing'")
    # seek into the middle of one cue and wait for it to become the active cue
    cues = [c for c in captions.parse((site_dir / "videos/media/privacy.vtt").read_text(encoding="utf-8"), "privacy.vtt")[0]]
    target = next(c for c in cues if c.text == "Je kamer is jouw plek.")
    middle = round((target.start + target.end) / 2, 2)
    page.evaluate("t => { const v = document.querySelector('video'); v.pause(); v.currentTime = t; }", middle)
    page.wait_for_function("t => Math.abs(document.querySelector('video').currentTime - t) < 0.1", arg=middle)
    page.wait_for_function("(() => { const t = document.querySelector('video').textTracks[0]; return t.activeCues && t.activeCues.length > 0; })()")
    cue = page.evaluate("document.querySelector('video').textTracks[0].activeCues[0].text")
    assert cue == target.text
    assert page.evaluate("document.querySelector('video').textTracks[0].kind") == "captions"
    assert page.evaluate("document.querySelector('video').duration") > 20
    assert page.foreign_requests == [], page.foreign_requests


def test_embedded_video_contacts_its_host_only_after_the_button(browser, embed_base_url):
    # the embed is a test fixture (tests/fixtures/embed-video): it is never published
    base_url = embed_base_url
    context = browser.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).netloc not in (urlparse(base_url).netloc, "") and urlparse(r.url).scheme.startswith("http") else None)
    page.foreign_requests = foreign
    own = urlparse(base_url).netloc
    # the host is not reachable from the tests; answer nothing rather than wait for the network
    page.route(lambda url: urlparse(url).netloc not in (own, ""), lambda route: route.abort())
    page.goto(base_url + "videos/ingesloten-testvideo/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("iframe").count() == 0
    assert page.foreign_requests == [], "an unclicked embed makes zero requests to other hosts"
    poster = page.locator("[data-kp-embed] img")
    assert urlparse(poster.evaluate("img => img.currentSrc")).netloc == own

    button = page.get_by_role("button", name="Video laden. De video komt van YouTube.")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator("iframe.kp-embed__frame")
    assert frame.count() == 1
    src = frame.get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/voorbeeld00")
    assert frame.get_attribute("title").startswith("Video: ")
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'IFRAME'")
    assert all(urlparse(u).hostname == "www.youtube-nocookie.com" for u in page.foreign_requests), page.foreign_requests
    context.close()
