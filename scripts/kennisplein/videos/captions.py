"""Caption checks beyond parsing.

webvtt-py parses a file but accepts cues a viewer cannot use: a cue that ends
before it starts, cues out of order or on top of each other, lines too long to
fit the screen, text that flashes past faster than people read. Each finding
names the file, the line of the cue's timing, its number and its timestamp, so
an editor can go straight to it.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from kennisplein.problems import Problem
from kennisplein.videos.duration import timestamp

MAX_LINES = 2
MAX_LINE_LENGTH = 42
MAX_CPS = 15.0        # characters per second, standard
MAX_CPS_EASY = 12.0   # for videos marked easy-read
STRICT_TIMING = re.compile(r"^\s*((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})[ \t]+-->[ \t]+((?:\d{2,}:)?\d{2}:\d{2}\.\d{3})(?=\s|$)")
FIELDS = re.compile(r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$")


@dataclass(frozen=True)
class Cue:
    number: int   # 1-based, in file order
    line: int     # line of its timing in the file
    start: float  # seconds
    end: float
    text: str     # without markup, lines joined by "\n"

    @property
    def where(self) -> str:
        return f"cue {self.number} ({timestamp(self.start)} --> {timestamp(self.end)})"


def _bad_timestamp(text: str) -> str | None:
    match = FIELDS.match(text)
    if match and (int(match.group(2)) > 59 or int(match.group(3)) > 59):
        return f"'{text}' is not a real time: minutes and seconds go up to 59"
    return None


def _timing_lines(lines: list[str], shown: str) -> tuple[list[int], list[Problem]]:
    """Line numbers of every cue timing, and a problem for each that is not written as WebVTT requires."""
    found, problems = [], []
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        found.append(number)
        cue = len(found)
        match = STRICT_TIMING.match(line)
        if not match:
            problems.append(Problem(shown, number, f"cue {cue}: timing '{line.strip()}' is not 'hh:mm:ss.ttt --> hh:mm:ss.ttt' (two digits for minutes and seconds, a dot and three digits for milliseconds)"))
            continue
        for text in match.groups():
            reason = _bad_timestamp(text)
            if reason:
                problems.append(Problem(shown, number, f"cue {cue}: {reason}"))
    return found, problems


def parse(text: str, shown: str) -> tuple[list[Cue], list[Problem]]:
    """Cues of a WebVTT text, or problems when it cannot be read."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return [], [Problem(shown, 1, "not a WebVTT file: the first line must be 'WEBVTT'")]
    timing_lines, problems = _timing_lines(lines, shown)
    if problems:
        return [], problems
    try:
        captions = webvtt.from_buffer(io.StringIO(text), strict=True).captions
    except (MalformedCaptionError, MalformedFileError) as exc:
        return [], [Problem(shown, None, f"not valid WebVTT: {exc}")]
    if len(captions) != len(timing_lines):
        return [], [Problem(shown, None, f"found {len(timing_lines)} cue timings but could read only {len(captions)} cues: check the blank lines between cues")]
    if not captions:
        return [], [Problem(shown, None, "has no cues: captions must cover what is said")]
    cues = [
        Cue(i, line, c.start_time.in_milliseconds() / 1000, c.end_time.in_milliseconds() / 1000, c.text)
        for i, (line, c) in enumerate(zip(timing_lines, captions), start=1)
    ]
    return cues, []


def check_cues(cues: list[Cue], shown: str, easy_read: bool = False, duration: float | None = None) -> list[Problem]:
    """Order, overlap, line count and length, reading speed, and (when known) the video's length."""
    problems = []
    limit = MAX_CPS_EASY if easy_read else MAX_CPS
    previous: Cue | None = None
    for cue in cues:
        def report(message: str, cue: Cue = cue) -> None:
            problems.append(Problem(shown, cue.line, f"{cue.where}: {message}"))

        if cue.end <= cue.start:
            report("ends before it starts" if cue.end < cue.start else "ends when it starts: it is never shown")
        if previous is not None and cue.start < previous.start:
            report(f"starts before cue {previous.number} ({timestamp(previous.start)}): cues must be in time order")
        elif previous is not None and cue.start < previous.end:
            report(f"overlaps cue {previous.number}, which ends at {timestamp(previous.end)}")
        lines = cue.text.split("\n")
        if not cue.text.strip():
            report("has no text")
        if len(lines) > MAX_LINES:
            report(f"has {len(lines)} lines; at most {MAX_LINES}")
        for n, line in enumerate(lines, start=1):
            if len(line) > MAX_LINE_LENGTH:
                report(f"line {n} has {len(line)} characters; at most {MAX_LINE_LENGTH}: '{line}'")
        shown_for = cue.end - cue.start
        characters = len("".join(lines))
        if shown_for > 0 and characters / shown_for > limit:
            kind = " (easy-read)" if easy_read else ""
            needed = characters / limit
            report(f"reading speed {characters / shown_for:.1f} characters per second is above {limit:g}{kind}: show it at least {needed:.1f} s or shorten the text")
        if duration is not None and cue.end > duration + 0.5:
            report(f"ends after the video, which lasts {timestamp(duration)}")
        previous = cue
    return problems


def check_file(path: Path, shown: str, easy_read: bool = False, duration: float | None = None) -> tuple[list[Cue], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(shown, None, "captions must be UTF-8 text")]
    except OSError as exc:
        return [], [Problem(shown, None, f"cannot read captions: {exc.strerror}")]
    cues, problems = parse(text, shown)
    return cues, problems + check_cues(cues, shown, easy_read, duration)
