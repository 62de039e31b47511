"""Demo content of the resources app: audiences, the index, the 12 centres and what two of them
show under « Du nouveau sur la plateforme » (stored, never fetched).

Runs after the pages seeder. Safe to rerun: every object is looked up first, and a centre
that exists is left exactly as staff edited it.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from wagtail.contrib.redirects.models import Redirect

from demo.content import load
from demo.images import landscape
from pages.models import Audience, HomePage, Partner
from resources.models import (
    CentreFeed,
    CentreFeedItem,
    ResourceCentreIndexPage,
    ResourceCentrePage,
    ResourceCentrePartner,
)
from resources.needs import NEEDS_BY_SLUG

from .common import flag, publish_child, sections_body

CONTENT = load("centres")
#: The old WordPress site's page of the centres, the address the client's own note cites.
OLD_CENTRES_ADDRESS = "/les-centres-de-ressources/"


def seed_audiences() -> dict[str, Audience]:
    """One Audience per profile, found by slug (or by name if another app created it first)."""
    audiences = {}
    for order, item in enumerate(CONTENT["audiences"]):
        audience = (
            Audience.objects.filter(slug=item["slug"]).first() or Audience.objects.filter(name=item["name"]).first()
        )
        if audience is None:
            audience = Audience.objects.create(
                slug=item["slug"], name=item["name"], description=item["description"], sort_order=order * 10
            )
        audiences[item["slug"]] = audience
    return audiences


def partners_by_key(keys: set[str]) -> dict[str, Partner]:
    """The pages seeder makes the partners; any missing one is created here from the same data."""
    data = {item["key"]: item for item in load("pages")["partners"]}
    partners = {}
    for key in keys:
        item = data[key]
        partner = Partner.objects.filter(name=item["name"]).first()
        if partner is None:  # no logo: see the pages seeder
            partner, _ = Partner.objects.get_or_create(
                name=item["name"], defaults={"website": item["website"], "description": item["description"]}
            )
        partners[key] = partner
    return partners


def seed_index(home: HomePage) -> ResourceCentreIndexPage:
    existing = ResourceCentreIndexPage.objects.first()
    if existing:
        return existing
    data = CONTENT["index"]
    return publish_child(
        home,
        ResourceCentreIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
            listing_image=landscape("Illustration : centres de ressources"),
            show_in_menus=True,
        ),
    )


def build_centre(item: dict, audiences: dict[str, Audience], partners: dict[str, Partner]) -> ResourceCentrePage:
    centre = ResourceCentrePage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        platform_url=item["url"],
        launch_year=item["launch_year"],
        listing_image=landscape(f"Illustration : {item['title']}", variant=CONTENT["centres"].index(item)),
        body=sections_body(item["sections"]),
        **{NEEDS_BY_SLUG[slug].field: True for slug in item["needs"]},
    )
    centre.audiences = [audiences[slug] for slug in item["audiences"]]
    centre.partner_links = [
        ResourceCentrePartner(partner=partners[key], sort_order=order) for order, key in enumerate(item["partners"])
    ]
    return centre


def seed_news(index: ResourceCentreIndexPage) -> None:
    """The items the YAML gives a centre, as a reading would have stored them: no reading date,
    since nothing was fetched. A centre that already has a feed state is left alone."""
    paris = ZoneInfo("Europe/Paris")
    centres = {centre.slug: centre for centre in ResourceCentrePage.objects.child_of(index)}
    for item in CONTENT["centres"]:
        centre = centres.get(item["slug"])
        if not item.get("news") or centre is None or CentreFeed.objects.filter(centre=centre).exists():
            continue
        feed = CentreFeed.objects.create(centre=centre, source=centre.feed_source)
        CentreFeedItem.objects.bulk_create(
            CentreFeedItem(
                feed=feed,
                position=position,
                title=news["title"],
                link=news["link"],
                published=datetime.datetime.combine(news["date"], datetime.time(12), tzinfo=paris),
                summary=news["summary"],
            )
            for position, news in enumerate(item["news"])
        )


def seed() -> None:
    home = HomePage.objects.get()
    audiences = seed_audiences()
    partners = partners_by_key({key for item in CONTENT["centres"] for key in item["partners"]})
    index = seed_index(home)
    existing = set(ResourceCentrePage.objects.child_of(index).values_list("slug", flat=True))
    for item in CONTENT["centres"]:
        if item["slug"] not in existing:
            centre = publish_child(index, build_centre(item, audiences, partners))
            if item.get("to_verify"):
                flag(centre, item["to_verify"])
    seed_old_address(index)
    seed_news(index)


def seed_old_address(index: ResourceCentreIndexPage) -> None:
    """A permanent redirect, kept in Paramètres › Redirections like those the WordPress import makes."""
    Redirect.objects.get_or_create(
        old_path=Redirect.normalise_path(OLD_CENTRES_ADDRESS),
        site=None,
        defaults={"redirect_page": index, "is_permanent": True},
    )
