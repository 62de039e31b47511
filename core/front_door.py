"""Where the front-door pages are (legal notice, privacy, accessibility, site map, contact,
newsletters), for the footer of every page and the forms that link them: one query per
content version, then read from the cache.

Each app registers its own one-off page with `FRONT_DOOR_HOOK` in its wagtail_hooks.py, so the
core names none of them:

    @hooks.register(FRONT_DOOR_HOOK)
    def contact_page() -> FrontDoorPage:
        return FrontDoorPage("contact", "contact.ContactPage")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from caching.data import remember
from caching.restrictions import private_q
from caching.sites import site_for_request

FRONT_DOOR_HOOK = "rameau_register_front_door_page"


@dataclass(frozen=True)
class FrontDoorPage:
    """A one-off page every page may link to, by the key templates read (`links.contact`)."""

    key: str
    model: str  # "app_label.ModelName"
    #: Extra values read from the live page, as {key: value} (the accessibility status).
    details: Callable[[Page], dict[str, str]] | None = None


class FrontDoorLinks(dict):
    """{key: URL} of the live, public front-door pages; a missing one reads as ""."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name, "")

    def __missing__(self, key: str) -> str:
        return ""


def registered() -> list[FrontDoorPage]:
    return [hook() for hook in hooks.get_hooks(FRONT_DOOR_HOOK)]


def front_door_links(request: HttpRequest | None) -> FrontDoorLinks:
    """The live, public front-door pages of the request's site, as URLs (empty when missing)."""
    site = site_for_request(request) if request is not None else None
    if site is None:
        return FrontDoorLinks()

    def build() -> FrontDoorLinks:
        wanted = {
            apps.get_model(entry.model): entry for entry in registered() if apps.is_installed(entry.model.split(".")[0])
        }
        # One query for every type, even with the content-type cache cold.
        types = ContentType.objects.get_for_models(*wanted)
        entries = {types[model].pk: entry for model, entry in wanted.items()}
        pages = (
            Page.objects.live()
            .descendant_of(site.root_page)
            .filter(content_type_id__in=entries)
            .exclude(private_q())
            .only("id", "url_path", "path", "depth", "content_type_id")
            .order_by("path")
        )
        links = FrontDoorLinks()
        for page in pages:
            entry = entries[page.content_type_id]
            if entry.key in links:
                continue
            links[entry.key] = page.get_url(request) or ""
            if entry.details is not None:
                links.update(entry.details(page.specific))
        return links

    return remember(request, f"front-door:{site.pk}", build, immutable=True)
