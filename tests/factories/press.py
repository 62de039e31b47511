"""The press page, its mentions and its releases."""

from __future__ import annotations

import datetime

import factory

from pages.models import HomePage
from press.models import PressIndexPage, PressMention, PressReleasePage

from .base import PageFactory


def press_index() -> PressIndexPage:
    return PressIndexPage.objects.first() or PressIndexPageFactory()


class PressIndexPageFactory(PageFactory):
    """« Presse » under the home page; `mentions=[PressMention(...)]` for « Ils parlent de nous »."""

    title = "Presse"
    slug = "presse"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Communiqués, revue de presse et kit presse."

    class Meta:
        model = PressIndexPage


def mention(
    outlet: str = "Journal d'essai", url: str = "https://journal.exemple.org/article", **fields
) -> PressMention:
    """A press mention to give `PressIndexPageFactory(mentions=[...])`."""
    fields.setdefault("date", datetime.date(2024, 3, 28))
    fields.setdefault("title", f"Article de {outlet}")
    return PressMention(outlet=outlet, url=url, **fields)


class PressReleasePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Communiqué d'essai {n}")
    parent = factory.LazyFunction(press_index)
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "Un communiqué écrit pour les tests."

    class Meta:
        model = PressReleasePage
