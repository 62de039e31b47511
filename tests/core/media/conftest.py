"""Fixtures of the media tests: a MEDIA_ROOT of each test's own, images good and broken, and
one page of every type showing them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .files import picture, png_with_wrong_header, truncated_jpeg

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    """Never the run's media folder: each test writes, breaks and deletes files in its own."""
    folder = tmp_path / "media"
    folder.mkdir()
    settings.MEDIA_ROOT = str(folder)
    return folder


def make_image(title: str, data: bytes | None = None, name: str = "illustration.jpg"):
    image = get_image_model()(title=title)
    image.file = ContentFile(data or picture("PNG" if name.endswith(".png") else "JPEG"), name=name)
    image.save()
    return image


def make_document(title: str = "Rapport d'essai", name: str = "rapport-essai.pdf"):
    document = get_document_model()(title=title)
    document.file = ContentFile(MINIMAL_PDF, name=name)
    document.save()
    return document


def break_image(image, how: str) -> None:
    """Leave the image's row as it is and take its file away, or spoil it."""
    path = Path(image.file.path)
    if how == "absent":
        path.unlink()
    elif how == "jpeg-tronque":
        path.write_bytes(truncated_jpeg())
    elif how == "png-en-tete-faux":
        path.write_bytes(png_with_wrong_header())
    else:
        raise ValueError(how)


BREAKAGES = {"absent": "illustration.jpg", "jpeg-tronque": "illustration.jpg", "png-en-tete-faux": "illustration.png"}


@pytest.fixture(params=list(BREAKAGES))
def broken_image(request, db):
    """An image whose original is missing, a truncated JPEG, or a PNG with a wrong header."""
    image = make_image(f"Image abîmée ({request.param})", name=BREAKAGES[request.param])
    break_image(image, request.param)
    return image


def singleton(model, parent: Page, **fields) -> Page:
    """The one page of this type, made under `parent` when the database has none."""
    page = model.objects.first()
    if page is None:
        page = model(**fields)
        parent.add_child(instance=page)
    return page


@dataclass
class SitePages:
    """One page of every type, all showing the same image wherever an image goes."""

    pages: dict[str, Page] = field(default_factory=dict)
    publication_document: object = None
    session_slides: object = None

    def url(self, name: str) -> str:
        return self.pages[name].get_url()


def build_every_page_type(image, good_image=None) -> SitePages:
    """Home, mission, history, plain page, the four sections with a page of each kind below.

    Every image field, the image and partner blocks, the partner logos and the site's share
    image point to `image`; `good_image` (when given) is a second image block of the plain
    page, to show that what can be shown still is.
    """
    from pages.models import HistoryMilestone, HistoryPage, HomePage, MissionPage, Partner, SiteSettings, StandardPage
    from publications.models import (
        NewsArticlePage,
        NewsIndexPage,
        PublicationIndexPage,
        PublicationPage,
        PublicationType,
    )
    from resources.models import ResourceCentreIndexPage, ResourceCentrePage
    from resources.models.centre import ResourceCentrePartner
    from webinars.models import WebinarCyclePage, WebinarIndexPage, WebinarPage

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.default_social_image = image
    settings.save()

    home = HomePage.objects.get(pk=site.root_page_id)
    mission = singleton(MissionPage, home, title="Qui sommes-nous ?", slug="qui-sommes-nous")
    history = singleton(HistoryPage, mission, title="Histoire", slug="histoire")
    HistoryMilestone.objects.create(page=history, year=2006, title="Étape d'essai", image=image)
    centres = singleton(ResourceCentreIndexPage, home, title="Centres de ressources", slug="centres-de-ressources")
    library = singleton(PublicationIndexPage, home, title="Publications", slug="publications")
    news = singleton(NewsIndexPage, home, title="Actualités", slug="actualites")
    webinars = singleton(WebinarIndexPage, home, title="Webinaires", slug="webinaires")
    for page in (home, mission, history, centres, library, news, webinars):
        page.listing_image = page.social_image = image
        if isinstance(page, HomePage):
            page.hero_image = image
        page.save()

    partner = Partner.objects.create(name="Partenaire au logo abîmé", logo=image, website="https://exemple.org/")
    body = [
        ("image", {"image": image, "alt_text": "Une image abîmée", "caption": "Légende", "credit": ""}),
        ("partners", {"heading": "Partenaires", "partners": [partner]}),
    ]
    if good_image is not None:
        body.append(("image", {"image": good_image, "alt_text": "Une image intacte", "caption": "", "credit": ""}))
    standard = StandardPage(
        title="Page d'essai des médias", slug="page-essai-medias", listing_image=image, social_image=image, body=body
    )
    home.add_child(instance=standard)

    centre = ResourceCentrePage(
        title="Centre d'essai des médias",
        slug="centre-essai-medias",
        summary="Un centre créé pour les tests des médias.",
        listing_image=image,
        social_image=image,
    )
    centres.add_child(instance=centre)
    ResourceCentrePartner.objects.create(page=centre, partner=partner)

    document = make_document()
    kind, _ = PublicationType.objects.get_or_create(
        slug="etude-essai-medias",
        defaults={"name": "Étude d'essai", "name_plural": "Études d'essai", "nature": "report"},
    )
    publication = PublicationPage(
        publication_type=kind,
        title="Publication d'essai des médias",
        slug="publication-essai-medias",
        publication_date=datetime.date(2024, 5, 1),
        summary="Une publication créée pour les tests des médias.",
        cover_image=image,
        listing_image=image,
        document=document,
    )
    library.add_child(instance=publication)
    article = NewsArticlePage(
        title="Actualité d'essai des médias",
        slug="actualite-essai-medias",
        date=datetime.date(2024, 5, 2),
        summary="Une actualité créée pour les tests des médias.",
        listing_image=image,
        social_image=image,
    )
    news.add_child(instance=article)
    cycle = WebinarCyclePage(title="Cycle d'essai des médias", slug="cycle-essai-medias", listing_image=image)
    webinars.add_child(instance=cycle)
    start = timezone.make_aware(datetime.datetime(2024, 3, 21, 13, 0))
    slides = make_document("Supports d'essai", "supports-essai.pdf")
    session = WebinarPage(
        title="Session d'essai des médias",
        slug="session-essai-medias",
        start=start,
        end=start + datetime.timedelta(hours=1),
        listing_image=image,
        social_image=image,
        slides=slides,
    )
    cycle.add_child(instance=session)

    pages = {
        "accueil": home,
        "mission": mission,
        "histoire": history,
        "page simple": standard,
        "index des centres": centres,
        "centre": centre,
        "bibliothèque": library,
        "publication": publication,
        "index des actualités": news,
        "actualité": article,
        "index des webinaires": webinars,
        "cycle": cycle,
        "session": session,
    }
    return SitePages(pages=pages, publication_document=document, session_slides=slides)
