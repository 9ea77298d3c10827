"""The Decap CMS configuration, generated from the schema so the editor's forms can never drift from
what `make check` accepts.

Every field of every pydantic model becomes a Decap widget: a vocabulary field a select with the Dutch
labels of docs/_data/vocabulary.yml, a date a date picker writing YYYY-MM-DD, a nested model an object,
a list of models a list of objects, min/max lengths and patterns as Decap patterns. Decap writes what
the form holds; the files it writes are checked by the same validation as a hand-written file.
"""
from __future__ import annotations

import datetime as dt
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import annotated_types
import yaml
from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from kennisplein import help_directory, organisation
from kennisplein.content.catalogue import PRODUCTS_DIR
from kennisplein.content.schema import KnowledgeProduct
from kennisplein.content.vocabulary import Vocabulary
from kennisplein.glossary import GlossaryTerm
from kennisplein.videos.model import VideoMeta

LABELS_FILE = Path(__file__).with_name("labels.yml")
MEDIA_FOLDER = "docs/assets/afbeeldingen"   # where uploads go; published at /assets/afbeeldingen/
LANGUAGES = ["nl", "en"]

# Fields that hold one or more vocabulary values, per model (the models' own VOCABULARY_FIELDS).
_ORGANISATION_SELECTION = {"audiences": "audiences", "topics": "topics", "regions": "regions", "types": "types"}


class Labels:
    """Dutch label and help text per schema key (labels.yml)."""

    def __init__(self, path: Path = LABELS_FILE):
        self.entries: dict[str, dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def label(self, name: str) -> str:
        return self.entries.get(name, {}).get("label", name)

    def singular(self, name: str) -> str | None:
        return self.entries.get(name, {}).get("singular")

    def hint(self, name: str, field: FieldInfo | None) -> str | None:
        return self.entries.get(name, {}).get("hint") or (field.description if field else None)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _constraints(field: FieldInfo) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in field.metadata:
        if isinstance(item, annotated_types.MinLen):
            found["min_length"] = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            found["max_length"] = item.max_length
        elif isinstance(item, annotated_types.Ge):
            found["min"] = item.ge
        elif isinstance(item, annotated_types.Le):
            found["max"] = item.le
        elif getattr(item, "pattern", None):
            found["pattern"] = item.pattern
    return found


def _length_pattern(limits: dict[str, Any]) -> list[str] | None:
    low, high = limits.get("min_length"), limits.get("max_length")
    if low is None and high is None:
        return None
    low = low or 0
    message = f"Minstens {low} tekens" if high is None else f"{low} tot {high} tekens"
    return [f"^[\\s\\S]{{{low},{'' if high is None else high}}}$", message]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


class ConfigBuilder:
    """Turns pydantic models into Decap field lists."""

    def __init__(self, vocabulary: Vocabulary, labels: Labels | None = None):
        self.vocabulary = vocabulary
        self.labels = labels or Labels()

    def options(self, kind: str) -> list[dict[str, str]]:
        return [{"label": self.vocabulary.label(kind, key), "value": key} for key in self.vocabulary.keys(kind)]

    def fields(self, model: type[BaseModel], vocabulary_fields: dict[str, str] | None = None, *,
               fixed: dict[str, str] | None = None) -> list[dict[str, Any]]:
        vocabulary_fields = vocabulary_fields if vocabulary_fields is not None else getattr(model, "VOCABULARY_FIELDS", {})
        return [self.field(name, info, vocabulary_fields, fixed or {}) for name, info in model.model_fields.items()]

    def field(self, name: str, info: FieldInfo, vocabulary_fields: dict[str, str], fixed: dict[str, str]) -> dict[str, Any]:
        annotation, optional = _unwrap_optional(info.annotation)
        out: dict[str, Any] = {"name": name, "label": self.labels.label(name)}
        hint = self.labels.hint(name, info)
        if hint:
            out["hint"] = hint
        out["required"] = info.is_required() and not optional
        limits = _constraints(info)
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)

        if name in fixed:
            out.update(widget="hidden", default=fixed[name])
        elif name in vocabulary_fields:
            out.update(widget="select", options=self.options(vocabulary_fields[name]))
            if origin is list:
                out["multiple"] = True
                if "min_length" in limits:
                    out["min"] = limits["min_length"]
                if "max_length" in limits:
                    out["max"] = limits["max_length"]
        elif origin is Literal:
            out.update(widget="select", options=[str(a) for a in args])
        elif annotation is dt.date:
            out.update(widget="datetime", format="YYYY-MM-DD", date_format="D MMMM YYYY", time_format=False, picker_utc=True)
        elif annotation is bool:
            out.update(widget="boolean", default=info.default if isinstance(info.default, bool) else False)
        elif annotation is int:
            out.update(widget="number", value_type="int")
            out.update({k: limits[k] for k in ("min", "max") if k in limits})
        elif annotation is HttpUrl:
            out.update(widget="string", pattern=["^https?://[^\\s]+$", "Een webadres dat begint met https://"])
        elif _is_model(annotation):
            out.update(widget="object", collapsed=False, fields=self.fields(annotation))
        elif origin is list and args and _is_model(args[0]):
            out.update(widget="list", fields=self.fields(args[0]), summary="{{fields.title}}{{fields.name}}{{fields.term}}")
            if self.labels.singular(name):
                out["label_singular"] = self.labels.singular(name)
            if "min_length" in limits:
                out["min"] = limits["min_length"]
        elif origin is list and args and typing.get_origin(args[0]) is Literal:
            out.update(widget="select", multiple=True, options=[str(a) for a in typing.get_args(args[0])])
        elif origin is list:
            out.update(widget="list")
        else:
            out["widget"] = "string"
            pattern = limits.get("pattern")
            if pattern:
                out["pattern"] = [pattern, "Deze waarde heeft niet de juiste vorm"]
            elif _length_pattern(limits):
                out["pattern"] = _length_pattern(limits)
            if (limits.get("max_length") or 0) > 120 or name in ("description", "easy_read", "standard", "easy", "en", "text"):
                out["widget"] = "text"
        return out

    # --- collections ------------------------------------------------------------------------

    def product_collection(self, folder: str, level: str, *, name: str, label: str, singular: str, create: bool) -> dict[str, Any]:
        fields = self.fields(KnowledgeProduct, fixed={"level": level})
        for item in fields:   # controlled values are the same in every language; the words are translated
            # Decap takes only true/false on list and object fields
            item["i18n"] = True if item["widget"] in ("list", "object") else ("translate" if item["name"] in ("title", "summary") else "duplicate")
        fields.append({"name": "body", "label": self.labels.label("body"), "hint": self.labels.hint("body", None),
                       "widget": "markdown", "i18n": True, "modes": ["raw", "rich_text"]})
        # Decap sees each level as a flat folder of its own (scripts/editor/proxy_rules.py maps it onto
        # <folder>/<slug>/index.md and makkelijk.md); the media stay in the one media folder.
        return {
            "name": name, "label": label, "label_singular": singular, "folder": f"{folder}-{level}", "create": create,
            "extension": "md", "format": "frontmatter", "slug": "{{slug}}", "summary": "{{title}}", "identifier_field": "title",
            "i18n": True, "fields": fields,
        }

    def config(self, *, proxy_url: str, site_url: str) -> dict[str, Any]:
        products = f"docs/{PRODUCTS_DIR}"
        return {
            "backend": {"name": "proxy", "proxy_url": proxy_url, "branch": "main"},
            "publish_mode": "simple",
            "locale": "nl",
            "site_url": site_url,
            "display_url": site_url,
            "media_folder": MEDIA_FOLDER,
            "public_folder": "/" + MEDIA_FOLDER.removeprefix("docs/"),
            "i18n": {"structure": "multiple_files", "locales": LANGUAGES, "default_locale": "nl"},
            "collections": [
                self.product_collection(products, "standaard", name="producten", label="Kennisproducten", singular="kennisproduct", create=True),
                self.product_collection(products, "makkelijk", name="makkelijk", label="Makkelijk lezen", singular="pagina in makkelijk lezen", create=False),
                {
                    "name": "videos", "label": "Video's", "label_singular": "Video", "folder": "docs/_data/videos", "create": True,
                    "extension": "yml", "format": "yml", "slug": "{{slug}}", "identifier_field": "title",
                    "fields": self.fields(VideoMeta),
                },
                {
                    "name": "gegevens", "label": "Begrippen en hulpdiensten", "files": [
                        {"name": "begrippen", "label": "Begrippenlijst", "file": "docs/_data/glossary.yml",
                         "fields": [{"name": "terms", "label": self.labels.label("terms"), "widget": "list",
                                     "label_singular": self.labels.singular("terms"), "summary": "{{fields.term}}",
                                     "fields": self.fields(GlossaryTerm, {})}]},
                        {"name": "hulpdiensten", "label": "Hulpdiensten", "file": "docs/_data/hulpdiensten.yml",
                         "fields": self.fields(help_directory.ServicesFile, {})},
                    ],
                },
            ],
        }

    def organisation_config(self, *, proxy_url: str, site_url: str, pages_folder: str | None) -> dict[str, Any]:
        """Under `make edit ORG=…` the editor works in the organisation's own folder: its file and its pages."""
        collections: list[dict[str, Any]] = [{
            "name": "organisatie", "label": "Organisatie", "files": [{
                "name": "organisatie", "label": "Gegevens van de organisatie", "file": "organisation.yml",
                "fields": self.fields(organisation.Organisation, {}),
            }],
        }]
        _use_selection_options(collections[0]["files"][0]["fields"], self)
        if pages_folder:
            collections.append(self.product_collection(pages_folder, "standaard", name="paginas", label="Eigen pagina's", singular="eigen pagina", create=True))
            collections.append(self.product_collection(pages_folder, "makkelijk", name="paginas-makkelijk",
                                                       label="Eigen pagina's, makkelijk lezen", singular="eigen pagina in makkelijk lezen", create=False))
        return {
            "backend": {"name": "proxy", "proxy_url": proxy_url, "branch": "main"},
            "publish_mode": "simple", "locale": "nl", "site_url": site_url, "display_url": site_url,
            "media_folder": "media", "public_folder": "media",
            "i18n": {"structure": "multiple_files", "locales": LANGUAGES, "default_locale": "nl"},
            "collections": collections,
        }


def _use_selection_options(fields: list[dict[str, Any]], builder: ConfigBuilder) -> None:
    """The organisation's `include` lists take vocabulary values (checked by the model's own validator)."""
    for item in fields:
        if item["name"] == "include":
            for sub in item["fields"]:
                kind = _ORGANISATION_SELECTION[sub["name"]]
                sub.update(widget="select", multiple=True, options=builder.options(kind))
        if item["name"] == "contacts":
            for sub in item["fields"]:
                if sub["name"] == "audiences":
                    sub.update(widget="select", multiple=True, options=builder.options("audiences"))


def to_yaml(config: dict[str, Any]) -> str:
    header = "# Generated from the schema by scripts/kennisplein/editor/cms_config.py at `make edit`; never edit by hand.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def model_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every key of a model and of the models inside it, as dotted paths (for the coverage test)."""
    keys = []
    for name, info in model.model_fields.items():
        keys.append(prefix + name)
        annotation, _ = _unwrap_optional(info.annotation)
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        inner = args[0] if origin is list and args else annotation
        if _is_model(inner):
            keys.extend(model_keys(inner, prefix + name + "."))
    return keys


def config_keys(fields: list[dict[str, Any]], prefix: str = "") -> list[str]:
    keys = []
    for item in fields:
        keys.append(prefix + item["name"])
        keys.extend(config_keys(item.get("fields", []), prefix + item["name"] + "."))
    return keys


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
