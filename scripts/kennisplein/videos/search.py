"""The video documents the site search indexes, transcripts included.

The search code asks for them through this one function, so it needs no
knowledge of video files, captions or transcripts: per language, one plain
record per video page.
"""
from __future__ import annotations

from kennisplein.markdown_text import plain
from kennisplein.videos.pages import texts

DEFAULT_LANGUAGE = "nl"


def documents(project, language: str, use_directory_urls: bool = True) -> list[dict]:
    """One record per video for a site in ``language``.

    ``url`` is relative to the site root (``videos/privacy/``, ``en/videos/privacy/``;
    ``videos/privacy.html`` without directory URLs); ``src`` is the generated page's source path.
    ``language`` is the language of ``title`` and ``summary``; ``transcript_language`` that of the spoken text.
    """
    index = getattr(project, "videos", None)
    if index is None:
        return []
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    records = []
    for video in index.videos:
        meta = video.meta
        title, summary, easy, text_language = texts(video, language)
        path = f"videos/{video.slug}/" if use_directory_urls else f"videos/{video.slug}.html"
        records.append({
            "url": prefix + path,
            "src": video.src,
            "title": title,
            "summary": easy if meta.easy_read else summary,
            "transcript": plain(video.transcript),
            "audiences": list(meta.audiences),
            "topics": list(meta.topics),
            "region": meta.region,
            "language": text_language,
            "transcript_language": meta.language,
            "level": meta.level,
            "kind": "video",
        })
    return records
