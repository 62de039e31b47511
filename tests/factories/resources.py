"""The resource centres: the index and one centre, with its partners in order, and what a
reading of its platform's feed leaves."""

from __future__ import annotations

import datetime

import factory

from pages.models import HomePage
from resources.models import (
    CentreFeed,
    CentreFeedItem,
    ResourceCentreIndexPage,
    ResourceCentrePage,
    ResourceCentrePartner,
)

from .base import PageFactory


class ResourceCentreIndexPageFactory(PageFactory):
    title = "Centres de ressources"
    slug = "centres-de-ressources"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Douze espaces ouverts pour s'informer, se former et agir."
    search_description = "Les centres de ressources du RAMEAU, par public et par besoin."

    class Meta:
        model = ResourceCentreIndexPage


class ResourceCentrePartnerFactory(factory.django.DjangoModelFactory):
    """A partner link; `.build()` it into a centre's `partner_links`, or pass `page=` to save it."""

    partner = factory.SubFactory("tests.factories.pages.PartnerFactory")

    class Meta:
        model = ResourceCentrePartner


class ResourceCentrePageFactory(PageFactory):
    """A centre under the index, leading to its platform; `partners=[...]` links partners in that order."""

    title = factory.Sequence(lambda n: f"Centre d'essai {n}")
    parent = factory.LazyFunction(lambda: ResourceCentreIndexPage.objects.get())
    summary = factory.LazyAttribute(lambda centre: f"Ce que l'on trouve dans « {centre.title} », et pour qui.")
    platform_url = factory.Sequence(lambda n: f"https://centre-{n}.exemple.org/")
    helps_inform = True

    class Meta:
        model = ResourceCentrePage

    class Params:
        partners = ()

    partner_links = factory.LazyAttribute(
        lambda centre: [
            ResourceCentrePartner(partner=partner, sort_order=order) for order, partner in enumerate(centre.partners)
        ]
    )


def give_news(centre: ResourceCentrePage, count: int = 5, fetched_at=None) -> CentreFeed:
    """What a successful reading of the centre's platform leaves: its state and `count` items,
    newest first (one a week back from 1 March 2026), linking to the platform."""
    feed = CentreFeed.objects.create(
        centre=centre,
        source=centre.feed_source,
        url=centre.feed_source.rstrip("/") + "/feed/",
        discovered=True,
        fetched_at=fetched_at or datetime.datetime(2026, 3, 2, 3, 0, tzinfo=datetime.UTC),
    )
    CentreFeedItem.objects.bulk_create(
        CentreFeedItem(
            feed=feed,
            position=position,
            title=f"Nouveauté {position + 1} de {centre.title}",
            link=f"{centre.platform_url.rstrip('/')}/2026/article-{position + 1}/",
            published=datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC) - datetime.timedelta(weeks=position),
            summary="Un résumé court, en texte brut.",
        )
        for position in range(count)
    )
    return feed
