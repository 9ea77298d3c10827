""""Bij wie kun je terecht?": the organisation's own contacts plus public services.

Public services come from ``docs/_data/hulpdiensten.yml`` (each with a source and
a check date); an organisation's copy adds its confidential adviser, complaints
officer and reporting point. The directory is a generated page in a standard and
an easy-read version, and a short form of it is shown on every product about
boundaries or unwanted behaviour.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from kennisplein.content import datafile
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.content.schema import IsoDate
from kennisplein.content.validation import validate_model
from kennisplein.problems import Problem

SERVICES_FILE = "hulpdiensten.yml"
HELP_TOPICS = {"grenzen", "grensoverschrijdend-gedrag", "hulp-zoeken"}
PAGES = {"standaard": "hulp/index.md", "makkelijk": "hulp/makkelijk.md"}


class PublicService(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=2)
    region: str = Field(pattern=r"^(nl|vlaanderen)$")
    phone: str | None = None
    url: HttpUrl
    audiences: list[str] = Field(min_length=1)
    description: str = Field(min_length=10)
    easy_read: str = Field(min_length=5)
    checked: IsoDate


class ServicesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    review_due: IsoDate
    services: list[PublicService]


@dataclass
class Entry:
    """One place to turn to, whoever provides it."""

    name: str
    role: str
    description: str
    easy_read: str
    audiences: list[str]
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    opening_hours: str | None = None
    own: bool = False  # the organisation's own contact
    region: str | None = None
    checked: dt.date | None = None


def load(data_dir: Path, today: dt.date | None = None) -> tuple[list[Entry], list[Problem]]:
    path = data_dir / SERVICES_FILE
    if not path.exists():
        return [], []
    try:
        document = datafile.read(path, f"{data_dir.parent.name}/{data_dir.name}/{SERVICES_FILE}")
    except FrontMatterError as exc:
        return [], [exc.problem]
    model, problems = validate_model(document, ServicesFile, {})
    if model is None:
        return [], problems
    today = today or dt.date.today()
    if model.review_due < today:
        problems.append(Problem(document.path, document.line_of(("review_due",)), f"review_due {model.review_due} has passed: check every number and link again", "warning"))
    entries = [
        Entry(s.name, s.region, s.description, s.easy_read, s.audiences, phone=s.phone, url=str(s.url), region=s.region, checked=s.checked)
        for s in model.services
    ]
    return entries, problems


def organisation_entries(org) -> list[Entry]:
    return [
        Entry(p.name, p.role, p.description, p.easy_read, p.audiences, phone=p.phone, email=p.email, opening_hours=p.opening_hours, own=True)
        for p in org.contacts
    ]


def entries_for(public: list[Entry], org, region: str | None) -> list[Entry]:
    """The organisation's contacts first, then the public services of its region (or of every region)."""
    own = organisation_entries(org) if org else []
    wanted = org.region if org else region
    return own + [e for e in public if wanted in (None, "algemeen") or e.region == wanted]


def _contact_line(entry: Entry, ui) -> str:
    bits = []
    if entry.phone:
        bits.append(f'{ui["help_phone"]}: <a href="tel:{html.escape(entry.phone.replace(" ", "").replace("-", ""))}">{html.escape(entry.phone)}</a>')
    if entry.email:
        bits.append(f'{ui["help_email"]}: <a href="mailto:{html.escape(entry.email)}">{html.escape(entry.email)}</a>')
    if entry.url:
        bits.append(f'<a href="{html.escape(entry.url)}" rel="noreferrer">{html.escape(entry.url.split("//", 1)[-1].rstrip("/"))}</a>')
    if entry.opening_hours:
        bits.append(f'{ui["help_hours"]}: {html.escape(entry.opening_hours)}')
    return " · ".join(bits)


def _entry_html(entry: Entry, ui, easy: bool, vocabulary, language: str) -> str:
    role = ui["help_roles"].get(entry.role, entry.role) if isinstance(ui["help_roles"], dict) else entry.role
    text = entry.easy_read if easy else entry.description
    checked = f'<p class="kp-help__checked">{ui["meta_checked"]} {entry.checked.isoformat()}</p>' if entry.checked and not easy else ""
    audiences = " ".join(entry.audiences)
    return (
        f'<li class="kp-help__entry{" kp-help__entry--own" if entry.own else ""}" data-audiences="{audiences}">'
        f'<h3>{html.escape(entry.name)}</h3><p class="kp-help__role">{html.escape(role)}</p>'
        f"<p>{html.escape(text)}</p><p>{_contact_line(entry, ui)}</p>{checked}</li>"
    )


def page_markdown(entries: list[Entry], level: str, language: str, ui, vocabulary, org_name: str | None) -> str:
    easy = level == "makkelijk"
    title = ui["help_title"]
    intro = ui["help_intro_easy" if easy else "help_intro"]
    other = PAGES["standaard" if easy else "makkelijk"].split("/")[-1]
    switch = f'[{ui["read_standard_version" if easy else "read_easy_version"]}]({other})'
    filters = "".join(
        f'<label><input type="checkbox" name="doelgroep" value="{a}" data-kp-help-filter> {html.escape(vocabulary.label("audiences", a, language))}</label> '
        for a in vocabulary.keys("audiences")
    )
    own = [e for e in entries if e.own]
    public = [e for e in entries if not e.own]
    sections = []
    if own:
        sections.append(f"## {ui['help_own'].format(name=org_name)}\n\n" + '<ul class="kp-help">' + "".join(_entry_html(e, ui, easy, vocabulary, language) for e in own) + "</ul>\n")
    if public:
        sections.append(f"## {ui['help_public']}\n\n" + '<ul class="kp-help">' + "".join(_entry_html(e, ui, easy, vocabulary, language) for e in public) + "</ul>\n")
    return (
        f"---\ntitle: {title!r}\nlevel: {level}\n---\n\n# {title}\n\n{intro}\n\n{switch}\n\n"
        f'<fieldset class="kp-help-filter" hidden data-kp-help-filters><legend>{ui["help_filter"]}</legend>{filters}</fieldset>\n\n'
        + "\n".join(sections)
    )


def short_form(entries: list[Entry], ui) -> list[dict]:
    """At most three places to turn to, for the box on products about boundaries."""
    return [{"name": e.name, "contact": _contact_line(e, ui)} for e in entries[:3]]
