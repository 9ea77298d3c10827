"""Which other hosts a video may be embedded from, and on what terms.

An embed is the only way this site lets another host into a page, and only
after the reader presses a button. Even then the host must be one that does not
track by default: YouTube's privacy-enhanced domain, Vimeo with ``dnt=1``, or a
host the organisation runs itself (``extra.video_hosts`` in mkdocs.yml, or
``video_hosts`` in its organisation file).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

YOUTUBE_HOSTS = {"www.youtube-nocookie.com", "youtube-nocookie.com"}
YOUTUBE_TRACKING = {"www.youtube.com", "youtube.com", "youtu.be", "m.youtube.com"}
VIMEO_HOST = "player.vimeo.com"
YOUTUBE_PATH = re.compile(r"^/embed/[A-Za-z0-9_-]{11}$")
VIMEO_PATH = re.compile(r"^/video/\d+$")
# the characters an address may carry (RFC 3986, without quotes, spaces, < > and backslashes): an
# address that needs more was not copied from a video site, and must never reach an attribute
URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")
HOSTNAME = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")


@dataclass(frozen=True)
class Embed:
    url: str
    host: str   # the host the browser will contact after the button is pressed
    label: str  # how the button names it: "YouTube", "Vimeo", or the host itself


def check(url: str, own_hosts: list[str] | tuple[str, ...] = ()) -> Embed:
    """The embed, or ValueError saying how to make the address acceptable."""
    if not URL_CHARACTERS.match(url.strip()):
        shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in url.strip())[:80]
        raise ValueError(f"'{shown}' is not a plain web address (it has spaces, quotes, < > or other characters "
                         "an address does not have): copy the embed address again from the video site")
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        raise ValueError(f"'{url}' must be an https:// address")
    if parts.username or parts.password or parts.port:
        raise ValueError(f"'{url}' must not carry a user name, password or port")
    if host in YOUTUBE_TRACKING:
        raise ValueError(f"'{host}' sets tracking cookies: use https://www.youtube-nocookie.com/embed/<video id> instead")
    if host in YOUTUBE_HOSTS:
        if not YOUTUBE_PATH.match(parts.path):
            raise ValueError(f"'{url}' is not a YouTube embed address: expected https://www.youtube-nocookie.com/embed/<11-character video id>")
        return Embed(url.strip(), host, "YouTube")
    if host == VIMEO_HOST:
        if not VIMEO_PATH.match(parts.path):
            raise ValueError(f"'{url}' is not a Vimeo player address: expected https://player.vimeo.com/video/<number>?dnt=1")
        if parse_qs(parts.query).get("dnt") != ["1"]:
            raise ValueError(f"'{url}' lacks dnt=1: add ?dnt=1 so Vimeo does not track the viewer")
        return Embed(url.strip(), host, "Vimeo")
    if host in {h.lower() for h in own_hosts}:
        return Embed(url.strip(), host, host)
    allowed = ", ".join(["www.youtube-nocookie.com", "player.vimeo.com (with dnt=1)", *own_hosts])
    raise ValueError(f"host '{host}' is not allowed for embedded video; allowed: {allowed}. "
                     "An organisation adds its own video host under extra.video_hosts in mkdocs.yml")


def valid_hostname(value: str) -> bool:
    return bool(HOSTNAME.match(value.lower()))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name tags only mkdocs itself may resolve."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def from_mkdocs_config(path: Path) -> list[str]:
    """``extra.video_hosts`` of an mkdocs.yml, for checks that run without mkdocs (``make check``)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506
    except (OSError, yaml.YAMLError):
        return []
    hosts = (config.get("extra") or {}).get("video_hosts") or []
    return [str(h) for h in hosts] if isinstance(hosts, list) else []
