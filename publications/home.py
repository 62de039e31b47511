"""The home page's « Dernières publications » section, and the newest article and publication
offered to its « À la une » (registered in wagtail_hooks.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from caching.data import remember
from caching.lookups import first_live_page
from pages.featured import Featured
from publications.queries import latest_publications, live_publications, newest_in_catalogue, private_sections


def latest_publications_section(request: HttpRequest) -> dict:
    """The library page (or None) and its 4 newest live publications, covers attached.

    The four change only with the content: kept per content version (three queries, once).
    """
    from publications.models import PublicationIndexPage

    index = first_live_page(PublicationIndexPage, request)
    latest = remember(request, "home-latest-publications", lambda: latest_publications(4, private_sections()))
    return {"publications_index": index, "publications": latest}


def _today_key(name: str) -> str:
    """What the newest item is depends on the day too (nothing dated after today is shown)."""
    return f"{name}:{timezone.localdate().isoformat()}"


def latest_article(request: HttpRequest | None) -> Featured | None:
    """The newest live, public news article dated today or earlier, for « À la une »."""
    from publications.models import NewsArticlePage

    def build() -> Featured | None:
        article = (
            NewsArticlePage.objects.live()
            .exclude(private_sections())
            .filter(date__lte=timezone.localdate())
            .select_related("listing_image")
            .order_by("-date", "-first_published_at", "pk")
            .first()
        )
        if article is None:
            return None
        return Featured(
            date=article.date,
            kind=article.get_kind_display(),
            title=article.title,
            url=article.get_url(request),
            summary=article.summary,
            date_label=article.display_date,
            image=article.listing_image,
            rank=10,  # an article that announces a publication says more than its card
        )

    return remember(request, _today_key("featured-article"), build)


def latest_publication(request: HttpRequest | None) -> Featured | None:
    """The newest live, public publication dated today or earlier, for « À la une »."""

    def build() -> Featured | None:
        dated = live_publications(private_sections()).select_related("cover_image").prefetch_related(None)
        today = timezone.localdate()  # the catalogue's ten newest; sorted in SQL only if all are ahead
        newest = [item for item in newest_in_catalogue(10, dated) or () if item.publication_date <= today]
        publication = newest[0] if newest else dated.filter(publication_date__lte=today).first()
        if publication is None:
            return None
        return Featured(
            date=publication.publication_date,
            kind=publication.publication_type.name if publication.publication_type else "Publication",
            title=publication.title,
            url=publication.get_url(request),
            summary=publication.summary,
            date_label=publication.display_date,
            image=publication.cover_image,
        )

    return remember(request, _today_key("featured-publication"), build)
