"""Demo team: « L'équipe » under « Qui sommes-nous ? », its people, and the publications
they wrote linked to their page.

Runs after the publications seeder. Safe to rerun: pages are found by slug first, and an
author row already linked to someone is left as staff set it.
"""

from __future__ import annotations

from demo.content import load
from pages.models import MissionPage
from people.models import PersonPage, TeamPage
from publications.models import PublicationPage

from .common import publish_child, republish

CONTENT = load("people")


def seed_team(mission: MissionPage) -> TeamPage:
    existing = TeamPage.objects.first()
    if existing:
        return existing
    data = CONTENT["team"]
    return publish_child(
        mission,
        TeamPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            listing_summary=data["intro"],
            search_description=data["seo_description"],
        ),
    )


def seed_people(team: TeamPage) -> dict[str, PersonPage]:
    people = {}
    for item in CONTENT["people"]:
        person = PersonPage(
            title=item["title"],
            slug=item["slug"],
            given_name=item["given_name"],
            family_name=item["family_name"],
            role=item["role"],
            listing_summary=item["role"],
            biography=" ".join(item["biography"].split()),
        )
        people[item["slug"]] = publish_child(team, person)
    return people


def fill_sections(team: TeamPage, people: dict[str, PersonPage]) -> None:
    """The team's sections, the first time only (staff reorder them afterwards)."""
    if team.sections:
        return
    team.sections = [
        (
            "section",
            {
                "heading": section["heading"],
                "intro": section["intro"],
                "members": [people[slug] for slug in section["members"] if slug in people],
            },
        )
        for section in CONTENT["sections"]
    ]
    team.save_revision(log_action=True).publish()


def link_authors(people: dict[str, PersonPage]) -> None:
    """Point author rows at their person's page, through a published revision as staff would."""
    for publication_slug, names in CONTENT["authors"].items():
        publication = PublicationPage.objects.filter(slug=publication_slug).first()
        if publication is None:
            continue
        changed = False
        authors = list(publication.authors.all())
        for author in authors:
            person_slug = names.get(author.last_name)
            if person_slug and author.person_id is None:
                author.person = people[person_slug]
                changed = True
        if changed:
            publication.authors = authors
            republish(publication)


def seed() -> None:
    mission = MissionPage.objects.first()
    if mission is None:
        return
    team = seed_team(mission)
    people = seed_people(team)
    fill_sections(team, people)
    link_authors(people)
