"""What the footer of every page carries: the pages about the site itself (about, accessibility,
privacy, visiting safely, what is new), each in the reader's own level where it exists, the
contact of whoever runs this copy, and the date of the last content update.

The contact comes from the organisation file in an organisation's copy, otherwise from the
config (``extra.contact``); without either the footer says so instead of inventing one.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

PAGES = {
    "footer_about_site": {"standaard": "over.md", "makkelijk": "over-makkelijk.md"},
    "footer_accessibility": {"standaard": "toegankelijkheid.md", "makkelijk": "toegankelijkheid-makkelijk.md"},
    "footer_privacy": {"standaard": "privacy.md", "makkelijk": "privacy-makkelijk.md"},
    "footer_safety": {"standaard": "veilig-bezoeken.md", "makkelijk": "veilig-bezoeken-makkelijk.md"},
    "footer_new": {"standaard": "nieuw.md", "makkelijk": "nieuw.md"},
}
CONTACT_FIELDS = ("name", "phone", "email", "address", "opening_hours", "url")
EMAIL = re.compile(r"[^@\s()<>\[\]\\]+@[^@\s()<>\[\]\\]+\.[a-z]{2,}", re.IGNORECASE)
WEB = re.compile(r"https?://[^\s<>()\[\]\\]+")


def footer_links(url_for: Callable[[str], str], easy_read: bool, ui) -> list[dict]:
    level = "makkelijk" if easy_read else "standaard"
    links = []
    for key, sources in PAGES.items():
        url = url_for(sources[level]) or url_for(sources["standaard"])
        if url:
            links.append({"label": ui[key], "url": url})
    return links


def last_update(catalogue) -> dt.date | None:
    """The newest ``reviewed`` date in the products' front matter."""
    dates = [page.meta.reviewed for page in catalogue.pages() if hasattr(page.meta, "reviewed")]
    return max(dates) if dates else None


def contact(organisation, extra: dict | None) -> dict | None:
    """Who runs this copy and how to reach them: the organisation's own details, else the
    config's ``extra.contact``; None when neither says anything."""
    if organisation is not None:
        details = organisation.contact.model_dump()
        details["name"] = organisation.name
    else:
        details = dict((extra or {}).get("contact") or {})
    found = {key: str(details[key]).strip() for key in CONTACT_FIELDS if details.get(key)}
    if "email" in found and not EMAIL.fullmatch(found["email"]):
        found["email_text"] = found.pop("email")  # shown as text, never as a link
    if "url" in found and not WEB.fullmatch(found["url"]):
        found["url_text"] = found.pop("url")
    if set(found) - {"name"}:
        return found
    return None


# The contact's details in the order they are shown: (key, ui label, how the value is written).
CONTACT_LINES = [
    ("phone", "help_phone", lambda value: f"[{_md(value)}](tel:{_tel(value)})"),
    ("email", "help_email", lambda value: f"[{_md(value)}](mailto:{value})"),
    ("address", "contact_address", lambda value: _md(value)),
    ("opening_hours", "help_hours", lambda value: _md(value)),
    ("email_text", "help_email", lambda value: _md(value)),
    ("url", "contact_website", lambda value: f"<{value}>"),
    ("url_text", "contact_website", lambda value: _md(value)),
]


def contact_markdown(details: dict | None, ui) -> str:
    """The contact as a Markdown list, for site pages that ask for it with CONTACT_MARKER."""
    if not details:
        return ui["contact_none"] + "\n"
    lines = [f"- **{_md(details['name'])}**"] if details.get("name") else []
    lines += [f"- {ui[label]}: {write(details[key])}" for key, label, write in CONTACT_LINES if details.get(key)]
    return "\n".join(lines) + "\n"


def not_found(vocabulary, ui, url_for: Callable[[str], str]) -> dict:
    """What the 404 page offers: the audience routes, the start page, help and the search page."""
    routes = [{"label": ui["route_label"].get(a, a) if isinstance(ui["route_label"], dict) else a, "url": url_for(f"{a}.md")}
              for a in vocabulary.keys("audiences")]
    return {"routes": [r for r in routes if r["url"]], "home": url_for("index.md"), "help": url_for("hulp/index.md"),
            "search": url_for("zoeken.md")}


CONTACT_MARKER = "<!-- kennisplein:contact -->"


def fill_contact(markdown: str, details: dict | None, ui) -> str:
    if CONTACT_MARKER not in markdown:
        return markdown
    return markdown.replace(CONTACT_MARKER, contact_markdown(details, ui))


def _md(text: str) -> str:
    """Text from a data file, safe in Markdown: no HTML, no Markdown syntax."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]#|":
        out = out.replace(char, "\\" + char)
    return out


def _tel(number: str) -> str:
    return "".join(c for c in number if c.isdigit() or c == "+")
