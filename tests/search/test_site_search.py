"""Site search at /recherche/ on PostgreSQL's French configuration: stems, accents, kinds, bad input."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import StandardPage
from publications.models import PublicationPage
from tests.factories.publications import NewsArticlePageFactory, PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.webinars import WebinarPageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"


def result_titles(response) -> list[str]:
    markup = response.content.decode()
    titles = re.findall(r'<h3 class="result__title">(.*?)</h3>', markup, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", title)).strip() for title in titles]


def heading(response) -> str:
    match = re.search(r'<h2 id="resultats"[^>]*>(.*?)</h2>', response.content.decode(), re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))) if match else ""


def notices(response) -> str:
    match = re.search(r'<div class="pub-notice"[^>]*>(.*?)</div>', response.content.decode(), re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1)))) if match else ""


@pytest.fixture
def partnerships(db):
    """Pages of every searchable kind that speak of partnerships, in the singular or the plural."""
    return [
        ResourceCentrePageFactory(title="Partenariats en territoire"),
        PublicationPageFactory(title="Le partenariat en questions"),
        PublicationPageFactory(title="Une étude", summary="Ce que les partenariats changent pour une association."),
        WebinarPageFactory(title="Partenariats : retours d'expérience"),
        NewsArticlePageFactory(title="Un nouveau partenariat pour la recherche"),
    ]


@pytest.fixture
def quintessence(home):
    """A page whose words exist nowhere else: plural, accented and capitalised forms."""
    page = StandardPage(
        title="Quintessence des partenariats",
        slug="quintessence",
        intro="Une démarche d'évaluation de la coopération entre Zéphyrins et collectivités.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "query",
    [
        "quintessence partenariat",  # singular finds the plural (French stemming)
        "QUINTESSENCE",  # case
        "cooperation zephyrins",  # no accents typed
        "Evaluation quintessence",  # capital without its accent
        "l'évaluation des partenariats quintessence",  # elisions and stop words
        "coopérations",  # plural of an accented word
    ],
)
def test_french_stemming_accents_and_case(client, quintessence, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "Quintessence des partenariats" in result_titles(response)


def test_every_word_must_match(client, quintessence):
    assert result_titles(client.get(SEARCH, {"q": "quintessence"})) == ["Quintessence des partenariats"]
    assert result_titles(client.get(SEARCH, {"q": "quintessence zorglubien"})) == []


def test_content_is_found_across_page_types(client, partnerships):
    response = client.get(SEARCH, {"q": "partenariat"})
    html = response.content.decode()
    for label in ("Centre de ressources", "Publication", "Webinaire"):
        assert f'<span class="result__kind">{label}</span>' in html
    assert re.search(r"\d+ résultats pour «\s?partenariat\s?»", heading(response))


def test_results_show_kind_summary_and_date(client, make_publication_for_search):
    make_publication_for_search()
    html = client.get(SEARCH, {"q": "hippocampe"}).content.decode()
    assert '<span class="result__kind">Publication</span> · mai 2030' in html
    assert "Résumé sur les hippocampes partenaires." in html


@pytest.fixture
def make_publication_for_search(db):
    def make(slug="hippocampes", **fields):
        fields.setdefault("title", "Les hippocampes et leurs alliances")
        fields.setdefault("summary", "Résumé sur les hippocampes partenaires.")
        return PublicationPageFactory(slug=slug, publication_date=datetime.date(2030, 5, 1), **fields)

    return make


def test_narrow_by_kind_with_counts(client, partnerships, quintessence):
    everything = client.get(SEARCH, {"q": "partenariat"})
    publications = client.get(SEARCH, {"q": "partenariat", "type": "publications"})
    other = client.get(SEARCH, {"q": "partenariat", "type": "pages"})

    counts = dict(
        re.findall(
            r'class="result-kinds__link"[^>]*>([^<]+?) <span class="result-kinds__count">\((\d+)\)',
            everything.content.decode(),
        )
    )
    total = int(counts.pop("Tous les types"))
    assert total == sum(int(n) for n in counts.values()) >= 5
    assert heading(publications).startswith(f"{counts['Publications']} résultat")
    live_publication_titles = set(PublicationPage.objects.live().values_list("title", flat=True))
    assert set(result_titles(publications)) <= live_publication_titles
    assert "Quintessence des partenariats" in result_titles(other)
    assert 'aria-current="true">Publications' in publications.content.decode()


def test_unknown_kind_is_dropped_with_a_message(client, quintessence):
    response = client.get(SEARCH, {"q": "quintessence", "type": "<b>zzz</b>"})
    assert response.status_code == 200
    assert "« Type » : « <b>zzz</b> » ne fait pas partie des choix proposés (choix possibles : " in notices(response)
    assert "ce critère n'a pas été appliqué" in notices(response)
    assert result_titles(response) == ["Quintessence des partenariats"]
    assert "<b>zzz</b>" not in response.content.decode()


def test_results_are_paginated_and_a_bad_page_is_corrected(client, make_publication_for_search):
    for number in range(23):
        make_publication_for_search(slug=f"hippocampes-{number}", title=f"Hippocampes, volume {number}")
    first = client.get(SEARCH, {"q": "hippocampes"})
    third = client.get(SEARCH, {"q": "hippocampes", "page": "3"})
    beyond = client.get(SEARCH, {"q": "hippocampes", "page": "99"})
    bad = client.get(SEARCH, {"q": "hippocampes", "page": "abc"})

    assert heading(first).startswith("23 résultats") and "page 1 sur 3" in heading(first)
    assert len(result_titles(first)) == 10 and len(result_titles(third)) == 3
    assert set(result_titles(first)).isdisjoint(result_titles(third))
    assert 'href="?q=hippocampes&amp;page=2"' in first.content.decode()
    assert result_titles(beyond) == result_titles(third) and "La page 99 n'existe pas" in notices(beyond)
    assert result_titles(bad) == result_titles(first) and "n'est pas un numéro de page valide" in notices(bad)


def test_drafts_and_private_pages_are_not_found(client, home, quintessence):
    draft = StandardPage(title="Quintessence brouillon", slug="brouillon", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    PageViewRestriction.objects.create(
        page=quintessence, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert result_titles(client.get(SEARCH, {"q": "quintessence"})) == []


def test_index_follows_what_staff_publish_through_the_admin(admin_client, client, home):
    add_url = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home.pk])
    data = nested_form_data(
        {"title": "Les mangroves solidaires", "slug": "mangroves", "intro": "", "body": streamfield([])}
    )
    assert admin_client.post(add_url, {**data}).status_code == 302  # saved as a draft
    assert result_titles(client.get(SEARCH, {"q": "mangroves"})) == []

    page = StandardPage.objects.get(slug="mangroves")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = nested_form_data(
        {"title": "Les lagunes solidaires", "slug": "mangroves", "intro": "", "body": streamfield([])}
    )
    assert admin_client.post(edit_url, {**data, "action-publish": "action-publish"}).status_code == 302
    assert result_titles(client.get(SEARCH, {"q": "lagunes"})) == ["Les lagunes solidaires"]
    assert result_titles(client.get(SEARCH, {"q": "mangroves solidaires"})) == []

    assert admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])).status_code == 302
    assert result_titles(client.get(SEARCH, {"q": "lagunes"})) == []


def test_empty_search_invites_a_query(client):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "Saisissez un ou plusieurs mots" in response.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


HOSTILE_QUERIES = [
    "x" * 20_000,
    "partenariat\x00",
    "\x00\x00",
    "!!! ??? ...",
    "'",
    '"',
    '"partenariat',
    "' OR 1=1 --",
    "'); DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "partenariat & | ! :* ( )",
    "\\",
    "%",
    "_",
    "mot " * 500,
    "\u202eevil",
    "😀 partenariat",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_get_a_page_and_are_never_echoed_raw(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert Page.objects.filter(depth=1).exists()


def test_long_query_is_cut_with_a_message(client):
    response = client.get(SEARCH, {"q": "partenariat " + "x" * 20_000})
    assert "seuls ses 200 premiers caractères" in notices(response)
    assert "x" * 201 not in response.content.decode()


def test_query_without_words_says_so(client):
    assert "aucun mot" in notices(client.get(SEARCH, {"q": "!!! ???"}))


@pytest.mark.parametrize(
    "raw",
    [
        "q=%ff%fe%fd",
        "q=partenariat%c3",
        "q=%ed%a0%80",
        "q=a&q=b&q[]=c",
        "q[]=partenariat",
        "q=partenariat&type=publications&type=centres",
    ],
)
def test_malformed_query_strings(client, raw):
    response = client.get(SEARCH, QUERY_STRING=raw)
    assert response.status_code == 200
    assert "\ufffd" not in response.content.decode()  # invalid bytes are not shown back as « � »


@pytest.mark.parametrize(
    "raw,notice",
    [
        (
            "q=alliance&q=territoire",
            "« Recherche » figure plusieurs fois dans l'adresse : ce critère n'a pas été appliqué.",
        ),
        ("q[]=partenariat", "« Recherche » est mal écrit dans l'adresse : ce critère n'a pas été appliqué."),
        ("q=", "Votre recherche était vide"),
        ("q=%00", "Votre recherche était vide"),
    ],
)
def test_a_search_set_aside_says_why(client, raw, notice):
    response = client.get(SEARCH, QUERY_STRING=raw)
    assert response.status_code == 200
    assert notice in notices(response)
    assert heading(response) == ""  # no search was run


def test_the_same_value_twice_is_one_value(client, quintessence):
    response = client.get(SEARCH, QUERY_STRING="q=quintessence&q=quintessence&type=pages&type=pages")
    assert result_titles(response) == ["Quintessence des partenariats"] and notices(response) == ""


def test_a_repeated_page_number_gives_the_first_page(client, quintessence):
    response = client.get(SEARCH, QUERY_STRING="q=quintessence&page=1&page=2")
    assert result_titles(response) == ["Quintessence des partenariats"]
    assert "« Page » figure plusieurs fois dans l'adresse" in notices(response)


def test_header_search_box_on_every_kind_of_page(client):
    for path in (
        "/",
        "/qui-sommes-nous/",
        "/publications/",
        "/centres-de-ressources/",
        "/webinaires/",
        "/introuvable/",
        SEARCH,
    ):
        html = client.get(path).content.decode()
        form = r'<form class="site-search" role="search" method="get" action="/recherche/"'
        assert re.search(form + r' data-suggestions="/recherche/suggestions/">', html), path
        assert '<label class="visually-hidden" for="recherche-site">Rechercher sur le site</label>' in html
