"""Dates as the library shows them: most works are known to the month, some to the day or year.

The French wording is the core's (core.french_dates); this module adds what citations and
the publication date field need.
"""

from __future__ import annotations

import datetime

from core.french_dates import DAY, MONTH, YEAR

BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

PRECISIONS = [
    (MONTH, "Au mois près (« décembre 2016 »)"),
    (DAY, "Au jour près (« 31 mars 2022 »)"),
    (YEAR, "À l'année près (« 2017 »)"),
]


def normalise(date: datetime.date, precision: str) -> datetime.date:
    """Store the first day of the known period, so sorting and year filters stay honest."""
    if precision == MONTH:
        return date.replace(day=1)
    if precision == YEAR:
        return date.replace(month=1, day=1)
    return date


def iso_date(date: datetime.date | None, precision: str = DAY) -> str:
    """ISO 8601 at the known precision (2016-12, 2017), as schema.org accepts."""
    if date is None:
        return ""
    if precision == YEAR:
        return f"{date.year:04d}"
    if precision == MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
