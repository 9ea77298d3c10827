"""What the editor may read and write, and how Decap's view of the files maps onto the site's.

A product is a folder with index.md and makkelijk.md (and .en.md translations, mkdocs-static-i18n's
suffix structure). Decap sees each level as a flat folder of its own, one file per product and
language, as its i18n `multiple_files` structure names them: `<folder>-standaard/<slug>.nl.md` is
`<folder>/<slug>/index.md`, `<folder>-makkelijk/<slug>.en.md` is `<folder>/<slug>/makkelijk.en.md`.
(Decap's proxy backend lists a folder without the collection's path pattern, so two collections in
one folder would mix their files.) The editor server translates paths between the two views, wraps the glossary (a YAML list, which Decap cannot edit at the top level) in a
`terms:` key, keeps a data file's leading comments, and refuses any write outside the folders the
schema names. Plain functions, no server: tested on their own.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

GLOSSARY = "docs/_data/glossary.yml"
IMAGE_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".webp": (b"RIFF",)}
LEVEL_FILES = {"standaard": "index", "makkelijk": "makkelijk"}


class Refused(Exception):
    """A request the editor will not pass on; the message is shown to the editor."""


@dataclass(frozen=True)
class Area:
    """The folders one editing session may write to (relative to the folder decap-server serves)."""

    pages: tuple[str, ...]          # folders of knowledge products: <folder>/<slug>/(index|makkelijk)[.en].md
    data_files: tuple[str, ...]     # single YAML files
    data_folders: tuple[str, ...]   # folders of YAML files: <folder>/<slug>.yml
    media: str                      # uploads

    def writable(self, path: str) -> bool:
        p = PurePosixPath(path)
        if ".." in p.parts or p.is_absolute() or any(part.startswith(".") for part in p.parts):
            return False
        text = str(p)
        if text in self.data_files:
            return True
        if any(re.fullmatch(re.escape(folder) + r"/[a-z0-9][a-z0-9-]*\.yml", text) for folder in self.data_folders):
            return True
        return any(re.fullmatch(re.escape(folder) + r"/[a-z0-9][a-z0-9-]*/(index|makkelijk)(\.en)?\.md", text) for folder in self.pages)

    def check_media(self, path: str, content_base64: str) -> None:
        p = PurePosixPath(path)
        suffix = p.suffix.lower()
        if str(p.parent) != self.media or ".." in p.parts or p.name.startswith("."):
            raise Refused(f"{path}: afbeeldingen komen alleen in {self.media}/")
        if suffix not in IMAGE_MAGIC:
            raise Refused(f"{path}: alleen PNG-, JPEG- of WebP-afbeeldingen (geen {suffix or 'bestand zonder extensie'})")
        head = base64.b64decode(content_base64[:64] + "=" * (-len(content_base64[:64]) % 4))
        if not head.startswith(IMAGE_MAGIC[suffix]):
            raise Refused(f"{path}: dit bestand is geen echte {suffix[1:].upper()}-afbeelding")


def virtual_folder(folder: str, level: str) -> str:
    """The folder Decap sees for one reading level of a folder of products."""
    return f"{folder}-{level}"


def to_disk(path: str, area: Area) -> str:
    for folder in area.pages:
        for level, name in LEVEL_FILES.items():
            prefix = virtual_folder(folder, level) + "/"
            if path.startswith(prefix):
                match = re.fullmatch(r"(?P<slug>[^/]+)\.(?P<lang>[a-z]{2})\.md", path[len(prefix):])
                if match:
                    suffix = "" if match["lang"] == "nl" else f".{match['lang']}"
                    return f"{folder}/{match['slug']}/{name}{suffix}.md"
            if path == prefix.rstrip("/"):
                return folder
    return path


def to_decap(path: str, area: Area) -> str:
    for folder in area.pages:
        match = re.fullmatch(re.escape(folder) + r"/(?P<slug>[^/]+)/(?P<name>index|makkelijk)(?:\.(?P<lang>[a-z]{2}))?\.md", path)
        if match:
            level = next(k for k, v in LEVEL_FILES.items() if v == match["name"])
            return f"{virtual_folder(folder, level)}/{match['slug']}.{match['lang'] or 'nl'}.md"
    return path


def level_of_virtual(folder: str, area: Area) -> tuple[str, str] | None:
    """(real folder, level) when Decap lists one level's virtual folder."""
    for real in area.pages:
        for level in LEVEL_FILES:
            if folder == virtual_folder(real, level):
                return real, level
    return None


def other_language(path: str) -> bool:
    """A translation's file in Decap's view (<slug>.en.md), as opposed to the Dutch one."""
    return bool(re.search(r"\.(?!nl\.)[a-z]{2}\.md$", path))


def has_title(raw: str) -> bool:
    """Does a Markdown file's front matter give a title?"""
    if not raw.startswith("---"):
        return False
    try:
        meta = yaml.safe_load(raw[3:].split("\n---", 1)[0]) or {}
    except yaml.YAMLError:
        return True   # let the check report it
    return isinstance(meta, dict) and bool(str(meta.get("title") or "").strip())


def translate_paths(value, convert):
    """Every "path" (and "newPath") string in a request or response, converted."""
    if isinstance(value, dict):
        return {k: (convert(v) if k in ("path", "newPath") and isinstance(v, str) else translate_paths(v, convert)) for k, v in value.items()}
    if isinstance(value, list):
        return [translate_paths(v, convert) for v in value]
    return value


def glossary_for_decap(raw: str) -> str:
    terms = yaml.safe_load(raw) or []
    return yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False, width=1000)


def glossary_from_decap(raw: str) -> str:
    data = yaml.safe_load(raw) or {}
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise Refused(f"{GLOSSARY}: de begrippenlijst moet een lijst van begrippen zijn")
    return yaml.safe_dump(data["terms"], allow_unicode=True, sort_keys=False, width=1000)


def leading_comments(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or (lines and not line.strip()):
            lines.append(line)
        else:
            break
    while lines and not lines[-1].strip():
        lines.pop()
    return "".join(lines)
