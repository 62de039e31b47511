"""The « Dernières ressources des centres » block that editors place in any shared page body,
the home page's among others (registered in wagtail_hooks.py as a core.plugins.BodyListing;
a centre's own list is models.feed.platform_news). Only ever read from what
the nightly fetch stored: no page waits for a platform, and no visitor's browser contacts one
before they click.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, Q
from django.http import HttpRequest

from caching.data import remember
from caching.lookups import first_live_page
from caching.restrictions import private_q
from caching.scopes import PUBLICATIONS

from .models import CentreFeedItem, ResourceCentreIndexPage, ResourceCentrePage
from .models.feed import french_day

#: At most this many items of one platform, so that one busy centre does not fill the block.
PER_CENTRE = 2


@dataclass(frozen=True)
class CentreNewsItem:
    title: str
    link: str
    published: datetime.datetime | None
    centre: ResourceCentrePage
    fetched_at: datetime.datetime | None

    @property
    def display_date(self) -> str:
        return french_day(self.published)


def _current_source() -> Q:
    """Items read from the centre's present address: its « flux du centre », else its platform."""
    typed = Q(feed__centre__feed_url__gt="") & Q(feed__source=F("feed__centre__feed_url"))
    platform = Q(feed__centre__feed_url="") & Q(feed__source=F("feed__centre__platform_url"))
    return typed | platform


def latest_centre_news(request: HttpRequest | None, count: int) -> dict:
    """{"centre_news": the `count` newest items of the live centres (PER_CENTRE at most from
    each), "centre_news_fetched": the day of the latest successful reading among them,
    "centres_index": …}.

    Render with templates/resources/includes/centre_news.html; kept per content version (the
    fetch's writes change it), so a page with the block costs one query for it after a change.
    """
    index = first_live_page(ResourceCentreIndexPage, request, within_site=True)
    if index is None:
        return {"centre_news": [], "centres_index": None}

    def build() -> list[CentreNewsItem]:
        centres = ResourceCentrePage.objects.child_of(index).live().exclude(private_q())
        rows = (
            CentreFeedItem.objects.filter(_current_source(), feed__centre__in=centres)
            .select_related("feed__centre")
            .order_by(F("published").desc(nulls_last=True), "feed__centre__path", "position")
        )
        chosen: list[CentreNewsItem] = []
        per_centre: dict[int, int] = {}
        for item in rows[: count * PER_CENTRE * 2]:
            centre = item.feed.centre
            if per_centre.get(centre.pk, 0) >= PER_CENTRE:
                continue
            per_centre[centre.pk] = per_centre.get(centre.pk, 0) + 1
            chosen.append(CentreNewsItem(item.title, item.link, item.published, centre, item.feed.fetched_at))
            if len(chosen) == count:
                break
        return chosen

    # The platforms' items and their centres: nothing from the library or the news (caching/scopes.py).
    news = remember(request, f"centre-news:{index.pk}:{count}", build, ignores=PUBLICATIONS)
    readings = [item.fetched_at for item in news if item.fetched_at]
    return {"centre_news": news, "centre_news_fetched": french_day(max(readings, default=None)), "centres_index": index}
