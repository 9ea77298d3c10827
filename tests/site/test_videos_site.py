"""The built video index and video pages, read from the HTML: cards, filters, players, transcripts, JSON-LD."""
from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
VIDEO_FILES = sorted((ROOT / "docs" / "_data" / "videos").glob("*.yml"))
VIDEOS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in VIDEO_FILES}
SELF_HOSTED = [slug for slug, meta in VIDEOS.items() if "file" in meta["source"]]
# The embed example has an invented id: it is a test fixture, built only into `embed_site`.
FIXTURE_VIDEOS = ROOT / "tests" / "fixtures" / "embed-video" / "_data" / "videos"
EMBEDDED = [p.stem for p in sorted(FIXTURE_VIDEOS.glob("*.yml"))]


def resolve(built_site: Path, page: Path, href: str) -> Path:
    """The file a relative link on a built page points at."""
    path = urlsplit(href).path
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), path)))
    return target / "index.html" if href.endswith("/") else target


def test_there_are_self_hosted_videos_and_an_embed_fixture():
    assert len(SELF_HOSTED) >= 3 and EMBEDDED
    assert not [slug for slug, meta in VIDEOS.items() if "embed" in meta["source"]], "no invented embed on the public site"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_lists_every_video_as_a_card(built_site, parse, prefix):
    page = built_site / prefix / "videos" / "index.html"
    doc = parse(page)
    cards = doc.cssselect("[data-kp-video-card]")
    assert len(cards) == len(VIDEOS)
    for card in cards:
        link = card.cssselect(".kp-video-card__title a")[0]
        slug = link.get("href").rstrip("/").split("/")[-1]
        meta = VIDEOS[slug]
        title = meta["en"]["title"] if prefix and "en" in meta else meta["title"]
        assert link.text_content().strip() == title
        assert resolve(built_site, page, link.get("href")).exists()
        poster = card.cssselect("img.kp-video-card__poster")[0]
        assert not poster.get("src").startswith(("http:", "https:", "//")) and poster.get("alt") == ""
        assert resolve(built_site, page, poster.get("src")).exists(), "the poster is a local file"
        time = card.cssselect(".kp-video-card__duration time")[0]
        assert time.get("datetime") == meta["duration"] and ":" in time.text_content()
        assert card.cssselect(".kp-video-card__duration .kp-sr-only")[0].text_content().strip()
        badges = [b.text_content() for b in card.cssselect(".kp-badge")]
        assert len(badges) == len(meta["audiences"]) + 1, "audience badges plus a level badge"
        features = {li.get("data-feature") for li in card.cssselect("[data-feature]")}
        assert {"captions", "transcript"} <= features
        assert ("audio-description" in features) == ("audio_description" in meta)
        assert card.cssselect("[data-feature] svg"), "features have icons"
        assert set(card.get("data-topics").split()) == set(meta["topics"])
        assert set(card.get("data-audiences").split()) == set(meta["audiences"])


def test_index_has_filters_for_topic_audience_and_feature(built_site, parse):
    doc = parse(built_site / "videos" / "index.html")
    form = doc.cssselect("form[data-kp-video-filters]")[0]
    assert form.get("hidden") is not None, "hidden until the script runs, so without JavaScript nothing is filtered away"
    groups = {box.get("name") for box in form.cssselect("input[type=checkbox]")}
    assert groups == {"onderwerp", "doelgroep", "kenmerk"}
    topics = {box.get("value") for box in form.cssselect("input[name=onderwerp]")}
    assert topics == {t for meta in VIDEOS.values() for t in meta["topics"]}
    for box in form.cssselect("input"):
        assert box.getparent().tag == "label", "every checkbox has its label"
    assert doc.cssselect("[data-kp-video-count][role=status]")[0].text_content().strip() == f"{len(VIDEOS)} video's"


def test_videos_are_in_the_navigation(built_site, parse):
    doc = parse(built_site / "index.html")
    hrefs = [a.get("href") for a in doc.cssselect("nav.md-nav--primary a.md-nav__link")]
    assert any(h and h.rstrip("/").endswith("videos") for h in hrefs), hrefs


@pytest.mark.parametrize("slug", SELF_HOSTED)
def test_self_hosted_video_plays_natively_with_captions(built_site, parse, slug):
    page = built_site / "videos" / slug / "index.html"
    doc = parse(page)
    video = doc.cssselect("video")[0]
    assert video.get("controls") is not None and video.get("autoplay") is None
    assert resolve(built_site, page, video.get("poster")).exists()
    source = video.cssselect("source")[0]
    media = resolve(built_site, page, source.get("src"))
    assert media.exists() and source.get("type") == "video/webm"
    track = video.cssselect("track")[0]
    assert track.get("kind") == "captions" and track.get("srclang") == "nl" and track.get("default") is not None
    assert resolve(built_site, page, track.get("src")).read_text(encoding="utf-8").startswith("WEBVTT")
    assert not doc.cssselect("iframe")


@pytest.mark.parametrize("slug", EMBEDDED)
def test_embedded_video_is_a_local_poster_and_a_button(embed_site, parse, slug):
    built_site = embed_site
    page = built_site / "videos" / slug / "index.html"
    doc = parse(page)
    assert not doc.cssselect("iframe"), "no iframe until the reader presses the button"
    box = doc.cssselect("[data-kp-embed]")[0]
    assert urlsplit(box.get("data-kp-embed-src")).hostname == "www.youtube-nocookie.com"
    poster = box.cssselect("img")[0]
    assert resolve(built_site, page, poster.get("src")).exists()
    button = box.cssselect("button[data-kp-embed-load]")[0]
    assert button.text_content().strip() == "Video laden. De video komt van YouTube."
    english = parse(built_site / "en" / "videos" / slug / "index.html")
    assert english.cssselect("button[data-kp-embed-load]")[0].text_content().strip() == "Load video. The video comes from YouTube."


@pytest.mark.parametrize("slug", sorted(VIDEOS))
def test_video_page_text_easy_summary_first_then_transcript(built_site, parse, slug):
    page = built_site / "videos" / slug / "index.html"
    doc = parse(page)
    meta = VIDEOS[slug]
    assert doc.cssselect("h1")[0].text_content().strip() == meta["title"]
    ids = [h.get("id") for h in doc.cssselect(".kp-video-page h2[id]")]
    assert ids.index("in-het-kort") < ids.index("samenvatting") < ids.index("uitgeschreven-tekst")
    easy = doc.cssselect(".kp-video-easy")[0].text_content()
    assert " ".join(easy.split()) == meta["easy_summary"]
    transcript = " ".join(doc.cssselect(".kp-transcript")[0].text_content().split())
    source = (ROOT / "docs" / meta["transcript"]["file"]).read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.strip():
            assert " ".join(line.replace("**", "").split()) in transcript
    download = [a for a in doc.cssselect(".kp-video-links a[download]") if a.get("href").endswith(".vtt")]
    assert download and resolve(built_site, page, download[0].get("href")).exists()


@pytest.mark.parametrize("slug", sorted(VIDEOS))
def test_video_page_has_video_object_metadata(built_site, parse, slug):
    doc = parse(built_site / "videos" / slug / "index.html")
    blocks = [json.loads(s.text) for s in doc.cssselect('script[type="application/ld+json"]')]
    video = next(b for b in blocks if b.get("@type") == "VideoObject")
    meta = VIDEOS[slug]
    assert video["name"] == meta["title"] and video["description"] == " ".join(meta["summary"].split())
    assert video["duration"] == meta["duration"] and video["uploadDate"] == str(meta["uploaded"])
    assert "captions" in video["accessibilityFeature"] and "transcript" in video["accessibilityFeature"]
    assert len(video["transcript"]) > 100
    assert ("embedUrl" in video) == (slug in EMBEDDED)


def test_related_products_link_both_ways(built_site, parse):
    linked = [(slug, product) for slug, meta in VIDEOS.items() for product in meta.get("related_products", [])]
    assert linked, "at least one example video names a related product"
    for slug, product in linked:
        video_page = built_site / "videos" / slug / "index.html"
        hrefs = [a.get("href") for a in parse(video_page).cssselect("[data-kp-video-related] a")]
        assert any(resolve(built_site, video_page, h) == built_site / "producten" / product / "index.html" for h in hrefs)
        product_page = built_site / "producten" / product / "index.html"
        back = [a.get("href") for a in parse(product_page).cssselect("[data-kp-product-videos] .kp-video-card__title a")]
        assert any(resolve(built_site, product_page, h) == video_page for h in back)


def test_english_video_page_marks_the_dutch_transcript(built_site, parse):
    doc = parse(built_site / "en" / "videos" / SELF_HOSTED[0] / "index.html")
    assert doc.getroottree().getroot().get("lang") == "en"
    assert doc.cssselect(".kp-transcript")[0].get("lang") == "nl"


def test_media_is_published_once_and_data_files_are_not(built_site):
    assert (built_site / "videos" / "media").is_dir()
    assert not (built_site / "en" / "videos" / "media").exists(), "the English site reuses the same media"
    assert not list(built_site.rglob("*.transcript.md")) and not (built_site / "_data").exists()
