"""The home page's « prochain webinaire » section (registered in wagtail_hooks.py)."""

from __future__ import annotations

from django.http import HttpRequest

from caching.lookups import first_live_page

from . import clock
from .models import WebinarIndexPage
from .queries import next_session


def next_webinar_key(request: HttpRequest | None) -> str:
    """Which session the section shows (it changes when one ends), without a query."""
    from .queries import session_times

    index = first_live_page(WebinarIndexPage, request)
    now = clock.now()
    upcoming = (pk for pk, _path, _start, end in session_times(index) if end > now) if index else iter(())
    return str(next(upcoming, "-"))


def next_webinar_section(request: HttpRequest) -> dict:
    """{"webinars_index": index or None, "next_session": next live session or None, "cycle": its cycle}."""
    index = first_live_page(WebinarIndexPage, request)
    session = next_session(now=clock.now(), within=index) if index else None
    return {"webinars_index": index, "next_session": session, "cycle": session.cycle if session else None}
