"""A cycle's scheduling rule: the nth weekday of each month, moved past French public holidays.

Pure Python (no database), so the rule is tested on its own, holidays and all.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.french_dates import DAYS
from core.french_dates import format_time_range as time_range
from core.french_dates import format_weekday_date as french_date

from .formatting import ordinal
from .holidays import holiday_name

LAST = -1


def nth_weekday(year: int, month: int, weekday: int, which: int) -> date:
    """The `which`-th `weekday` (0 = Monday) of the month; `which` = -1 for the last one."""
    if which == LAST:
        last_day = calendar.monthrange(year, month)[1]
        day = date(year, month, last_day)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    if not 1 <= which <= 5:
        raise ValueError("which must be 1 to 5, or -1 for the last one")
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (which - 1))
    if day.month != month:
        raise ValueError(f"no {which}th weekday {weekday} in {year}-{month:02d}")
    return day


@dataclass(frozen=True)
class Occurrence:
    """One planned session: where the rule puts it, and why it moved if it did."""

    start: datetime
    end: datetime
    rule_date: date
    moved_from_holiday: str | None = None

    @property
    def month(self) -> int:
        return self.rule_date.month


@dataclass(frozen=True)
class ScheduleRule:
    weekday: int = 3
    which: int = 3
    start_time: time = time(13, 0)
    end_time: time = time(14, 0)
    time_zone: str = "Europe/Paris"
    skip_public_holidays: bool = True

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def date_for(self, year: int, month: int) -> tuple[date, str | None]:
        """The session's day in that month, and the holiday it was moved from (if any)."""
        day = nth_weekday(year, month, self.weekday, self.which)
        moved_from = None
        while self.skip_public_holidays and holiday_name(day):
            moved_from = moved_from or holiday_name(day)
            day += timedelta(days=7)
        return day, moved_from

    def occurrence(self, year: int, month: int) -> Occurrence:
        """Start and end as aware datetimes in the rule's time zone (DST handled by zoneinfo)."""
        day, moved_from = self.date_for(year, month)
        start = datetime.combine(day, self.start_time, tzinfo=self.zone)
        end = datetime.combine(day, self.end_time, tzinfo=self.zone)
        if end <= start:
            end += timedelta(days=1)
        return Occurrence(start=start, end=end, rule_date=day, moved_from_holiday=moved_from)

    def occurrences(self, year: int) -> list[Occurrence]:
        return [self.occurrence(year, month) for month in range(1, 13)]

    def describe(self) -> str:
        """« le 3e jeudi du mois, 13 h – 14 h (Europe/Paris) »."""
        which = "dernier" if self.which == LAST else ordinal(self.which)
        return f"le {which} {DAYS[self.weekday]} du mois, {time_range(self.start_time, self.end_time)}"

    def off_rule_reason(self, start: datetime, end: datetime) -> str | None:
        """Why a session does not follow the rule (a French sentence), or None when it does."""
        local_start, local_end = start.astimezone(self.zone), end.astimezone(self.zone)
        expected = self.occurrence(local_start.year, local_start.month)
        problems = []
        if local_start.date() != expected.rule_date:
            problems.append(f"la règle donne le {french_date(expected.rule_date)} pour ce mois-ci")
        if (local_start.time(), local_end.time()) != (self.start_time, self.end_time):
            problems.append(
                f"l'horaire prévu est {time_range(self.start_time, self.end_time)} ({self.time_zone}), "
                f"pas {time_range(local_start.time(), local_end.time())}"
            )
        if not problems:
            return None
        return (
            f"Cette session ne suit pas la règle du cycle ({self.describe()}) : "
            + " ; ".join(problems)
            + ". Elle reste enregistrée telle quelle : vérifiez simplement que c'est voulu."
        )
