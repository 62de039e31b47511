"""The library and the news: indexes, publications with their authors, types, articles."""

from __future__ import annotations

import datetime

import factory
from django.utils.text import slugify

from pages.models import HomePage
from publications.models import (
    NewsArticlePage,
    NewsIndexPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)

from .base import PageFactory


class PublicationTypeFactory(factory.django.DjangoModelFactory):
    """A type of publication, found again by its slug (`PublicationTypeFactory(slug="livre", …)`)."""

    name = factory.Sequence(lambda n: f"Type d'essai {n}")
    name_plural = factory.LazyAttribute(lambda kind: f"{kind.name}s")
    slug = factory.LazyAttribute(lambda kind: slugify(kind.name))
    nature = "report"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = PublicationType
        django_get_or_create = ("slug",)


def essai_type() -> PublicationType:
    """The type every publication gets unless told otherwise: « Essai », a report."""
    return PublicationTypeFactory(name="Essai", name_plural="Essais", slug="essai", nature="report", sort_order=999)


class PublicationIndexPageFactory(PageFactory):
    title = "Publications"
    slug = "publications"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Livres, études, guides et cahiers de recherche, en accès libre."
    search_description = "Les publications du RAMEAU, à lire et à télécharger."

    class Meta:
        model = PublicationIndexPage


class PublicationAuthorFactory(factory.django.DjangoModelFactory):
    """An author; `.build()` it into `PublicationPageFactory(authors=[...])` (cover order kept)."""

    first_name = "Anne"
    last_name = factory.Sequence(lambda n: f"Autrice{n}")

    class Meta:
        model = PublicationAuthor


def authors(*names: tuple[str, str]) -> list[PublicationAuthor]:
    """Authors from (first name, last name) pairs, in cover order; an empty first name for a collective."""
    return [
        PublicationAuthor(first_name=first, last_name=last, sort_order=order)
        for order, (first, last) in enumerate(names)
    ]


class PublicationPageFactory(PageFactory):
    """A live publication in the library, by « Le RAMEAU », of type « Essai », dated May 2030."""

    title = factory.Sequence(lambda n: f"Publication d'essai {n}")
    parent = factory.LazyFunction(lambda: PublicationIndexPage.objects.get())
    publication_type = factory.LazyFunction(essai_type)
    publication_date = datetime.date(2030, 5, 1)
    date_precision = "month"
    summary = "Un résumé écrit pour les tests."
    authors = factory.LazyFunction(lambda: authors(("", "Le RAMEAU")))

    class Meta:
        model = PublicationPage


class NewsIndexPageFactory(PageFactory):
    title = "Actualités"
    slug = "actualites"
    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    intro = "Les nouvelles et les tribunes du RAMEAU."
    search_description = "Actualités et tribunes du RAMEAU."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Brève d'essai {n}")
    parent = factory.LazyFunction(lambda: NewsIndexPage.objects.get())
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "Une brève écrite pour les tests."

    class Meta:
        model = NewsArticlePage
