"""Filters by audience and need are plain links; bad values give the full list and a notice, never a 500."""

from __future__ import annotations

import re

import pytest
from django.http import QueryDict

from resources.filters import read_filters
from resources.models import ResourceCentrePage
from resources.models.index import CENTRES_PER_PAGE
from resources.needs import NEEDS
from tests.factories.pages import AudienceFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.shared import shared_by_the_module

from .conftest import AUDIENCES, CENTRES, INDEX_PATH, build_centres, expected

# The core's wording (core.filters), as the page escapes it.
SET_ASIDE = "ce critère n&#x27;a pas été appliqué"
UNKNOWN_AUDIENCE = "« Public » : « inconnu » ne fait pas partie des choix proposés"
UNKNOWN_NEED = (
    "« Besoin » : « x » ne fait pas partie des choix proposés (choix possibles : S&#x27;informer, Se former, Agir)"
)
PAGE_NOTICE = "n&#x27;est pas un numéro de page valide"
LAST_PAGE_NOTICE = "n&#x27;existe pas"


# Every test reads the index with the centres of CENTRES in it (built once for the module).
pytestmark = pytest.mark.usefixtures("shared_centres")


@pytest.fixture(scope="module")
def shared_centres(django_db_setup, django_db_blocker) -> dict[str, ResourceCentrePage]:
    """The centres of CENTRES, built once for the module (see tests/shared.py)."""
    yield from shared_by_the_module(django_db_blocker, build_centres)


@pytest.fixture
def centres(shared_centres, db) -> dict[str, ResourceCentrePage]:
    """The module's centres, read afresh: a test may change them, the next one finds them as built."""
    pages = ResourceCentrePage.objects.in_bulk([centre.pk for centre in shared_centres.values()])
    return {slug: pages[centre.pk] for slug, centre in shared_centres.items()}


def listed_slugs(markup: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="/centres-de-ressources/([^/"]+)/">', markup)


@pytest.mark.django_db
@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_filter(client, centres, audience):
    response = client.get(INDEX_PATH, {"public": audience})
    assert response.status_code == 200
    markup = response.content.decode()
    assert listed_slugs(markup) == expected(audience=audience) != []
    assert SET_ASIDE not in markup


@pytest.mark.django_db
@pytest.mark.parametrize("need", [need.slug for need in NEEDS])
def test_each_need_filter(client, centres, need):
    markup = client.get(INDEX_PATH, {"besoin": need}).content.decode()
    assert listed_slugs(markup) == expected(need=need) != []


@pytest.mark.django_db
def test_filters_combine_and_links_keep_the_other_filter(client, centres):
    markup = client.get(INDEX_PATH, {"public": "associations", "besoin": "agir"}).content.decode()
    assert listed_slugs(markup) == expected("associations", "agir") == ["vie-associative", "evaluation-des-alliances"]
    assert "2 centres de ressources" in markup and "« Associations »" in markup and "« Agir »" in markup
    # The current choices are marked; other choices keep the filter already chosen.
    current = '<span aria-hidden="true">✓ </span>'
    assert (
        f'href="/centres-de-ressources/?public=associations&amp;besoin=agir" aria-current="true">{current}Associations<'
        in markup
    )
    assert 'href="/centres-de-ressources/?public=entreprises&amp;besoin=agir">Entreprises<' in markup
    assert 'href="/centres-de-ressources/?besoin=agir">Tous les publics<' in markup
    assert '<a href="/centres-de-ressources/">Voir tous les centres de ressources</a>' in markup


@pytest.mark.django_db
def test_unfiltered_list_marks_the_all_choices_and_offers_only_used_audiences(client, centres):
    AudienceFactory(name="Chercheurs", slug="chercheurs")
    markup = client.get(INDEX_PATH).content.decode()
    current = 'aria-current="true"><span aria-hidden="true">✓ </span>'
    assert f"{current}Tous les publics<" in markup and f"{current}Tous les besoins<" in markup
    assert "Chercheurs" not in markup  # no dead-end filter link
    response = client.get(INDEX_PATH, {"public": "chercheurs"})
    assert response.status_code == 200
    assert "Aucun centre ne correspond" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,notices",
    [
        ("public=inconnu", [UNKNOWN_AUDIENCE]),
        ("besoin=dormir", ["« Besoin » : « dormir » ne fait pas partie des choix proposés"]),
        ("public=associations&public=entreprises", ["« Public » figure plusieurs fois dans l&#x27;adresse"]),
        ("public=associations&public[]=entreprises", ["« Public » est mal écrit dans l&#x27;adresse"]),
        ("besoin=" + "a" * 500, ["« Besoin » : la valeur reçue dépasse 80 caractères"]),
        ("public=%00%FF<script>", ["« Public » : « &lt;script&gt; » ne fait pas partie des choix proposés"]),
        ("public=inconnu&besoin=x&page=abc", [UNKNOWN_AUDIENCE, UNKNOWN_NEED, PAGE_NOTICE]),
        ("page=-1", [PAGE_NOTICE]),
        ("page=0", [PAGE_NOTICE]),
        ("page=1.5", [PAGE_NOTICE]),
        ("page=٣", [PAGE_NOTICE]),
        ("page=99", [LAST_PAGE_NOTICE]),
        ("page=" + "9" * 5000, [PAGE_NOTICE]),
    ],
)
def test_bad_input_gives_the_full_list_with_a_notice(client, centres, query, notices):
    response = client.get(f"{INDEX_PATH}?{query}")
    assert response.status_code == 200
    markup = response.content.decode()
    assert listed_slugs(markup) == expected() != []
    for notice in notices:
        assert notice in markup
    assert markup.count(SET_ASIDE) == len([n for n in notices if n != PAGE_NOTICE and n != LAST_PAGE_NOTICE])
    assert 'role="status"' in markup
    assert "<script>" not in markup.split("<main", 1)[1]


@pytest.mark.django_db
def test_bad_value_keeps_the_other_valid_filter(client, centres):
    markup = client.get(INDEX_PATH, {"public": "inconnu", "besoin": "se-former"}).content.decode()
    assert listed_slugs(markup) == expected(need="se-former")
    assert UNKNOWN_AUDIENCE in markup and "« Besoin »" not in markup


@pytest.mark.django_db
def test_values_are_read_case_and_space_insensitively(client, centres):
    markup = client.get(INDEX_PATH, {"public": " Associations ", "besoin": "AGIR"}).content.decode()
    assert listed_slugs(markup) == expected("associations", "agir")


@pytest.mark.django_db
def test_pagination_keeps_filters(client, centres, index):
    """More centres than a page holds: the pages that follow keep the filter."""
    informing = expected(need="s-informer")
    extra = [f"centre-en-plus-{number:02d}" for number in range(CENTRES_PER_PAGE + 3 - len(informing))]
    for slug in extra:
        ResourceCentrePageFactory(parent=index, slug=slug, helps_inform=True, publish=False)
    ResourceCentrePageFactory(parent=index, slug="centre-pour-agir", helps_inform=False, helps_act=True, publish=False)
    first = client.get(INDEX_PATH, {"besoin": "s-informer"}).content.decode()
    assert listed_slugs(first) == [*informing, *extra][:CENTRES_PER_PAGE]
    assert "Page 1 sur 2" in first
    assert 'href="/centres-de-ressources/?besoin=s-informer&amp;page=2" rel="next"' in first
    second = client.get(INDEX_PATH, {"besoin": "s-informer", "page": "2"}).content.decode()
    assert listed_slugs(second) == [*informing, *extra][CENTRES_PER_PAGE:] != []
    assert 'href="/centres-de-ressources/?besoin=s-informer" rel="prev"' in second


@pytest.mark.django_db
def test_unpublished_and_private_centres_are_not_listed(client, centres):
    from wagtail.models import PageViewRestriction

    centres["interet-general"].unpublish()
    private = centres["entreprises-engagees"]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    slugs = listed_slugs(client.get(INDEX_PATH).content.decode())
    assert "interet-general" not in slugs and "entreprises-engagees" not in slugs
    assert len(slugs) == len(CENTRES) - 2


@pytest.mark.django_db
def test_read_filters_allowlist():
    AudienceFactory(slug="fondations", name="Fondations")
    filters = read_filters(QueryDict("public=fondations&besoin=s-informer"))
    assert filters.audience.slug == "fondations" and filters.need.slug == "s-informer" and not filters.notices
    assert filters.query() == "?public=fondations&besoin=s-informer"
    assert filters.query(public=None, page=3) == "?besoin=s-informer&page=3"
    assert read_filters(QueryDict("")).query() == ""
    empty = read_filters(QueryDict("public=&besoin="))
    assert empty.audience is None and empty.need is None and not empty.notices
    assert read_filters(QueryDict("besoin=agir&besoin=agir")).need.slug == "agir"  # the same value twice is one
    tracked = read_filters(QueryDict("besoin=agir&utm_source=lettre&fbclid=x"))
    assert tracked.need.slug == "agir" and not tracked.notices  # other parameters are none of the filters' business


@pytest.mark.django_db
def test_an_unfiltered_list_does_not_read_the_audiences(django_assert_num_queries):
    filters = read_filters(QueryDict("besoin=agir"))
    with django_assert_num_queries(0):
        assert filters.audience is None and filters.need.slug == "agir" and not filters.notices
