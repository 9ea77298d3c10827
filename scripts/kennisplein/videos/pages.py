"""The video index (``videos/index.md``) and one page per video (``videos/<slug>.md``).

Like the hubs, these pages are generated; their Markdown carries only text (the
summaries and the transcript, so it is searchable and printable). Everything
else - the player, the cards, the filters, the JSON-LD - is rendered by the
components in ``overrides/components/video-*.html`` from the data in ``context``.
"""
from __future__ import annotations

import json

from kennisplein.hubs import HubPage
from kennisplein.videos.catalogue import VIDEOS_DIR, Video, VideoIndex

INDEX_SRC = f"{VIDEOS_DIR}/index.md"
DEFAULT_LANGUAGE = "nl"  # title and summaries are written in Dutch; `en:` translates them
EASY_ID, SUMMARY_ID, TRANSCRIPT_ID = "in-het-kort", "samenvatting", "uitgeschreven-tekst"


def _front_matter(title: str, summary: str | None = None) -> str:
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if summary:
        lines.append(f"summary: {json.dumps(' '.join(summary.split()), ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def texts(video: Video, language: str) -> tuple[str, str, str, str]:
    """(title, summary, easy summary, their language) for a page in ``language``."""
    meta = video.meta
    if language == "en" and meta.en is not None:
        return meta.en.title, meta.en.summary, meta.en.easy_summary, "en"
    return meta.title, meta.summary, meta.easy_summary, DEFAULT_LANGUAGE


def _in_language(markdown: str, lang: str, language: str, css: str = "") -> str:
    attrs = (f' class="{css}"' if css else "") + (f' lang="{lang}"' if lang != language else "")
    return f"<div{attrs} markdown>\n\n{markdown.strip()}\n\n</div>\n" if attrs else markdown.strip() + "\n"


def video_markdown(video: Video, language: str, ui) -> str:
    title, summary, easy, lang = texts(video, language)
    return (
        _front_matter(title, summary)
        + f"## {ui['video_easy_summary']} {{ #{EASY_ID} }}\n\n" + _in_language(easy, lang, language, "kp-video-easy") + "\n"
        + f"## {ui['video_summary']} {{ #{SUMMARY_ID} }}\n\n" + _in_language(summary, lang, language) + "\n"
        + f"## {ui['video_transcript']} {{ #{TRANSCRIPT_ID} }}\n\n"
        + _in_language(video.transcript, video.meta.language, language, "kp-transcript")
    )


def index_markdown(index: VideoIndex, ui) -> str:
    title = ui["videos_title"]
    intro = ui["videos_intro"] if index.videos else ui["videos_none"]  # no promise of videos that are not there
    return _front_matter(title, intro) + f"# {title}\n\n{intro}\n"


def generated(index: VideoIndex, language: str, ui) -> list[HubPage]:
    pages = [HubPage(INDEX_SRC, ui["videos_title"], index_markdown(index, ui))]
    pages += [HubPage(v.src, texts(v, language)[0], video_markdown(v, language, ui)) for v in index.videos]
    return pages
