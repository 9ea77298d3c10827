"""What the video components render, as plain data: ``kp_video`` (a video's page),
``kp_video_index`` (the index) and the cards on a product page.

Kept apart from the generated Markdown (``pages``) so the templates in
``overrides/components/video-*.html`` hold all the HTML and this module none.
"""
from __future__ import annotations

import base64
from typing import Callable

from kennisplein.markdown_text import plain
from kennisplein.ui import long_date
from kennisplein.videos import duration as iso_duration
from kennisplein.videos.catalogue import VIDEOS_DIR, Video, VideoIndex
from kennisplein.videos.model import VIDEO_TYPES
from kennisplein.videos.pages import INDEX_SRC, TRANSCRIPT_ID, texts

FEATURE_ICONS = {
    "captions": "material/closed-caption",
    "transcript": "material/text-box-outline",
    "sign-language": "material/sign-language",
    "audio-description": "fontawesome/solid/audio-description",
}
SCHEMA_FEATURES = {"captions": "captions", "transcript": "transcript", "sign-language": "signLanguage", "audio-description": "audioDescription"}
FILTER_FEATURES = ("sign-language", "audio-description", "easy-read")
PARAMS = {"topics": "onderwerp", "audiences": "doelgroep", "features": "kenmerk"}  # query keys, the same in every language

UrlFor = Callable[[str], str]



def feature_keys(video: Video) -> list[str]:
    keys = ["captions", "transcript"]
    if video.meta.sign_language:
        keys.append("sign-language")
    if video.meta.audio_description:
        keys.append("audio-description")
    return keys


def _features(video: Video, ui) -> list[dict]:
    labels = ui["video_features"]
    out = []
    for key in feature_keys(video):
        label = labels.get(key, key) if isinstance(labels, dict) else key
        if key == "sign-language":
            label = f"{label} ({video.meta.sign_language.language.upper()})"
        out.append({"key": key, "label": label, "icon": FEATURE_ICONS[key]})
    return out


def _duration(video: Video, ui) -> dict:
    seconds = video.meta.seconds
    return {"iso": video.meta.duration, "clock": iso_duration.clock(seconds), "spoken": iso_duration.spoken(seconds, ui)}


def _labels(kind: str, keys: list[str], vocab, language: str) -> list[dict]:
    return [{"key": k, "label": vocab.label(kind, k, language)} for k in keys]


def _easy_audiences(labels: list[dict], ui) -> list[dict]:
    """An easy-read video names its audiences in easy words (ui.yml ``easy_audiences``)."""
    easy = ui["easy_audiences"] if isinstance(ui["easy_audiences"], dict) else {}
    return [{**label, "label": easy.get(label["key"], label["label"])} for label in labels]


def card(video: Video, project, language: str, ui, url_for: UrlFor) -> dict:
    vocab = project.vocabulary
    title, summary, easy, lang = texts(video, language)
    meta = video.meta
    filter_keys = feature_keys(video) + (["easy-read"] if meta.easy_read else [])
    return {
        "slug": video.slug,
        "title": title,
        "summary": easy if meta.easy_read else summary,
        "lang": lang if lang != language else None,
        "url": url_for(video.src),
        "poster_url": url_for(meta.source.poster),
        "duration": _duration(video, ui),
        "level": {"key": meta.level, "label": vocab.label("levels", meta.level, language)},
        "easy_read": meta.easy_read,
        "audiences": _easy_audiences(_labels("audiences", meta.audiences, vocab, language), ui) if meta.easy_read else _labels("audiences", meta.audiences, vocab, language),
        "topics": _labels("topics", meta.topics, vocab, language),
        "features": _features(video, ui),
        "data": {"topics": " ".join(meta.topics), "audiences": " ".join(meta.audiences), "features": " ".join(filter_keys)},
    }


def _filters(index: VideoIndex, vocab, language: str, ui) -> list[dict]:
    def used(kind: str, attr: str) -> list[dict]:
        present = {k for v in index.videos for k in getattr(v.meta, attr)}
        return [{"value": k, "label": vocab.label(kind, k, language)} for k in vocab.keys(kind) if k in present]

    labels = ui["video_features"] if isinstance(ui["video_features"], dict) else {}
    present = {k for v in index.videos for k in feature_keys(v) + (["easy-read"] if v.meta.easy_read else [])}
    features = [{"value": k, "label": labels.get(k, k)} for k in FILTER_FEATURES if k in present]
    groups = [
        {"name": PARAMS["topics"], "key": "topics", "legend": ui["video_filter_topic"], "options": used("topics", "topics")},
        {"name": PARAMS["audiences"], "key": "audiences", "legend": ui["video_filter_audience"], "options": used("audiences", "audiences")},
        {"name": PARAMS["features"], "key": "features", "legend": ui["video_filter_feature"], "options": features},
    ]
    return [g for g in groups if g["options"]]


def index_context(project, language: str, ui, url_for: UrlFor) -> dict:
    index: VideoIndex = project.videos
    return {
        "cards": [card(v, project, language, ui, url_for) for v in index.videos],
        "filters": _filters(index, project.vocabulary, language, ui),
        "count": {"one": ui["video_count_one"], "many": ui["video_count"], "none": ui["video_count_none"]},
    }


def _products(video: Video, project, language: str, url_for: UrlFor) -> list[dict]:
    out = []
    for slug in video.products:
        product = next((p for p in project.catalogue.products if p.slug == slug), None)
        if product is None:
            continue
        standard = product.version("standaard", language) or product.main
        easy = product.version("makkelijk", language) or product.version("makkelijk")
        out.append({
            "title": standard.meta.title,
            "lang": standard.language if standard.language != language else None,
            "url": url_for(standard.src),
            "easy_url": url_for(easy.src) if easy else None,
        })
    return out


def _jsonld(video: Video, language: str, title: str, summary: str, url_for: UrlFor) -> dict:
    meta = video.meta
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": title,
        "description": summary,
        "duration": meta.duration,
        "uploadDate": meta.uploaded.isoformat(),
        "inLanguage": meta.language,
        "thumbnailUrl": url_for(meta.source.poster),
        "transcript": plain(video.transcript),
        "accessibilityFeature": [SCHEMA_FEATURES[k] for k in feature_keys(video)],
        "accessMode": ["auditory", "visual", "textual"],
        "accessModeSufficient": [["visual", "textual"], ["auditory"], ["textual"]],
        "creditText": meta.credits,
        "license": meta.licence,
    }
    if video.embed:
        data["embedUrl"] = video.embed.url
    else:
        data["contentUrl"] = url_for(meta.source.file)
    return data


def _autoplay(embed) -> str:
    """The reader already chose to play by pressing the button; known players then start at once."""
    if embed.label not in ("YouTube", "Vimeo"):
        return embed.url
    return embed.url + ("&" if "?" in embed.url else "?") + "autoplay=1"


def _data_url(path) -> str:
    return "data:text/vtt;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def page_context(video: Video, project, language: str, ui, url_for: UrlFor, inline_captions: bool = False) -> dict:
    meta = video.meta
    title, summary, easy, lang = texts(video, language)
    context = card(video, project, language, ui, url_for)
    languages = ui["video_languages"] if isinstance(ui["video_languages"], dict) else {}
    sign = meta.sign_language
    described = meta.audio_description
    context.update({
        "video_language": meta.language,
        "content_language": lang,
        "embed": {"url": video.embed.url, "play_url": _autoplay(video.embed), "host": video.embed.host, "label": video.embed.label} if video.embed else None,
        "file_url": url_for(meta.source.file) if meta.source.file else None,
        "file_type": VIDEO_TYPES.get("." + meta.source.file.rsplit(".", 1)[-1].lower()) if meta.source.file else None,
        "captions_url": url_for(meta.captions),
        "track_src": _data_url(project.docs_dir / meta.captions) if inline_captions else url_for(meta.captions),
        "captions_label": languages.get(meta.language, meta.language),
        "sign_language": {"label": ui["video_sign_languages"].get(sign.language, sign.language) if isinstance(ui["video_sign_languages"], dict) else sign.language,
                          "url": url_for(sign.file) if sign.file else str(sign.url)} if sign else None,
        "audio_description": {"integrated": described.integrated,
                              "url": None if described.integrated else (url_for(described.file) if described.file else str(described.url))} if described else None,
        "transcript_id": TRANSCRIPT_ID,
        "products": _products(video, project, language, url_for),
        "credits": meta.credits,
        "licence": meta.licence,
        "uploaded": long_date(meta.uploaded, ui),
        "uploaded_iso": meta.uploaded.isoformat(),
        "index_url": url_for(INDEX_SRC),
        "jsonld": _jsonld(video, language, title, summary, url_for),
    })
    return context


def context(project, src: str, language: str, ui, url_for: UrlFor, inline_captions: bool = False) -> dict:
    """``kp_video`` / ``kp_video_index`` for the page built from ``src`` (both None elsewhere)."""
    index: VideoIndex | None = getattr(project, "videos", None)
    if index is None or not src.startswith(VIDEOS_DIR + "/") or not src.endswith(".md"):
        return {"kp_video": None, "kp_video_index": None}
    if src == INDEX_SRC:
        return {"kp_video": None, "kp_video_index": index_context(project, language, ui, url_for)}
    video = index.get(src[len(VIDEOS_DIR) + 1 : -len(".md")])
    return {"kp_video": page_context(video, project, language, ui, url_for, inline_captions) if video else None, "kp_video_index": None}


def for_product(project, product_slug: str, language: str, ui, url_for: UrlFor) -> list[dict]:
    """Cards of the videos that belong with a product, for its page."""
    index: VideoIndex | None = getattr(project, "videos", None)
    return [card(v, project, language, ui, url_for) for v in index.for_product(product_slug)] if index else []
