"""The demo library (seed_demo, on a copy of the seeded demo), and the sections other pages
include: home page and resource centres (built by factories)."""

from __future__ import annotations

import datetime

import html5lib
import pytest
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from caching import version
from demo.content import load
from pages.models import HomePage, Theme
from publications.home import latest_publications_section
from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage, PublicationType
from publications.queries import publications_for_centre
from tests.factories.images import CoverFactory
from tests.factories.publications import PublicationPageFactory

PUBLICATIONS = load("publications")["publications"]


def counts() -> dict[str, int]:
    return {
        "publications": PublicationPage.objects.count(),
        "articles": NewsArticlePage.objects.count(),
        "types": PublicationType.objects.count(),
        "themes": Theme.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_seed_has_the_19_publications_and_the_article_of_march_2022(demo_database):
    home = HomePage.objects.get()
    library = PublicationIndexPage.objects.get()
    assert library.get_parent().specific == home and library.url == "/publications/"
    assert NewsIndexPage.objects.get().url == "/actualites/"
    publications = PublicationPage.objects.live()
    assert publications.count() == len(PUBLICATIONS) == 19  # the fact sheet's 17 and the two ARPEA studies
    assert publications.filter(cover_image__isnull=True).count() == 0
    with_pdf = publications.filter(document__isnull=False)
    assert 5 <= with_pdf.count() < 19
    # Each says how to get it: a file, a link, or plainly « sur demande » / « épuisé ».
    assert not publications.filter(document__isnull=True, external_url="", availability="").exists()
    assert all(p.document.file.read(5) == b"%PDF-" for p in with_pdf)
    article = NewsArticlePage.objects.get(slug="apprenons-a-valoriser-le-faire-alliance")
    assert article.live and article.date == datetime.date(2022, 3, 10)
    assert set(PublicationType.objects.values_list("slug", flat=True)) >= {
        "livre",
        "etude",
        "rapport",
        "referentiel",
        "guide",
        "note",
        "livre-blanc",
        "actes",
        "cahier-de-recherche",
        "dossier",
    }


def test_seed_twice_adds_nothing(demo_database):
    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before


def test_seed_keeps_staff_edits(demo_database):
    page = PublicationPage.objects.get(slug="oser-l-interet-general")
    page.summary = "Résumé réécrit par l'équipe."
    page.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert PublicationPage.objects.get(slug="oser-l-interet-general").summary == "Résumé réécrit par l'équipe."


def request(path: str = "/"):
    req = RequestFactory().get(path, SERVER_NAME="localhost")
    return req


@pytest.mark.django_db
def test_home_section_gives_the_four_newest_with_covers():
    cover = CoverFactory()
    for year in (2019, 2023, 2021, 2018, 2022):
        PublicationPageFactory(slug=f"parue-en-{year}", publication_date=datetime.date(year, 5, 1), cover_image=cover)
    PublicationPageFactory(slug="brouillon-de-2030", publication_date=datetime.date(2030, 5, 1), live=False)
    context = latest_publications_section(request())
    assert context["publications_index"] == PublicationIndexPage.objects.get()
    assert [p.slug for p in context["publications"]] == [
        "parue-en-2023",
        "parue-en-2022",
        "parue-en-2021",
        "parue-en-2019",
    ]
    render_to_string(
        "publications/includes/home_section.html", {**context, "request": request()}
    )  # makes the renditions
    with CaptureQueriesContext(connection) as queries:
        context = latest_publications_section(request())
        markup = render_to_string("publications/includes/home_section.html", {**context, "request": request()})
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(markup)
    assert '<h2 id="dernieres-publications">Publications</h2>' in markup
    assert markup.count('class="pub-card"') == 4
    assert 'href="/publications/"' in markup
    # The section and its cards are kept per content version (caching): what is left is the
    # version, read once per request (two bare requests here: the section's, and the render's,
    # whose cards ask for their scope's version), and the site the links are resolved against.
    # Nothing per card.
    assert len(queries) == 3


@pytest.mark.django_db
def test_home_section_without_library():
    PublicationIndexPage.objects.all().delete()
    context = latest_publications_section(request())
    assert context == {"publications_index": None, "publications": []}
    assert render_to_string("publications/includes/home_section.html", context).strip() == ""


@pytest.mark.django_db
def test_centre_publications_newest_first_without_query_per_item(library, centre):
    image = CoverFactory()
    for number in range(8):
        PublicationPageFactory(
            slug=f"du-centre-{number}",
            publication_date=datetime.date(2030, 1 + number, 1),
            centres=[centre],
            cover_image=image,
        )
    PublicationPageFactory(slug="brouillon-du-centre", centres=[centre]).unpublish()
    with version.pinned():  # as within one request (private sections and catalogue cached)
        with CaptureQueriesContext(connection) as first:
            items = publications_for_centre(centre)
            [(p.cover_image.title, p.authors_display, p.publication_type.name) for p in items]
        with CaptureQueriesContext(connection) as again:
            publications_for_centre(centre)
    assert [p.slug for p in items] == [f"du-centre-{n}" for n in range(7, 1, -1)]
    # Built once per content version in a fixed number of queries, whatever the count.
    assert len(first) <= 10, "\n".join(query["sql"] for query in first.captured_queries)
    assert len(again) == 0
    assert len(publications_for_centre(centre, limit=3)) == 3


@pytest.mark.django_db
def test_centre_template_renders_with_a_link_to_the_filtered_library(library, centre):
    PublicationPageFactory(slug="du-centre", title="Une publication du centre", centres=[centre])
    req = request(centre.url)
    markup = render_to_string(
        "publications/includes/centre_publications.html",
        {"centre_publications": publications_for_centre(centre), "page": centre, "request": req},
    )
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(markup)
    assert "Une publication du centre" in markup
    assert 'href="/publications/?centre=centre-essai"' in markup
    assert (
        render_to_string(
            "publications/includes/centre_publications.html", {"centre_publications": [], "page": centre}
        ).strip()
        == ""
    )
