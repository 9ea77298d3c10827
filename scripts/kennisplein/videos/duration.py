"""ISO 8601 durations (``PT1M05S``): the one form schema.org and editors share.

Stored as written, shown as minutes and seconds (``1:05``) and spelled out
for screen readers, so nobody has to convert by hand.
"""
from __future__ import annotations

import re

ISO_DURATION = re.compile(r"^PT(?=\d)(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?$")


def parse(value: str) -> float:
    """Seconds in an ISO 8601 duration of hours, minutes and seconds; ValueError otherwise."""
    match = ISO_DURATION.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"expected an ISO 8601 duration such as PT0M32S or PT1M5S, got {value!r}")
    h, m, s = (match.group(k) for k in "hms")
    if m is not None and int(m) >= 60 and h is not None:
        raise ValueError(f"'{value}': minutes must be below 60 when hours are given")
    return int(h or 0) * 3600 + int(m or 0) * 60 + float(s or 0)


def clock(seconds: float) -> str:
    """1:05, or 1:02:03 past an hour."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def spoken(seconds: float, ui) -> str:
    """'1 minuut en 5 seconden': the clock form read aloud, in the page's language."""
    minutes, secs = divmod(int(round(seconds)), 60)
    parts = []
    if minutes:
        parts.append(ui["duration_minute_one" if minutes == 1 else "duration_minutes"].format(n=minutes))
    if secs or not minutes:
        parts.append(ui["duration_second_one" if secs == 1 else "duration_seconds"].format(n=secs))
    return f" {ui['duration_and']} ".join(parts)


def timestamp(seconds: float) -> str:
    """WebVTT form, 00:01:05.250, for messages that point at a cue."""
    ms = int(round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"
