"""The page cache for anonymous visitors is never stale and never shares what is personal.

Each test first fills the cache (and checks pages are then served from it), then does what
staff do, then reads every place the change must show — the page itself, its listing, the
home page, the feed and the sitemap — in the same instant.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from pages.models import HomePage, MissionPage, NavigationSettings, SiteSettings, StandardPage
from publications.models import PublicationPage
from publications.queries import latest_publications
from tests.factories.pages import PartnerFactory, StandardPageFactory, add_to_menu
from tests.factories.publications import PublicationPageFactory

from .conftest import cache_state

pytestmark = pytest.mark.django_db

LIBRARY, HOME, FEED, SITEMAP = "/publications/", "/", "/publications/flux.xml", "/sitemap.xml"


def warm(client, *paths: str) -> None:
    """Fill the cache with each path and check the next request is served from it."""
    for path in paths:
        assert cache_state(client.get(path)) == "miss", path
        assert cache_state(client.get(path)) == "hit", path


def text(client, path: str) -> tuple[int, str, str | None]:
    response = client.get(path)
    return response.status_code, response.content.decode(), cache_state(response)


@pytest.fixture
def newest(db) -> PublicationPage:
    """The newest publication: on the home page, first in the library and in the feed."""
    for year in (2021, 2022, 2023):
        PublicationPageFactory(title=f"Une publication de {year}", publication_date=datetime.date(year, 5, 1))
    page = PublicationPageFactory(title="La publication la plus récente", publication_date=datetime.date(2024, 5, 1))
    assert latest_publications(1)[0] == page
    return page


# --- what visitors get --------------------------------------------------------------------


def test_second_visit_is_served_from_the_cache(client, page_cache, newest):
    first = client.get(newest.url)
    second = client.get(newest.url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == "DENY"  # headers of the inner layers are kept
    assert "Content-Security-Policy" in second  # and those of the outer ones still added


def test_each_query_string_and_encoding_is_its_own_entry(client, page_cache):
    warm(client, LIBRARY)
    assert cache_state(client.get(LIBRARY + "?type=guide")) == "miss"
    compressed = client.get(LIBRARY, HTTP_ACCEPT_ENCODING="gzip")
    assert (cache_state(compressed), compressed["Content-Encoding"]) == ("miss", "gzip")
    again = client.get(LIBRARY, HTTP_ACCEPT_ENCODING="gzip, br")
    assert (cache_state(again), again["Content-Encoding"]) == ("hit", "gzip")
    plain = client.get(LIBRARY)
    assert cache_state(plain) == "hit" and "Content-Encoding" not in plain


def test_head_is_answered_from_the_cache(client, page_cache):
    warm(client, HOME)
    assert cache_state(client.head(HOME)) == "hit"


def test_errors_are_never_kept(client, page_cache):
    for _ in range(2):
        response = client.get("/cette-page-n-existe-pas/")
        assert (response.status_code, cache_state(response)) == (404, "bypass")


def test_entries_expire_after_the_configured_time(client, page_cache, time_machine):
    """What depends on the clock (« prochain webinaire ») is at most PAGE_CACHE_SECONDS late."""
    page_cache.PAGE_CACHE_SECONDS = 1
    time_machine.move_to(timezone.now(), tick=False)
    warm(client, HOME)
    time_machine.shift(0.9)
    assert cache_state(client.get(HOME)) == "hit"
    time_machine.shift(0.3)
    assert cache_state(client.get(HOME)) == "miss"


def test_page_cache_off_when_the_setting_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert cache_state(client.get(HOME)) is None
    assert cache_state(client.get(HOME)) is None


# --- what staff change shows at once, everywhere ---------------------------------------


def test_publishing_shows_at_once_everywhere(client, page_cache, newest):
    warm(client, newest.url, LIBRARY, HOME, FEED, SITEMAP)
    newest.title = "Un titre tout juste publié"
    newest.save_revision().publish()
    for path in (newest.url, LIBRARY, HOME, FEED):
        status, markup, state = text(client, path)
        assert (status, state) == (200, "miss"), path
        assert "Un titre tout juste publié" in markup, path


def test_unpublishing_removes_the_page_everywhere(client, page_cache, newest):
    url, full_url = newest.url, newest.full_url
    warm(client, url, LIBRARY, HOME, FEED, SITEMAP)
    newest.unpublish()
    assert client.get(url).status_code == 404
    for path in (LIBRARY, HOME, FEED):
        assert f'href="{url}"' not in text(client, path)[1], path
        assert newest.title not in text(client, path)[1], path
    assert full_url not in text(client, SITEMAP)[1]


def test_deleting_removes_the_page_everywhere(client, page_cache, newest):
    url, full_url, title = newest.url, newest.full_url, newest.title
    warm(client, url, LIBRARY, HOME, FEED, SITEMAP)
    Page.objects.get(pk=newest.pk).delete()
    assert client.get(url).status_code == 404
    for path in (LIBRARY, HOME, FEED):
        assert title not in text(client, path)[1], path
    assert full_url not in text(client, SITEMAP)[1]


def test_moving_a_page_updates_its_address_menus_listings_and_sitemap(client, page_cache):
    contact = StandardPageFactory(title="Contact", slug="contact")
    add_to_menu(contact, menu="footer_menu")
    mission = MissionPage.objects.get()
    old_url, new_url = contact.url, f"{mission.url}{contact.slug}/"
    old_loc = f"<loc>{contact.full_url}</loc>"
    warm(client, old_url, mission.url, HOME, SITEMAP)
    assert f'href="{old_url}"' in text(client, HOME)[1]  # the footer links to it

    contact.move(mission, pos="last-child")

    assert client.get(old_url).status_code in (301, 404)
    assert client.get(new_url).status_code == 200
    home = text(client, HOME)[1]
    assert f'href="{new_url}"' in home and f'href="{old_url}"' not in home
    assert contact.title in text(client, mission.url)[1]  # its card among the mission's children
    new_loc = f"<loc>{StandardPage.objects.get(pk=contact.pk).full_url}</loc>"
    sitemap = text(client, SITEMAP)[1]
    assert new_loc in sitemap and old_loc not in sitemap


def test_snippet_and_settings_changes_show_on_cached_pages(client, page_cache):
    partner = PartnerFactory(name="Fondation Exemple")
    home = HomePage.objects.get()
    home.body = [
        *((block.block_type, block.value) for block in home.body),
        ("partners", {"heading": "Ils construisent avec nous", "partners": [partner]}),
    ]
    home.save_revision().publish()
    warm(client, HOME, LIBRARY)
    home_before = text(client, HOME)[1]
    assert partner.name in home_before
    partner.name = "Partenaire tout juste renommé"
    partner.save()
    site_settings = SiteSettings.objects.get()
    site_settings.footer_text = "Un pied de page tout juste modifié."
    site_settings.save()
    assert "Partenaire tout juste renommé" in text(client, HOME)[1]
    assert "Un pied de page tout juste modifié." in text(client, LIBRARY)[1]


def test_menu_changes_show_on_cached_pages(client, page_cache):
    warm(client, LIBRARY)
    navigation = NavigationSettings.objects.get()
    navigation.primary_menu = [("link", {"url": "https://example.org/", "label": "Lien tout neuf"})]
    navigation.save()
    assert "Lien tout neuf" in text(client, LIBRARY)[1]


def test_a_change_made_by_another_server_is_seen(client, page_cache, newest):
    """Workers and servers share nothing but the database: its content version is enough."""
    warm(client, newest.url)
    with connection.cursor() as cursor:  # another process publishing: no signal reaches this one
        cursor.execute("UPDATE wagtailcore_page SET title = %s WHERE id = %s", ["Titre changé ailleurs", newest.pk])
        cursor.execute("UPDATE core_contentversion SET token = 'autre-serveur'")
    status, markup, state = text(client, newest.url)
    assert (status, state) == (200, "miss") and "Titre changé ailleurs" in markup


def test_making_a_section_private_hides_it_at_once(client, page_cache, newest):
    warm(client, newest.url, LIBRARY)
    PageViewRestriction.objects.create(page=newest, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    response = client.get(newest.url)
    assert cache_state(response) == "bypass"
    assert "password" in response.content.decode()  # Wagtail's password form, not the cached page
    assert newest.title not in text(client, LIBRARY)[1]


# --- what is never kept, never served ------------------------------------------------------


def test_staff_are_never_served_from_the_cache_nor_fill_it(admin_client, page_cache, newest):
    visitor = Client()
    warm(visitor, newest.url)
    staff = admin_client.get(newest.url)
    assert cache_state(staff) == "bypass"
    assert "userbar" in staff.content.decode()
    anonymous = visitor.get(newest.url)
    assert cache_state(anonymous) == "hit" and "userbar" not in anonymous.content.decode()


def test_any_session_cookie_bypasses_the_cache(client, page_cache, settings):
    warm(client, HOME)
    client.cookies[settings.SESSION_COOKIE_NAME] = "quelque-chose"
    assert cache_state(client.get(HOME)) == "bypass"


def test_drafts_and_previews_never_touch_the_cache(admin_client, page_cache, newest):
    visitor = Client()
    warm(visitor, newest.url)
    newest.title = "Brouillon jamais publié"
    newest.save_revision()
    draft = admin_client.get(f"/admin/pages/{newest.pk}/view_draft/")
    assert draft.status_code == 200 and "Brouillon jamais publié" in draft.content.decode()
    # Wagtail renders a draft by sending a fake request for the page's own URL through the
    # middleware again: the page cache lets it pass, and keeps nothing of it.
    assert cache_state(draft) == "bypass"
    for _ in range(2):  # saving the draft changed the content version: a miss, then a hit
        live = visitor.get(newest.url)
        assert "Brouillon jamais publié" not in live.content.decode()
    assert cache_state(live) == "hit"


def test_a_preview_without_any_cookie_is_not_kept_either(page_cache, newest):
    """Wagtail may render a draft with no visitor request at all (a fake, cookieless one)."""
    visitor = Client()
    warm(visitor, newest.url)
    newest.title = "Brouillon jamais publié"
    revision = newest.save_revision()
    preview = revision.as_object().make_preview_request()
    assert cache_state(preview) == "bypass" and "Brouillon jamais publié" in preview.content.decode()
    assert "Brouillon jamais publié" not in visitor.get(newest.url).content.decode()


def test_pages_with_a_csrf_token_are_never_kept(client, page_cache, settings):
    settings.ROOT_URLCONF = "tests.performance.urls"
    warm(client, "/essai/simple/")  # the same view machinery is cached when nothing is personal
    for _ in range(2):
        response = client.get("/essai/formulaire/")
        assert cache_state(response) == "bypass"
    for _ in range(2):
        assert cache_state(client.get("/essai/cookie/")) == "bypass"


def test_post_is_never_answered_from_the_cache(client, page_cache):
    warm(client, LIBRARY)
    assert cache_state(client.post(LIBRARY)) != "hit"
