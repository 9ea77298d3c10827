"""Content governance: products whose review date has passed.

A product past its `review_due` is reported as a warning; one that carries a
public fact from outside the source documents (a source with a `checked` date,
such as a helpline number) gets a warning that names that fact, because such
facts go stale first. Warnings do not fail a build: a date passing must never
break an organisation's rebuild, but `make check` shows it every time.
"""
from __future__ import annotations

import datetime as dt

from kennisplein.problems import Problem


def check(pages, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    problems = []
    for page in pages:
        meta = page.meta
        due = getattr(meta, "review_due", None)
        if due is None or due >= today:
            continue
        document = page.document
        problems.append(Problem(document.path, document.line_of(("review_due",)), f"review_due {due} has passed: review this page and set new dates", "warning"))
        for index, source in enumerate(meta.sources):
            if source.checked is not None:
                problems.append(Problem(
                    document.path, document.line_of(("sources", index, "checked")),
                    f"public fact from '{source.title}' was last checked on {source.checked} and is past review_due: check it again", "warning",
                ))
    return problems
