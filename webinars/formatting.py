"""Dates and times written the French way: « jeudi 21 novembre 2019, 13 h – 14 h »."""

from __future__ import annotations

from datetime import date, datetime, time

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
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


def day_number(day: int) -> str:
    """French typography writes the first of the month « 1er »."""
    return "1er" if day == 1 else str(day)


def french_date(value: date) -> str:
    """« jeudi 21 novembre 2019 »."""
    return f"{DAYS[value.weekday()]} {day_number(value.day)} {MONTHS[value.month - 1]} {value.year}"


def french_short_date(value: date) -> str:
    """« 21 novembre » (tables already say the year)."""
    return f"{day_number(value.day)} {MONTHS[value.month - 1]}"


def french_month(value: date) -> str:
    return MONTHS[value.month - 1]


def french_time(value: time) -> str:
    """« 13 h », or « 13 h 30 » when there are minutes."""
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def time_range(start: time, end: time) -> str:
    return f"{french_time(start)} – {french_time(end)}"


def when(start: datetime, end: datetime) -> str:
    """The full label, from datetimes already in the time zone to show."""
    return f"{french_date(start.date())}, {time_range(start.timetz(), end.timetz())}"


def ordinal(number: int) -> str:
    """1 -> « 1er », 3 -> « 3e », -1 -> « dernier »."""
    if number == -1:
        return "dernier"
    return "1er" if number == 1 else f"{number}e"
