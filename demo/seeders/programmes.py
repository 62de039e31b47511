"""Demo research programmes under /programmes/, and the links the documents support from
publications, centres, webinar cycles and history milestones to them.

Runs after the publications, resources and webinars seeders. Safe to rerun: pages and
partners are found first; links are only added, never removed.
"""

from __future__ import annotations

from wagtail.models import Page

from demo.content import load
from pages.models import HistoryPage, HomePage, Partner
from programmes.models import ProgrammeIndexPage, ProgrammePage
from publications.models import PublicationPage
from resources.models import ResourceCentrePage
from webinars.models import WebinarCyclePage

from .common import publish_child, republish, sections_body

CONTENT = load("programmes")


def seed_partners() -> dict[str, Partner]:
    for item in CONTENT["partners"]:
        if not Partner.objects.filter(name=item["name"]).exists():
            Partner.objects.create(name=item["name"], description=item["description"])
    return {partner.name: partner for partner in Partner.objects.all()}


def seed_index(home: HomePage) -> ProgrammeIndexPage:
    existing = ProgrammeIndexPage.objects.first()
    if existing:
        return existing
    data = CONTENT["index"]
    return publish_child(
        home,
        ProgrammeIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
        ),
    )


def seed_programme(index: ProgrammeIndexPage, item: dict, partners: dict[str, Partner]) -> ProgrammePage:
    existing = ProgrammePage.objects.child_of(index).filter(slug=item["slug"]).first()
    if existing:
        return existing.specific
    programme = ProgrammePage(
        title=item["title"],
        slug=item["slug"],
        full_name=item.get("full_name", ""),
        start_year=item.get("start_year"),
        end_year=item.get("end_year"),
        status=item.get("status", ""),
        summary=" ".join(item["summary"].split()),
        listing_summary=" ".join(item["summary"].split())[:300],
        body=sections_body(item.get("body", [])),
    )
    programme.partners = [partners[name] for name in item.get("partners", []) if name in partners]
    return publish_child(index, programme)


def add_to(page, relation: str, programme: ProgrammePage) -> None:
    """Add the programme to a page's many-to-many field and publish it, unless it is there already."""
    if getattr(page, relation).filter(pk=programme.pk).exists():
        return
    getattr(page, relation).add(programme)
    republish(page)


def link(programme: ProgrammePage, item: dict) -> None:
    for slug in item.get("publications", []):
        publication = PublicationPage.objects.filter(slug=slug).first()
        if publication:
            add_to(publication, "programmes", programme)
    for slug in item.get("centres", []):
        centre = ResourceCentrePage.objects.filter(slug=slug).first()
        if centre:
            add_to(centre, "programmes", programme)
    for slug in item.get("cycles", []):
        cycle = WebinarCyclePage.objects.filter(slug=slug).first()
        if cycle:
            add_to(cycle, "programmes", programme)
    titles = set(item.get("milestones", []))
    history = HistoryPage.objects.first()
    if titles and history is not None:
        changed = False
        milestones = list(history.milestones.all())
        for milestone in milestones:
            if milestone.title in titles and milestone.programme_id is None:
                milestone.programme = programme
                changed = True
        if changed:
            history.milestones = milestones
            republish(history)


def add_map(programme: ProgrammePage, data: dict) -> None:
    """A map of the places the programme worked in, after the pages and milestones it links
    to exist; added only while the programme's page has no map."""
    if any(block.block_type == "france_map" for block in programme.body):
        return
    history = HistoryPage.objects.first()
    milestones = {m.title: m for m in history.milestones.all()} if history else {}
    slugs = [place["page"] for place in data["places"] if place.get("page")]
    pages = {page.slug: page for page in Page.objects.live().filter(slug__in=slugs)}
    places = [
        {
            "name": place["name"],
            "area": place["area"],
            "text": " ".join(place["text"].split()),
            "milestone": str(milestones[place["milestone"]].pk) if place.get("milestone") in milestones else "",
            "page": pages.get(place.get("page", "")),
        }
        for place in data["places"]
    ]
    programme.body = [
        *((block.block_type, block.value) for block in programme.body),
        ("heading", {"text": data["heading"], "level": "h2"}),
        (
            "france_map",
            {
                "title": data["title"],
                "heading_level": "h3",
                "summary": " ".join(data["summary"].split()),
                "places": places,
            },
        ),
    ]
    republish(programme)


def seed() -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    partners = seed_partners()
    index = seed_index(home)
    programmes = [(seed_programme(index, item, partners), item) for item in CONTENT["programmes"]]
    for programme, item in programmes:
        link(programme, item)
    for programme, item in programmes:
        if "map" in item:
            add_map(programme, item["map"])
