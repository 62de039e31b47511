"""Listings of sessions and cycles, each in a fixed number of queries whatever the count.

Every function takes `now` so callers (and tests) decide what "upcoming" means; visitors only
see live, public sessions whose cycle is live too (a draft cycle hides its planned sessions).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS

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
    """Every cycle by tree path, read once per content version (a few dozen at most).

    What this module keeps shows sessions, cycles, speakers, themes and centres, never a
    publication or an article: kept while staff publish those (caching/scopes.py)."""
    from caching.data import remember

    return remember(
        None,
        "webinar-cycles-by-path",
        lambda: {cycle.path: cycle for cycle in cycle_model().objects.all()},
        immutable=True,  # shared by every session of the process: never changed, only read
        ignores=PUBLICATIONS,
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


def session_times(within: Page | None = None) -> tuple[tuple[int, str, datetime, datetime], ...]:
    """(pk, path, start, end) of every visible session (below `within`), in date order, read
    once per content version: which session is next, or which cycles are past, is then a
    matter of the clock, not of a query."""
    from caching.data import remember

    def build() -> tuple[tuple[int, str, datetime, datetime], ...]:
        return tuple(visible_sessions(within).order_by("start", "path").values_list("pk", "path", "start", "end"))

    return remember(
        None, f"webinar-session-times:{within.pk if within else '*'}", build, immutable=True, ignores=PUBLICATIONS
    )


def next_session(now: datetime | None = None, within: Page | None = None) -> WebinarPage | None:
    """The next session that has not ended yet, with its cycle attached."""
    from caching.data import remember

    now = now or clock.now()
    pk = next((pk for pk, _path, _start, end in session_times(within) if end > now), None)
    if pk is None:
        return None
    session = remember(
        None,
        f"webinar-session:{pk}",
        lambda: attach_cycles([session_model().objects.get(pk=pk)])[0],
        ignores=PUBLICATIONS,
    )
    return mark_past([session], now)[0]


def cycle_session_list(cycle: WebinarCyclePage) -> list[WebinarPage]:
    """A cycle's visible sessions in date order, with slides, read once per content version
    (each call gets its own copies, which the caller may mark)."""
    from caching.data import remember

    def build() -> list[WebinarPage]:
        return list(visible_sessions().child_of(cycle).select_related("slides").order_by("start", "path"))

    return remember(None, f"cycle-sessions:{cycle.pk}", build, ignores=PUBLICATIONS)


def cycle_sessions(cycle: WebinarCyclePage, now: datetime | None = None) -> list[WebinarPage]:
    """A cycle's sessions in date order, with slides, ready for its table."""
    now = now or clock.now()
    return mark_past(attach_cycles(cycle_session_list(cycle), [cycle]), now)


def live_centres(session: WebinarPage) -> list[Page]:
    """The session's resource centres that visitors can open (drafts and private ones left out)."""
    ids = [centre.pk for centre in session.centres.all()]
    if not ids:
        return []
    return list(session.centres.model.objects.filter(pk__in=ids).live().exclude(private_q()).order_by("title"))


def session_details(session: WebinarPage, now: datetime | None = None, request: HttpRequest | None = None) -> dict:
    """What a session page shows besides its own fields; its speakers, themes and centres read
    once per content version (a preview reads the draft's own)."""
    from caching.data import remember

    now = now or clock.now()
    mark_past([session], now)

    def related() -> tuple[list, list, list]:
        return list(session.speakers.all()), list(session.themes.all()), live_centres(session)

    if getattr(request, "is_preview", False) or not session.pk:
        speakers, themes, centres = related()
    else:
        speakers, themes, centres = remember(request, f"session-details:{session.pk}", related, ignores=PUBLICATIONS)
    return {"past": session.past, "cycle": session.cycle, "speakers": speakers, "themes": themes, "centres": centres}


def webinars_for_centre(centre: Page, now: datetime | None = None) -> dict:
    """For a resource centre page: {"next": next session or None, "past": up to 3 past sessions}."""
    from caching.data import remember

    now = now or clock.now()

    def build() -> list[WebinarPage]:
        """The centre's sessions, oldest first, read once per content version (a few dozen at most)."""
        sessions = visible_sessions().filter(centres=centre).select_related("slides").order_by("start", "path")
        return attach_cycles(list(sessions))

    sessions = remember(None, f"centre-webinars:{centre.pk}", build, ignores=PUBLICATIONS)
    upcoming = next((session for session in sessions if session.end > now), None)
    past = [session for session in reversed(sessions) if session.end <= now][:PAST_FOR_CENTRE]
    mark_past([*([upcoming] if upcoming else []), *past], now)
    return {"next": upcoming, "past": past}


#: Past cycles whose programme the index shows (folded); older ones are listed as links.
PAST_CYCLES_WITH_TABLES = 2


def index_listing(index: Page, now: datetime | None = None) -> dict:
    """/webinaires/: the next session, the featured (current) cycle, the upcoming cycles,
    then the most recent past cycles (folded) and links to the older ones.

    Only the programmes shown are loaded and rendered, so the page keeps its size however
    many years of cycles the site holds.
    """
    from caching.data import remember

    now = now or clock.now()
    cycles = remember(
        None,
        f"webinar-index-cycles:{index.pk}",
        lambda: list(cycle_model().objects.child_of(index).live().exclude(private_q()).order_by("path")),
        ignores=PUBLICATIONS,
    )
    dates: dict[str, list[tuple[datetime, datetime]]] = {cycle.path: [] for cycle in cycles}
    for _pk, path, start, end in session_times(index):
        if path[: -Page.steplen] in dates:
            dates[path[: -Page.steplen]].append((start, end))
    for cycle in cycles:
        cycle.session_count = len(dates[cycle.path])
        cycle.past_count = sum(1 for _start, end in dates[cycle.path] if end <= now)
        cycle.first_start = dates[cycle.path][0][0] if dates[cycle.path] else None

    # The cycle of the next session (one not yet ended), else this year's, comes first.
    next_start = min(
        ((start, cycle.path) for cycle in cycles for start, end in dates[cycle.path] if end > now), default=None
    )
    featured = next((cycle for cycle in cycles if next_start and cycle.path == next_start[1]), None)
    if featured is None:
        featured = next((cycle for cycle in cycles if cycle.year == now.year and cycle.session_count), None)
    others = [cycle for cycle in cycles if cycle is not featured and cycle.session_count]
    others.sort(key=lambda cycle: cycle.first_start, reverse=True)  # most recent first
    upcoming = [cycle for cycle in others if not cycle.past_count]  # none of its sessions has ended
    past = [cycle for cycle in others if cycle.past_count]
    shown = [*([featured] if featured else []), *upcoming, *past[:PAST_CYCLES_WITH_TABLES]]

    for cycle in shown:
        # Read only when the programme's fragment is rendered, not when it comes from the cache.
        cycle.sessions = SimpleLazyObject(partial(cycle_sessions, cycle, now))
    return {
        "next_session": next_session(now, within=index),
        "featured_cycle": featured,
        "upcoming_cycles": upcoming,
        "past_cycles": past[:PAST_CYCLES_WITH_TABLES],
        "older_cycles": past[PAST_CYCLES_WITH_TABLES:],
    }
