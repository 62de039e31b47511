"""Webinar test helpers: the client's 2019 programme and a themed series built by factories,
sessions made to order. The clock moves with time-machine's `time_machine` fixture."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories.webinars import PARIS, WebinarCyclePageFactory, WebinarPageFactory, paris

__all__ = ["PARIS", "paris"]

# The client's 2019 programme (seed 001): the 3rd Thursday, except 15 August (Assomption) -> 22 August.
CLIENT_2019 = [
    date(2019, 1, 17),
    date(2019, 2, 21),
    date(2019, 3, 21),
    date(2019, 4, 18),
    date(2019, 5, 16),
    date(2019, 6, 20),
    date(2019, 7, 18),
    date(2019, 8, 22),
    date(2019, 9, 19),
    date(2019, 10, 17),
    date(2019, 11, 21),
    date(2019, 12, 19),
]
CLIENT_THEMES_2019 = [
    "Lancement du cycle de webinaires",
    "Qualifier l'innovation",
    "Connaître l'écosystème territorial",
    "Développer des partenariats stratégiques",
    "Définir sa stratégie",
    "Évaluer sa capacité de co-construction",
    "Mobiliser les compétences",
    "Favoriser l'engagement de l'entreprise",
    "Hybrider son modèle socio-économique",
    "Accroître l'impact d'une fondation",
    "Numériser l'innovation",
    "Co-construire le bien commun",
]
REGISTRATION_2019 = "http://innovationterritoriale.plateformecapitalisation.org/programme-2019"


@pytest.fixture
def index(db):
    from webinars.models import WebinarIndexPage

    return WebinarIndexPage.objects.get()


def build_cycle_2019():
    """The 2019 cycle as the client's table has it: twelve sessions, the 3rd Thursday, 13 h – 14 h."""
    from webinars.models import WebinarIndexPage

    cycle = WebinarCyclePageFactory(
        parent=WebinarIndexPage.objects.get(),
        title="Cycle de webinaires 2019",
        slug="2019",
        year=2019,
        registration_url=REGISTRATION_2019,
        intro="Douze rendez-vous pour parcourir, mois après mois, ce dont les territoires ont besoin pour innover.",
    )
    for day, title in zip(CLIENT_2019, CLIENT_THEMES_2019, strict=True):
        WebinarPageFactory(
            parent=cycle,
            title=title,
            day=day,
            summary=f"<p>{title} : les repères de la recherche.</p><p>Puis un temps d'échange.</p>",
            publish=False,
        )
    return cycle


@pytest.fixture
def cycle_2019(index):
    """The client's 2019 cycle (build_cycle_2019)."""
    return build_cycle_2019()


@pytest.fixture
def series(index):
    """« L'ODD 17 en pratique »: a themed series (no year), the 4th Thursday of 2020."""
    cycle = WebinarCyclePageFactory(
        parent=index,
        title="L'ODD 17 en pratique",
        slug="odd-17-en-pratique",
        year=None,
        rule_which=4,
        registration_url="",
        intro="Une série, en 2020, pour passer de l'ODD 17 — les partenariats — à des actions concrètes ; cinq rendez-vous.",
    )
    for day, title, summary in [
        (
            date(2020, 6, 25),
            "Pourquoi faire alliance ? L'ODD 17 comme cadre commun",
            "<p>L'objectif n° 17 invite chacun à coopérer : ce qu'il recouvre, pourquoi il nous concerne, "
            "et comment des collectivités, des entreprises et des associations s'en sont emparées.</p>",
        ),
        (date(2020, 11, 26), "Et maintenant ? Accélérer le mouvement", "<p>Changer d'échelle ; le rôle de chacun.</p>"),
    ]:
        WebinarPageFactory(parent=cycle, title=title, day=day, summary=summary, publish=False)
    return cycle
