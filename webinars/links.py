"""« Add to my calendar » links for Google Calendar and Outlook.com, URL-encoded.

Their details text is the .ics DESCRIPTION, line breaks included (sent as %0A).
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote, urlencode

from .ical import utc

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"


def google_calendar_url(
    title: str, start: datetime, end: datetime, details: str = "", location: str = "En ligne"
) -> str:
    params = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{utc(start):%Y%m%dT%H%M%SZ}/{utc(end):%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
    }
    return f"{GOOGLE}?{urlencode(params, quote_via=quote, safe='/')}"


def outlook_calendar_url(title: str, start: datetime, end: datetime, body: str = "", location: str = "En ligne") -> str:
    params = {
        "subject": title,
        "startdt": f"{utc(start):%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{utc(end):%Y-%m-%dT%H:%M:%SZ}",
        "body": body,
        "location": location,
    }
    return f"{OUTLOOK}?{urlencode(params, quote_via=quote, safe='')}"
