"""What the site says is what its sources say: figures keep their « plus de », and every
guess still on the site is listed for staff in Rapports › Contenus à vérifier; visitors never
read the notes (tests/pages/test_content_checks.py: the marker they see instead)."""

from __future__ import annotations

from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages.models import ContentCheck, KeyFigure, MissionPage
from tests.factories.pages import KeyFigureFactory, StandardPageFactory, give_mission_content

pytestmark = pytest.mark.django_db
REPORT = "/admin/rapports/a-verifier/"


# --- the qualifier of a key figure -------------------------------------------------------


def test_a_figure_shows_its_qualifier_wherever_it_is_shown(client):
    figure = KeyFigureFactory(qualifier="plus_de", value="500", label="recherches-actions menées")
    assert figure.display_value == "plus de 500"
    assert str(figure) == "plus de 500 recherches-actions menées (2024)"
    card = render_to_string("components/key_figure.html", {"figure": figure})
    assert '<span class="figure-card__qualifier">plus de</span> 500' in card
    mission = give_mission_content(MissionPage.objects.get(), figures=0)
    mission.key_figures = [("figure", figure)]
    mission.save_revision().publish()
    page = client.get(mission.url).content.decode()
    assert '<span class="figure-card__qualifier">plus de</span> 500' in page


def test_a_figure_is_shown_with_its_year_never_as_if_current():
    """« 15 ans » said in 2021 is « En 2021 : 15 ans », not fifteen years today."""
    figure = KeyFigureFactory(value="15 ans", label="de recherche empirique", year=2021, source="Le RAMEAU (2021)")
    card = render_to_string("components/key_figure.html", {"figure": figure})
    assert card.index('<p class="figure-card__when">En 2021</p>') < card.index("15 ans")
    undated = render_to_string("components/key_figure.html", {"figure": KeyFigureFactory(year=None)})
    assert "figure-card__when" not in undated


def test_an_exact_figure_has_no_qualifier():
    figure = KeyFigureFactory(value="350")
    assert figure.display_value == "350"
    assert "figure-card__qualifier" not in render_to_string("components/key_figure.html", {"figure": figure})


def test_moderators_set_the_qualifier_in_the_admin_form(moderator_client):
    data = {"qualifier": "pres_de", "value": "1 000", "label": "organisations", "year": "2021", "source": ""}
    response = moderator_client.post(reverse("wagtailsnippets_pages_keyfigure:add"), {**data, "source_url": ""})
    assert response.status_code == 302
    assert KeyFigure.objects.get(label="organisations").display_value == "près de 1 000"
    refused = moderator_client.post(
        reverse("wagtailsnippets_pages_keyfigure:add"), {**data, "qualifier": "au moins", "source_url": ""}
    )
    assert refused.status_code == 200 and not KeyFigure.objects.filter(qualifier="au moins").exists()


# --- « à vérifier » -----------------------------------------------------------------------


def test_a_check_is_about_a_page_or_a_figure_never_both_or_neither():
    mission, figure = MissionPage.objects.get(), KeyFigureFactory()
    ContentCheck(page=mission, note="Une date à confirmer.").full_clean()
    ContentCheck(key_figure=figure, note="Un chiffre à confirmer.").full_clean()
    for check in (ContentCheck(note="Rien."), ContentCheck(page=mission, key_figure=figure, note="Les deux.")):
        with pytest.raises(ValidationError):
            check.full_clean()


def test_the_report_lists_every_check_for_staff_and_the_public_never_sees_them(client, editor_client):
    mission = give_mission_content(MissionPage.objects.get())
    figure = KeyFigureFactory(value="70 M€")
    mission.key_figures = [("figure", figure)]
    mission.save_revision().publish()
    ContentCheck.objects.create(page=mission, note="Citation à rapprocher de sa source.")
    ContentCheck.objects.create(key_figure=figure, note="Montant à confirmer auprès du RAMEAU.")

    report = editor_client.get(REPORT)
    assert report.status_code == 200
    markup = report.content.decode()
    assert "Contenus à vérifier" in markup
    assert "Citation à rapprocher de sa source." in markup and "Montant à confirmer auprès du RAMEAU." in markup
    assert reverse("wagtailadmin_pages:edit", args=[mission.pk]) in markup
    assert reverse("wagtailsnippets_pages_keyfigure:edit", args=[figure.pk]) in markup
    assert REPORT in editor_client.get(reverse("wagtailadmin_home")).content.decode()  # Rapports menu

    public = client.get(mission.url).content.decode()
    assert "70 M€" in public
    assert "Montant à confirmer" not in public and "à rapprocher" not in public  # the notes: never
    assert client.get(REPORT).status_code == 302  # visitors are sent to the login page


def test_moderators_close_a_check_through_its_snippet_form(moderator_client):
    check = ContentCheck.objects.create(page=MissionPage.objects.get(), note="Une date à confirmer.")
    url = reverse(ContentCheck.snippet_viewset.get_url_name("delete"), args=[check.pk])
    assert moderator_client.post(url).status_code == 302
    assert not ContentCheck.objects.exists()


def test_the_report_costs_the_same_queries_for_one_check_or_many(editor_client, django_assert_max_num_queries):
    """A query per listed page would grow with the list: its titles and types come with it."""
    pages = StandardPageFactory.create_batch(6)
    ContentCheck.objects.create(page=pages[0], note="Un point à vérifier.")
    editor_client.get(REPORT)  # caches warmed: site, permissions, content types
    with CaptureQueriesContext(connection) as one:
        editor_client.get(REPORT)
    for page in pages[1:]:
        ContentCheck.objects.create(page=page, note=f"Un point sur {page.title}.")
    with django_assert_max_num_queries(len(one.captured_queries)):
        markup = unescape(editor_client.get(REPORT).content.decode())
    assert all(page.title in markup for page in pages)
