"""Sessions' dates and times in French: « jeudi 21 novembre 2019, 13 h – 14 h », and what
only a monthly rule needs (« 3e jeudi »). The names and formats are core.french_dates'."""

from __future__ import annotations

from datetime import datetime

from core.french_dates import format_time_range, format_weekday_date


def when(start: datetime, end: datetime) -> str:
    """The full label, from datetimes already in the time zone to show."""
    return f"{format_weekday_date(start.date())}, {format_time_range(start.timetz(), end.timetz())}"


def ordinal(number: int) -> str:
    """1 -> « 1er », 3 -> « 3e », -1 -> « dernier »."""
    if number == -1:
        return "dernier"
    return "1er" if number == 1 else f"{number}e"
