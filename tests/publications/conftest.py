"""Fixtures of the publications tests: the seeded library, and helpers to add publications."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from pages.models import Theme
from publications.models import NewsIndexPage, PublicationAuthor, PublicationIndexPage, PublicationPage, PublicationType
from resources.models import ResourceCentreIndexPage, ResourceCentrePage


@pytest.fixture
def library(db) -> PublicationIndexPage:
    return PublicationIndexPage.objects.get()


@pytest.fixture
def news_index(db) -> NewsIndexPage:
    return NewsIndexPage.objects.get()


@pytest.fixture
def essai_type(db) -> PublicationType:
    return PublicationType.objects.create(
        name="Essai", name_plural="Essais", slug="essai", nature="report", sort_order=999
    )


@pytest.fixture
def theme_a(db) -> Theme:
    return Theme.objects.create(name="Thème d'essai A", slug="theme-essai-a")


@pytest.fixture
def theme_b(db) -> Theme:
    return Theme.objects.create(name="Thème d'essai B", slug="theme-essai-b")


@pytest.fixture
def centre(db) -> ResourceCentrePage:
    index = ResourceCentreIndexPage.objects.first()
    page = ResourceCentrePage(title="Centre d'essai", slug="centre-essai", summary="Un centre créé pour les tests.")
    index.add_child(instance=page)
    return page


def make_image(title: str = "Couverture d'essai"):
    buffer = BytesIO()
    PILImage.new("RGB", (60, 85), (20, 80, 60)).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ContentFile(buffer.getvalue(), name="couverture-essai.png")
    image.save()
    return image


def make_document(name: str, data: bytes, title: str = "Document d'essai"):
    document = get_document_model()(title=title)
    document.file = ContentFile(data, name=name)
    document.save()
    return document


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def make_publication(library, essai_type):
    """Adds a live publication under the library; keyword arguments override the defaults."""

    def make(
        slug: str,
        *,
        kind=None,
        date=datetime.date(2030, 5, 1),
        precision="month",
        themes=(),
        centres=(),
        authors=None,
        **fields,
    ):
        page = PublicationPage(
            title=fields.pop("title", f"Publication {slug}"),
            slug=slug,
            publication_type=kind or essai_type,
            publication_date=date,
            date_precision=precision,
            summary=fields.pop("summary", "Un résumé écrit pour les tests."),
            **fields,
        )
        page.authors = [
            PublicationAuthor(first_name=first, last_name=last, sort_order=order)
            for order, (first, last) in enumerate(authors if authors is not None else [("", "Le RAMEAU")])
        ]
        page.themes = list(themes)
        page.centres = list(centres)
        library.add_child(instance=page)
        return page

    return make
