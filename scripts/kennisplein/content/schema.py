"""The one schema for a knowledge product's front matter.

Pydantic models define every key, its type and its allowed values; the
controlled lists come from the vocabulary file through the validation context.
The authors' guide is generated from these models, so it cannot drift.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    # YAML turns 2024-05-01 into a date; anything else must be that exact shape,
    # so "1-5-2024" or a bare number never slips through pydantic's lax parsing.
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date as YYYY-MM-DD, without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a real date") from None
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _in_vocabulary(kind: str, values: list[str], info: ValidationInfo) -> list[str]:
    vocabulary = (info.context or {}).get("vocabulary")
    if vocabulary is None:
        return values
    allowed = vocabulary.keys(kind)
    for value in values:
        if value not in allowed:
            raise ValueError(f"'{value}' is not one of: {', '.join(allowed)}")
    return values


def listed_once(values: list[str]) -> list[str]:
    """The values of a list field, refused when one of them is listed twice."""
    duplicates = sorted({v for v in values if values.count(v) > 1})
    if duplicates:
        raise ValueError(f"listed twice: {', '.join(duplicates)}")
    return values


class VocabularyChecked(BaseModel):
    """A model some of whose fields take their values from docs/_data/vocabulary.yml: subclasses
    map those fields to a vocabulary list in VOCABULARY_FIELDS, and one validator checks them all."""

    VOCABULARY_FIELDS: ClassVar[dict[str, str]] = {}

    @field_validator("*", mode="after")
    @classmethod
    def _from_vocabulary(cls, value, info: ValidationInfo):
        kind = cls.VOCABULARY_FIELDS.get(info.field_name)
        if kind is None or value is None:
            return value
        if isinstance(value, str):
            return _in_vocabulary(kind, [value], info)[0]
        return _in_vocabulary(kind, value, info)


class Source(BaseModel):
    """A document the product takes its facts from."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=3, description="Title of the source document.", examples=["Beleidsvisie intimiteit en seksualiteit voor mensen met een beperking"])
    publisher: str = Field(min_length=2, description="Who published it.", examples=["Ministerie van VWS"])
    year: int | None = Field(default=None, ge=1900, le=2100, description="Year of publication; leave it out only when the source gives none.", examples=[2024])
    url: HttpUrl | None = Field(default=None, description="Optional web address of the source.")
    easy: str | None = Field(default=None, min_length=3, description="Optional: the source in easy words, shown on easy-read pages instead of the publisher.", examples=["een brief van de regering"])
    checked: IsoDate | None = Field(
        default=None,
        description="For a public fact not from the source documents (a helpline number, say): the date it was last checked.",
    )


class KnowledgeProduct(VocabularyChecked):
    """Front matter of one version (standard or easy read) of a knowledge product."""

    VOCABULARY_FIELDS: ClassVar[dict[str, str]] = {
        "audiences": "audiences", "topics": "topics", "evidence": "evidence", "level": "levels", "type": "types", "region": "regions",
    }

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=3, max_length=120, description="Title shown on the page and in hubs and search.", examples=["Praten over intimiteit met je naaste"])
    summary: str = Field(min_length=20, max_length=400, description="One or two sentences on what the reader gets from this product.", examples=["Hoe je het gesprek begint en waar je hulp vindt."])
    audiences: list[str] = Field(min_length=1, description="For whom: one or more audience keys.", examples=[["naasten"]])
    level: str = Field(description="Reading level of this file: standaard (index.md) or makkelijk (makkelijk.md).", examples=["standaard"])
    type: str = Field(description="Kind of product.", examples=["handreiking"])
    topics: list[str] = Field(min_length=1, max_length=5, description="One to five topic keys from the vocabulary file.", examples=[["praten", "relaties"]])
    region: str = Field(description="Where its laws and services apply: nl, vlaanderen or algemeen.", examples=["nl"])
    sources: list[Source] = Field(min_length=1, description="The documents the facts come from.")
    evidence: list[str] = Field(min_length=1, description="What kind of knowledge it rests on.", examples=[["beleid", "praktijkkennis"]])
    reviewed: IsoDate = Field(description="Date of the last content review (YYYY-MM-DD).", examples=["2026-11-01"])
    review_due: IsoDate = Field(description="Date of the next review (YYYY-MM-DD), after `reviewed`.", examples=["2027-11-01"])
    videos: list[str] = Field(default_factory=list, description="Optional: slugs of related videos in the video index.")
    replaces: str | None = Field(
        default=None,
        description="Only for an organisation's own pages: the slug of the upstream product this page replaces on purpose.",
    )

    @field_validator("audiences", "topics", "evidence", mode="after")
    @classmethod
    def _no_duplicates(cls, values: list[str]) -> list[str]:
        return listed_once(values)

    @field_validator("review_due", mode="after")
    @classmethod
    def _review_order(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        reviewed = info.data.get("reviewed")
        if reviewed is not None and value <= reviewed:
            raise ValueError(f"{value} must come after reviewed ({reviewed})")
        return value

    @property
    def easy_read(self) -> bool:
        return self.level == "makkelijk"


class SitePage(VocabularyChecked):
    """Front matter of a page that is not a knowledge product (start page, privacy statement, …)."""

    VOCABULARY_FIELDS: ClassVar[dict[str, str]] = {"level": "levels"}

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=3, max_length=120, description="Page title.")
    summary: str | None = Field(default=None, max_length=400, description="Optional one-sentence description.")
    level: str = Field(default="standaard", description="standaard or makkelijk.")
    hide: list[str] = Field(default_factory=list, description="Theme parts to hide on this page (navigation, toc).")

    @field_validator("hide", mode="after")
    @classmethod
    def _hide(cls, values: list[str]) -> list[str]:
        allowed = {"navigation", "toc", "footer", "path"}
        for value in values:
            if value not in allowed:
                raise ValueError(f"'{value}' is not one of: {', '.join(sorted(allowed))}")
        return values
