"""What visitors and staff see of the platforms' feeds: the centre's « Du nouveau sur la
plateforme », the block « Dernières ressources des centres » on the home page (the block in any
page: test_centre_news_block.py), and the admin's state and « Relever maintenant »."""

from __future__ import annotations

import datetime
import re

import html5lib
import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HomePage
from resources.models import CentreFeed, CentreFeedItem
from resources.news import latest_centre_news
from tests.factories.resources import ResourceCentrePageFactory, give_news

from .conftest import count_queries
from .platform import platform_server

pytestmark = pytest.mark.django_db
NEWS_HEADING = "Du nouveau sur la plateforme"


def news_section(markup: str) -> str:
    found = re.search(r'<section class="platform-news".*?</section>', markup, re.S)
    return found.group(0) if found else ""


def test_centre_page_lists_its_platforms_latest_items(client):
    centre = ResourceCentrePageFactory(platform_url="https://rseetpartenariats.wordpress.com/")
    give_news(centre, fetched_at=datetime.datetime(2026, 3, 2, 3, 0, tzinfo=datetime.UTC))
    CentreFeedItem.objects.filter(feed__centre=centre, position=0).update(
        title='<script>alert("x")</script> & « guillemets »', summary="Résumé <b>en texte</b>"
    )

    markup = client.get(centre.url).content.decode()
    html5lib.HTMLParser(strict=True).parse(markup)
    section = news_section(markup)

    assert f'<h2 id="du-nouveau" class="platform-news__title">{NEWS_HEADING}</h2>' in section
    assert section.count('<li class="platform-news__item">') == 5
    # Stored as text, shown as text: nothing from the feed becomes markup.
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; « guillemets »" in section
    assert "Résumé &lt;b&gt;en texte&lt;/b&gt;" in section
    first = 'href="https://rseetpartenariats.wordpress.com/2026/article-1/" rel="noopener noreferrer"'
    assert f'<a class="platform-news__link" {first}>' in section
    assert section.count('<span class="visually-hidden"> (site externe)</span>') == 5
    assert '<time datetime="2026-03-01">1er mars 2026</time>' in section
    assert '<time datetime="2026-02-22">22 février 2026</time>' in section
    assert "<strong>rseetpartenariats.wordpress.com</strong>" in section
    assert "Dernier relevé le 2 mars 2026." in section
    assert "<img" not in section, "no picture of the platform: the browser contacts it on click only"


def test_nothing_is_shown_without_items_or_for_an_address_changed_since(client):
    without = ResourceCentrePageFactory()
    assert NEWS_HEADING not in client.get(without.url).content.decode()
    no_platform = ResourceCentrePageFactory(platform_url="")
    assert NEWS_HEADING not in client.get(no_platform.url).content.decode()

    moved = ResourceCentrePageFactory()
    give_news(moved)
    assert NEWS_HEADING in client.get(moved.url).content.decode()
    moved.platform_url = "https://nouvelle-plateforme.exemple.org/"
    moved.save_revision().publish()
    assert NEWS_HEADING not in client.get(moved.url).content.decode()


def test_a_platform_down_still_shows_its_last_good_items(client):
    centre = ResourceCentrePageFactory()
    feed = give_news(centre)
    CentreFeed.objects.filter(pk=feed.pk).update(
        error="délai dépassé (10 s)", error_at=feed.fetched_at + datetime.timedelta(days=1)
    )
    section = news_section(client.get(centre.url).content.decode())
    assert section.count('<li class="platform-news__item">') == 5
    assert "Dernier relevé le 2 mars 2026." in section and "délai" not in section


def test_centre_page_with_items_costs_no_more_queries(client):
    plain = ResourceCentrePageFactory(publish=False)
    with_items = ResourceCentrePageFactory(publish=False)
    give_news(with_items)
    assert count_queries(client, with_items.url) <= count_queries(client, plain.url) + 1
    assert count_queries(client, with_items.url) <= 10


def place_news_section() -> HomePage:
    home = HomePage.objects.get()
    home.body = [("centre_news", {"title": "Dernières ressources des centres", "count": 6})]
    home.save_revision().publish()
    return home


def test_home_section_shows_the_newest_items_two_per_centre_at_most(client):
    place_news_section()
    busy = ResourceCentrePageFactory(title="Centre prolifique")
    give_news(busy, count=5)
    quiet = ResourceCentrePageFactory(title="Centre discret")
    give_news(quiet, count=1, fetched_at=datetime.datetime(2026, 3, 4, 3, 0, tzinfo=datetime.UTC))
    draft = ResourceCentrePageFactory(title="Centre en préparation", live=False)
    give_news(draft)

    markup = client.get("/").content.decode()
    section = re.search(r'<section class="section centre-news".*?</section>', markup, re.S).group(0)

    assert '<h2 class="centre-news__title">Dernières ressources des centres</h2>' in section
    assert "(dernier relevé le 4 mars 2026)" in section
    titles = re.findall(r'class="platform-news__link"[^>]*>([^<]+)<', section)
    assert titles == [
        "Nouveauté 1 de Centre prolifique",
        "Nouveauté 1 de Centre discret",
        "Nouveauté 2 de Centre prolifique",
    ]
    assert f'<a href="{busy.url}">Centre prolifique</a>' in section
    assert "en préparation" not in section
    assert '<a class="button" href="/centres-de-ressources/">Tous les centres de ressources</a>' in section


def test_home_section_is_absent_without_items_and_costs_a_fixed_number_of_queries(client):
    place_news_section()
    assert "centre-news" not in client.get("/").content.decode()
    give_news(ResourceCentrePageFactory())
    one = count_queries(client, "/")
    for _ in range(6):
        give_news(ResourceCentrePageFactory(publish=False))
    assert count_queries(client, "/") == one <= 10
    request = RequestFactory().get("/")
    news = latest_centre_news(request, 6)["centre_news"]
    per_centre = [item.centre.pk for item in news]
    assert len(news) == 6 and max(per_centre.count(pk) for pk in per_centre) <= 2
    markup = render_to_string("resources/includes/centre_news.html", latest_centre_news(request, 6), request=request)
    assert markup.count('<li class="platform-news__item">') == 6


def test_staff_see_the_feed_state_and_read_it_now(moderator_client, editor_client, settings):
    with platform_server() as platform:
        settings.OUTBOUND_LOOPBACK_PORTS = frozenset({platform.port})
        centre = ResourceCentrePageFactory(title="RSE & Partenariats", platform_url=platform.origin + "/")
        edit = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk])).content.decode()
        assert "Le flux n'a pas encore été relevé." in edit
        url = reverse("resources_feed", args=[centre.pk])
        assert f'href="{url}"' in edit

        page = moderator_client.get(url).content.decode()
        assert "Flux de la plateforme : RSE &amp; Partenariats" in page
        assert "jamais" in page and "Relever maintenant" in page

        response = moderator_client.post(url, follow=True)
        page = response.content.decode()
        assert "Flux de « RSE &amp; Partenariats » relevé : 5 élément(s) relevé(s)." in page
        assert page.count("(site externe, nouvel onglet)") == 5
        assert "(trouvé sur la plateforme)" in page
        assert CentreFeedItem.objects.filter(feed__centre=centre).count() == 5

        listing = moderator_client.get(reverse("centres_de_ressources:index")).content.decode()
        assert "5 éléments" in listing

        platform.feed_serves = "/missing"
        page = moderator_client.post(url, follow=True).content.decode()
        assert "non relevé : erreur HTTP 404" in page and "Les éléments déjà relevés restent affichés." in page
        edit = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk])).content.decode()
        assert "Le dernier relevé a échoué" in edit
        listing = moderator_client.get(reverse("centres_de_ressources:index")).content.decode()
        assert "En erreur (5 éléments)" in listing

        # Editors write publications and news, not centres: sent back to the dashboard, nothing read.
        requests = len(platform.requests)
        for response in (editor_client.get(url), editor_client.post(url)):
            assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
        assert len(platform.requests) == requests


def test_a_local_feed_address_is_a_form_error(moderator_client):
    centre = ResourceCentrePageFactory()
    edit_url = reverse("wagtailadmin_pages:edit", args=[centre.pk])
    data = querydict_from_html(moderator_client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["body-count"] = "0"  # the body's editor is drawn by JavaScript: an empty body
    data["feed_url"] = "http://127.0.0.1:6379/"
    response = moderator_client.post(edit_url, data)
    assert response.status_code == 200
    assert "Adresse refusée (adresse locale (loopback))" in response.content.decode()
    centre.refresh_from_db()
    assert centre.feed_url == ""
