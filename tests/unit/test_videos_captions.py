"""Caption checks beyond parsing: each fault names the file, the cue's line, its number and its times."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplein.videos import captions, duration

ROOT = Path(__file__).resolve().parents[2]
GOOD = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nHallo, dit is de eerste zin.\n\n2\n00:00:04.500 --> 00:00:08.000\nEn dit is de tweede zin,\nop twee regels.\n"


def check(tmp_path: Path, text: str, easy_read: bool = False, seconds: float | None = None):
    path = tmp_path / "demo.vtt"
    path.write_text(text, encoding="utf-8")
    return captions.check_file(path, "videos/media/demo.vtt", easy_read, seconds)


def test_good_captions_pass(tmp_path):
    cues, problems = check(tmp_path, GOOD, easy_read=True, seconds=8)
    assert problems == []
    assert [(c.number, c.line, c.start, c.end) for c in cues] == [(1, 4, 1.0, 4.0), (2, 8, 4.5, 8.0)]
    assert cues[1].text == "En dit is de tweede zin,\nop twee regels."


# (case id, captions text, (line, message) expected)
CASES = [
    ("no-header", "00:00:01.000 --> 00:00:02.000\nHoi\n", 1, "not a WebVTT file: the first line must be 'WEBVTT'"),
    ("empty-file", "", 1, "not a WebVTT file"),
    ("comma-timestamp", "WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nHoi\n", 3,
     "cue 1: timing '00:00:01,000 --> 00:00:02.000' is not 'hh:mm:ss.ttt --> hh:mm:ss.ttt'"),
    ("short-timestamp", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHoi\n\n0:03.5 --> 00:00:05.000\nDaar\n", 6,
     "cue 2: timing '0:03.5 --> 00:00:05.000' is not"),
    ("seconds-past-59", "WEBVTT\n\n00:00:01.000 --> 00:00:61.000\nHoi daar\n", 3,
     "cue 1: '00:00:61.000' is not a real time: minutes and seconds go up to 59"),
    ("end-before-start", "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nHoi\n", 3,
     "cue 1 (00:00:05.000 --> 00:00:04.000): ends before it starts"),
    ("zero-length", "WEBVTT\n\n00:00:05.000 --> 00:00:05.000\nHoi\n", 3,
     "cue 1 (00:00:05.000 --> 00:00:05.000): ends when it starts: it is never shown"),
    ("overlap", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nEen zin.\n\n00:00:03.500 --> 00:00:06.000\nNog een zin.\n", 6,
     "cue 2 (00:00:03.500 --> 00:00:06.000): overlaps cue 1, which ends at 00:00:04.000"),
    ("out-of-order", "WEBVTT\n\n00:00:05.000 --> 00:00:08.000\nEen zin.\n\n00:00:01.000 --> 00:00:04.000\nNog een zin.\n", 6,
     "cue 2 (00:00:01.000 --> 00:00:04.000): starts before cue 1 (00:00:05.000): cues must be in time order"),
    ("line-too-long", "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nDeze regel is precies drieënveertig tekens.\n", 3,
     "cue 1 (00:00:01.000 --> 00:00:05.000): line 1 has 43 characters; at most 42"),
    ("three-lines", "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\nEen\ntwee\ndrie\n", 3,
     "cue 1 (00:00:01.000 --> 00:00:06.000): has 3 lines; at most 2"),
    ("too-fast", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDeze zin is veel te snel weg.\n", 3,
     "cue 1 (00:00:01.000 --> 00:00:02.000): reading speed 29.0 characters per second is above 15: show it at least 1.9 s or shorten the text"),
    ("no-text", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i></i>\n", 3, "cue 1 (00:00:01.000 --> 00:00:02.000): has no text"),
    ("no-cues", "WEBVTT\n\nNOTE alleen een opmerking\n", None, "has no cues"),
]


@pytest.mark.parametrize("text, line, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_captions(tmp_path, text, line, expected):
    _, problems = check(tmp_path, text)
    hits = [p for p in problems if expected in p.message]
    assert hits, [str(p) for p in problems]
    assert hits[0].path == "videos/media/demo.vtt" and hits[0].line == line


def test_markup_does_not_count_towards_line_length(tmp_path):
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Sam><i>Deze regel telt zonder opmaak mee.</i></v>\n"
    assert check(tmp_path, text)[1] == []


def test_easy_read_limit_is_twelve(tmp_path):
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nDertien tekens per s, ongeveer.\n"  # 31 characters in 2 s: 15.5
    assert check(tmp_path, text)[1]
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:03.200\nDertien tekens per s, ongeveer.\n"  # 14.1: standard passes
    assert check(tmp_path, text)[1] == []
    assert "above 12 (easy-read)" in check(tmp_path, text, easy_read=True)[1][0].message


def test_not_utf8(tmp_path):
    path = tmp_path / "demo.vtt"
    path.write_bytes("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nCliënt\n".encode("latin-1"))
    assert [p.message for p in captions.check_file(path, "demo.vtt")[1]] == ["captions must be UTF-8 text"]


@pytest.mark.parametrize("value, seconds", [("PT0M32S", 32), ("PT32S", 32), ("PT1M5S", 65), ("PT1H2M3S", 3723), ("PT1.5S", 1.5), ("PT2M", 120)])
def test_iso_durations(value, seconds):
    assert duration.parse(value) == seconds


@pytest.mark.parametrize("value", ["PT", "P1D", "32", "0:32", "PT5", "pt32s", "PT1H60M", ""])
def test_bad_iso_durations(value):
    with pytest.raises(ValueError, match="ISO 8601|below 60"):
        duration.parse(value)


def test_duration_shown_as_minutes_and_seconds():
    ui = {"duration_minutes": "{n} minuten", "duration_minute_one": "1 minuut", "duration_seconds": "{n} seconden",
          "duration_second_one": "1 seconde", "duration_and": "en"}
    assert duration.clock(32) == "0:32" and duration.clock(65) == "1:05" and duration.clock(3723) == "1:02:03"
    assert duration.spoken(65, ui) == "1 minuut en 5 seconden"
    assert duration.spoken(32, ui) == "32 seconden" and duration.spoken(120, ui) == "2 minuten"


def test_committed_example_captions_pass_their_own_checks():
    import yaml

    roots = [ROOT / "docs", ROOT / "tests" / "fixtures" / "embed-video"]  # the published clips and the embed fixture
    files = [(root, path) for root in roots for path in sorted((root / "_data" / "videos").glob("*.yml"))]
    assert len(files) >= 4
    for root, path in files:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        vtt = root / meta["captions"]
        cues, problems = captions.check_file(vtt, str(vtt), meta["level"] == "makkelijk", duration.parse(meta["duration"]))
        assert problems == [] and cues, (path.name, problems)
