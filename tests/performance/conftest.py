"""Fixtures of the performance tests: the page cache switched on, a site with content on
every page type (built by factories), and small request helpers."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caching.middleware import HEADER
from pages.models import HomePage
from publications.models import PublicationPage
from tests.factories.datavis import chart, figure_chart, table
from tests.factories.images import CoverFactory, ImageFactory
from tests.factories.pages import KeyFigureFactory, PartnerFactory
from tests.factories.publications import PublicationPageFactory, authors
from tests.factories.resources import ResourceCentrePageFactory


@pytest.fixture
def page_cache(settings):
    """The whole-page cache as in production (the test settings keep it off for other tests)."""
    settings.PAGE_CACHE_SECONDS = 60
    return settings


def cache_state(response) -> str | None:
    return response.headers.get(HEADER)


def count_queries(client, path: str) -> int:
    """Queries of one uncached request, after a first request has warmed what a running
    server keeps between requests (site, menus, settings, routes, renditions)."""
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def build_site_content(pages: dict) -> dict:
    """To a page of every type, add a library of fourteen publications (two pages of them),
    each with its cover, two authors, the theme and the centre the filters use."""
    book = pages["publication"]
    cover = CoverFactory()
    for number in range(13):
        PublicationPageFactory(
            parent=book.get_parent(),
            title=f"Cahier de recherche n° {number}",
            publication_type=book.publication_type,
            publication_date=datetime.date(2010 + number, 3, 1),
            summary="Ce que le partenariat entre associations et entreprises change sur un territoire.",
            cover_image=cover,
            authors=authors(("Anne", "Robin"), ("", "Le RAMEAU")),
            themes=list(book.themes.all()),
            centres=[pages["centre"]],
            publish=False,
        )
    return pages


@pytest.fixture
def site_content(every_page_type) -> dict:
    """A page of every type, and a library of two pages (build_site_content)."""
    return build_site_content(every_page_type)


@pytest.fixture
def public_pages(site_content) -> dict[str, str]:
    """Every public page type, with real filters and detail pages picked from the content."""
    publication = PublicationPage.objects.live().order_by("-publication_date", "pk").first()
    kind, theme = publication.publication_type.slug, publication.themes.first().slug
    centre, cycle, session = site_content["centre"], site_content["cycle"], site_content["session"]
    return {
        "accueil": "/",
        "mission": "/qui-sommes-nous/",
        "histoire": "/qui-sommes-nous/histoire/",
        "page simple": site_content["page simple"].url,
        "centres": "/centres-de-ressources/",
        "centres filtrés": "/centres-de-ressources/?public=associations&besoin=agir",
        "centre": centre.url,
        "publications": "/publications/",
        "publications, 2e page": "/publications/?page=2",
        "publications, recherche": "/publications/?q=partenariat",
        "flux des publications": "/publications/flux.xml",
        "actualités": "/actualites/",
        "flux des actualités": "/actualites/flux.xml",
        "webinaires": "/webinaires/",
        "cycle": cycle.url,
        "calendrier du cycle": f"{cycle.url}calendrier.ics",
        "recherche": "/recherche/?q=partenariat",
        "plan du site": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "publications, deux filtres": f"/publications/?type={kind}&theme={theme}",
        "publication": publication.url,
        "citation BibTeX": f"{publication.url}citation.bib",
        "actualité": site_content["actualité"].url,
        "session": session.url,
        "calendrier d'une session": f"{session.url}{session.ical_url().rsplit('/', 1)[-1]}",
        "équipe": site_content["équipe"].url,
        "personne": site_content["personne"].url,
        "programmes": site_content["programmes"].url,
        "programme": site_content["programme"].url,
        "presse": site_content["presse"].url,
        "flux de la presse": f"{site_content['presse'].url}flux.xml",
        "communiqué": site_content["communiqué"].url,
        "publications, par programme": "/publications/?programme=phare",
        "centres, par programme": "/centres-de-ressources/?programme=phare",
        "export CSV des publications": "/publications/export.csv?type=livre",
        "contact": site_content["contact"].url,
        "lettres d'information": site_content["lettres"].url,
        "inscription aux lettres": "/newsletters/inscription/",
        "inscription envoyée": "/newsletters/inscription/envoyee/",
        "mentions légales": site_content["mentions légales"].url,
        "données personnelles": site_content["confidentialité"].url,
        "déclaration d'accessibilité": site_content["accessibilité"].url,
        "plan du site (HTML)": site_content["plan du site"].url,
    }


def build_full_home() -> HomePage:
    """The home page as staff fill it: twelve centres, the newest publications with their
    covers, key figures, two charts (a bar chart of key figures, a part-of-whole of a typed
    table) and a row of partners' logos under its sections (on top of the site content,
    which brings one centre and the publications)."""
    image = ImageFactory()
    for number in range(11):
        ResourceCentrePageFactory(title=f"Centre de ressources n° {number}", listing_image=image, publish=False)
    home = HomePage.objects.get()
    home.body = [
        *((block.block_type, block.value) for block in home.body),
        ("key_figures", {"heading": "Le RAMEAU en chiffres", "figures": KeyFigureFactory.create_batch(4)}),
        ("chart", figure_chart({"Français": "81 %", "Maires": "92 %", "Dirigeants": "83 %", "Associations": "97 %"})),
        (
            "chart",
            chart(
                chart_type="part_of_whole",
                table=table("Poste", ["M€"], [["Projets", 70], ["Ingénierie", 15], ["Recherche", 8], ["Autres", 7]]),
            ),
        ),
        ("partners", {"heading": "Ils construisent avec nous", "partners": PartnerFactory.create_batch(8)}),
    ]
    home.save_revision().publish()
    return home
