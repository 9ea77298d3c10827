"""The committed example videos: small, 20-40 seconds, clearly labelled examples, and searchable."""
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
    assert "voorbeeld" in meta["credits"].lower()
    media = [meta["source"]["poster"], meta["captions"]] + ([meta["source"]["file"]] if "file" in meta["source"] else [])
    for rel in media:
        assert (ROOT / "docs" / rel).stat().st_size < 1_000_000, rel
    if "file" in meta["source"]:
        assert "espeak-ng" in meta["credits"]


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
