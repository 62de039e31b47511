"""Every page type renders, in French, with its content, its SEO tags and valid HTML."""

from __future__ import annotations

import html5lib
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from pages.models import MissionPage, StandardPage
from tests.factories.images import ImageFactory
from tests.factories.pages import HOME_HEADLINE, MISSIONS, StandardPageFactory
from tests.factories.skeleton import EMAIL

from .conftest import MILESTONES

PAGES = {
    "/": HOME_HEADLINE,
    "/qui-sommes-nous/": "Témoigner",
    "/qui-sommes-nous/histoire/": "2006",
    "/mentions-legales/": "Mentions légales",
    "/contact/": EMAIL,
}


@pytest.fixture
def site_pages(history, legal_notice, contact):
    """One page of each of the core's types: home, mission, history, two plain pages."""


def assert_valid_html(markup: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(markup)


@pytest.mark.django_db
@pytest.mark.parametrize("path,expected", PAGES.items())
def test_page_renders_in_french_with_valid_html(client, site_pages, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    markup = response.content.decode()
    assert '<html lang="fr">' in markup
    assert expected in markup
    assert 'href="#contenu"' in markup and 'id="contenu"' in markup
    assert_valid_html(markup)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_page_has_canonical_and_sharing_tags(client, site_pages, path):
    markup = client.get(path).content.decode()
    assert f'<link rel="canonical" href="http://localhost{path}">' in markup
    for tag in ('property="og:title"', 'property="og:image"', 'name="twitter:card"', 'name="description"'):
        assert tag in markup, tag


def count_queries(client, path: str) -> int:
    client.get(path)  # warm the per-process caches a real server keeps between requests
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_page_query_count_is_bounded(client, site_pages, path):
    # The site, routing, view restrictions, settings, menus and breadcrumbs come from the
    # cache a running server keeps (warmed by the first request); see tests/performance.
    assert count_queries(client, path) <= 10


@pytest.mark.django_db
def test_child_cards_cost_the_same_for_one_or_many(client, history):
    mission = MissionPage.objects.get()
    image = ImageFactory()

    def add_children(numbers):
        for number in numbers:
            child = StandardPage(
                title=f"Annexe {number}", slug=f"annexe-{number}", listing_image=image, listing_summary="Résumé."
            )
            mission.add_child(instance=child)

    add_children([0])
    with_one = count_queries(client, "/qui-sommes-nous/")
    add_children(range(1, 8))
    markup = client.get("/qui-sommes-nous/").content.decode()
    assert markup.count('class="card"') == 9  # the history page and eight annexes
    assert count_queries(client, "/qui-sommes-nous/") == with_one


@pytest.mark.django_db
def test_title_patterns(client, mission):
    assert "<title>Le RAMEAU · " in client.get("/").content.decode()
    assert "<title>Qui sommes-nous ? · Le RAMEAU</title>" in client.get("/qui-sommes-nous/").content.decode()


@pytest.mark.django_db
def test_menu_links_mission_and_history_from_every_page(client, site_pages):
    for path in PAGES:
        markup = client.get(path).content.decode()
        assert 'href="/qui-sommes-nous/"' in markup
        assert 'href="/qui-sommes-nous/histoire/"' in markup


@pytest.mark.django_db
def test_current_page_is_marked_in_menu_and_breadcrumbs(client, history):
    markup = client.get("/qui-sommes-nous/histoire/").content.decode()
    assert 'class="main-nav__link" href="/qui-sommes-nous/histoire/" aria-current="page"' in markup
    assert 'aria-label="Fil d\'Ariane"' in markup
    assert '<a href="/">Accueil</a>' in markup


@pytest.mark.django_db
def test_mission_page_shows_three_missions_four_objectives_and_sourced_figures(client, mission):
    markup = client.get("/qui-sommes-nous/").content.decode()
    for title in MISSIONS:
        assert title in markup
    assert markup.count('class="mission__proof"') == 3
    assert markup.count('class="objectives__item"') == 4
    figures = [block.value for block in mission.key_figures]
    assert len(figures) == 2
    assert markup.count('class="figure-card"') == len(figures)
    # The two share their source: it is named once, under the row, not on every card.
    assert markup.count('class="figure-card__source"') == 0 and markup.count('class="figures__source"') == 1
    for figure in figures:
        assert figure.value in markup and escape(figure.label) in markup
    assert f"{escape(figures[0].source)}</a>, {figures[0].year}" in markup  # a source that names no year gets it
    assert escape(mission.quote_author) in markup


@pytest.mark.django_db
def test_figures_of_different_sources_each_name_their_own(client, mission):
    first, second = (block.value for block in mission.key_figures)
    second.source, second.year = "Une autre enquête", 2019
    second.save()
    markup = client.get("/qui-sommes-nous/").content.decode()
    assert markup.count('class="figure-card__source"') == 2 and 'class="figures__source"' not in markup
    assert "Une autre enquête</a>, 2019" in markup and f"{escape(first.source)}</a>, {first.year}" in markup


@pytest.mark.django_db
def test_history_is_an_ordered_timeline_of_every_milestone(client, history):
    markup = client.get("/qui-sommes-nous/histoire/").content.decode()
    assert '<ol class="timeline"' in markup
    assert markup.count('class="timeline__event"') == len(MILESTONES)
    years = sorted({year for year, _ in MILESTONES})
    assert years[0] == 2006 and years[-1] == 2022
    positions = [markup.index(f'<time datetime="{year}">') for year in years]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_unknown_url_gives_french_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    markup = response.content.decode()
    assert "Cette page est introuvable" in markup and '<html lang="fr">' in markup
    assert_valid_html(markup)


def test_500_page_needs_neither_database_nor_context():
    """Rendered with the database blocked: any query would raise here."""
    markup = render_to_string("500.html")
    assert "Un incident technique" in markup and '<html lang="fr">' in markup
    assert_valid_html(markup)


@pytest.mark.django_db
def test_a_big_title_never_breaks_before_a_french_punctuation_mark(client, home):
    """« le « / faire alliance » » or « : pourquoi ? » alone at a line start: the spaces French
    typography ties to guillemets, colons and question marks are no-break in the h1 and the chapô."""
    page = StandardPageFactory(title="Le « faire alliance » : pourquoi ?", slug="pourquoi", intro="Trois « piliers » !")
    markup = client.get(page.url).content.decode()
    assert '<h1 class="page-header__title">Le «\u00a0faire alliance\u00a0»\u00a0: pourquoi\u00a0?</h1>' in markup
    assert '<p class="page-header__intro">Trois «\u00a0piliers\u00a0»\u00a0!</p>' in markup  # the chapô too
    assert "<title>Le « faire alliance » : pourquoi ?" in markup  # what search engines read is unchanged
