"""The monthly rule, holidays and all, and the French way of writing dates (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from core.french_dates import format_time as french_time
from core.french_dates import format_time_range as time_range
from core.french_dates import format_weekday_date as french_date
from webinars.formatting import when
from webinars.holidays import easter_sunday, french_public_holidays, holiday_name, is_french_public_holiday
from webinars.schedule import LAST, ScheduleRule, nth_weekday

from .conftest import CLIENT_2019, PARIS, paris

# Worked out by hand from a 2027 calendar: no 3rd Thursday of 2027 is a public holiday.
EXPECTED_2027 = [
    date(2027, 1, 21),
    date(2027, 2, 18),
    date(2027, 3, 18),
    date(2027, 4, 15),
    date(2027, 5, 20),
    date(2027, 6, 17),
    date(2027, 7, 15),
    date(2027, 8, 19),
    date(2027, 9, 16),
    date(2027, 10, 21),
    date(2027, 11, 18),
    date(2027, 12, 16),
]


@pytest.mark.parametrize(
    "year,easter",
    [
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "year,movable",
    [
        (2019, [date(2019, 4, 22), date(2019, 5, 30), date(2019, 6, 10)]),
        (2024, [date(2024, 4, 1), date(2024, 5, 9), date(2024, 5, 20)]),
        (2027, [date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17)]),
    ],
)
def test_french_public_holidays(year, movable):
    holidays = french_public_holidays(year)
    fixed = [date(year, m, d) for m, d in [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]]
    assert sorted(holidays) == sorted(fixed + movable)
    assert [holidays[day] for day in movable] == ["Lundi de Pâques", "Ascension", "Lundi de Pentecôte"]
    assert all(holidays[day].strip() for day in fixed)


def test_holiday_lookup():
    assert holiday_name(date(2019, 8, 15)) == "Assomption"
    assert is_french_public_holiday(date(2019, 5, 30))  # Ascension 2019
    assert not is_french_public_holiday(date(2019, 8, 22))
    assert not is_french_public_holiday(date(2019, 12, 26))  # Alsace-Moselle only: not national


def test_nth_weekday():
    assert nth_weekday(2019, 8, 3, 3) == date(2019, 8, 15)
    assert nth_weekday(2019, 8, 3, 1) == date(2019, 8, 1)
    assert nth_weekday(2019, 8, 3, LAST) == date(2019, 8, 29)
    assert nth_weekday(2020, 11, 3, 4) == date(2020, 11, 26)
    with pytest.raises(ValueError):
        nth_weekday(2019, 2, 3, 5)  # February 2019 has four Thursdays


def test_rule_gives_the_client_2019_programme():
    occurrences = ScheduleRule().occurrences(2019)
    assert [occurrence.rule_date for occurrence in occurrences] == CLIENT_2019
    august = occurrences[7]
    assert august.moved_from_holiday == "Assomption"
    assert [o.month for o in occurrences if o.moved_from_holiday] == [8]


def test_rule_for_2027():
    assert [o.rule_date for o in ScheduleRule().occurrences(2027)] == EXPECTED_2027


def test_holiday_moves_to_the_next_weekday_even_twice():
    # 1st Thursday of May 2025 is 1 May (Fête du Travail) -> 8 May (Victoire 1945) -> 15 May.
    rule = ScheduleRule(which=1)
    assert rule.date_for(2025, 5) == (date(2025, 5, 15), "Fête du Travail")
    # Ascension 2026 is the 2nd Thursday of May.
    assert ScheduleRule(which=2).date_for(2026, 5) == (date(2026, 5, 21), "Ascension")
    # Without holiday skipping, the rule keeps the holiday.
    assert ScheduleRule(skip_public_holidays=False).date_for(2019, 8) == (date(2019, 8, 15), None)


def test_times_are_right_across_daylight_saving():
    rule = ScheduleRule()
    january, june = rule.occurrence(2019, 1), rule.occurrence(2019, 6)
    assert january.start.astimezone(UTC) == datetime(2019, 1, 17, 12, 0, tzinfo=UTC)
    assert january.end.astimezone(UTC) == datetime(2019, 1, 17, 13, 0, tzinfo=UTC)
    assert june.start.astimezone(UTC) == datetime(2019, 6, 20, 11, 0, tzinfo=UTC)
    # The last Sunday of March 2027 is the 28th: the March session (18th) is still winter time.
    assert rule.occurrence(2027, 3).start.astimezone(UTC).hour == 12
    assert rule.occurrence(2027, 4).start.astimezone(UTC).hour == 11


def test_off_rule_reason():
    rule = ScheduleRule()
    assert rule.off_rule_reason(paris(date(2019, 11, 21)), paris(date(2019, 11, 21), 14)) is None
    assert rule.off_rule_reason(paris(date(2019, 8, 22)), paris(date(2019, 8, 22), 14)) is None  # moved by the rule
    moved = rule.off_rule_reason(paris(date(2019, 11, 28)), paris(date(2019, 11, 28), 14))
    assert "jeudi 21 novembre 2019" in moved and "ne suit pas la règle" in moved
    late = rule.off_rule_reason(paris(date(2019, 11, 21), 13, 30), paris(date(2019, 11, 21), 14, 30))
    assert "13\u00a0h\u00a030\u00a0– 14\u00a0h\u00a030" in late
    # The same instant written in UTC is judged in Paris time.
    assert rule.off_rule_reason(datetime(2019, 1, 17, 12, tzinfo=UTC), datetime(2019, 1, 17, 13, tzinfo=UTC)) is None


def test_rule_description():
    assert ScheduleRule().describe() == "le 3e jeudi du mois, 13\u00a0h\u00a0– 14\u00a0h"
    assert ScheduleRule(which=1, weekday=1).describe() == "le 1er mardi du mois, 13\u00a0h\u00a0– 14\u00a0h"
    assert ScheduleRule(which=LAST).describe() == "le dernier jeudi du mois, 13\u00a0h\u00a0– 14\u00a0h"


def test_french_dates_and_times():
    start = datetime(2019, 11, 21, 13, 0, tzinfo=PARIS)
    assert when(start, start.replace(hour=14)) == "jeudi 21 novembre 2019, 13\u00a0h\u00a0– 14\u00a0h"
    assert french_date(date(2019, 8, 1)) == "jeudi 1er août 2019"
    assert french_time(time(13, 30)) == "13\u00a0h\u00a030"
    assert french_time(time(9, 5)) == "9\u00a0h\u00a005"
    assert time_range(time(13), time(14, 15)) == "13\u00a0h\u00a0– 14\u00a0h\u00a015"
