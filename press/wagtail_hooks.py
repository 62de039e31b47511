"""The press mentions' links, checked every night with the centres' platforms."""

from __future__ import annotations

from django.apps import apps
from wagtail import hooks

from resources.plugins import LINK_SOURCES_HOOK, LinkSource


def press_mention_links() -> list[tuple[str, str]]:
    """(outlet and title, address) of the press mentions of the live press page, for the link check."""
    PressMention = apps.get_model("press", "PressMention")
    mentions = PressMention.objects.filter(page__live=True).exclude(url="").order_by("-date")
    return [(f"{mention.outlet}, « {mention.title} »", mention.url) for mention in mentions]


@hooks.register(LINK_SOURCES_HOOK)
def press_mentions_links() -> LinkSource:
    return LinkSource("Presse", press_mention_links)
