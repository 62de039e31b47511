"""The press mentions' links, checked every night with the centres' platforms, and the newest
press release offered to the home page's « À la une »."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks

from caching.data import remember
from caching.restrictions import private_q
from pages.featured import FEATURED_HOOK, Featured
from resources.plugins import LINK_SOURCES_HOOK, LinkSource


def press_mention_links() -> list[tuple[str, str]]:
    """(outlet and title, address) of the press mentions of the live press page, for the link check."""
    PressMention = apps.get_model("press", "PressMention")
    mentions = PressMention.objects.filter(page__live=True).exclude(url="").order_by("-date")
    return [(f"{mention.outlet}, « {mention.title} »", mention.url) for mention in mentions]


@hooks.register(LINK_SOURCES_HOOK)
def press_mentions_links() -> LinkSource:
    return LinkSource("Presse", press_mention_links)


@hooks.register(FEATURED_HOOK)
def latest_release(request: HttpRequest | None) -> Featured | None:
    """The newest live, public press release dated today or earlier."""
    PressReleasePage = apps.get_model("press", "PressReleasePage")
    today = timezone.localdate()

    def build() -> Featured | None:
        release = (
            PressReleasePage.objects.live()
            .exclude(private_q())
            .filter(date__lte=today)
            .select_related("listing_image")
            .order_by("-date", "-pk")
            .first()
        )
        if release is None:
            return None
        return Featured(
            date=release.date,
            kind="Communiqué de presse",
            title=release.title,
            url=release.get_url(request),
            summary=release.summary,
            date_label=release.display_date,
            image=release.listing_image,
            rank=5,
        )

    return remember(request, f"featured-release:{today.isoformat()}", build)
