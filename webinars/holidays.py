"""French public holidays (jours fériés, metropolitan France), computed without a dependency.

The webinar rule skips these days; only the national list matters here (no Alsace-Moselle
extras: the sessions are online and national).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

FIXED_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    (1, 1, "Jour de l'an"),
    (5, 1, "Fête du Travail"),
    (5, 8, "Victoire 1945"),
    (7, 14, "Fête nationale"),
    (8, 15, "Assomption"),
    (11, 1, "Toussaint"),
    (11, 11, "Armistice 1918"),
    (12, 25, "Noël"),
)


def easter_sunday(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def french_public_holidays(year: int) -> dict[date, str]:
    """Every French public holiday of `year`, date -> French name."""
    holidays = {date(year, month, day): name for month, day, name in FIXED_HOLIDAYS}
    easter = easter_sunday(year)
    holidays[easter + timedelta(days=1)] = "Lundi de Pâques"
    holidays[easter + timedelta(days=39)] = "Ascension"
    holidays[easter + timedelta(days=50)] = "Lundi de Pentecôte"
    return dict(sorted(holidays.items()))


def holiday_name(day: date) -> str | None:
    """The holiday's French name if `day` is a public holiday, else None."""
    return french_public_holidays(day.year).get(day)


def is_french_public_holiday(day: date) -> bool:
    return holiday_name(day) is not None
