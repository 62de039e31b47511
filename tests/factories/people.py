"""The team page and the people under it."""

from __future__ import annotations

import factory

from pages.models import MissionPage
from people.models import PersonPage, TeamPage

from .base import PageFactory


class TeamPageFactory(PageFactory):
    """« L'équipe » under « Qui sommes-nous ? »; `sections=[("section", {...})]` groups people."""

    title = "L'équipe"
    slug = "equipe"
    parent = factory.LazyFunction(lambda: MissionPage.objects.get())
    intro = "Les personnes du laboratoire."

    class Meta:
        model = TeamPage


def team_page() -> TeamPage:
    """The site's team page, made the first time it is asked for (one per site)."""
    return TeamPage.objects.first() or TeamPageFactory()


class PersonPageFactory(PageFactory):
    """A person under the team page (made if missing)."""

    title = factory.Sequence(lambda n: f"Personne d'essai {n}")
    parent = factory.LazyFunction(team_page)
    given_name = "Anne"
    family_name = factory.Sequence(lambda n: f"Essai{n}")
    role = "Chercheuse associée"
    biography = "<p>Une biographie écrite pour les tests.</p>"

    class Meta:
        model = PersonPage
