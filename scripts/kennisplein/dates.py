"""One date format for readers everywhere ("23 november 2026", "23 November 2026"), from
the month names in ui.yml, so no page shows an ISO date such as 2026-11-23 as text."""
from __future__ import annotations

import datetime as dt


def long_date(value: dt.date, ui) -> str:
    months = ui["months"]
    return f"{value.day} {months[value.month - 1]} {value.year}" if isinstance(months, list) else value.isoformat()
