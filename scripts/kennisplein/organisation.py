"""An organisation's own copy of the kennisplein, described by one YAML file.

The file names the organisation, its brand, its own people to turn to and the
part of the upstream content it offers. This module validates that file (same
located errors as front matter) and composes the organisation's content folder
from upstream ``docs/`` plus the organisation's local pages, without touching
either: the composed folder is a fresh copy for each build.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from kennisplein import logo as logo_check
from kennisplein import publishing
from kennisplein.colour import contrast, parse_hex
from kennisplein.content import datafile
from kennisplein.content.catalogue import PRODUCTS_DIR
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.content.validation import validate_model
from kennisplein.content.vocabulary import Vocabulary
from kennisplein.problems import Problem, errors
from kennisplein.videos import hosts as embed_hosts

AA_TEXT = 4.5
WHITE = "#ffffff"
ORGANISATION_DATA = "organisation.yml"


class Logo(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    path: str = Field(description="SVG or PNG file, relative to the organisation file.")
    alt: str = Field(min_length=3, description="Alt text: what the logo says or shows.")

    @field_validator("path")
    @classmethod
    def _image(cls, value: str, info: ValidationInfo) -> str:
        if not value.lower().endswith((".svg", ".png")):
            raise ValueError(f"'{value}' must be an .svg or .png file")
        base = (info.context or {}).get("base_dir")
        if base is not None:
            file = _inside_own_folder(value, Path(base), info.context.get("own_folder"))
            if not file.is_file():
                raise ValueError(f"'{value}' not found next to the organisation file ({Path(base) / value})")
            try:
                logo_check.check(file)
            except logo_check.LogoError as exc:
                raise ValueError(f"'{value}' {exc}") from None
        return value


def _inside_own_folder(value: str, base: Path, own_folder: Path | None = None) -> Path:
    """The file or folder an organisation file names (relative to ``base``), which must lie
    inside the organisation's own folder (after following links): nothing else on the machine
    is ever published."""
    if "\\" in value or Path(value).is_absolute():
        raise ValueError(f"'{value}' must be a path relative to the organisation file, inside its folder")
    folder = Path(own_folder or base).resolve()
    try:
        resolved = (base / value).resolve(strict=False)
    except (OSError, RuntimeError):
        raise ValueError(f"'{value}' is a symbolic link that loops") from None
    if resolved != folder and folder not in resolved.parents:
        raise ValueError(f"'{value}' lies outside the organisation's folder ({folder}): put the file in that folder")
    return base / value


class Colours(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    primary: str = Field(description="Header and button colour; carries white text.")
    accent: str = Field(description="Links and highlights on a white page.")

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, value: str) -> str:
        parse_hex(value)
        return value.lower()

    @model_validator(mode="after")
    def _readable(self) -> "Colours":
        failures = []
        for name, fg, bg, carries in (("primary", WHITE, self.primary, "white text on it"), ("accent", self.accent, WHITE, "it as text on white")):
            ratio = contrast(fg, bg)
            if ratio < AA_TEXT:
                failures.append(f"{name} {getattr(self, name)} with {carries} has contrast {ratio:.2f}:1, needs {AA_TEXT}:1 for WCAG AA (short by {AA_TEXT - ratio:.2f})")
        if failures:
            raise ValueError("; ".join(failures))
        return self


class ContactDetails(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9][0-9 \-()]{5,20}$", description="Phone number.")
    email: EmailStr | None = Field(default=None, description="E-mail address.")
    address: str | None = None
    opening_hours: str | None = Field(default=None, description="When they can be reached, e.g. 'maandag tot vrijdag, 9 tot 17 uur'.")


class PersonEnglish(BaseModel):
    """A contact's texts for the English pages; without them the Dutch ones are shown, marked Dutch."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(default=None, min_length=2, description="The name in English, if it needs one; otherwise the Dutch name is used.")
    description: str = Field(min_length=10, description="What they do for you (standard version), in English.")
    easy_read: str = Field(min_length=5, description="The same in short plain English sentences.")
    opening_hours: str | None = Field(default=None, description="When they can be reached, in English.")


class Person(ContactDetails):
    role: Literal["vertrouwenspersoon", "klachtenfunctionaris", "meldpunt", "aandachtsfunctionaris", "seksuoloog", "anders"]
    name: str = Field(min_length=2, description="Name of the person or the service.")
    description: str = Field(min_length=10, description="What they do for you (standard version).")
    easy_read: str = Field(min_length=5, description="The same in easy words.")
    audiences: list[str] = Field(default_factory=lambda: ["naasten", "professionals", "clienten"])
    en: PersonEnglish | None = None

    @model_validator(mode="after")
    def _reachable(self) -> "Person":
        if not (self.phone or self.email or self.address):
            raise ValueError(f"{self.name}: give at least a phone number, an e-mail address or an address")
        return self


class Selection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    audiences: list[str] | None = None
    topics: list[str] | None = None
    regions: list[str] | None = None
    types: list[str] | None = None

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> "Selection":
        vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
        if vocabulary is None:
            return self
        for kind in ("audiences", "topics", "regions", "types"):
            for value in getattr(self, kind) or []:
                if value not in vocabulary.keys(kind):
                    raise ValueError(f"include.{kind}: '{value}' is not one of: {', '.join(vocabulary.keys(kind))}")
        return self


class Organisation(BaseModel):
    """The organisation file. Unknown keys are errors, like in front matter."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=2, max_length=100)
    short_name: str = Field(min_length=2, max_length=30, pattern=r"^[A-Za-z0-9][A-Za-z0-9 \-]*$")
    logo: Logo | None = None
    colours: Colours
    site_url: HttpUrl
    region: Literal["nl", "vlaanderen"]
    contact: ContactDetails
    quick_exit_url: HttpUrl
    languages: list[Literal["nl", "en"]] = Field(default_factory=lambda: ["nl", "en"], min_length=1)
    include: Selection = Field(default_factory=Selection)
    contacts: list[Person] = Field(min_length=1)
    local_pages: str | None = Field(default=None, description="Folder of the organisation's own products, relative to this file.")
    video_hosts: list[str] = Field(default_factory=list)

    @field_validator("languages")
    @classmethod
    def _dutch_first(cls, value: list[str]) -> list[str]:
        if "nl" not in value:
            raise ValueError("Dutch (nl) is the main language and must be offered")
        return value

    @field_validator("local_pages")
    @classmethod
    def _folder(cls, value: str | None, info: ValidationInfo) -> str | None:
        base = (info.context or {}).get("base_dir")
        if value is not None and base is not None and not _inside_own_folder(value, Path(base), info.context.get("own_folder")).is_dir():
            raise ValueError(f"folder '{value}' not found next to the organisation file")
        return value

    @field_validator("video_hosts")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        for host in value:
            if not embed_hosts.valid_hostname(host):
                raise ValueError(f"'{host}' is not a host name: write only the name, like video.example.org, without https://, a path or quotes")
        return [host.lower() for host in value]

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.short_name.lower()).strip("-")

    def offers(self, meta) -> bool:
        """Does this organisation include a product with this front matter?"""
        s = self.include
        return (
            (s.audiences is None or bool(set(meta.audiences) & set(s.audiences)))
            and (s.topics is None or bool(set(meta.topics) & set(s.topics)))
            and (s.regions is None or meta.region in s.regions or meta.region == "algemeen")
            and (s.types is None or meta.type in s.types)
        )


def load(path: Path, vocabulary: Vocabulary, own_folder: Path | None = None) -> tuple[Organisation | None, list[Problem]]:
    """``own_folder``: where every file the organisation names must lie (default: the folder of
    its file; the composed copy's data names its logo under the copy's docs/)."""
    try:
        document = datafile.read(path, str(path))
    except FrontMatterError as exc:
        return None, [exc.problem]
    if not isinstance(document.meta, dict):
        return None, [Problem(str(path), 1, "the organisation file must be a list of 'key: value' lines")]
    return validate_model(document, Organisation, {"vocabulary": vocabulary, "base_dir": path.parent, "own_folder": own_folder or path.parent})


# --- composing the organisation's content folder ------------------------------------------

MD_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\]\[]|\[[^\]]*\])*)\]\(\s*<?(?P<target>[^)\s>]+)>?\s*\)")


class CompositionError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _overlay_local_pages(org: Organisation, org_dir: Path, upstream: Path, target: Path) -> tuple[dict[str, str], list[Problem]]:
    """Copy the organisation's product folders over the upstream ones; returns composed-src -> original path."""
    origins: dict[str, str] = {}
    problems: list[Problem] = []
    if not org.local_pages:
        return origins, problems
    local_root = org_dir / org.local_pages
    scanned = publishing.scan(local_root, str(local_root), boundary=org_dir)
    problems += scanned.problems
    if errors(problems):
        return origins, problems
    for folder in sorted(p for p in local_root.iterdir() if p.is_dir() and scanned.publishes(p.name)):
        index = folder / "index.md"
        replaces = _front_matter_value(index, "replaces")
        upstream_folder = upstream / PRODUCTS_DIR / folder.name
        if upstream_folder.exists() and replaces != folder.name:
            problems.append(Problem(str(index), None, f"local product '{folder.name}' has the same slug as an upstream product: "
                                    f"add 'replaces: {folder.name}' to its front matter to replace it on purpose, or rename the folder"))
            continue
        if replaces is not None and not upstream_folder.exists():
            problems.append(Problem(str(index), None, f"replaces: no upstream product '{replaces}' to replace; remove the key or fix the slug"))
            continue
        destination = target / PRODUCTS_DIR / folder.name
        if destination.exists():
            shutil.rmtree(destination)
        shutil.copytree(folder, destination, ignore=unpublished(scanned, local_root))
        for file in scanned.files:
            if file.suffix == ".md" and folder in file.parents:
                origins[f"{target.name}/{PRODUCTS_DIR}/{folder.name}/{file.relative_to(folder).as_posix()}"] = str(file)
    return origins, problems


def unpublished(scanned: publishing.Scan, root: Path, also: tuple[str, ...] = ()):
    """A copytree ``ignore`` that leaves out what ``scanned`` does not publish (and names in ``also``)."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        return {name for name in names if name in also or not scanned.publishes(prefix + name)}
    return ignore


def _front_matter_value(path: Path, key: str):
    from kennisplein.content import frontmatter

    try:
        return frontmatter.read(path).meta.get(key)
    except (frontmatter.FrontMatterError, AttributeError):
        return None


def remap(problems: list[Problem], origins: dict[str, str]) -> list[Problem]:
    """Point problems found in the composed copy back at the organisation's own file."""
    return [Problem(origins.get(p.path, p.path), p.line, p.message, p.severity) for p in problems]


def _drop_links(markdown: str, source_src: str, removed: set[str]) -> str:
    import posixpath

    def replace(match: re.Match) -> str:
        target = match.group("target").split("#")[0]
        if "://" in target or not target.endswith(".md"):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source_src), target))
        folder = "/".join(resolved.split("/")[:2])
        return match.group("text") if folder in removed else match.group(0)

    return MD_LINK.sub(replace, markdown)


def _narrow_front_matter(path: Path, org: Organisation) -> None:
    """Keep only the selected topics and audiences in a copied product file."""
    import yaml

    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    changed = False
    for key, allowed in (("topics", org.include.topics), ("audiences", org.include.audiences)):
        if allowed is not None and meta.get(key):
            kept = [v for v in meta[key] if v in allowed]
            if kept and kept != meta[key]:
                meta[key], changed = kept, True
    if changed:
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


def select(org: Organisation, catalogue, target: Path) -> set[str]:
    """Remove the products the organisation does not offer from the composed copy; returns removed folders."""
    removed = set()
    for product in catalogue.products:
        if not org.offers(product.main.meta):
            shutil.rmtree(target / product.folder)
            removed.add(product.folder)
    for path in target.rglob("*.md"):
        src = path.relative_to(target).as_posix()
        text = path.read_text(encoding="utf-8")
        pruned = _drop_links(text, src, removed)
        if pruned != text:
            path.write_text(pruned, encoding="utf-8")
        if src.startswith(PRODUCTS_DIR + "/"):
            _narrow_front_matter(path, org)
    _drop_video_links(target, {folder.rsplit("/", 1)[-1] for folder in removed})
    return removed


RELATED_ITEM = re.compile(r"^(?P<indent>[ \t]*)-[ \t]+['\"]?(?P<slug>[a-z0-9-]+)['\"]?[ \t]*$")


def _drop_video_links(target: Path, removed_slugs: set[str]) -> None:
    """A video may name a product the organisation left out: drop that link, keep the video.
    Line by line, so the rest of the file (and its line numbers in any error) stays as written."""
    if not removed_slugs:
        return
    for path in (target / "_data" / "videos").glob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept, in_related = [], False
        for line in lines:
            if re.match(r"^related_products:\s*$", line):
                in_related = True
            elif in_related and not RELATED_ITEM.match(line):
                in_related = False
            if in_related and (m := RELATED_ITEM.match(line)) and m.group("slug") in removed_slugs:
                continue
            kept.append(line)
        text = "".join(kept)
        # a list left empty is written as [] so the file stays valid YAML with the same meaning
        text = re.sub(r"^related_products:[ \t]*\n(?![ \t]*-)", "related_products: []\n", text, flags=re.M)
        if len(kept) != len(lines):
            path.write_text(text, encoding="utf-8")
