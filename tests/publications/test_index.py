"""The library: newest first, paginated, filters that combine, counts per value, search, bad input."""

from __future__ import annotations

import datetime
import re

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.models import PublicationPage
from tests.factories.images import CoverFactory
from tests.factories.publications import PublicationPageFactory, authors

from .conftest import CATALOGUE

# Every test reads the library with the catalogue in it (built once for the module).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def titles(response) -> list[str]:
    markup = response.content.decode()
    return re.findall(r'class="pub-card__title"><a href="[^"]+">([^<]+)</a>', markup)


def option_labels(response, name: str) -> dict[str, str]:
    """{value: label} of a filter's <select>, as the visitor sees it."""
    markup = response.content.decode()
    select = re.search(rf'<select id="filtre-{name}" name="{name}">(.*?)</select>', markup, re.S).group(1)
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]+)</option>', select))


def notices(response) -> str:
    markup = response.content.decode()
    found = re.search(r'<div class="pub-notice" role="status">(.*?)</div>', markup, re.S)
    return found.group(1) if found else ""


def assert_valid_html(response) -> None:
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content.decode())


@pytest.fixture
def essais(catalogue, essai_type, theme_a, theme_b, centre):
    """Four publications of a type of their own, in 2030 and 2031, across two themes and one
    centre, added to the catalogue."""
    return {
        "a": PublicationPageFactory(
            slug="essai-a",
            title="Essai Alpha",
            publication_type=essai_type,
            publication_date=datetime.date(2030, 3, 1),
            themes=[theme_a],
            centres=[centre],
        ),
        "b": PublicationPageFactory(
            slug="essai-b",
            title="Essai Bravo",
            publication_type=essai_type,
            publication_date=datetime.date(2030, 9, 1),
            themes=[theme_a, theme_b],
        ),
        "c": PublicationPageFactory(
            slug="essai-c",
            title="Essai Charlie",
            publication_type=essai_type,
            publication_date=datetime.date(2031, 1, 1),
            themes=[theme_b],
            centres=[centre],
        ),
        "d": PublicationPageFactory(
            slug="essai-d",
            title="Essai Delta",
            publication_type=essai_type,
            publication_date=datetime.date(2031, 6, 1),
            themes=[theme_a],
        ),
    }


def test_lists_publications_newest_first_and_paginated(client, catalogue):
    response = client.get("/publications/")
    assert response.status_code == 200
    assert f"{len(CATALOGUE)} publications" in response.content.decode() and len(CATALOGUE) == 17
    first_page = titles(response)
    assert len(first_page) == 12
    assert first_page[:2] == [
        "ODD 17 : Économie(s) &amp; Territoire(s)",
        "ODD 17 : les impacts du faire alliance en France",
    ]
    second_page = titles(client.get("/publications/?page=2"))
    assert len(second_page) == 5
    assert second_page[-1] == "L&#x27;Entreprise Responsable"  # February 2013, the oldest
    assert not set(first_page) & set(second_page)
    assert_valid_html(response)


def test_drafts_are_not_listed(client, library):
    PublicationPageFactory(title="Une publication parue", publication_date=datetime.date(2035, 1, 1))
    draft = PublicationPageFactory(title="Un brouillon", publication_date=datetime.date(2035, 2, 1))
    draft.unpublish()
    PublicationPageFactory(title="Un brouillon jamais publié", publication_date=datetime.date(2035, 3, 1), live=False)
    response = client.get("/publications/")
    assert titles(response)[0] == "Une publication parue"
    assert "brouillon" not in response.content.decode().lower()
    assert f"{len(CATALOGUE) + 1} publications" in response.content.decode()


def test_filter_by_type(client, essais):
    response = client.get("/publications/?type=essai")
    assert titles(response) == ["Essai Delta", "Essai Charlie", "Essai Bravo", "Essai Alpha"]
    assert option_labels(response, "type")["essai"] == "Essai (4)"


def test_filter_by_year(client, essais):
    assert titles(client.get("/publications/?annee=2031")) == ["Essai Delta", "Essai Charlie"]
    # A work known to the year only is filed under January: it comes last in its year.
    assert titles(client.get("/publications/?annee=2017")) == [
        "L&#x27;innovation associative",
        "Enjeux et pratiques des fondations en France",
        "Enjeux et pratiques d&#x27;accompagnement des structures d&#x27;intérêt général",
        "Oser l&#x27;intérêt général",
    ]


def test_filter_by_theme_and_by_centre(client, essais):
    assert titles(client.get("/publications/?theme=theme-essai-b")) == ["Essai Charlie", "Essai Bravo"]
    assert titles(client.get("/publications/?centre=centre-essai")) == ["Essai Charlie", "Essai Alpha"]


def test_filters_combine(client, essais):
    assert titles(client.get("/publications/?type=essai&annee=2030&theme=theme-essai-a")) == [
        "Essai Bravo",
        "Essai Alpha",
    ]
    assert titles(client.get("/publications/?type=essai&theme=theme-essai-a&centre=centre-essai")) == ["Essai Alpha"]
    assert titles(client.get("/publications/?annee=2031&theme=theme-essai-b&centre=centre-essai")) == ["Essai Charlie"]


def test_counts_follow_the_other_filters(client, essais):
    """Each value's count is what the visitor would get by choosing it, given the other filters."""
    response = client.get("/publications/?type=essai&theme=theme-essai-a")
    assert option_labels(response, "annee") == {"": "Toutes les années", "2031": "2031 (1)", "2030": "2030 (2)"}
    themes = {
        "": "Tous les thèmes",
        "theme-essai-a": "Thème d&#x27;essai A (3)",
        "theme-essai-b": "Thème d&#x27;essai B (2)",
    }
    assert option_labels(response, "theme") == themes
    assert option_labels(response, "centre") == {"": "Tous les centres", "centre-essai": "Centre d&#x27;essai (1)"}
    assert option_labels(response, "type") == {"": "Tous les types", "essai": "Essai (3)"}


def test_counts_on_the_whole_library(client, catalogue):
    response = client.get("/publications/")
    types = option_labels(response, "type")
    assert (
        types["note"] == "Note (4)"
        and types["livre"] == "Livre (3)"
        and types["cahier-de-recherche"] == "Cahier de recherche (2)"
    )
    assert option_labels(response, "annee")["2018"] == "2018 (5)"
    assert option_labels(response, "theme")["interet-general"] == "Intérêt général (7)"


def test_search_finds_by_word_and_combines_with_filters(client, essais):
    PublicationPage.objects.filter(slug="essai-b").update(summary="Une enquête sur les mécènes ruraux.")
    essais["b"].refresh_from_db()
    essais["b"].save_revision().publish()  # reindexed like an editor's change
    response = client.get("/publications/?q=mécènes")
    assert titles(response) == ["Essai Bravo"]
    assert 'value="mécènes"' in response.content.decode()
    assert titles(client.get("/publications/?q=fondations&type=etude")) == [
        "Enjeux et pratiques des fondations en France"
    ]
    assert titles(client.get("/publications/?q=mécènes&annee=2031")) == []


def test_search_without_result_says_so(client, catalogue):
    response = client.get("/publications/?q=zzzxqwv")
    assert response.status_code == 200
    assert '<h2 id="resultats" class="library__count">Aucune publication</h2>' in response.content.decode()
    assert "Aucune publication ne correspond à votre recherche « zzzxqwv »" in response.content.decode()


@pytest.mark.parametrize(
    "query,message",
    [
        ("?q=", "Votre recherche était vide"),
        ("?q=%20%20", "Votre recherche était vide"),
        ("?q=" + "a" * 150, "dépasse 100 caractères"),
        ("?q=%21%3F%2A%2A", "ne contient aucun mot"),
        ("?q=%00", "Votre recherche était vide"),
    ],
)
def test_empty_or_absurd_search_is_explained_and_ignored(client, catalogue, query, message):
    response = client.get("/publications/" + query)
    assert response.status_code == 200
    assert message in notices(response)
    assert "17 publications" in response.content.decode()


@pytest.mark.parametrize(
    "query,message",
    [
        ("?type=inexistant", "« Type de publication » : « inexistant » ne fait pas partie des choix proposés"),
        ("?type=%3Cscript%3E", "« Type de publication » : « &lt;script&gt; » ne fait pas partie des choix proposés"),
        ("?theme=nope", "« Thème » : « nope » ne fait pas partie des choix proposés"),
        ("?theme=a%00b", "« Thème » : « ab » ne fait pas partie des choix proposés"),
        ("?centre=" + "x" * 300, "« Centre de ressources » : la valeur reçue dépasse 80 caractères"),
        ("?type[]=livre", "« Type de publication » est mal écrit dans l&#x27;adresse"),
        ("?annee=abcd", "« abcd » n&#x27;est pas une année"),
        ("?annee=-2017", "n&#x27;est pas une année"),
        ("?annee=99999999999999999999", "n&#x27;est pas une année"),
        ("?annee=1850", "« Année » : « 1850 » ne fait pas partie des choix proposés"),
        ("?page=abc", "« abc » n&#x27;est pas un numéro de page valide : voici la première page."),
        ("?page=-1", "« -1 » n&#x27;est pas un numéro de page valide"),
        ("?page=0", "« 0 » n&#x27;est pas un numéro de page valide"),
        ("?page=1.5", "« 1.5 » n&#x27;est pas un numéro de page valide"),
        ("?page=99999999999999999999999", "n&#x27;est pas un numéro de page valide"),
    ],
)
def test_bad_filter_values_give_a_message_and_the_full_list(client, catalogue, query, message):
    response = client.get("/publications/" + query)
    assert response.status_code == 200
    assert message in notices(response)
    assert "17 publications" in response.content.decode()
    assert len(titles(response)) == 12
    assert_valid_html(response)


def test_page_beyond_the_end_shows_the_last_page(client, catalogue):
    response = client.get("/publications/?page=999")
    assert response.status_code == 200
    assert "La page 999 n&#x27;existe pas (la liste compte 2 pages) : voici la dernière." in notices(response)
    assert len(titles(response)) == 5


def test_one_bad_value_does_not_cancel_the_good_ones(client, essais):
    response = client.get("/publications/?type=essai&annee=20xx&theme=inconnu&page=zero")
    assert titles(response) == ["Essai Delta", "Essai Charlie", "Essai Bravo", "Essai Alpha"]
    text = notices(response)
    assert "n&#x27;est pas une année" in text and "« Thème »" in text and "numéro de page" in text
    markup = response.content.decode()
    assert "20xx" not in re.sub(r'<div class="pub-notice".*?</div>', "", markup, flags=re.S), (
        "bad values are not carried in links"
    )


def test_pagination_links_keep_the_filters(client, catalogue):
    response = client.get("/publications/?theme=interet-general&annee=2016")
    assert titles(response) == [
        "Bien commun : vers la fin des arrogances !",
        "Note de synthèse des séminaires avec les think tanks",
    ]
    markup = client.get("/publications/?type=note&q=").content.decode()
    assert "pub-pagination" not in markup
    markup = client.get("/publications/").content.decode()
    assert 'href="?page=2"' in markup and 'rel="next"' in markup
    markup = client.get("/publications/?q=le&page=1").content.decode()
    assert "page=2" not in markup or "q=le&amp;page=2" in markup


def test_active_filters_can_be_removed_one_by_one(client, essais):
    markup = client.get("/publications/?type=essai&annee=2030").content.decode()
    assert 'href="?annee=2030">Type : Essai' in markup
    assert 'href="?type=essai">Année : 2030' in markup


def count_queries(client, path: str) -> int:
    client.get(path)  # warm the caches a running server keeps (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def add_publications(library, kind, theme, centre, image, numbers) -> None:
    """Publications with a cover, two authors, a theme and a centre: what makes cards costly
    (saved without a revision: only the amount of content matters here)."""
    for number in numbers:
        PublicationPageFactory(
            parent=library,
            title=f"Publication numéro {number}",
            slug=f"publication-numero-{number}",
            publication_type=kind,
            publication_date=datetime.date(2032, 1 + number % 12, 1),
            summary="Un résumé de charge.",
            cover_image=image,
            authors=authors(("Anne", "Robin"), ("", "Le RAMEAU")),
            themes=[theme],
            centres=[centre],
            publish=False,
        )


def test_query_count_is_the_same_for_10_or_200_publications(client, library, essai_type, theme_a, centre):
    image = CoverFactory()
    paths = [
        "/publications/",
        "/publications/?type=essai&theme=theme-essai-a&centre=centre-essai&annee=2032&page=2&q=charge",
    ]
    add_publications(library, essai_type, theme_a, centre, image, range(10))
    with_10 = [count_queries(client, path) for path in paths]
    add_publications(library, essai_type, theme_a, centre, image, range(10, 200))
    with_200 = [count_queries(client, path) for path in paths]
    markup = client.get(paths[1]).content.decode()
    assert markup.count('class="pub-card"') == 12 and "200 publications" in markup
    assert with_200 == with_10
    assert max(with_200) <= 10  # the page budget; the frame and the catalogue come from the cache


@pytest.mark.parametrize(
    "raw",
    [
        '"alliances',
        "(territoire",
        "AND OR",
        "NOT",
        "a & b | !c",
        "l'intérêt",
        "co-construction:*",
        "\\x",
        "%ff%fe",
        "<b>odd</b>",
        "SELECT * FROM x;--",
    ],
)
def test_search_syntax_characters_never_break_the_page(client, catalogue, raw):
    response = client.get("/publications/", {"q": raw})
    assert response.status_code == 200
    assert_valid_html(response)


def test_repeated_parameters_are_set_aside_with_a_notice(client, essais):
    response = client.get("/publications/?type=livre&type=essai&annee=2031")
    assert titles(response) == ["Essai Delta", "Essai Charlie"]
    assert "« Type de publication » figure plusieurs fois dans l&#x27;adresse" in notices(response)
    assert titles(client.get("/publications/?type=essai&type=essai&annee=2030")) == ["Essai Bravo", "Essai Alpha"]


def test_values_are_read_without_regard_to_case(client, essais):
    response = client.get("/publications/?type=%20Essai%20&annee=2030")
    assert titles(response) == ["Essai Bravo", "Essai Alpha"] and notices(response) == ""
