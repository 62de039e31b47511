"""Reads .ics text as a calendar app would: RFC 5545's framing checked, then parsed by icalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import icalendar
from icalendar import vDDDTypes, vText, vUri

TEXT_PROPS = ("summary", "description", "location")


def check_framing(text: str) -> None:
    """CRLF line ends, lines of at most 75 octets, no fold inside a UTF-8 character.

    icalendar forgives all three when it parses; some calendar clients do not.
    """
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n"), "the calendar must end with CRLF"
    for line in raw.split(b"\r\n")[:-1]:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
        line.decode("utf-8")


def parse(text: str) -> icalendar.Calendar:
    check_framing(text)
    return icalendar.Calendar.from_ical(text)


def read_calendar(text: str) -> tuple[dict, list[dict]]:
    """(calendar properties, events) as plain Python values."""
    calendar = parse(text)
    props = {key.lower(): str(value) for key, value in calendar.items()}
    events = []
    for event in calendar.walk("VEVENT"):
        events.append(
            {
                "uid": str(event.get("uid")),
                "dtstart": event.decoded("dtstart"),
                "dtend": event.decoded("dtend"),
                "dtstamp": event.decoded("dtstamp"),
                "url": str(event.get("url", "")),
                **{key: str(event.get(key, "")) for key in TEXT_PROPS},
            }
        )
    return props, events


def plain(value) -> str:
    """A property's value as a client reads it: TEXT unescaped, times in ISO 8601 with their offset."""
    if isinstance(value, vDDDTypes):
        moment = value.dt
        if isinstance(moment, datetime | date):
            return moment.isoformat()
        if isinstance(moment, timedelta):
            return str(moment)
    if isinstance(value, vText | vUri):
        return str(value)
    return value.to_ical().decode()


def properties(component: icalendar.cal.Component) -> dict[str, dict]:
    """Every property of a component: {NAME: {"value": …, "params": {…}}}, for comparisons."""
    return {
        name: {"value": plain(value), "params": dict(value.params)}
        for name, value in component.items()
        if not isinstance(value, list)
    }
