"""« Guide de l'équipe »: in the admin menu of every member of staff, in French, covering the
everyday tasks, the groups, the site's address, the nightly link check and autosave."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from rameau_site.security.staff import EDITORS, MODERATORS
from tests.factories.users import EditorFactory, ModeratorFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Se connecter",
    "Qui peut faire quoi",
    "Ajouter une publication",
    "La frise historique",
    "Les webinaires",
    "Les centres de ressources et leurs partenaires",
    "Les nouveautés des plateformes des centres",
    "Menus et coordonnées",
    "Une actualité, de la rédaction à la publication",
    "Prévisualiser et vérifier une page",
    "Programmer une publication",
    "Revenir à une version antérieure",
    "L'adresse du site",
    "La vérification nocturne des liens",
    "L'enregistrement automatique",
    "Comportements de Wagtail à connaître",
]


def guide_text(client) -> str:
    response = client.get(reverse("rameau_guide"))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", unescape(strip_tags(response.content.decode())))


@pytest.mark.parametrize("staff", [EditorFactory, ModeratorFactory])
def test_every_member_of_staff_finds_the_guide_in_the_menu(client, staff):
    client.force_login(staff())
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("rameau_guide") in dashboard
    text = guide_text(client)
    assert "Guide de l'équipe" in text
    for heading in SECTIONS:
        assert heading in text, heading
    assert f"« {EDITORS} »" in text and f"« {MODERATORS} »" in text


def test_guide_is_for_staff_only(client):
    response = client.get(reverse("rameau_guide"))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_guide_shows_the_declared_address_and_warns_when_it_is_local(client):
    client.force_login(SuperuserFactory())
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    text = guide_text(client)
    assert "Adresse actuellement déclarée : http://localhost" in text
    assert "Cette adresse est celle d'un poste de travail" in text
    assert "Modifier l'adresse du site" in text

    site.hostname, site.port = "www.lerameau.fr", 443
    site.save()
    text = guide_text(client)
    assert "Adresse actuellement déclarée : https://www.lerameau.fr" in text
    assert "Cette adresse est celle d'un poste de travail" not in text


def test_guide_describes_autosave_as_configured(client):
    client.force_login(EditorFactory())
    with override_settings(WAGTAIL_AUTOSAVE_INTERVAL=2000):
        assert "environ 2 secondes après votre dernière frappe" in guide_text(client)
    with override_settings(WAGTAIL_AUTOSAVE_INTERVAL=0):
        text = guide_text(client)
        assert "L'enregistrement automatique est désactivé sur ce site" in text
        assert "ne laisse donc aucun brouillon" in text


def screen_text(client, url: str) -> str:
    """The screen's markup, attributes kept: an icon button's label is its aria-label or title."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    if html.startswith("{"):  # a chooser answers with its HTML inside JSON
        html = json.loads(html)["html"]
    return re.sub(r"\s+", " ", unescape(html))


def test_the_buttons_the_guide_quotes_are_on_their_screens(client):
    """Each label the guide quotes for these tasks, between « », is on the admin screen of the task
    (the guide once named « Se connecter », an « Envoyer » tab, « Approuver » and « Demander des
    changements », which no screen shows)."""
    from pages.models import ContentCheck, MissionPage
    from tests.factories.publications import PublicationPageFactory

    anonymous = screen_text(client, reverse("wagtailadmin_login"))
    moderator = ModeratorFactory()
    client.force_login(moderator)
    news = PublicationPageFactory(title="Une étude relue")
    first = news.save_revision(log_action=True)
    news.title = "Une étude relue et corrigée"
    news.save_revision(log_action=True)
    news.get_workflow().start(news, EditorFactory())
    check = ContentCheck.objects.create(page=MissionPage.objects.get(), note="Une date à confirmer.")
    screens = {
        anonymous: ["S'identifier"],
        screen_text(client, reverse("wagtailimages_chooser:choose")): ["Transférer"],
        screen_text(client, reverse("wagtailadmin_pages:edit", args=[news.pk])): [
            "Approuver et publier",
            "Demander des modifications",
            "Afficher/masquer la prévisualisation",
            "Vérifications",
            "Statut",
            "Programmer",
            "Enregistrer la programmation",
            "Historique",
        ],
        screen_text(client, reverse("wagtailadmin_pages:history", args=[news.pk])): [
            "Comparer avec la version actuelle",
            "Passer en revue cette version",
        ],
        screen_text(client, reverse("wagtailadmin_pages:revisions_revert", args=[news.pk, first.pk])): [
            "Remplacer le brouillon actuel"
        ],
        screen_text(client, reverse("pages_content_checks")): ["Contenus à vérifier", "Marquer comme vérifié", "État"],
        screen_text(client, reverse("pages_content_check_mark", args=[check.pk])): [
            "Ce qui a été vérifié",
            "Marquer comme vérifié",
            "Marquer comme corrigé",
        ],
    }
    guide = guide_text(client)
    for screen, labels in screens.items():
        for label in labels:
            assert f"« {label} »" in guide, label
            assert label in screen, label
    for wrong in ("« Se connecter »", "« Envoyer »", "« Approuver »", "« Demander des changements »", "icône d'œil"):
        assert wrong not in guide, wrong
