"""Dates as the library shows them: most works are known to the month, some to the day or year."""

from __future__ import annotations

import datetime

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

DAY, MONTH, YEAR = "day", "month", "year"
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


def french_date(date: datetime.date | None, precision: str = DAY) -> str:
    """« 31 mars 2022 », « décembre 2016 » or « 2017 », whatever the active language."""
    if date is None:
        return ""
    if precision == YEAR:
        return str(date.year)
    month_year = f"{MONTHS[date.month - 1]} {date.year}"
    if precision == MONTH:
        return month_year
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {month_year}"


def iso_date(date: datetime.date | None, precision: str = DAY) -> str:
    """ISO 8601 at the known precision (2016-12, 2017), as schema.org accepts."""
    if date is None:
        return ""
    if precision == YEAR:
        return f"{date.year:04d}"
    if precision == MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
