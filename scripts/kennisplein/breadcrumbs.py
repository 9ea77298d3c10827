"""Breadcrumbs for every page: where it sits on the site, from the start page down.

With no sidebar, the breadcrumbs and the header's menu carry the navigation (public-service
layout, after GOV.UK and the NL Design System). The trail is made from the page's source path
and the product's front matter, never typed by hand, and does not include the page itself.
"""
from __future__ import annotations

from typing import Callable

UrlFor = Callable[[str], str]

# The parent of a page by the folder its source lives in (generated hubs and indexes).
PARENTS = {
    "onderwerpen/": ("onderwerpen/index.md", "topics_title"),
    "soorten/": ("soorten/index.md", "types_title"),
    "videos/": ("videos/index.md", "videos_title"),
    "hulp/": ("hulp/index.md", "help_title"),
}
START = "index.md"


def trail(src: str, catalogue, language: str, ui, url_for: UrlFor) -> list[dict]:
    """[{label, url}, ...] for the page built from ``src``; empty on the start page."""
    if src.split("/")[-1].split(".")[0] == "index" and "/" not in src:
        return []
    crumbs = [(START, ui["breadcrumbs_start"])]
    found = catalogue.product_for(src)
    if found is not None:
        product, page = found
        meta = product.main.meta
        if not page.easy_read:  # a type name ("Handreiking") is not an easy word
            crumbs.append((f"soorten/{meta.type}.md", catalogue.vocabulary.label("types", meta.type, language)))
    else:
        for folder, (parent, key) in PARENTS.items():
            if src.startswith(folder) and src.split("/", 1)[1].split(".")[0] != "index":
                crumbs.append((parent, ui[key]))
                break
    out = []
    for target, label in crumbs:
        url = url_for(target)
        if url:
            out.append({"label": label, "url": url})
    return out
