"""The home page's « prochain webinaire » section (registered in wagtail_hooks.py)."""

from __future__ import annotations

from django.http import HttpRequest

from pages.caching.lookups import first_live_page

from . import clock
from .models import WebinarIndexPage
from .queries import next_session


def next_webinar_section(request: HttpRequest) -> dict:
    """{"webinars_index": index or None, "next_session": next live session or None, "cycle": its cycle}."""
    index = first_live_page(WebinarIndexPage, request)
    session = next_session(now=clock.now(), within=index) if index else None
    return {"webinars_index": index, "next_session": session, "cycle": session.cycle if session else None}
