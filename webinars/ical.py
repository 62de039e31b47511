"""The webinars as iCalendar (RFC 5545), written by the icalendar package.

Times are written in UTC (…Z), so no VTIMEZONE block is needed and clients convert to their
own zone; X-WR-TIMEZONE only hints the display zone to clients that honour it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape

import icalendar
from django.utils.html import strip_tags
from icalendar import vDuration, vText

PRODID = "-//Le RAMEAU//Webinaires//FR"
UID_DOMAIN = "lerameau.fr"  # UIDs are « webinaire-<page translation key>@lerameau.fr »
# Subscribed copies refresh daily (Apple, Outlook and Google read one or the other).
REFRESH = timedelta(days=1)

_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|ul|ol)\s*>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """Rich text as a calendar shows it: one blank line between paragraphs, a line break for <br>.

    strip_tags alone would glue « …territoriale.</p><p>Une heure… » into « territoriale.Une ».
    """
    text = _LINE_BREAK.sub("\n", _BLOCK_END.sub("\n\n", html or ""))
    lines = (" ".join(line.split()) for line in unescape(strip_tags(text)).splitlines())
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def utc(value: datetime) -> datetime:
    """An aware datetime in UTC, written « 20191121T120000Z »."""
    if value.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return value.astimezone(UTC)


@dataclass(frozen=True)
class Event:
    """What a session tells calendars."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    all_day: bool = False
    description: str = ""
    url: str = ""
    location: str = "En ligne"
    stamp: datetime | None = None
    last_modified: datetime | None = None

    def component(self) -> icalendar.Event:
        event = icalendar.Event()
        event.add("uid", self.uid)
        event.add("dtstamp", utc(self.stamp or datetime.now(UTC)))
        if self.all_day:  # only the day is known: a whole-day event, never an invented hour
            day = self.start.date()  # the session's local day: the caller passes local times
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
        else:
            event.add("dtstart", utc(self.start))
            event.add("dtend", utc(self.end))
        event.add("summary", self.summary)
        if self.description:
            event.add("description", self.description.replace("\r\n", "\n").replace("\r", "\n"))
        if self.url:
            event.add("url", self.url)
        if self.location:
            event.add("location", self.location)
        if self.last_modified:
            event.add("last-modified", utc(self.last_modified))
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        return event


def calendar(name: str, events: Iterable[Event], description: str = "", time_zone: str = "Europe/Paris") -> str:
    """A whole VCALENDAR, CRLF-terminated and folded, ready to serve as text/calendar."""
    feed = icalendar.Calendar()
    feed.add("version", "2.0")
    feed.add("prodid", PRODID)
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    # Apple's and Google's X-WR properties are TEXT: escaped like the standard ones.
    feed.add("x-wr-calname", vText(name))
    feed.add("x-wr-timezone", vText(time_zone))
    if description:
        feed.add("x-wr-caldesc", vText(description))
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        feed.add_component(event.component())
    return feed.to_ical().decode("utf-8")
