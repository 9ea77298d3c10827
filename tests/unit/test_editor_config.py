"""The browser editor's configuration is generated from the schema: every key of every model has a
field, controlled lists are the vocabulary, dates are dates, required is required."""
from __future__ import annotations

from pathlib import Path

import pytest

from kennisplein import help_directory, organisation, project
from kennisplein.content.schema import KnowledgeProduct, Source
from kennisplein.editor import cms_config
from kennisplein.glossary import GlossaryTerm
from kennisplein.videos.model import VideoMeta

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def builder():
    return cms_config.ConfigBuilder(project.load(ROOT / "docs", with_readability=False).vocabulary)


@pytest.fixture(scope="module")
def config(builder):
    return builder.config(proxy_url="http://127.0.0.1:8000/api/v1", site_url="http://127.0.0.1:8000/")


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def file_entry(config, name):
    return next(f for c in config["collections"] for f in c.get("files", []) if f["name"] == name)


def by_name(fields):
    return {f["name"]: f for f in fields}


@pytest.mark.parametrize("name", ["producten", "makkelijk"])
def test_every_product_key_is_a_field(config, name):
    fields = collection(config, name)["fields"]
    assert set(cms_config.model_keys(KnowledgeProduct)) <= set(cms_config.config_keys(fields))
    assert "body" in by_name(fields)


def test_every_video_glossary_help_and_organisation_key_is_a_field(config, builder):
    assert set(cms_config.model_keys(VideoMeta)) <= set(cms_config.config_keys(collection(config, "videos")["fields"]))
    terms = by_name(file_entry(config, "begrippen")["fields"])["terms"]["fields"]
    assert set(cms_config.model_keys(GlossaryTerm)) <= set(cms_config.config_keys(terms))
    assert set(cms_config.model_keys(help_directory.ServicesFile)) <= set(cms_config.config_keys(file_entry(config, "hulpdiensten")["fields"]))
    org = builder.organisation_config(proxy_url="http://127.0.0.1:8000/api/v1", site_url="http://127.0.0.1:8000/", pages_folder="pages")
    org_fields = next(f for c in org["collections"] for f in c.get("files", []))["fields"]
    assert set(cms_config.model_keys(organisation.Organisation)) <= set(cms_config.config_keys(org_fields))
    assert {c["name"] for c in org["collections"]} == {"organisatie", "paginas", "paginas-makkelijk"}


def test_every_key_has_a_dutch_label():
    labels = cms_config.Labels()
    models = [KnowledgeProduct, VideoMeta, GlossaryTerm, help_directory.ServicesFile, organisation.Organisation]
    keys = {key.rsplit(".", 1)[-1] for model in models for key in cms_config.model_keys(model)}
    missing = sorted(k for k in keys if k not in labels.entries)
    assert not missing, f"add a Dutch label to scripts/kennisplein/editor/labels.yml for: {', '.join(missing)}"


def test_vocabulary_fields_are_selects_with_the_dutch_labels(config, builder):
    fields = by_name(collection(config, "producten")["fields"])
    vocabulary = builder.vocabulary
    for name, kind in KnowledgeProduct.VOCABULARY_FIELDS.items():
        if name == "level":
            continue
        field = fields[name]
        assert field["widget"] == "select", name
        assert [o["value"] for o in field["options"]] == vocabulary.keys(kind)
        assert [o["label"] for o in field["options"]] == [vocabulary.label(kind, k) for k in vocabulary.keys(kind)]
    assert fields["audiences"]["multiple"] is True and fields["audiences"]["min"] == 1
    assert fields["topics"]["max"] == 5
    assert "multiple" not in fields["type"]


def test_the_level_follows_the_collection(config):
    assert by_name(collection(config, "producten")["fields"])["level"] == {**by_name(collection(config, "producten")["fields"])["level"],
                                                                          "widget": "hidden", "default": "standaard"}
    assert by_name(collection(config, "makkelijk")["fields"])["level"]["default"] == "makkelijk"
    assert collection(config, "producten")["folder"] == "docs/producten-standaard"   # a view of docs/producten/<slug>/index.md
    assert collection(config, "makkelijk")["folder"] == "docs/producten-makkelijk"
    assert collection(config, "makkelijk")["create"] is False   # made with its standard version


def test_dates_are_date_pickers_writing_iso_dates(config):
    fields = by_name(collection(config, "producten")["fields"])
    for name in ("reviewed", "review_due"):
        assert fields[name]["widget"] == "datetime"
        assert fields[name]["format"] == "YYYY-MM-DD" and fields[name]["time_format"] is False


def test_required_follows_the_schema(config):
    fields = by_name(collection(config, "producten")["fields"])
    for name, info in KnowledgeProduct.model_fields.items():
        assert fields[name]["required"] == info.is_required(), name
    sources = by_name(fields["sources"]["fields"])
    assert fields["sources"]["widget"] == "list" and fields["sources"]["min"] == 1
    for name, info in Source.model_fields.items():
        assert sources[name]["required"] == info.is_required(), name
    assert sources["year"]["widget"] == "number" and sources["year"]["min"] == 1900


def test_lengths_and_patterns_become_decap_patterns(config):
    fields = by_name(collection(config, "producten")["fields"])
    pattern, message = fields["title"]["pattern"]
    assert pattern == "^[\\s\\S]{3,120}$" and "3 tot 120" in message
    assert fields["summary"]["widget"] == "text"


def test_help_text_comes_from_the_labels_or_the_schema(config):
    fields = by_name(collection(config, "producten")["fields"])
    assert fields["summary"]["hint"].startswith("Eén of twee zinnen")
    video_fields = by_name(collection(config, "videos")["fields"])
    assert video_fields["source"]["widget"] == "object"
    assert by_name(video_fields["source"]["fields"])["poster"]["hint"] == VideoMeta.model_fields["source"].annotation.model_fields["poster"].description


def test_the_yaml_says_it_is_generated(config):
    text = cms_config.to_yaml(config)
    assert text.startswith("# Generated from the schema")
    assert "proxy_url: http://127.0.0.1:8000/api/v1" in text
