"""The help directory in English: /en/hulp/, /en/hulp/makkelijk/ and the "Need help?" box on
English products show each service's English texts, not marked Dutch; only a service that has
no English (none today) would be shown in Dutch, marked lang="nl"."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from kennisplein import help_directory  # noqa: E402

SERVICES, _ = help_directory.load(ROOT / "docs" / "_data", today=dt.date(2026, 12, 1))
ENGLISH = {help_directory.localise(e, "en").name: e for e in SERVICES if e.translations.get("en")}


def _dutch_marked(root) -> list[str]:
    """Texts marked Dutch, leaving out the sources' titles (Dutch and Flemish pages, rightly marked)."""
    found = root.xpath('//article//*[@lang="nl"] | //aside[@data-kp-help-short]//*[@lang="nl"]')
    return [(el.text_content() or "").strip()[:60] for el in found if not el.xpath('ancestor::*[contains(@class, "kp-help__source")]')]


@pytest.mark.parametrize("page, field", [("en/hulp/index.html", "description"), ("en/hulp/makkelijk/index.html", "easy_read")])
def test_english_directory_shows_english_texts_unmarked(built_site, parse, page, field):
    root = parse(built_site / page)
    assert ENGLISH, "no service has English texts"
    assert not _dutch_marked(root), _dutch_marked(root)
    text = root.text_content()
    for name, entry in ENGLISH.items():
        english = help_directory.localise(entry, "en")
        assert name in text, f"{page}: {name} missing"
        assert getattr(english, field) in text, f"{page}: English text of {name} missing"
        assert getattr(entry, field) not in text, f"{page}: Dutch text of {name} shown"


def test_dutch_directory_stays_dutch(built_site, parse):
    root = parse(built_site / "hulp" / "index.html")
    text = root.text_content()
    assert "Veilig Thuis (Safe at Home)" not in text
    assert all(e.description in text for e in SERVICES)


def test_english_help_box_has_no_dutch_for_services_with_english(built_site, parse):
    pages = [p for p in sorted((built_site / "en" / "producten").glob("*/index.html")) + sorted((built_site / "en" / "producten").glob("*/makkelijk/index.html"))
             if b"data-kp-help-short" in p.read_bytes()]
    assert pages, "no English product shows the help box"
    for path in pages:
        root = parse(path)
        box = root.xpath("//aside[@data-kp-help-short]")[0]
        assert not box.xpath('.//*[@lang="nl"]'), path
        names = [s.text_content() for s in box.xpath(".//li/strong")]
        assert names and all(n in ENGLISH for n in names), (path, names)
        assert "Dag en nacht" not in box.text_content(), path


def test_english_directory_marks_the_dutch_source_titles(built_site, parse):
    root = parse(built_site / "en" / "hulp" / "index.html")
    titles = root.xpath('//p[@class="kp-help__source"]/a | //p[@class="kp-help__source"]/cite')
    assert titles and all(t.get("lang") == "nl" for t in titles)
    dutch = parse(built_site / "hulp" / "index.html")
    assert not dutch.xpath('//p[@class="kp-help__source"]//*[@lang]')
