"""Read one centre's feed and keep its latest items: the nightly command and the admin's
« Relever maintenant » both come here.

Polite: robots.txt first (once per host and run), one conditional GET for the feed (ETag,
Last-Modified), a User-Agent that names the site, bounded time. The feed's address is the
centre's « flux du centre », else the one the platform's home page announces (found once,
then remembered), else the platform's /feed/. Whatever goes wrong, the last good items stay
and the reason is recorded for staff.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from django.db import transaction
from django.utils import timezone

from resources import outbound
from resources.models import CentreFeed, CentreFeedItem, ResourceCentrePage

from .agent import USER_AGENT
from .parse import Entry, NotAFeed, feed_links, looks_like_a_feed, parse_feed
from .robots import Robots

logger = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
# Below this, a fetch would only start to be cut off: the reading is put off instead.
MIN_SECONDS = 1.0


class FeedProblem(Exception):
    """Why this reading gave nothing new; the centre keeps its last good items."""


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    items: int = 0


class _Clock:
    """Per-request timeout, within an optional budget for the whole reading (the admin's
    request must end before gunicorn's timeout)."""

    def __init__(self, timeout: float, budget: float | None) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + budget if budget else None

    def next_timeout(self) -> float:
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left < MIN_SECONDS:
            raise FeedProblem("temps imparti écoulé : relevé reporté")
        return min(self.timeout, left)


def _get(url: str, robots: Robots, clock: _Clock, headers: dict[str, str] | None = None) -> outbound.Response:
    refusal = robots.refusal(url, clock.next_timeout())
    if refusal:
        raise FeedProblem(refusal)
    try:
        return outbound.fetch(url, headers={"User-Agent": USER_AGENT, **(headers or {})}, timeout=clock.next_timeout())
    except outbound.FetchError as error:
        raise FeedProblem(str(error)) from error


def _discover(platform_url: str, robots: Robots, clock: _Clock) -> tuple[str, outbound.Response | None]:
    """The feed the platform's home page announces, else its /feed/; with the answer already
    in hand when the home page is itself the feed (one request, not two)."""
    page = _get(platform_url, robots, clock, {"Accept": "text/html, application/xhtml+xml, */*;q=0.5"})
    if page.status >= 400:
        raise FeedProblem(f"page d'accueil de la plateforme en erreur HTTP {page.status}")
    if looks_like_a_feed(page.content_type, page.body):
        return platform_url, page
    links = feed_links(page.body, page.url)
    return (links[0] if links else urljoin(page.url, "/feed/")), None


def _conditional_headers(state: CentreFeed, url: str) -> dict[str, str]:
    headers = {"Accept": FEED_ACCEPT}
    if state.url == url and state.fetched_at:
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
    return headers


def _state_for(centre: ResourceCentrePage, source: str) -> CentreFeed:
    """The centre's state; started afresh (items of the old address dropped) when the address changed."""
    state = CentreFeed.objects.filter(centre=centre).first()
    if state is not None and state.source == source:
        return state
    if state is not None:
        state.delete()
    return CentreFeed.objects.create(centre=centre, source=source)


def _store(state: CentreFeed, entries: list[Entry]) -> None:
    current = [(item.title, item.link, item.published, item.summary) for item in state.items.order_by("position")]
    if current == [(entry.title, entry.link, entry.published, entry.summary) for entry in entries]:
        return
    state.items.all().delete()
    CentreFeedItem.objects.bulk_create(
        CentreFeedItem(
            feed=state,
            position=position,
            title=entry.title,
            link=entry.link,
            published=entry.published,
            summary=entry.summary,
        )
        for position, entry in enumerate(entries)
    )


def _read(centre: ResourceCentrePage, state: CentreFeed, robots: Robots, clock: _Clock, now) -> Outcome:
    answer = None
    if centre.feed_url:
        url, state.discovered = centre.feed_url, False
    elif state.discovered and state.url:
        url = state.url
    else:
        url, answer = _discover(centre.platform_url, robots, clock)
        state.discovered = True
    if answer is None:
        answer = _get(url, robots, clock, _conditional_headers(state, url))
    if answer.status == 304:
        state.url, state.fetched_at = url, now
        state.save()
        return Outcome(True, "inchangé depuis le relevé précédent", state.items.count())
    if answer.status >= 400:
        if state.discovered and answer.status in (404, 410):
            state.url, state.discovered = "", False  # look for it again next time
            CentreFeed.objects.filter(pk=state.pk).update(url="", discovered=False)
        raise FeedProblem(f"erreur HTTP {answer.status} ({url})")
    if not looks_like_a_feed(answer.content_type, answer.body):
        raise FeedProblem(f"ce n'est pas un flux RSS ou Atom ({url})")
    try:
        entries = parse_feed(answer.body, answer.content_type, answer.url, centre.platform_url or url, now)
    except NotAFeed as error:
        raise FeedProblem(f"{error} ({url})") from error
    with transaction.atomic():
        state.url, state.fetched_at = url, now
        state.etag = answer.headers.get("etag", "")[:300]
        state.last_modified = answer.headers.get("last-modified", "")[:100]
        state.save()
        _store(state, entries)
    return Outcome(True, f"{len(entries)} élément(s) relevé(s)", len(entries))


def refresh_centre(
    centre: ResourceCentrePage,
    robots: Robots | None = None,
    timeout: float = outbound.DEFAULT_TIMEOUT,
    budget: float | None = None,
) -> Outcome:
    """Read the centre's feed now and keep what it gives; never raises for the platform's faults."""
    source = centre.feed_url or centre.platform_url
    if not source:
        CentreFeed.objects.filter(centre=centre).delete()
        return Outcome(False, "ni flux ni plateforme : rien à relever")
    robots = robots or Robots()
    state = _state_for(centre, source)
    now = timezone.now()
    state.checked_at = now
    CentreFeed.objects.filter(pk=state.pk).update(checked_at=now)  # staff-only state: no new content version
    try:
        return _read(centre, state, robots, _Clock(timeout, budget), now)
    except FeedProblem as problem:
        message = str(problem)[:300]
        # Only staff see the error, so it is written without a new content version.
        CentreFeed.objects.filter(pk=state.pk).update(error=message, error_at=now)
        logger.warning("feed of centre %s (%s): %s", centre.pk, source, message)
        return Outcome(False, message, CentreFeedItem.objects.filter(feed=state).count())
