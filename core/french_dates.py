"""Dates and times written the French way, whatever the active language: « jeudi 1er août 2019 »,
« décembre 2016 », « 13 h 30 ». The one table of French month and day names for the whole site.
"""

from __future__ import annotations

from datetime import date, time

MONTHS = (
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
)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# For a month field (1 to 12) that staff pick by name.
MONTH_CHOICES = [(number, name) for number, name in enumerate(MONTHS, start=1)]

# How precisely a date is known: day, month or year.
DAY, MONTH, YEAR = "day", "month", "year"


def day_number(day: int) -> str:
    """French typography writes the first of the month « 1er »."""
    return "1er" if day == 1 else str(day)


def month_name(value: date) -> str:
    """« novembre »."""
    return MONTHS[value.month - 1]


def format_date(value: date | None, precision: str = DAY) -> str:
    """« 31 mars 2022 », « décembre 2016 » or « 2017 », as precisely as the date is known."""
    if value is None:
        return ""
    if precision == YEAR:
        return str(value.year)
    month_year = f"{month_name(value)} {value.year}"
    if precision == MONTH:
        return month_year
    return f"{day_number(value.day)} {month_year}"


def format_short_date(value: date) -> str:
    """« 21 novembre », where the year goes without saying (a table of one year's dates)."""
    return f"{day_number(value.day)} {month_name(value)}"


def format_weekday_date(value: date) -> str:
    """« jeudi 21 novembre 2019 », for an appointment."""
    return f"{DAYS[value.weekday()]} {format_date(value)}"


#: French holds « 13 h 30 » together, and the dash to what precedes it: a phone's line may break
#: after « – », never inside an hour or before the dash.
NO_BREAK_SPACE = "\u00a0"


def format_time(value: time) -> str:
    """« 13 h », or « 13 h 30 » when there are minutes (no-break spaces)."""
    parts = [str(value.hour), "h"] + ([f"{value.minute:02d}"] if value.minute else [])
    return NO_BREAK_SPACE.join(parts)


def format_time_range(start: time, end: time) -> str:
    """« 13 h – 14 h », which a line may break only after the dash."""
    return f"{format_time(start)}{NO_BREAK_SPACE}– {format_time(end)}"
