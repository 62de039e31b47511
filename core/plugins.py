"""How a section app plugs into the core without the core naming it.

A section registers what it brings with a Wagtail hook in its own `wagtail_hooks.py`:

    @hooks.register(HOME_SECTIONS_HOOK)
    def next_webinar() -> HomeSection: ...

    @hooks.register(SEARCH_KINDS_HOOK)
    def webinar_results() -> SearchKind: ...

    @hooks.register(PUBLISH_CHECKS_HOOK)
    def session_in_a_draft_cycle(page) -> str | None: ...

    @hooks.register(WARM_UP_HOOK)
    def library_catalogue(change) -> None: ...

    @hooks.register(WARM_PATHS_HOOK)
    def library_feeds(pages) -> list[str]: ...

    @hooks.register(BODY_LISTINGS_HOOK)
    def centre_news() -> BodyListing: ...

A new section therefore touches no other app, and removing one leaves the core working
(a home-page block naming a section that is gone renders nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail import hooks

HOME_SECTIONS_HOOK = "rameau_register_home_section"
SEARCH_KINDS_HOOK = "rameau_register_search_kind"
#: Functions `(page) -> str | None`: why the page must not go live now (None: nothing against).
#: The moderation task asks them before approving (core.models).
PUBLISH_CHECKS_HOOK = "rameau_publish_checks"
#: Functions `(change: caching.version.Change) -> None`, run under a new content version
#: before visitors get it (rameau_site/warming.py): a section brings the data it keeps per
#: version up to date from what changed, instead of a visitor rebuilding it.
WARM_UP_HOOK = "rameau_warm_up"
#: Functions `(pages: list[Page]) -> list[str]`: the other addresses that show these changed
#: pages and are asked for at once (a feed), most asked for first. The preparing thread
#: renders them after the pages themselves, before visitors get the version: keep it short.
WARM_PATHS_HOOK = "rameau_warm_paths"
#: Functions returning a `BodyListing`: what a block of the shared page body (pages.blocks)
#: lists from another section, which pages may not import (the centres' latest feed items…).
BODY_LISTINGS_HOOK = "rameau_register_body_listing"


@dataclass(frozen=True)
class HomeSection:
    """A block of the home page whose content another part of the site keeps current."""

    key: str  # stored in the home page's content: never rename it
    label: str
    description: str
    template: str
    context: Callable[[HttpRequest | None], dict]
    #: What the section shows that changes with the clock rather than the content (the next
    #: webinar), as a short key: the home page keeps its rendered sections per content
    #: version and these keys. None: the section depends on the content alone.
    clock_key: Callable[[HttpRequest | None], str] | None = None


@dataclass(frozen=True)
class BodyListing:
    """Items a section keeps current, shown by a block editors place in any shared page body."""

    key: str  # the block's name in the shared body (pages.blocks): never rename it
    template: str
    #: The template's context for (request, how many items), in a fixed number of queries.
    context: Callable[[HttpRequest | None, int], dict]


@dataclass(frozen=True)
class SearchKind:
    """A choice of the search page's « Type » filter: a public slug and the page models it covers."""

    slug: str
    label: str
    models: tuple[str, ...] = ()
    #: A page a visitor can browse when the search finds nothing, as (model label, link text).
    browse: tuple[str, str] | None = None
    order: int = 100
    #: How much a result of this kind weighs against others of equal relevance (site search
    #: ranks publications and centres first: people come for them).
    weight: float = 1.0

    def content_type_ids(self) -> set[int]:
        """Django keeps content types in memory: no query after the first."""
        return {ContentType.objects.get_for_model(apps.get_model(name)).pk for name in self.models}


def home_sections() -> dict[str, HomeSection]:
    """Every registered home-page section, by key."""
    return {section.key: section for section in (hook() for hook in hooks.get_hooks(HOME_SECTIONS_HOOK))}


def home_sections_clock_key(request: HttpRequest | None) -> str:
    """What the home page's sections show that the clock changes, as one key."""
    return "|".join(
        f"{key}:{section.clock_key(request)}" for key, section in home_sections().items() if section.clock_key
    )


def home_section_choices() -> list[tuple[str, str]]:
    """The choices of the home page's « Section » block (a callable, so migrations name no section)."""
    return [(section.key, section.label) for section in home_sections().values()]


def body_listing(key: str) -> BodyListing | None:
    """The section that fills the body block `key`; None when that section is gone (the
    block then renders nothing)."""
    return next((listing for hook in hooks.get_hooks(BODY_LISTINGS_HOOK) if (listing := hook()).key == key), None)


def search_kinds() -> list[SearchKind]:
    """Every registered kind of search result, in display order."""
    kinds = (hook() for hook in hooks.get_hooks(SEARCH_KINDS_HOOK))
    return sorted(kinds, key=lambda kind: (kind.order, kind.label))


def publication_refusals(page) -> list[str]:
    """What the sections say against putting this page (its specific instance) live now."""
    return [reason for check in hooks.get_hooks(PUBLISH_CHECKS_HOOK) if (reason := check(page))]
