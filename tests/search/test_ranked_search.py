"""Site search on PostgreSQL: a GIN index on the vector it matches, each kind of page keeping
at most a pool of matches, ranked and counted in one statement (search/fulltext.py)."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.pages import StandardPageFactory
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def counts(response) -> dict[str, str]:
    return dict(
        re.findall(
            r'class="result-kinds__link"[^>]*>([^<]+?) <span class="result-kinds__count">\(([^)]+)\)',
            response.content.decode(),
        )
    )


def test_the_vector_search_matches_has_a_gin_index_the_planner_can_use(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'pages_search_vector_gin'")
        (definition,) = cursor.fetchone()
        assert "USING gin" in definition and "(title || body)" in definition
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to need it
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry"
            " WHERE (title || body) @@ plainto_tsquery('french_unaccent', 'hippocampe')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "pages_search_vector_gin" in plan


def test_counts_and_one_page_of_results_come_from_one_search_statement(client):
    for number in range(3):
        PublicationPageFactory(title=f"Les hippocampes, tome {number}")
    StandardPageFactory(title="Hippocampes et collectivités")
    client.get(SEARCH, {"q": "hippocampe"})  # the site, settings and cards, as a running server keeps them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "hippocampe"})
    searches = [query for query in queries if "wagtailsearch_indexentry" in query["sql"]]
    words = [query for query in queries if "search_searchword" in query["sql"]]
    assert len(searches) == 1 and len(words) == 1  # the search, and the compounds of its words
    assert len(queries) <= 3  # and the site Wagtail looks up for links
    assert counts(response) == {"Tous les types": "4", "Publications": "3", "Autres pages": "1"}


def test_beyond_the_pool_counts_say_more_than_and_the_best_of_the_pool_are_shown(client, settings):
    settings.SEARCH_POOL = 3
    for number in range(5):
        PublicationPageFactory(title=f"Hippocampes, volume {number}")
    StandardPageFactory(title="Hippocampes et collectivités")
    response = client.get(SEARCH, {"q": "hippocampe"})
    assert counts(response) == {"Tous les types": "plus de 4", "Publications": "plus de 3", "Autres pages": "1"}
    assert "Plus de 4 résultats pour" in response.content.decode()
    assert len(titles(response)) == 4
    narrowed = client.get(SEARCH, {"q": "hippocampe", "type": "publications"})
    assert len(titles(narrowed)) == 3 and "Plus de 3 résultats pour" in narrowed.content.decode()


def test_a_title_match_ranks_before_a_summary_match(client):
    PublicationPageFactory(title="Une publication", summary="Elle parle des hippocampes en passant.")
    PublicationPageFactory(title="Les hippocampes")
    assert titles(client.get(SEARCH, {"q": "hippocampe"}))[0] == "Les hippocampes"


def test_private_and_unpublished_pages_are_neither_counted_nor_shown(client):
    shown = PublicationPageFactory(title="Hippocampes publics")
    private = StandardPageFactory(title="Hippocampes réservés")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = PublicationPageFactory(title="Hippocampes en brouillon")
    draft.unpublish()
    response = client.get(SEARCH, {"q": "hippocampe"})
    assert titles(response) == [shown.title]
    assert counts(response) == {"Tous les types": "1", "Publications": "1"}
    assert "1 résultat pour" in response.content.decode()


def test_a_page_past_the_end_is_corrected_with_a_second_statement(client):
    for number in range(12):
        PublicationPageFactory(title=f"Hippocampes, numéro {number}")
    last = client.get(SEARCH, {"q": "hippocampe", "page": "2"})
    beyond = client.get(SEARCH, {"q": "hippocampe", "page": "9"})
    assert titles(beyond) == titles(last) and len(titles(last)) == 2
    assert "La page 9 n'existe pas" in html.unescape(beyond.content.decode())


def test_the_library_search_reads_only_ids_from_the_index(client):
    for number in range(3):
        PublicationPageFactory(title=f"Hippocampes, cahier {number}")
    PublicationPageFactory(title="Sans rapport")
    response = client.get("/publications/", {"q": "hippocampe"})
    assert "3 publications" in response.content.decode()
