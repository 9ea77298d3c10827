"""Every video in ``docs/_data/videos/``, validated and tied to the products.

A video names its related products; a product may name its videos in front
matter (``videos: [slug]``). Either side is enough: the link shows both ways,
and a slug that points nowhere is an error on the side that wrote it. In an
organisation's copy, videos outside its selection are left out and links to
products it does not offer are dropped quietly, as for products.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kennisplein import publishing
from kennisplein.checks import markup
from kennisplein.content import datafile, frontmatter
from kennisplein.content.frontmatter import FrontMatterError, MarkdownDocument
from kennisplein.content.validation import validate_model
from kennisplein.problems import Problem
from kennisplein.videos import captions as caption_checks
from kennisplein.videos import hosts
from kennisplein.videos.model import DATA_DIR, VideoMeta

VIDEOS_DIR = "videos"  # under _data/ for the YAML files; under docs/ for pages and media
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Video:
    slug: str
    meta: VideoMeta
    document: MarkdownDocument
    transcript: str                     # Markdown (or plain text) as the editor wrote it
    cues: list[caption_checks.Cue]
    embed: hosts.Embed | None = None
    products: list[str] = field(default_factory=list)  # related product slugs, both directions

    @property
    def src(self) -> str:
        return f"{VIDEOS_DIR}/{self.slug}.md"


@dataclass
class VideoIndex:
    videos: list[Video] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, slug: str) -> Video | None:
        return next((v for v in self.videos if v.slug == slug), None)

    def for_product(self, slug: str) -> list[Video]:
        return [v for v in self.videos if slug in v.products]

    def sources(self) -> set[str]:
        """Source paths of the generated video pages, for the link check."""
        return {f"{VIDEOS_DIR}/index.md"} | {v.src for v in self.videos}


def _offered(meta: dict, org) -> bool:
    include = org.include
    def overlaps(key: str, allowed) -> bool:
        return allowed is None or not isinstance(meta.get(key), list) or bool(set(meta[key]) & set(allowed))
    region_ok = include.regions is None or meta.get("region") in (*include.regions, "algemeen")
    return overlaps("audiences", include.audiences) and overlaps("topics", include.topics) and region_ok


def _narrow(meta: dict, org) -> None:
    for key, allowed in (("topics", org.include.topics), ("audiences", org.include.audiences)):
        if allowed is not None and isinstance(meta.get(key), list):
            meta[key] = [v for v in meta[key] if v in allowed] or meta[key]


def _display(docs_dir: Path, path: Path) -> str:
    try:
        return str(path.relative_to(docs_dir.parent))
    except ValueError:
        return str(path)


def _load_one(path: Path, docs_dir: Path, context: dict, org) -> tuple[Video | None, list[Problem]]:
    shown = _display(docs_dir, path)
    slug = path.stem
    if not SLUG.match(slug):
        return None, [Problem(shown, None, f"file name '{path.name}' must be a slug: lower-case letters, digits and hyphens, ending in .yml")]
    try:
        document = datafile.read(path, shown)
    except FrontMatterError as exc:
        return None, [exc.problem]
    if not isinstance(document.meta, dict):
        return None, [Problem(shown, 1, "a video file is a list of 'key: value' lines")]
    if org is not None:
        if not _offered(document.meta, org):
            return None, []
        _narrow(document.meta, org)
    meta, problems = validate_model(document, VideoMeta, context)
    if meta is None:
        return None, problems
    transcript = meta.transcript.text or ""
    if meta.transcript.file:
        transcript_shown = _display(docs_dir, docs_dir / meta.transcript.file)
        try:
            transcript = frontmatter.decode((docs_dir / meta.transcript.file).read_bytes(), transcript_shown)
        except FrontMatterError as exc:
            return None, problems + [exc.problem]
        except OSError as exc:
            return None, problems + [Problem(transcript_shown, None, f"cannot read transcript: {exc.strerror}")]
        if len(transcript.strip()) < 20:
            problems.append(Problem(shown, document.line_of(("transcript", "file")), f"transcript.file: '{meta.transcript.file}' is (almost) empty"))
        problems += markup.check_text(transcript, _display(docs_dir, docs_dir / meta.transcript.file), 1)
    problems += _markup_problems(meta, document, shown)
    captions_shown = _display(docs_dir, docs_dir / meta.captions)
    cues, caption_problems = caption_checks.check_file(docs_dir / meta.captions, captions_shown, meta.easy_read, meta.seconds)
    problems += caption_problems
    embed = hosts.check(meta.source.embed, context.get("video_hosts", ())) if meta.source.embed else None
    return Video(slug, meta, document, transcript, cues, embed, list(meta.related_products)), problems


def _markup_problems(meta: VideoMeta, document, shown: str) -> list[Problem]:
    """The texts the video page renders as Markdown, checked as a page's body is (kennisplein.checks.markup)."""
    fields = [(("summary",), meta.summary), (("easy_summary",), meta.easy_summary), (("transcript", "text"), meta.transcript.text)]
    if meta.en is not None:
        fields += [(("en", "summary"), meta.en.summary), (("en", "easy_summary"), meta.en.easy_summary)]
    problems = []
    for key, text in fields:
        if text:
            problems += markup.check_text(text, shown, document.line_of(key))
    return problems


def _link_products(index: VideoIndex, catalogue, strict: bool) -> None:
    products = {p.slug: p for p in catalogue.products}
    for video in index.videos:
        kept = []
        for position, slug in enumerate(video.meta.related_products):
            if slug in products:
                kept.append(slug)
            elif strict:
                index.problems.append(Problem(video.document.path, video.document.line_of(("related_products", position)),
                                              f"related_products: no product '{slug}' in docs/producten/"))
        video.products = kept
    by_slug = {v.slug: v for v in index.videos}
    for product in catalogue.products:
        for page in product.versions.values():
            for position, slug in enumerate(getattr(page.meta, "videos", []) or []):
                if slug in by_slug:
                    if product.slug not in by_slug[slug].products:
                        by_slug[slug].products.append(product.slug)
                elif strict:
                    index.problems.append(Problem(page.document.path, page.document.line_of(("videos", position)),
                                                  f"videos: no video '{slug}' in docs/{DATA_DIR}/{VIDEOS_DIR}/"))


def load(docs_dir: Path, catalogue, video_hosts: list[str] | tuple[str, ...] = (), organisation=None,
         published: publishing.Scan | None = None) -> VideoIndex:
    """Load and check every video file; never raises on bad content. ``published``: what of
    docs_dir is published (a file that is not is never read: a link to a system file, a backup)."""
    docs_dir = Path(docs_dir)
    own_hosts = [*video_hosts, *(organisation.video_hosts if organisation else [])]
    context = {"vocabulary": catalogue.vocabulary, "docs_dir": docs_dir, "video_hosts": own_hosts, "published": published}
    index = VideoIndex()
    for host in video_hosts:  # an organisation's own hosts are checked, with their line, in its file (kennisplein.organisation)
        if not hosts.valid_hostname(host):
            index.problems.append(Problem("mkdocs.yml", None, f"extra.video_hosts: '{host}' is not a host name (write it without https:// or a path)"))
    own_hosts = [host for host in own_hosts if hosts.valid_hostname(host)]
    context["video_hosts"] = own_hosts
    folder = docs_dir / DATA_DIR / VIDEOS_DIR
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if path.suffix not in (".yml", ".yaml") or publishing.hidden_or_temporary(path.name):
            continue
        if published is not None and not published.publishes(path.relative_to(docs_dir).as_posix()):
            continue  # a link out of docs/: reported by the scan, never read
        video, problems = _load_one(path, docs_dir, context, organisation)
        index.problems += problems
        if video is not None:
            index.videos.append(video)
    _link_products(index, catalogue, strict=organisation is None)
    index.videos.sort(key=lambda v: (v.embed is not None, v.meta.title.lower()))  # own videos first, embeds after
    return index
