"""The site's one table of French dates: each format as the sections print it (no database)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from django.utils import translation

from core import french_dates
from core.french_dates import (
    DAY,
    MONTH,
    YEAR,
    format_date,
    format_short_date,
    format_time,
    format_time_range,
    format_weekday_date,
    month_name,
)


@pytest.mark.parametrize(
    "value,precision,expected",
    [
        (date(2022, 3, 31), DAY, "31 mars 2022"),
        (date(2019, 8, 1), DAY, "1er août 2019"),
        (date(2016, 12, 1), MONTH, "décembre 2016"),
        (date(2017, 1, 1), YEAR, "2017"),
        (None, DAY, ""),
    ],
)
def test_dates_at_their_known_precision(value, precision, expected):
    assert format_date(value, precision) == expected


def test_appointments_and_tables():
    assert format_weekday_date(date(2027, 1, 21)) == "jeudi 21 janvier 2027"
    assert format_weekday_date(date(2019, 8, 1)) == "jeudi 1er août 2019"
    assert format_short_date(date(2019, 8, 22)) == "22 août"
    assert month_name(date(2019, 2, 1)) == "février"


def test_times():
    assert format_time(time(13)) == "13\u00a0h"
    assert format_time(time(13, 30)) == "13\u00a0h\u00a030"
    assert format_time(time(9, 5)) == "9\u00a0h\u00a005"
    assert format_time_range(time(13), time(14, 15)) == "13\u00a0h\u00a0– 14\u00a0h\u00a015"


def test_french_whatever_the_active_language():
    with translation.override("en"):
        assert format_weekday_date(date(2019, 11, 21)) == "jeudi 21 novembre 2019"


def test_month_choices_keep_the_history_field_values():
    """The history field's choices: changing them would mean a migration and stale data."""
    assert french_dates.MONTH_CHOICES[0] == (1, "janvier")
    assert french_dates.MONTH_CHOICES[-1] == (12, "décembre")
    assert [number for number, _ in french_dates.MONTH_CHOICES] == list(range(1, 13))


def test_month_names_are_written_in_one_module_only():
    """No app keeps a table of its own: a fix to the French wording lands everywhere at once."""
    from pages.models import HistoryMilestone

    root = Path(__file__).resolve().parents[2]
    sources = [
        path
        for app in (
            "core",
            "pages",
            "people",
            "programmes",
            "contact",
            "newsletters",
            "legal",
            "resources",
            "publications",
            "webinars",
            "rameau_site",
        )
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
    ]
    tables = [path.relative_to(root).as_posix() for path in sources if '"février"' in path.read_text()]
    assert tables == ["core/french_dates.py"]
    assert HistoryMilestone(month=8).get_month_display() == "août"
