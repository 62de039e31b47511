"""The webinar cycles of a programme and the sessions a person spoke at (core.backlinks)."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

from . import clock

TALKS_LIMIT = 24


def programme_cycles(programme: Page, request: HttpRequest | None) -> dict:
    from caching.data import remember
    from caching.restrictions import private_q
    from webinars.queries import cycle_model

    def build() -> list:
        cycles = cycle_model().objects.live().exclude(private_q()).filter(programmes=programme)
        return list(cycles.order_by("path"))

    return {"programme_cycles": remember(request, f"programme-cycles:{programme.pk}", build)}


def person_sessions(person: Page, request: HttpRequest | None) -> dict:
    """The sessions the person spoke at, newest first, with their cycle (for the time zone)."""
    from caching.data import remember
    from webinars.queries import attach_cycles, mark_past, visible_sessions

    def build() -> list:
        sessions = visible_sessions().filter(speakers__person=person).distinct()
        return list(sessions.order_by("-start")[:TALKS_LIMIT])

    sessions = remember(request, f"person-sessions:{person.pk}", build)
    return {"person_sessions": mark_past(attach_cycles(sessions), clock.now())}
