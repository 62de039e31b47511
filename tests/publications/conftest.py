"""Fixtures of the publications tests: the site's library and news, and publications built by
factories, among them a catalogue of seventeen works whose counts the filters are checked on."""

from __future__ import annotations

import datetime

import pytest

from pages.models import Theme
from publications.models import NewsIndexPage, PublicationIndexPage, PublicationPage, PublicationType
from resources.models import ResourceCentrePage
from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationPageFactory, PublicationTypeFactory
from tests.factories.publications import essai_type as make_essai_type
from tests.factories.resources import ResourceCentrePageFactory
from tests.shared import shared_by_the_module

# slug: (name, plural, nature): the types the catalogue and the citation tests use.
TYPES = {
    "livre": ("Livre", "Livres", "book"),
    "etude": ("Étude", "Études", "report"),
    "note": ("Note", "Notes", "report"),
    "guide": ("Guide", "Guides", "report"),
    "actes": ("Actes", "Actes", "proceedings"),
    "cahier-de-recherche": ("Cahier de recherche", "Cahiers de recherche", "article"),
}
THEMES = {"interet-general": "Intérêt général", "territoires": "Territoires", "entreprises": "Entreprises"}
D = datetime.date
# The catalogue, newest first: (title, type, date, precision, themes).
CATALOGUE = [
    ("ODD 17 : Économie(s) & Territoire(s)", "cahier-de-recherche", D(2023, 12, 21), "day", ["territoires"]),
    ("ODD 17 : les impacts du faire alliance en France", "etude", D(2023, 10, 1), "month", ["territoires"]),
    ("Guide de l'investissement sociétal", "guide", D(2022, 6, 1), "month", ["entreprises"]),
    ("Dossier : l'intérêt général en actions", "cahier-de-recherche", D(2021, 3, 1), "month", ["interet-general"]),
    ("Fondations et territoires", "note", D(2018, 11, 1), "month", ["territoires"]),
    ("Les alliances en territoire", "etude", D(2018, 9, 1), "month", ["territoires", "interet-general"]),
    ("Bien commun et alliances", "livre", D(2018, 6, 1), "month", ["interet-general"]),
    ("La co-construction en pratique", "note", D(2018, 3, 1), "month", ["territoires"]),
    ("Actes des rencontres 2018", "actes", D(2018, 1, 1), "year", []),
    ("L'innovation associative", "etude", D(2017, 10, 1), "month", ["territoires"]),
    ("Enjeux et pratiques des fondations en France", "etude", D(2017, 6, 1), "month", ["entreprises"]),
    (
        "Enjeux et pratiques d'accompagnement des structures d'intérêt général",
        "etude",
        D(2017, 3, 1),
        "month",
        ["interet-general"],
    ),
    ("Oser l'intérêt général", "guide", D(2017, 1, 1), "year", ["interet-general"]),
    ("Bien commun : vers la fin des arrogances !", "livre", D(2016, 12, 1), "month", ["interet-general"]),
    ("Note de synthèse des séminaires avec les think tanks", "note", D(2016, 5, 1), "month", ["interet-general"]),
    ("L'engagement des salariés", "note", D(2014, 6, 1), "month", ["entreprises"]),
    ("L'Entreprise Responsable", "livre", D(2013, 2, 1), "month", ["entreprises"]),
]


@pytest.fixture
def library(db) -> PublicationIndexPage:
    return PublicationIndexPage.objects.get()


@pytest.fixture
def news_index(db) -> NewsIndexPage:
    return NewsIndexPage.objects.get()


def publication_type(slug: str) -> PublicationType:
    name, plural, nature = TYPES[slug]
    return PublicationTypeFactory(slug=slug, name=name, name_plural=plural, nature=nature)


def theme(slug: str) -> Theme:
    return ThemeFactory(slug=slug, name=THEMES[slug])


def build_catalogue() -> list[PublicationPage]:
    """The seventeen publications of CATALOGUE in the library, newest first (live pages saved
    without a revision: what the listing, its filters and the feed read is their rows)."""
    library = PublicationIndexPage.objects.get()
    return [
        PublicationPageFactory(
            parent=library,
            title=title,
            publication_type=publication_type(kind),
            publication_date=date,
            date_precision=precision,
            themes=[theme(slug) for slug in themes],
            publish=False,
        )
        for title, kind, date, precision, themes in CATALOGUE
    ]


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker) -> list[PublicationPage]:
    """The catalogue, built once for the module that asks for it (see tests/shared.py)."""
    yield from shared_by_the_module(django_db_blocker, build_catalogue)


@pytest.fixture
def essai_type(db) -> PublicationType:
    return make_essai_type()


@pytest.fixture
def theme_a(db) -> Theme:
    return ThemeFactory(name="Thème d'essai A", slug="theme-essai-a")


@pytest.fixture
def theme_b(db) -> Theme:
    return ThemeFactory(name="Thème d'essai B", slug="theme-essai-b")


@pytest.fixture
def centre(db) -> ResourceCentrePage:
    return ResourceCentrePageFactory(
        title="Centre d'essai", slug="centre-essai", summary="Un centre créé pour les tests."
    )
