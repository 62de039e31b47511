"""iCalendar (RFC 5545) text written by hand: the few properties a calendar feed needs.

Times are written in UTC (…Z), so no VTIMEZONE block is needed and clients convert to their
own zone; X-WR-TIMEZONE only hints the display zone to clients that honour it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Le RAMEAU//Webinaires//FR"
UID_DOMAIN = "lerameau.fr"  # UIDs are « webinaire-<page translation key>@lerameau.fr »


def escape_text(value: str) -> str:
    """TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 § 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def utc_stamp(value: datetime) -> str:
    """« 20191121T120000Z »: an aware datetime, in UTC."""
    if value.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    url: str = ""
    location: str = "En ligne"
    stamp: datetime | None = None
    last_modified: datetime | None = None

    def lines(self) -> list[str]:
        stamp = self.stamp or datetime.now(UTC)
        lines = [
            "BEGIN:VEVENT",
            f"UID:{self.uid}",
            f"DTSTAMP:{utc_stamp(stamp)}",
            f"DTSTART:{utc_stamp(self.start)}",
            f"DTEND:{utc_stamp(self.end)}",
            f"SUMMARY:{escape_text(self.summary)}",
        ]
        if self.description:
            lines.append(f"DESCRIPTION:{escape_text(self.description)}")
        if self.url:
            lines.append(f"URL:{self.url}")
        if self.location:
            lines.append(f"LOCATION:{escape_text(self.location)}")
        if self.last_modified:
            lines.append(f"LAST-MODIFIED:{utc_stamp(self.last_modified)}")
        lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
        return lines


def calendar(name: str, events: Iterable[Event], description: str = "", time_zone: str = "Europe/Paris") -> str:
    """A whole VCALENDAR, CRLF-terminated and folded, ready to serve as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{time_zone}",
    ]
    if description:
        lines.append(f"X-WR-CALDESC:{escape_text(description)}")
    # Subscribed copies refresh daily (Apple, Outlook and Google read one or the other).
    lines += ["REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"]
    for event in events:
        lines += event.lines()
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
