"""The schema of one video file, ``docs/_data/videos/<slug>.yml``.

Same machinery as product front matter (pydantic, vocabulary from the
validation context, located errors), so an editor gets ``path:line: message``
for a video exactly as for a product. File paths are relative to ``docs/``;
whatever the page plays or offers for download must be published, so it may
not live under ``_data/``.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from kennisplein.content.schema import IsoDate, VocabularyChecked, listed_once
from kennisplein.videos import duration as iso_duration
from kennisplein.videos import hosts

VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4"}
IMAGE_SUFFIXES = (".png", ".webp", ".jpg", ".jpeg")
AUDIO_SUFFIXES = (".webm", ".mp4", ".mp3", ".ogg", ".opus", ".m4a")
TRANSCRIPT_SUFFIXES = (".md", ".txt")
DATA_DIR = "_data"


def _local_file(value: str, info: ValidationInfo, suffixes: tuple[str, ...], published: bool = True) -> str:
    value = value.strip()
    path = PurePosixPath(value)
    if path.is_absolute() or "\\" in value or ".." in path.parts or "://" in value:
        raise ValueError(f"'{value}' must be a path inside docs/, like videos/media/naam{suffixes[0]}")
    if path.suffix.lower() not in suffixes:
        raise ValueError(f"'{value}' must end in {', '.join(suffixes)}")
    inside_data = path.parts[:1] == (DATA_DIR,)
    if published and inside_data:
        raise ValueError(f"'{value}' is under {DATA_DIR}/, which is not published: move it to videos/media/")
    if not published and not inside_data:
        raise ValueError(f"'{value}' would be built as a page of its own: keep transcripts under {DATA_DIR}/videos/")
    docs_dir = (info.context or {}).get("docs_dir")
    if docs_dir is not None and not (Path(docs_dir) / value).is_file():
        raise ValueError(f"'{value}' not found under docs/")
    scanned = (info.context or {}).get("published")  # kennisplein.publishing.Scan: links out of docs/, hidden files
    if scanned is not None and not scanned.publishes(path.as_posix()):
        raise ValueError(f"'{value}' is a hidden or temporary file, or a symbolic link out of docs/, and is never published or read")
    return value


def _one_of(model: BaseModel, names: tuple[str, ...], what: str) -> None:
    given = [n for n in names if getattr(model, n) not in (None, False)]
    if len(given) != 1:
        raise ValueError(f"{what}: give exactly one of {', '.join(names)}" + (f" (found {', '.join(given)})" if given else ""))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(_Strict):
    """Where the video plays from: a file of our own, or an allow-listed embed. Never both."""

    file: str | None = Field(default=None, description="Self-hosted video under docs/ (.webm or .mp4).", examples=["videos/media/privacy.webm"])
    embed: str | None = Field(default=None, description="Player address on an allowed host: www.youtube-nocookie.com/embed/…, player.vimeo.com/video/…?dnt=1, or your own host.")
    poster: str = Field(description="Local still image shown before playing (.png, .webp or .jpg); never the host's thumbnail.", examples=["videos/media/privacy.png"])

    @field_validator("file")
    @classmethod
    def _file(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _local_file(value, info, tuple(VIDEO_TYPES))

    @field_validator("poster")
    @classmethod
    def _poster(cls, value: str, info: ValidationInfo) -> str:
        return _local_file(value, info, IMAGE_SUFFIXES)

    @field_validator("embed")
    @classmethod
    def _embed(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            hosts.check(value, (info.context or {}).get("video_hosts", ()))
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> "Source":
        _one_of(self, ("file", "embed"), "source")
        return self


class Transcript(_Strict):
    file: str | None = Field(default=None, description="Markdown or text file under _data/videos/.", examples=["_data/videos/privacy.transcript.md"])
    text: str | None = Field(default=None, min_length=20, description="Or the transcript itself, written here.")

    @field_validator("file")
    @classmethod
    def _file(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _local_file(value, info, TRANSCRIPT_SUFFIXES, published=False)

    @model_validator(mode="after")
    def _exactly_one(self) -> "Transcript":
        _one_of(self, ("file", "text"), "transcript")
        return self


class AudioDescription(_Strict):
    integrated: bool = Field(default=False, description="true when the main soundtrack already says everything that is shown.")
    file: str | None = Field(default=None, description="A separate version with audio description, under docs/.")
    url: HttpUrl | None = Field(default=None, description="Or a link to it elsewhere.")

    @field_validator("file")
    @classmethod
    def _file(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _local_file(value, info, AUDIO_SUFFIXES)

    @model_validator(mode="after")
    def _exactly_one(self) -> "AudioDescription":
        _one_of(self, ("integrated", "file", "url"), "audio_description")
        return self


class SignLanguage(_Strict):
    language: Literal["ngt", "vgt"] = Field(description="ngt (Nederlandse Gebarentaal) or vgt (Vlaamse Gebarentaal).")
    file: str | None = Field(default=None, description="The sign-language version under docs/.")
    url: HttpUrl | None = Field(default=None, description="Or a link to it elsewhere.")

    @field_validator("file")
    @classmethod
    def _file(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _local_file(value, info, tuple(VIDEO_TYPES))

    @model_validator(mode="after")
    def _exactly_one(self) -> "SignLanguage":
        _one_of(self, ("file", "url"), "sign_language")
        return self


class Translation(_Strict):
    """Title and summaries for the English site; the video itself keeps its own language."""

    title: str = Field(min_length=3, max_length=120)
    summary: str = Field(min_length=20, max_length=400)
    easy_summary: str = Field(min_length=10, max_length=300)


class VideoMeta(_Strict, VocabularyChecked):
    """One video in the video index."""

    VOCABULARY_FIELDS: ClassVar[dict[str, str]] = {"audiences": "audiences", "topics": "topics", "region": "regions", "level": "levels"}

    title: str = Field(min_length=3, max_length=120, description="Title on the card and the video page.")
    summary: str = Field(min_length=20, max_length=400, description="What the video is about, in one or two sentences.")
    easy_summary: str = Field(min_length=10, max_length=300, description="The same in easy words; shown first on the video page.")
    audiences: list[str] = Field(min_length=1, description="For whom: audience keys.")
    topics: list[str] = Field(min_length=1, max_length=5, description="One to five topic keys.")
    region: str = Field(description="nl, vlaanderen or algemeen.")
    language: Literal["nl", "en"] = Field(description="The language spoken in the video (and of its captions).")
    level: str = Field(description="standaard or makkelijk; easy-read videos get a stricter caption reading speed.")
    duration: str = Field(description="Length as ISO 8601, e.g. PT0M32S; shown as 0:32.", examples=["PT0M32S"])
    uploaded: IsoDate = Field(description="Publication date (YYYY-MM-DD).")
    source: Source
    captions: str = Field(description="WebVTT captions under docs/ (required).", examples=["videos/media/privacy.nl.vtt"])
    transcript: Transcript = Field(description="Everything said and shown, as text (required).")
    audio_description: AudioDescription | None = None
    sign_language: SignLanguage | None = None
    credits: str = Field(min_length=3, description="Who made it.")
    licence: str = Field(min_length=2, description="Under which licence it may be used.")
    related_products: list[str] = Field(default_factory=list, description="Slugs of knowledge products that belong with this video.")
    en: Translation | None = Field(default=None, description="Optional English title and summaries.")

    @field_validator("duration", mode="after")
    @classmethod
    def _duration(cls, value: str) -> str:
        if iso_duration.parse(value) <= 0:
            raise ValueError(f"'{value}' is no time at all")
        return value

    @field_validator("captions", mode="after")
    @classmethod
    def _captions(cls, value: str, info: ValidationInfo) -> str:
        return _local_file(value, info, (".vtt",))

    @field_validator("audiences", "topics", "related_products", mode="after")
    @classmethod
    def _no_duplicates(cls, values: list[str]) -> list[str]:
        return listed_once(values)

    @property
    def seconds(self) -> float:
        return iso_duration.parse(self.duration)

    @property
    def easy_read(self) -> bool:
        return self.level == "makkelijk"

    def features(self) -> list[str]:
        """Accessibility features, as schema.org names them."""
        found = ["captions", "transcript"]
        if self.sign_language:
            found.append("signLanguage")
        if self.audio_description:
            found.append("audioDescription")
        return found
