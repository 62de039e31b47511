"""The programmes index and programmes."""

from __future__ import annotations

import factory

from pages.models import HomePage
from programmes.models import ProgrammeIndexPage, ProgrammePage

from .base import PageFactory


class ProgrammeIndexPageFactory(PageFactory):
    title = "Programmes"
    slug = "programmes"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Les programmes de recherche du laboratoire."

    class Meta:
        model = ProgrammeIndexPage


def programme_index() -> ProgrammeIndexPage:
    return ProgrammeIndexPage.objects.first() or ProgrammeIndexPageFactory()


class ProgrammePageFactory(PageFactory):
    """A programme under /programmes/ (made if missing), current since 2020 unless told."""

    title = factory.Sequence(lambda n: f"Programme d'essai {n}")
    parent = factory.LazyFunction(programme_index)
    start_year = 2020
    summary = "Un programme de recherche écrit pour les tests."

    class Meta:
        model = ProgrammePage
