"""Fields that confused staff, as the admin forms now show them: no dead « menus » box, the two
summaries and the two images told apart, publication types in a list, checkboxes everywhere,
« Planifier les sessions » in plain sight, menu blocks named by their page, contact details
said to live in Paramètres du site."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.factories.pages import StandardPageFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.models import WebinarIndexPage

pytestmark = pytest.mark.django_db


def edit_markup(client, page) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_promote_tab_has_no_dead_menu_box_and_names_the_card_fields(admin_client):
    markup = edit_markup(admin_client, StandardPageFactory())
    assert 'name="show_in_menus"' not in markup
    assert 'name="slug"' in markup and 'name="search_description"' in markup  # the rest of Wagtail's panel stays
    assert "Résumé court (listes et cartes)" in markup and "Image de vignette (cartes)" in markup


def test_publication_form_types_in_a_list_and_its_own_summary_and_cover_explained(admin_client):
    markup = edit_markup(admin_client, PublicationPageFactory())
    assert re.search(r'<select name="publication_type"[^>]*>', markup)
    assert "Résumé (affiché sur la page)" in markup
    assert "dans la bibliothèque" in markup and "image de vignette" in markup


def test_session_themes_and_centres_are_checkboxes(admin_client):
    markup = edit_markup(admin_client, WebinarPageFactory())
    assert '<select name="themes"' not in markup and '<select name="centres"' not in markup
    assert 'id="id_themes"' in markup and 'id="id_centres"' in markup
    assert "<select multiple" not in markup


def test_plan_sessions_is_a_visible_button_on_the_cycle_form_and_row(admin_client):
    index = WebinarIndexPage.objects.get()
    cycle = WebinarCyclePageFactory(parent=index, slug="2032", year=2032)
    plan_url = reverse("webinars_plan_cycle", args=[cycle.pk])
    assert f'href="{plan_url}" data-plan-sessions' in edit_markup(admin_client, cycle)
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    row_button = re.search(rf'<a href="{re.escape(plan_url)}"[^>]*class="[^"]*button-small button-secondary', listing)
    assert row_button, "the row's own button, not an entry of the « … » menu"


def test_menu_blocks_are_labelled_by_their_page(admin_client):
    markup = admin_client.get(
        reverse("wagtailsettings:edit", args=["pages", "navigationsettings", Site.objects.get().pk])
    ).content.decode()
    assert re.search(r'"label_?[fF]ormat": "\{page\}"', unescape(markup)), "the page block's folded label"


def test_site_settings_say_where_the_contact_details_appear(admin_client):
    markup = unescape(
        admin_client.get(
            reverse("wagtailsettings:edit", args=["pages", "sitesettings", Site.objects.get().pk])
        ).content.decode()
    )
    assert "Saisies ici une seule fois" in markup and "Ne les recopiez pas dans le texte d'une page" in markup
