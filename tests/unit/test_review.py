"""Review dates: a page past review_due is flagged, and so is each public fact it carries."""
from __future__ import annotations

import datetime as dt

from kennisplein.checks import review
from kennisplein.content import frontmatter
from kennisplein.content.schema import KnowledgeProduct

PAGE = """---
title: Bij wie kun je terecht?
summary: Waar je terecht kunt met een vraag of een melding over grensoverschrijdend gedrag.
audiences: [naasten]
level: standaard
type: factsheet
topics: [hulp-zoeken]
region: nl
sources:
  - title: Beleidsvisie
    publisher: Ministerie van VWS
    year: 2024
  - title: Website van een landelijke hulplijn
    publisher: Hulplijn
    year: 2026
    checked: 2026-11-01
evidence: [beleid]
reviewed: 2026-11-01
review_due: 2027-05-01
---
# Tekst
"""


class _Page:
    def __init__(self):
        self.document = frontmatter.parse(PAGE, "docs/producten/x/index.md")
        self.meta = KnowledgeProduct.model_validate(self.document.meta)


def test_nothing_is_flagged_before_review_due():
    assert review.check([_Page()], today=dt.date(2027, 5, 1)) == []


def test_page_and_public_fact_are_flagged_after_review_due():
    problems = review.check([_Page()], today=dt.date(2027, 5, 2))
    assert [str(p) for p in problems] == [
        "docs/producten/x/index.md:19: warning: review_due 2027-05-01 has passed: review this page and set new dates",
        "docs/producten/x/index.md:16: warning: public fact from 'Website van een landelijke hulplijn' was last checked on 2026-11-01 and is past review_due: check it again",
    ]
    assert not any(p.is_error for p in problems), "a passing date never breaks a build"
