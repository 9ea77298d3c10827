""""Bij wie kun je terecht?": the organisation's own contacts plus public services.

Public services come from ``docs/_data/hulpdiensten.yml`` (each with a source and
a check date); an organisation's copy adds its confidential adviser, complaints
officer and reporting point. The directory is a generated page in a standard and
an easy-read version, and a short form of it is shown on every product about
boundaries or unwanted behaviour.

Entries are written in Dutch; a public service may carry its texts in English too
(``en:``). An English page shows those, and falls back to the Dutch text, marked
``lang="nl"``, only for an entry that has no English.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from kennisplein.content import datafile
from kennisplein.ui import long_date
from kennisplein.content.schema import IsoDate
from kennisplein.problems import Problem

SERVICES_FILE = "hulpdiensten.yml"
HELP_TOPICS = {"grenzen", "grensoverschrijdend-gedrag", "hulp-zoeken"}
PAGES = {"standaard": "hulp/index.md", "makkelijk": "hulp/makkelijk.md"}
REGIONS = ("nl", "vlaanderen")  # the countries the directory lists, each on its own
KINDS = ("spoed", "vraag")  # help now, then an ordinary question


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    publisher: str = Field(min_length=2)
    title: str = Field(min_length=2)
    url: HttpUrl | None = None  # a seed document has none


class EnglishText(BaseModel):
    """A service's texts for the English pages: the same facts as the Dutch, nothing added."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(default=None, min_length=2, description="The name with an English gloss, e.g. 'Veilig Thuis (Safe at Home)'; without it the Dutch name is used.")
    description: str = Field(min_length=10, description="What they do for you (standard version), in English.")
    easy_read: str = Field(min_length=5, description="The same in short plain English sentences.")
    hours: str = Field(min_length=5, description="When they can be reached, in English.")


class PublicService(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=2)
    region: str = Field(pattern=r"^(nl|vlaanderen)$")
    kind: str = Field(pattern=r"^(spoed|vraag)$")
    phone: str | None = Field(default=None, pattern=r"^[0-9][0-9 -]{1,14}$")
    url: HttpUrl | None = None
    audiences: list[str] = Field(min_length=1)
    hours: str = Field(min_length=5)
    description: str = Field(min_length=10)
    easy_read: str = Field(min_length=5)
    sources: list[Source] = Field(min_length=1)
    checked: IsoDate
    short: bool = False
    en: EnglishText | None = None


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
    kind: str = "vraag"
    sources: list[dict] = field(default_factory=list)
    short: bool = False  # shown in the "Hulp nodig?" box on product pages
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> name, description, easy_read, opening_hours


@dataclass(frozen=True)
class Localised:
    """An entry's texts in the language a page shows them in; ``lang`` is set when that is
    not the page's language (the Dutch text on an English page)."""

    name: str
    description: str
    easy_read: str
    opening_hours: str | None
    lang: str | None
    hours_lang: str | None = None  # the hours may be Dutch where the rest is not (a contact without English hours)


SOURCE_LANGUAGE = "nl"  # hulpdiensten.yml and organisation.yml are written in Dutch


def localise(entry: Entry, language: str) -> Localised:
    """The entry's own texts in ``language`` when it has them, otherwise the Dutch ones, marked."""
    marked = None if language == SOURCE_LANGUAGE else SOURCE_LANGUAGE
    own = entry.translations.get(language) if marked else None
    if not own:
        return Localised(entry.name, entry.description, entry.easy_read, entry.opening_hours, marked, marked)
    hours = own.get("opening_hours")
    return Localised(own.get("name") or entry.name, own["description"], own["easy_read"],
                     hours or entry.opening_hours, None, None if hours else marked)


def _translations(service: PublicService) -> dict[str, dict[str, str]]:
    if service.en is None:
        return {}
    en = service.en
    return {"en": {"name": en.name or service.name, "description": en.description, "easy_read": en.easy_read, "opening_hours": en.hours}}


def load(data_dir: Path, today: dt.date | None = None) -> tuple[list[Entry], list[Problem]]:
    path = data_dir / SERVICES_FILE
    if not path.exists():
        return [], []
    model, document, problems = datafile.read_model(path, ServicesFile, f"{data_dir.parent.name}/{data_dir.name}/{SERVICES_FILE}")
    if model is None:
        return [], problems
    today = today or dt.date.today()
    if model.review_due < today:
        problems.append(Problem(document.path, document.line_of(("review_due",)), f"review_due {model.review_due} has passed: check every number and link again", "warning"))
    entries = [
        Entry(s.name, s.region, s.description, s.easy_read, s.audiences, phone=s.phone, url=str(s.url) if s.url else None,
              opening_hours=s.hours, region=s.region, checked=s.checked, kind=s.kind, short=s.short,
              translations=_translations(s),
              sources=[{"publisher": src.publisher, "title": src.title, "url": str(src.url) if src.url else None} for src in s.sources])
        for s in model.services
    ]
    return entries, problems


def _person_translations(person) -> dict[str, dict[str, str]]:
    en = getattr(person, "en", None)
    if en is None:
        return {}
    texts = {"name": en.name or person.name, "description": en.description, "easy_read": en.easy_read}
    if en.opening_hours:
        texts["opening_hours"] = en.opening_hours  # without them localise keeps the Dutch hours, marked Dutch
    return {"en": texts}


def organisation_entries(org) -> list[Entry]:
    return [
        Entry(p.name, p.role, p.description, p.easy_read, p.audiences, phone=p.phone, email=p.email, opening_hours=p.opening_hours, own=True,
              translations=_person_translations(p))
        for p in org.contacts
    ]


def entries_for(public: list[Entry], org, region: str | None) -> list[Entry]:
    """The organisation's contacts first, then the public services of its region (or of every region)."""
    own = organisation_entries(org) if org else []
    wanted = org.region if org else region
    return own + [e for e in public if wanted in (None, "algemeen") or e.region == wanted]


def _contact_line(entry: Entry, ui, with_hours: bool = True, local: Localised | None = None) -> str:
    bits = []
    if entry.phone:
        bits.append(f'{ui["help_phone"]}: <a href="tel:{html.escape(entry.phone.replace(" ", "").replace("-", ""))}">{html.escape(entry.phone)}</a>')
    if entry.email:
        bits.append(f'{ui["help_email"]}: <a href="mailto:{html.escape(entry.email)}">{html.escape(entry.email)}</a>')
    if entry.url:
        bits.append(f'<a href="{html.escape(entry.url)}" rel="noreferrer">{html.escape(entry.url.split("//", 1)[-1].rstrip("/"))}</a>')
    hours = local.opening_hours if local else entry.opening_hours
    if with_hours and hours:
        bits.append(f'{ui["help_hours"]}: <span{_lang_attr(local, hours=True) if local else ""}>{html.escape(hours)}</span>')
    return " · ".join(bits)


def _sources_html(entry: Entry, ui, easy: bool, language: str = SOURCE_LANGUAGE) -> str:
    """Where the facts come from and when they were checked: on every public entry, in both versions.
    The sources are Dutch and Flemish pages: their titles are marked Dutch on another language's page."""
    if not entry.sources:
        return ""
    if easy:
        names = ", ".join(dict.fromkeys(html.escape(s["publisher"]) for s in entry.sources))
        return f'<p class="kp-help__source">{html.escape(ui["easy_meta"]["meta_sources"] if isinstance(ui["easy_meta"], dict) else ui["meta_sources"])}: {names}</p>'
    items = []
    for s in entry.sources:
        lang = "" if language == SOURCE_LANGUAGE else f' lang="{SOURCE_LANGUAGE}"'
        # the site links only to https addresses (kennisplein.sanitise): an older http source is named, not linked
        linked = bool(s["url"]) and s["url"].startswith("https://")
        title = f'<a href="{html.escape(s["url"])}" rel="noreferrer"{lang}>{html.escape(s["title"])}</a>' if linked else f"<cite{lang}>{html.escape(s['title'])}</cite>"
        items.append(f"{title}, {html.escape(s['publisher'])}")
    checked = f' ({ui["meta_checked"]} <time datetime="{entry.checked.isoformat()}">{long_date(entry.checked, ui)}</time>)' if entry.checked else ""
    return f'<p class="kp-help__source">{html.escape(ui["help_source"])}: {"; ".join(items)}{checked}</p>'


def _entry_html(entry: Entry, ui, easy: bool, vocabulary, language: str) -> str:
    local = localise(entry, language)
    text = local.easy_read if easy else local.description
    audiences = " ".join(entry.audiences)
    role = ""
    if entry.own:
        roles = ui["help_roles"]
        role = f'<p class="kp-help__role">{html.escape(roles.get(entry.role, entry.role) if isinstance(roles, dict) else entry.role)}</p>'
    hours = f'<p class="kp-help__hours"><strong>{html.escape(ui["help_hours"])}:</strong> <span{_lang_attr(local, hours=True)}>{html.escape(local.opening_hours)}</span></p>' if local.opening_hours else ""
    contact = _contact_line(entry, ui, with_hours=False)
    return (
        f'<li class="kp-help__entry{" kp-help__entry--own" if entry.own else ""}" data-audiences="{audiences}">'
        f'<h4{_lang_attr(local)}>{html.escape(local.name)}</h4>{role}'
        f"<p{_lang_attr(local)}>{html.escape(text)}</p>{f'<p>{contact}</p>' if contact else ''}{hours}{_sources_html(entry, ui, easy, language)}</li>"
    )


def _lang_attr(local: Localised, hours: bool = False) -> str:
    lang = local.hours_lang if hours else local.lang
    return f' lang="{lang}"' if lang else ""


def _entries(entries: list[Entry], ui, easy: bool, vocabulary, language: str) -> str:
    # Each text is marked lang="nl" on its own where it is shown in Dutch on another language's page;
    # the interface words around it (role, "Bereikbaar") are in the page's language.
    return '<ul class="kp-help">' + "".join(_entry_html(e, ui, easy, vocabulary, language) for e in entries) + "</ul>\n"


def page_markdown(entries: list[Entry], level: str, language: str, ui, vocabulary, org_name: str | None) -> str:
    """The directory: the organisation's own people first, then per country the help for now
    (danger, something just happened) and the places for an ordinary question."""
    easy = level == "makkelijk"
    title = ui["help_title"]
    intro = ui["help_intro_easy" if easy else "help_intro"]
    other = PAGES["standaard" if easy else "makkelijk"].split("/")[-1]
    switch = f'[{ui["read_standard_version" if easy else "read_easy_version"]}]({other})'
    audience_labels = ui["easy_audiences"] if easy and isinstance(ui["easy_audiences"], dict) else {}
    filters = "".join(
        f'<label><input type="checkbox" name="doelgroep" value="{a}" data-kp-help-filter> '
        f'{html.escape(audience_labels.get(a) or vocabulary.label("audiences", a, language))}</label> '
        for a in vocabulary.keys("audiences")
    )
    own = [e for e in entries if e.own]
    public = [e for e in entries if not e.own]
    countries, kinds = ui["help_countries"], ui["help_kinds_easy" if easy else "help_kinds"]
    kind_intro = ui["help_kind_intro_easy" if easy else "help_kind_intro"]
    sections = []
    regions = [r for r in REGIONS if any(e.region == r for e in public)]
    if own:
        sections.append(f"## {ui['help_own'].format(name=org_name)}\n\n" + _entries(own, ui, easy, vocabulary, language))
    for region in regions:
        in_region = [e for e in public if e.region == region]
        parts = [f"## {countries[region]} {{ #{region} }}\n"]
        for kind in KINDS:
            of_kind = [e for e in in_region if e.kind == kind]
            if of_kind:
                parts.append(f"### {kinds[kind]}\n\n{kind_intro[kind]}\n\n" + _entries(of_kind, ui, easy, vocabulary, language))
        sections.append("\n".join(parts))
    return (
        f"---\ntitle: {title!r}\nlevel: {level}\n---\n\n# {title}\n\n{intro}\n\n{switch}\n\n"
        + _urgent_html(ui, easy) + _country_links_html(regions, countries, ui)
        + f'<fieldset class="kp-help-filter" hidden data-kp-help-filters><legend>{ui["help_filter"]}</legend>{filters}</fieldset>\n\n'
        + "\n".join(sections)
    )


def _urgent_html(ui, easy: bool) -> str:
    """Danger first, before any choice: the one number that works in both countries (hulpdiensten.yml
    lists 112 for each, with its sources)."""
    phone = ui["help_urgent_phone"]
    link = f'<a href="tel:{html.escape(phone)}">{html.escape(phone)}</a>'
    text = html.escape(ui["help_urgent_easy" if easy else "help_urgent"]).format(phone=link)
    return f'<p class="kp-help-urgent">{text}</p>\n\n'


def _country_links_html(regions: list[str], countries: dict, ui) -> str:
    """With both countries on the page, a Flemish reader jumps past the Dutch services (and back)."""
    if len(regions) < 2:
        return ""
    links = "".join(f'<li><a href="#{region}">{html.escape(countries[region])}</a></li>' for region in regions)
    return f'<nav class="kp-help-countries" aria-label="{html.escape(ui["help_countries_label"])}"><ul>{links}</ul></nav>\n\n'


def _short_item(entry: Entry, ui, language: str) -> dict:
    local = localise(entry, language)
    return {"name": local.name, "contact": _contact_line(entry, ui, local=local), "lang": local.lang}


def short_form(entries: list[Entry], ui, region: str | None = None, language: str = SOURCE_LANGUAGE) -> list[dict]:
    """The "Hulp nodig?" box on products about boundaries: the organisation's own contacts,
    then the lines marked ``short`` of the product's region; a product for both regions gets
    both, each under its country's name, so no reader calls a line of the other country."""
    countries = ui["help_countries"]
    groups = []
    own = [e for e in entries if e.own][:3]
    if own:
        groups.append({"country": None, "items": [_short_item(e, ui, language) for e in own]})
    regions = REGIONS if region in (None, "algemeen") else (region,)
    for r in regions:
        lines = [e for e in entries if not e.own and e.short and e.region == r]
        if lines:
            label = countries[r] if len(regions) > 1 else None
            groups.append({"country": label, "items": [_short_item(e, ui, language) for e in lines]})
    return groups
