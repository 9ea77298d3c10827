"""Video files: every bad input is reported as file, line and a message that says what to fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from videos_fixture import line_of, load, make_docs


@pytest.fixture
def docs(tmp_path) -> Path:
    return make_docs(tmp_path)


def video_file(docs: Path) -> Path:
    return docs / "_data" / "videos" / "demo.yml"


def edit(docs: Path, old: str, new: str) -> Path:
    path = video_file(docs)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def messages(index) -> list[str]:
    return [str(p) for p in index.problems]


def test_valid_video_loads_and_links_both_ways(docs):
    index = load(docs)
    assert index.problems == []
    video = index.get("demo")
    assert video.products == ["demo-product"]
    assert [v.slug for v in index.for_product("demo-product")] == ["demo"]
    assert video.meta.seconds == 10 and len(video.cues) == 2
    assert "zeldzaamwoord" in video.transcript


# (case id, old text, new text, line marker (None: the file's first line), expected message part)
CASES = [
    ("missing-captions", "captions: videos/media/demo.vtt\n", "", None, "missing key 'captions'"),
    ("captions-not-found", "captions: videos/media/demo.vtt", "captions: videos/media/weg.vtt", "captions:", "captions: 'videos/media/weg.vtt' not found under docs/"),
    ("captions-not-webvtt", "captions: videos/media/demo.vtt", "captions: videos/media/demo.srt", "captions:", "captions: 'videos/media/demo.srt' must end in .vtt"),
    ("missing-transcript", "transcript:\n  file: _data/videos/demo.transcript.md\n", "", None, "missing key 'transcript'"),
    ("transcript-not-found", "file: _data/videos/demo.transcript.md", "file: _data/videos/weg.md", "file: _data/videos/weg.md", "transcript.file: '_data/videos/weg.md' not found under docs/"),
    ("transcript-published-as-page", "file: _data/videos/demo.transcript.md", "file: videos/demo.md", "file: videos/demo.md", "would be built as a page of its own"),
    ("transcript-file-and-text", "  file: _data/videos/demo.transcript.md\n", "  file: _data/videos/demo.transcript.md\n  text: Dit is de tekst van de video, nog een keer.\n", "transcript:", "transcript: give exactly one of file, text (found file, text)"),
    ("duration-words", "duration: PT0M10S", "duration: 10 seconden", "duration:", "duration: expected an ISO 8601 duration such as PT0M32S"),
    ("duration-empty-period", "duration: PT0M10S", "duration: PT", "duration:", "expected an ISO 8601 duration"),
    ("duration-zero", "duration: PT0M10S", "duration: PT0S", "duration:", "duration: 'PT0S' is no time at all"),
    ("unknown-topic", "topics: [privacy]", "topics: [daten]", "topics:", "topics: 'daten' is not one of: seksualiteit"),
    ("unknown-audience", "audiences: [clienten, naasten]", "audiences: [clienten, ouders]", "audiences:", "audiences: 'ouders' is not one of"),
    ("host-youtube-tracking", "  file: videos/media/demo.webm\n", "  embed: https://www.youtube.com/embed/abcdefghijk\n", "embed:", "source.embed: 'www.youtube.com' sets tracking cookies: use https://www.youtube-nocookie.com/embed/"),
    ("host-not-allowed", "  file: videos/media/demo.webm\n", "  embed: https://video.example.org/v/1\n", "embed:", "source.embed: host 'video.example.org' is not allowed for embedded video"),
    ("vimeo-without-dnt", "  file: videos/media/demo.webm\n", "  embed: https://player.vimeo.com/video/123456\n", "embed:", "lacks dnt=1: add ?dnt=1 so Vimeo does not track the viewer"),
    ("embed-over-http", "  file: videos/media/demo.webm\n", "  embed: http://www.youtube-nocookie.com/embed/abcdefghijk\n", "embed:", "must be an https:// address"),
    ("file-and-embed", "  file: videos/media/demo.webm\n", "  file: videos/media/demo.webm\n  embed: https://www.youtube-nocookie.com/embed/abcdefghijk\n", "source:", "source: give exactly one of file, embed (found file, embed)"),
    ("remote-poster", "poster: videos/media/demo.png", "poster: https://i.ytimg.com/vi/x/hqdefault.jpg", "poster:", "source.poster: 'https://i.ytimg.com/vi/x/hqdefault.jpg' must be a path inside docs/"),
    ("media-under-data", "file: videos/media/demo.webm", "file: _data/videos/demo.webm", "file: _data/videos/demo.webm", "is under _data/, which is not published"),
    ("video-not-a-video", "file: videos/media/demo.webm", "file: videos/media/demo.png", "file: videos/media/demo.png", "must end in .webm, .mp4"),
    ("sign-language-unknown", "credits:", "sign_language:\n  language: asl\n  url: https://example.org/ngt\ncredits:", "language: asl", "sign_language.language: Input should be 'ngt' or 'vgt'"),
    ("sign-language-without-source", "credits:", "sign_language:\n  language: ngt\ncredits:", "sign_language:", "sign_language: give exactly one of file, url"),
    ("audio-description-empty", "credits:", "audio_description:\n  integrated: false\ncredits:", "audio_description:", "audio_description: give exactly one of integrated, file, url"),
    ("related-product-missing", "  - demo-product\n", "  - demo-product\n  - bestaat-niet\n", "- bestaat-niet", "related_products: no product 'bestaat-niet' in docs/producten/"),
    ("unknown-key", "licence: CC0 1.0\n", "licence: CC0 1.0\nlicense: CC0 1.0\n", "license:", "unknown key 'license'"),
    ("bad-date", "uploaded: 2026-11-23", "uploaded: 23-11-2026", "uploaded:", "uploaded: expected a date as YYYY-MM-DD"),
    ("bad-yaml", "title: Een testvideo", "title: [Een testvideo", "summary:", "not valid YAML: did not find expected"),
]


@pytest.mark.parametrize("old, new, marker, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_video_file(docs, old, new, marker, expected):
    path = edit(docs, old, new)
    problems = load(docs).problems
    assert problems, "expected a problem"
    shown = "docs/_data/videos/demo.yml"
    line = line_of(path, marker) if marker else 1
    hits = [p for p in problems if expected in p.message]
    assert hits, messages(load(docs))
    assert hits[0].path == shown
    assert hits[0].line == line, (hits[0], line)


def test_product_naming_a_missing_video_is_located_in_the_product(tmp_path):
    docs = make_docs(tmp_path, product_extra="videos: [demo, bestaat-ook-niet]\n")
    problems = load(docs).problems
    product = docs / "producten" / "demo-product" / "index.md"
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("docs/producten/demo-product/index.md", line_of(product, "videos:"), "videos: no video 'bestaat-ook-niet' in docs/_data/videos/"),
    ]


def test_link_named_only_by_the_product_shows_both_ways(tmp_path):
    docs = make_docs(tmp_path, product_extra="videos: [demo]\n")
    edit(docs, "related_products:\n  - demo-product\n", "")
    index = load(docs)
    assert index.problems == [] and index.get("demo").products == ["demo-product"]


def test_file_name_must_be_a_slug(docs):
    video_file(docs).rename(video_file(docs).with_name("Mijn Video.yml"))
    problems = load(docs).problems
    assert [(p.path, p.message) for p in problems] == [
        ("docs/_data/videos/Mijn Video.yml", "file name 'Mijn Video.yml' must be a slug: lower-case letters, digits and hyphens, ending in .yml"),
    ]


def test_own_host_from_config_is_allowed(docs):
    edit(docs, "  file: videos/media/demo.webm\n", "  embed: https://video.example.org/v/1\n")
    index = load(docs, hosts=("video.example.org",))
    assert index.problems == []
    assert index.get("demo").embed.host == "video.example.org"


def test_vimeo_with_dnt_and_youtube_nocookie_are_allowed(docs):
    edit(docs, "  file: videos/media/demo.webm\n", "  embed: https://player.vimeo.com/video/123456?dnt=1\n")
    assert load(docs).problems == []
    edit(docs, "https://player.vimeo.com/video/123456?dnt=1", "https://www.youtube-nocookie.com/embed/voorbeeld00")
    index = load(docs)
    assert index.problems == [] and index.get("demo").embed.label == "YouTube"


def test_configured_host_must_be_a_host_name(docs):
    problems = load(docs, hosts=("https://video.example.org/",)).problems
    assert any("video_hosts: 'https://video.example.org/' is not a host name" in p.message for p in problems)


def test_caption_problems_come_from_the_caption_file(docs):
    vtt = docs / "videos" / "media" / "demo.vtt"
    vtt.write_text(vtt.read_text(encoding="utf-8").replace("00:00:03.100 --> 00:00:06.000", "00:00:03.100 --> 00:00:02.000"), encoding="utf-8")
    problems = load(docs).problems
    assert [(p.path, p.line) for p in problems] == [("docs/videos/media/demo.vtt", line_of(vtt, "00:00:03.100"))]
    assert problems[0].message == "cue 2 (00:00:03.100 --> 00:00:02.000): ends before it starts"


def test_easy_read_video_gets_the_stricter_reading_speed(docs):
    vtt = docs / "videos" / "media" / "demo.vtt"
    # 21 characters in 1.6 s: 13.1 per second, fine for standard (15), too fast for easy read (12)
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.600\nDit is een testvideo.\n", encoding="utf-8")
    assert load(docs).problems == []
    edit(docs, "level: standaard", "level: makkelijk")
    problems = load(docs).problems
    assert [(p.path, p.line) for p in problems] == [("docs/videos/media/demo.vtt", 3)]
    assert "reading speed 13.1 characters per second is above 12 (easy-read)" in problems[0].message


def test_captions_may_not_run_past_the_video(docs):
    edit(docs, "duration: PT0M10S", "duration: PT0M5S")
    problems = load(docs).problems
    assert [p.message for p in problems] == ["cue 2 (00:00:03.100 --> 00:00:06.000): ends after the video, which lasts 00:00:05.000"]


def test_organisation_copy_leaves_out_videos_it_does_not_offer(docs):
    from types import SimpleNamespace

    org = SimpleNamespace(video_hosts=[], include=SimpleNamespace(audiences=None, topics=["grenzen"], regions=None))
    assert load(docs, organisation=org).videos == []
    org.include.topics = ["privacy"]
    assert [v.slug for v in load(docs, organisation=org).videos] == ["demo"]


def test_video_problems_join_the_projects_problem_list(docs, capsys):
    import shutil

    import cli
    from kennisplein import project
    from videos_fixture import ROOT

    for name in ("ui.yml", "readability.yml", "glossary.yml"):
        if (ROOT / "docs" / "_data" / name).exists():
            shutil.copy(ROOT / "docs" / "_data" / name, docs / "_data" / name)
    edit(docs, "topics: [privacy]", "topics: [daten]")
    loaded = project.load(docs)
    assert loaded.videos.videos == [] and [p for p in loaded.problems if "daten" in p.message]
    assert cli.main(["check", "--docs", str(docs)]) == 1
    assert "docs/_data/videos/demo.yml:5: topics: 'daten' is not one of" in capsys.readouterr().err
