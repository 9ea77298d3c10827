"""The footer links every page carries: how to visit the site safely, and the privacy
statement, each in the reader's own level (easy-read pages link the easy-read versions)."""
from __future__ import annotations

from typing import Callable

PAGES = {
    "footer_safety": {"standaard": "veilig-bezoeken.md", "makkelijk": "veilig-bezoeken-makkelijk.md"},
    "footer_privacy": {"standaard": "privacy.md", "makkelijk": "privacy-makkelijk.md"},
}


def footer_links(url_for: Callable[[str], str], easy_read: bool, ui) -> list[dict]:
    level = "makkelijk" if easy_read else "standaard"
    links = []
    for key, sources in PAGES.items():
        url = url_for(sources[level]) or url_for(sources["standaard"])
        if url:
            links.append({"label": ui[key], "url": url})
    return links
