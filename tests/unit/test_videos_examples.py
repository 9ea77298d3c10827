"""The committed explainer clips: small, 20-40 seconds, honestly credited (a computer voice, no
real people, nothing about build scripts), and searchable."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kennisplein import project
from kennisplein.videos import duration, search_documents

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "docs" / "_data" / "videos").glob("*.yml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_example_media_is_small_and_labelled(path):
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert 20 <= duration.parse(meta["duration"]) <= 40
    credits = meta["credits"].lower()
    assert "computerstem" in credits and "geen echte mensen" in credits
    assert "scripts/" not in credits and "voorbeeld" not in credits
    media = [meta["source"]["poster"], meta["captions"]] + ([meta["source"]["file"]] if "file" in meta["source"] else [])
    for rel in media:
        assert (ROOT / "docs" / rel).stat().st_size < 1_000_000, rel
    if "file" in meta["source"]:
        assert "espeak-ng" in meta["credits"]


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "_data" / "videos").glob("*.transcript.md")), ids=lambda p: p.stem)
def test_transcripts_do_not_present_the_clip_as_an_announced_video_series(path):
    text = path.read_text(encoding="utf-8").lower()
    assert "voorbeeldvideo" not in text and "voorbeeld van" not in text


def test_search_documents_carry_the_transcript():
    loaded = project.load(ROOT / "docs")
    for language, prefix in (("nl", ""), ("en", "en/")):
        records = {r["src"]: r for r in search_documents(loaded, language)}
        assert len(records) == len(FILES)
        privacy = records["videos/privacy.md"]
        assert privacy["url"] == prefix + "videos/privacy/"
        assert "kloppen eerst aan" in privacy["transcript"], "a phrase that occurs only in the transcript"
        assert privacy["topics"] == ["privacy"] and privacy["level"] == "makkelijk" and privacy["region"] == "algemeen"
        assert privacy["language"] == language and privacy["transcript_language"] == "nl"
        assert set(privacy) >= {"url", "title", "summary", "transcript", "audiences", "topics", "region", "language", "level"}


def test_offline_copy_carries_captions_inline():
    """From file:// browsers refuse a caption file, so the offline copy puts the captions in the page."""
    import base64

    from kennisplein.videos import context

    loaded = project.load(ROOT / "docs")
    online = context.context(loaded, "videos/privacy.md", "nl", loaded.ui["nl"], lambda src: "../" + src)["kp_video"]
    assert online["track_src"] == online["captions_url"] == "../videos/media/privacy.vtt"
    offline = context.context(loaded, "videos/privacy.md", "nl", loaded.ui["nl"], lambda src: src, inline_captions=True)["kp_video"]
    prefix = "data:text/vtt;base64,"
    assert offline["track_src"].startswith(prefix)
    assert base64.b64decode(offline["track_src"][len(prefix):]) == (ROOT / "docs" / "videos" / "media" / "privacy.vtt").read_bytes()
    assert offline["captions_url"] == "videos/media/privacy.vtt", "the download link stays a file"
