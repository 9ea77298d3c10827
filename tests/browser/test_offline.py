"""The offline ZIP: unpacked and opened from file:// it navigates, switches versions
and shows the glossary, with no server and no network."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import organisation_build  # noqa: E402
from searching import first_result_from_file  # noqa: E402


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    config, _ = organisation_build.prepare_upstream(out)
    archive = organisation_build.offline_zip(config, config.parent, "kennisplein")
    assert archive is not None and archive.exists()
    unpacked = out / "usb-stick"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    return unpacked


def test_offline_copy_navigates_from_file_urls(page, offline_root):
    page.goto((offline_root / "index.html").as_uri())
    page.get_by_role("link", name="Voor naasten").first.click()
    assert page.url.endswith("/naasten.html")
    page.locator("article.kp-card h3 a").first.click()
    assert page.url.endswith("/index.html") and "/producten/" in page.url
    page.locator("[data-kp-version-switch] a[data-level=makkelijk]").click()
    page.wait_for_url("**/makkelijk.html")
    page.wait_for_load_state()  # the URL changes when the navigation commits, before the new page is parsed
    assert page.locator(".kp-easy-read").count() == 1
    assert page.foreign_requests == []


def test_offline_copy_has_glossary_and_help(page, offline_root):
    for name in ("begrippen.html", "hulp/index.html", "onderwerpen/index.html"):
        page.goto((offline_root / name).as_uri())
        assert page.locator("h1").count() >= 1
    assert page.foreign_requests == []


def test_offline_copy_searches(page, offline_root):
    errors: list[str] = []
    first = first_result_from_file(page, offline_root, "grenzen", errors)
    assert first.get_attribute("href").endswith(".html")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.locator("h1").count() == 1
    assert errors == [] and page.foreign_requests == []


def test_offline_video_shows_its_captions(page, offline_root):
    """Browsers refuse a <track> from file://, so the offline copy carries the captions inline."""
    page.goto((offline_root / "videos" / "privacy.html").as_uri())
    page.wait_for_function("document.querySelector('video') && document.querySelector('video').textTracks.length > 0")
    page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.currentTime = 5; }")
    page.wait_for_function("(() => { const t = document.querySelector('video').textTracks[0];"
                           " return t.mode === 'showing' && t.cues && t.cues.length > 0; })()")
    assert page.locator(".kp-transcript").count() == 1
    assert page.foreign_requests == []
