"""« Add to my calendar » links for Google Calendar and Outlook.com, URL-encoded."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote, urlencode

from .ical import utc_stamp

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"


def _iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def google_calendar_url(
    title: str, start: datetime, end: datetime, details: str = "", location: str = "En ligne"
) -> str:
    params = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{utc_stamp(start)}/{utc_stamp(end)}",
        "details": details,
        "location": location,
    }
    return f"{GOOGLE}?{urlencode(params, quote_via=quote, safe='/')}"


def outlook_calendar_url(title: str, start: datetime, end: datetime, body: str = "", location: str = "En ligne") -> str:
    params = {
        "subject": title,
        "startdt": _iso_utc(start),
        "enddt": _iso_utc(end),
        "body": body,
        "location": location,
    }
    return f"{OUTLOOK}?{urlencode(params, quote_via=quote, safe='')}"
