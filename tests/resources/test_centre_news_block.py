"""The block « Dernières ressources des centres » in the shared page body: an editor places it
on a standard page through the Wagtail admin, visitors see the stored items (never a request
to a platform), its cost in queries stays flat, and the home page's former section became it."""

from __future__ import annotations

import html
import importlib
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.plugins import home_sections
from pages.blocks import BaseStreamBlock
from pages.models import HomePage, MissionPage, StandardPage
from tests.clients import StaffClient
from tests.factories.pages import StandardPageFactory
from tests.factories.resources import ResourceCentrePageFactory, give_news
from tests.page_forms import edit_form_data

from .conftest import count_queries
from .platform import platform_server

pytestmark = pytest.mark.django_db
BLOCK = re.compile(r'<section class="section centre-news".*?</section>', re.S)


def block_markup(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    found = BLOCK.search(response.content.decode())
    return found.group(0) if found else ""


def readable(response) -> str:
    """The admin form's text, its StreamField state (JSON in an attribute) unescaped too."""
    text = html.unescape(response.content.decode())
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda code: chr(int(code.group(1), 16)), text)


def publish_with_the_block(staff: StaffClient, page: StandardPage, title: str, count: str):
    """« Publier » from the page's edit form, its body made of the block alone."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    block = {"type": "centre_news", "deleted": "", "order": "0", "id": "", "value-title": title, "value-count": count}
    data = {**edit_form_data(staff, url, page), "body-count": "1", "action-publish": "action-publish"}
    data.update({f"body-0-{name}": value for name, value in block.items()})
    return staff.post(url, data)


def staff_client() -> StaffClient:
    user = get_user_model().objects.create_superuser("redactrice", "redactrice@exemple.org", "motdepasse-solide-2026")
    staff = StaffClient()
    staff.force_login(user)
    return staff


def test_an_editor_places_the_block_on_a_standard_page_and_visitors_see_the_stored_items(client, settings):
    with platform_server() as platform:
        settings.OUTBOUND_LOOPBACK_PORTS = frozenset({platform.port})
        centre = ResourceCentrePageFactory(title="RSE & Partenariats", platform_url=platform.origin + "/")
        give_news(centre, count=5)
        give_news(ResourceCentrePageFactory(title="Modèle socio-économique"), count=2)
        page = StandardPageFactory(title="Nos ressources")
        staff = staff_client()
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        picker = readable(staff.get(url))
        assert '"centre_news"' in picker and '"Dernières ressources des centres"' in picker

        response = publish_with_the_block(staff, page, "Du nouveau chez nos partenaires", "3")
        assert response.status_code == 302, response.content.decode()[:2000]
        page.refresh_from_db()
        assert page.live and page.body[0].block_type == "centre_news"
        assert dict(page.body[0].value) == {"title": "Du nouveau chez nos partenaires", "count": 3}

        section = block_markup(client, page.url)
        assert '<h2 class="centre-news__title">Du nouveau chez nos partenaires</h2>' in section
        titles = re.findall(r'class="platform-news__link"[^>]*>([^<]+)<', section)
        assert titles == [
            "Nouveauté 1 de RSE &amp; Partenariats",
            "Nouveauté 1 de Modèle socio-économique",
            "Nouveauté 2 de RSE &amp; Partenariats",
        ]
        assert f'href="{platform.origin}/2026/article-1/" rel="noopener noreferrer"' in section
        assert section.count('<span class="visually-hidden"> (site externe)</span>') == 3
        assert section.count('<time datetime="2026-03-01">1er mars 2026</time>') == 2
        assert f'<a href="{centre.url}">RSE &amp; Partenariats</a>' in section
        assert "(dernier relevé le 2 mars 2026)" in section
        assert platform.requests == [], "a page waited on the platform"


def test_out_of_range_counts_are_a_form_error_and_the_editors_text_is_kept():
    page = StandardPageFactory()
    staff = staff_client()
    response = publish_with_the_block(staff, page, "Un titre à garder", "25")
    assert response.status_code == 200
    markup = readable(response)
    assert "Un titre à garder" in markup
    assert "Assurez-vous que cette valeur est inférieure ou égale à 10." in markup
    page.refresh_from_db()
    assert not page.body


def test_without_a_title_the_block_is_named_for_screen_readers_and_without_items_it_is_absent(client):
    page = StandardPageFactory(body=[("centre_news", {"title": "", "count": 5})])
    assert block_markup(client, page.url) == ""  # nothing relevé yet: nothing, not an empty frame
    give_news(ResourceCentrePageFactory(), count=5)
    page.save_revision().publish()  # a new content version, as the nightly fetch's writes make
    section = block_markup(client, page.url)
    assert section.startswith('<section class="section centre-news" aria-label="Dernières ressources des centres">')
    assert "<h2" not in section
    assert section.count('<li class="platform-news__item">') == 2  # two per centre at most


def test_the_block_is_offered_wherever_the_shared_body_is_used():
    assert "centre_news" in BaseStreamBlock.base_blocks
    for model in (StandardPage, MissionPage, HomePage):
        assert "centre_news" in model._meta.get_field("body").stream_block.child_blocks
    assert "centre_news" not in home_sections(), "one way to place it on the home page, not two"


def test_a_page_with_the_block_costs_a_fixed_number_of_queries(client):
    page = StandardPageFactory(body=[("centre_news", {"title": "Dernières ressources", "count": 10})])
    give_news(ResourceCentrePageFactory(publish=False), count=2)
    few = count_queries(client, page.url)
    for _ in range(8):
        give_news(ResourceCentrePageFactory(publish=False), count=5)
    many = count_queries(client, page.url)
    assert block_markup(client, page.url).count('<li class="platform-news__item">') == 10
    assert many == few <= 10


def test_the_home_pages_former_section_becomes_the_block_in_its_content_and_revisions():
    migration = importlib.import_module("pages.migrations.0022_home_centre_news_section_to_block")
    home = HomePage.objects.get()
    home.body = [("section", {"section": "next_webinar"}), ("section", {"section": "centre_news"})]
    home.save_revision().publish()
    home.body = [("section", {"section": "centre_news"})]
    draft = home.save_revision()

    migration.Migration.operations[0].migrate_stream_data_forward(apps, None)

    home.refresh_from_db()
    expected = {"title": "Dernières ressources des centres", "count": migration.HOME_ITEMS}
    assert [child.block_type for child in home.body] == ["section", "centre_news"]
    assert home.body[0].value["section"] == "next_webinar" and dict(home.body[1].value) == expected
    draft.refresh_from_db()
    body = draft.content["body"]
    body = json.loads(body) if isinstance(body, str) else body
    assert [(child["type"], child["value"]) for child in body] == [("centre_news", expected)]
