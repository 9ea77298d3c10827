"""The video index: accessible, privacy-safe videos with captions and transcripts.

``catalogue`` loads and checks ``docs/_data/videos/*.yml`` (schema in ``model``,
caption rules in ``captions``, embed hosts in ``hosts``); ``pages`` makes the
index and video pages, ``context`` what their templates show, ``guide`` the
editors' guide section; ``search.documents`` hands the search its records.
"""
from kennisplein.videos.catalogue import Video, VideoIndex, load
from kennisplein.videos.search import documents as search_documents

__all__ = ["Video", "VideoIndex", "load", "search_documents"]
