"""What the nightly reading of each platform's feed keeps: its state, and its latest items.

Kept beside the centre page rather than on it: the fetch writes here and never creates a page
revision nor touches what editors are working on; pages only read these rows, so a visitor
never waits for a platform, and a platform that is down leaves its last good items in place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from core.french_dates import format_date


def french_day(moment) -> str:
    """« 1er mars 2025 », in the site's time zone; "" without a date."""
    return format_date(timezone.localtime(moment).date()) if moment else ""


class CentreFeed(models.Model):
    centre = models.OneToOneField(
        "resources.ResourceCentrePage", on_delete=models.CASCADE, related_name="feed_state", verbose_name="centre"
    )
    #: What this state was read for: the centre's « flux du centre », else its platform's address.
    #: When staff change either, the next reading starts afresh and pages hide the old items.
    source = models.URLField("adresse de départ", max_length=500, blank=True)
    url = models.URLField("adresse du flux", max_length=500, blank=True)
    discovered = models.BooleanField("trouvée sur la plateforme", default=False)
    etag = models.CharField("ETag", max_length=300, blank=True)
    last_modified = models.CharField("Last-Modified", max_length=100, blank=True)
    checked_at = models.DateTimeField("dernier essai", null=True, blank=True)
    fetched_at = models.DateTimeField("dernier relevé réussi", null=True, blank=True)
    error = models.CharField("dernière erreur", max_length=300, blank=True)
    error_at = models.DateTimeField("date de la dernière erreur", null=True, blank=True)

    class Meta:
        verbose_name = "flux d'un centre"
        verbose_name_plural = "flux des centres"

    def __str__(self) -> str:
        return self.url or self.source

    @property
    def failing(self) -> bool:
        """The latest attempt failed (the items shown are those of the last success)."""
        return bool(self.error_at) and (self.fetched_at is None or self.error_at > self.fetched_at)


class CentreFeedItem(models.Model):
    """One of the latest items of a platform, as plain text (never the platform's HTML)."""

    feed = models.ForeignKey(CentreFeed, on_delete=models.CASCADE, related_name="items", verbose_name="flux")
    position = models.PositiveSmallIntegerField("rang")
    title = models.CharField("titre", max_length=200)
    link = models.URLField("lien", max_length=500)
    published = models.DateTimeField("date", null=True, blank=True)
    summary = models.CharField("résumé", max_length=300, blank=True)

    class Meta:
        verbose_name = "élément du flux d'un centre"
        verbose_name_plural = "éléments des flux des centres"
        ordering = ["feed", "position"]
        constraints = [models.UniqueConstraint(fields=["feed", "position"], name="unique_position_per_feed")]

    def __str__(self) -> str:
        return self.title

    @property
    def display_date(self) -> str:
        return french_day(self.published)


@dataclass(frozen=True)
class PlatformNews:
    """« Du nouveau sur la plateforme » on a centre's page."""

    items: tuple[CentreFeedItem, ...]
    fetched_at: datetime.datetime | None

    @property
    def fetched_label(self) -> str:
        return french_day(self.fetched_at)


def platform_news(centre) -> PlatformNews | None:
    """The centre's stored items (one query), or None when it has none for its current address."""
    if not centre.feed_source:
        return None
    items = list(
        CentreFeedItem.objects.filter(feed__centre_id=centre.pk, feed__source=centre.feed_source)
        .select_related("feed")
        .order_by("position")
    )
    return PlatformNews(tuple(items), items[0].feed.fetched_at) if items else None
