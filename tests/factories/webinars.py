"""Webinars: the index, cycles with their rule, sessions at a given day and time, speakers."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import factory

from pages.models import HomePage
from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage, WebinarSpeaker

from .base import PageFactory

PARIS = ZoneInfo("Europe/Paris")


def paris(day: datetime.date, hour: int = 13, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


class WebinarIndexPageFactory(PageFactory):
    title = "Webinaires"
    slug = "webinaires"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Chaque mois, une heure en ligne pour débattre des résultats de la recherche."
    search_description = "Les webinaires du RAMEAU : prochaine session, cycles et replays."

    class Meta:
        model = WebinarIndexPage


class WebinarCyclePageFactory(PageFactory):
    """A cycle under the index; give `year=` (and the year as slug) for a yearly cycle, none for a series."""

    title = factory.Sequence(lambda n: f"Cycle d'essai {n}")
    parent = factory.LazyFunction(lambda: WebinarIndexPage.objects.get())
    intro = "Des sessions pour débattre ensemble des alliances."
    registration_url = "https://inscription.exemple.org/cycle"

    class Meta:
        model = WebinarCyclePage


class WebinarSpeakerFactory(factory.django.DjangoModelFactory):
    """A speaker; `.build()` it into `WebinarPageFactory(speakers=[...])`."""

    name = factory.Sequence(lambda n: f"Intervenante {n}")
    role = "chercheuse associée"

    class Meta:
        model = WebinarSpeaker


class WebinarPageFactory(PageFactory):
    """A session on `day`, 13 h – 14 h in Paris, in a cycle of its own unless `parent=` names one."""

    title = factory.Sequence(lambda n: f"Session d'essai {n}")
    parent = factory.SubFactory(WebinarCyclePageFactory)
    start = factory.LazyAttribute(lambda session: paris(session.day, 13))
    end = factory.LazyAttribute(lambda session: paris(session.day, 14))
    summary = "<p>Ce dont on débattra, et avec qui.</p>"

    class Meta:
        model = WebinarPage

    class Params:
        day = factory.Sequence(lambda n: datetime.date(2030, 1, 17) + datetime.timedelta(weeks=n))
