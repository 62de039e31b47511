"""Listings of sessions and cycles, each in a fixed number of queries whatever the count.

Every function takes `now` so callers (and tests) decide what "upcoming" means; visitors only
see live, public sessions whose cycle is live too (a draft cycle hides its planned sessions).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from pages.caching.restrictions import private_q

from . import clock

if TYPE_CHECKING:
    from .models import WebinarCyclePage, WebinarPage


def session_model() -> type[WebinarPage]:
    """The page models are read from the app registry: they call these queries themselves."""
    return apps.get_model("webinars", "WebinarPage")


def cycle_model() -> type[WebinarCyclePage]:
    return apps.get_model("webinars", "WebinarCyclePage")


PAST_FOR_CENTRE = 3


def visible_sessions(within: Page | None = None):
    """Live, public sessions under a live cycle (optionally below `within`)."""
    parent_is_live = Exists(
        Page.objects.filter(live=True, path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    )
    sessions = session_model().objects.live().exclude(private_q()).filter(parent_is_live)
    if within is not None:
        sessions = sessions.descendant_of(within)
    return sessions


def cycles_by_path() -> dict[str, WebinarCyclePage]:
    """Every cycle by tree path, read once per content version (a few dozen at most)."""
    from pages.caching.data import remember

    return remember(
        None, "webinar-cycles-by-path", lambda: {cycle.path: cycle for cycle in cycle_model().objects.all()}
    )


def attach_cycles(
    sessions: Iterable[WebinarPage], cycles: Iterable[WebinarCyclePage] | None = None
) -> list[WebinarPage]:
    """Give each session its cycle (dates are shown in the cycle's time zone) in one query."""
    sessions = list(sessions)
    if cycles is None:
        by_path = cycles_by_path() if sessions else {}
    else:
        by_path = {cycle.path: cycle for cycle in cycles}
    for session in sessions:
        session.cycle = by_path.get(session.path[: -Page.steplen])
    return sessions


def mark_past(sessions: Iterable[WebinarPage], now: datetime) -> list[WebinarPage]:
    """A session is past once it has ended; until then it is « à venir » (or under way)."""
    sessions = list(sessions)
    for session in sessions:
        session.past = session.end <= now
    return sessions


def next_session(now: datetime | None = None, within: Page | None = None) -> WebinarPage | None:
    """The next session that has not ended yet, with its cycle attached."""
    now = now or clock.now()
    session = visible_sessions(within).filter(end__gt=now).order_by("start", "path").first()
    if session is None:
        return None
    return mark_past(attach_cycles([session]), now)[0]


def cycle_sessions(cycle: WebinarCyclePage, now: datetime | None = None) -> list[WebinarPage]:
    """A cycle's sessions in date order, with slides, ready for its table."""
    now = now or clock.now()
    sessions = visible_sessions().child_of(cycle).select_related("slides").order_by("start", "path")
    return mark_past(attach_cycles(sessions, [cycle]), now)


def live_centres(session: WebinarPage) -> list[Page]:
    """The session's resource centres that visitors can open (drafts and private ones left out)."""
    ids = [centre.pk for centre in session.centres.all()]
    if not ids:
        return []
    return list(session.centres.model.objects.filter(pk__in=ids).live().exclude(private_q()).order_by("title"))


def session_details(session: WebinarPage, now: datetime | None = None) -> dict:
    """What a session page shows besides its own fields."""
    now = now or clock.now()
    mark_past([session], now)
    return {
        "past": session.past,
        "cycle": session.cycle,
        "speakers": list(session.speakers.all()),
        "themes": list(session.themes.all()),
        "centres": live_centres(session),
    }


def webinars_for_centre(centre: Page, now: datetime | None = None) -> dict:
    """For a resource centre page: {"next": next session or None, "past": up to 3 past sessions}."""
    from pages.caching.data import remember

    now = now or clock.now()

    def build() -> list[WebinarPage]:
        """The centre's sessions, oldest first, read once per content version (a few dozen at most)."""
        sessions = visible_sessions().filter(centres=centre).select_related("slides").order_by("start", "path")
        return attach_cycles(list(sessions))

    sessions = remember(None, f"centre-webinars:{centre.pk}", build)
    upcoming = next((session for session in sessions if session.end > now), None)
    past = [session for session in reversed(sessions) if session.end <= now][:PAST_FOR_CENTRE]
    mark_past([*([upcoming] if upcoming else []), *past], now)
    return {"next": upcoming, "past": past}


def index_listing(index: Page, now: datetime | None = None) -> dict:
    """/webinaires/: the next session, the featured (current) cycle, then upcoming and past cycles."""
    now = now or clock.now()
    cycles = list(cycle_model().objects.child_of(index).live().exclude(private_q()).order_by("path"))
    sessions = list(visible_sessions(index).select_related("slides").order_by("start", "path"))
    mark_past(attach_cycles(sessions, cycles), now)
    by_cycle: dict[int, list[WebinarPage]] = {cycle.pk: [] for cycle in cycles}
    for session in sessions:
        if session.cycle is not None:
            by_cycle[session.cycle.pk].append(session)
    for cycle in cycles:
        cycle.sessions = by_cycle[cycle.pk]
        cycle.first_start = cycle.sessions[0].start if cycle.sessions else None

    upcoming = next((session for session in sessions if not session.past), None)
    featured = upcoming.cycle if upcoming else None
    if featured is None:
        featured = next((cycle for cycle in cycles if cycle.year == now.year and cycle.sessions), None)
    others = [cycle for cycle in cycles if cycle is not featured and cycle.sessions]
    # Most recent first; a cycle is « à venir » while none of its sessions has ended.
    others.sort(key=lambda cycle: cycle.first_start, reverse=True)
    return {
        "next_session": upcoming,
        "featured_cycle": featured,
        "upcoming_cycles": [cycle for cycle in others if not any(s.past for s in cycle.sessions)],
        "past_cycles": [cycle for cycle in others if any(s.past for s in cycle.sessions)],
    }
