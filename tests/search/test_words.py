"""What the search makes of the words typed: compounds written otherwise on the site, a
correction when nothing is found, suggestions while typing; all from the words of the live,
public pages (search/lexicon.py, search/words.py)."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from search import lexicon
from tests.factories.pages import StandardPageFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"
SUGGEST = "/recherche/suggestions/"


def titles(response) -> list[str]:
    found = re.findall(r'<h3 class="result__title"><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())
    return [html.unescape(title) for title in found]


def correction(response) -> tuple[str, str] | None:
    match = re.search(r'Vouliez-vous dire&nbsp;: <a href="([^"]+)">([^<]+)</a>&nbsp;\?', response.content.decode())
    return (html.unescape(match.group(1)), html.unescape(match.group(2))) if match else None


@pytest.fixture
def compounds(db):
    return [
        PublicationPageFactory(title="Référentiel", summary="La co-construction territoriale, pas à pas."),
        StandardPageFactory(title="Méthode", intro="Une coconstruction entre associations et collectivités."),
    ]


@pytest.mark.parametrize("query", ["co-construction", "co construction", "coconstruction", "Coconstruction"])
def test_a_compound_is_found_however_it_is_typed(client, compounds, query):
    assert sorted(titles(client.get(SEARCH, {"q": query}))) == ["Méthode", "Référentiel"]


def test_a_typo_offers_the_search_it_meant_as_a_link_that_runs_it(client):
    PublicationPageFactory(title="Le partenariat en questions")
    ResourceCentrePageFactory(title="Fondations d'avenir", summary="Une évaluation des fondations.")
    for typed, meant in (("partenarait", "partenariat"), ("evalutaion", "évaluation"), ("fondaton", "fondations")):
        response = client.get(SEARCH, {"q": typed})
        assert titles(response) == []
        link, text = correction(response)
        assert text == meant and link == f"?q={meant}".replace("é", "%C3%A9")
        assert titles(client.get(SEARCH + link))
    both = correction(client.get(SEARCH, {"q": "partenarait fondaton", "type": "publications"}))
    assert both is None  # no page holds both: nothing to offer
    assert correction(client.get(SEARCH, {"q": "partenariat hippopotame"})) is None  # nothing close enough


def test_nothing_is_offered_from_a_private_or_unpublished_page(client):
    secret = StandardPageFactory(title="Hippocampes réservés")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = StandardPageFactory(title="Ornithorynques en brouillon")
    draft.unpublish()  # both were published first: their words are in the lexicon until the recount
    assert correction(client.get(SEARCH, {"q": "hipocampes"})) is None
    assert correction(client.get(SEARCH, {"q": "ornitorynques"})) is None
    assert client.get(SUGGEST, {"q": "hippoc"}).json() == {"searches": [], "pages": []}
    assert client.get(SUGGEST, {"q": "ornith"}).json() == {"searches": [], "pages": []}


def test_words_of_a_page_unpublished_since_are_not_offered_until_the_nightly_recount(client):
    page = StandardPageFactory(title="Les salamandres du territoire")
    assert client.get(SUGGEST, {"q": "salam"}).json()["searches"][0]["text"] == "salamandres"
    page.unpublish()
    assert client.get(SUGGEST, {"q": "salam"}).json()["searches"] == []  # still in the lexicon, found nowhere
    lexicon.refresh()
    assert not lexicon.completions("salam")


def test_suggestions_complete_the_last_word_and_name_pages_publications_first(client):
    StandardPageFactory(title="Partenariats locaux", intro="Une page parmi d'autres.")
    publication = PublicationPageFactory(title="Partenariats et territoires")
    centre = ResourceCentrePageFactory(title="RSE et partenariats")
    client.get(SUGGEST, {"q": "parten"})  # the site, its settings and its cards, as a running server keeps them
    with CaptureQueriesContext(connection) as queries:
        found = client.get(SUGGEST, {"q": "parten"})
    assert found["Cache-Control"] == "public, max-age=60"
    suggestions = found.json()
    assert [s["text"] for s in suggestions["searches"]][:1] == ["partenariats"]
    assert suggestions["searches"][0]["url"] == "/recherche/?q=partenariats"
    pages = [(p["title"], p["kind"]) for p in suggestions["pages"]]
    assert set(pages[:2]) == {(publication.title, "Publication"), (centre.title, "Centre de ressources")}
    assert ("Partenariats locaux", "Page") in pages
    # The lexicon, the words checked against the pages, the titles; and the content version,
    # which a server's processes keep in memory (caching/version.py), read here.
    own = [query["sql"][:200] for query in queries if "core_contentversion" not in query["sql"]]
    assert len(own) <= 3 and len(queries) <= 4, own
    two_words = client.get(SUGGEST, {"q": "partenariats terr"}).json()
    assert "partenariats territoires" in [s["text"] for s in two_words["searches"]]
    assert [p["title"] for p in two_words["pages"]] == [publication.title]


@pytest.mark.parametrize("typed", ["", "p", "<script>", "x" * 300, "%00", "zzzz"])
def test_suggestions_for_anything_else_are_empty_not_an_error(client, typed):
    response = client.get(SUGGEST, {"q": typed})
    assert response.status_code == 200
    assert response.json() == {"searches": [], "pages": []}
