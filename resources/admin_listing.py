"""The centres' admin listings with their feed's state, read with the listing's own query
(annotations) rather than one query per row."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView

from .models import CentreFeed, CentreFeedItem


def _feed_row(field: str) -> Subquery:
    return Subquery(CentreFeed.objects.filter(centre_id=OuterRef("pk")).values(field)[:1])


class FeedAnnotations:
    """Adds the centre's feed state to each row of a page listing."""

    def annotate_queryset(self, pages):
        item_count = (
            CentreFeedItem.objects.filter(feed__centre_id=OuterRef("pk"))
            .order_by()
            .values("feed")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .annotate_queryset(pages)
            .annotate(
                feed_read_source=_feed_row("source"),
                feed_fetched_at=_feed_row("fetched_at"),
                feed_error_at=_feed_row("error_at"),
                feed_item_count=Coalesce(Subquery(item_count, output_field=IntegerField()), 0),
            )
        )


class FeedIndexView(FeedAnnotations, IndexView):
    pass


class FeedExplorableIndexView(FeedAnnotations, ExplorableIndexView):
    pass


def feed_label(centre) -> str:
    """« 5 éléments », « En erreur (5 éléments) », « Jamais relevé », « Pas de flux »."""
    if not centre.feed_source:
        return "Pas de flux"
    if getattr(centre, "feed_read_source", None) != centre.feed_source:
        return "Jamais relevé"
    count = getattr(centre, "feed_item_count", 0)
    items = f"{count} élément{'s' if count > 1 else ''}"
    fetched, error = getattr(centre, "feed_fetched_at", None), getattr(centre, "feed_error_at", None)
    if error and (fetched is None or error > fetched):
        return f"En erreur ({items})"
    return items if fetched else "Jamais relevé"


def feed_failing(centre) -> bool:
    return feed_label(centre).startswith("En erreur")


FEED_COLUMNS = [
    StatusTagColumn("feed_label", label="Flux", accessor=feed_label, primary=feed_failing, width="14%"),
    DateColumn("feed_fetched_at", label="Relevé le", width="12%"),
]
