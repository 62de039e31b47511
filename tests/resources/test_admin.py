"""Editors create and edit centres through the real Wagtail admin forms; dead platforms show up there."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text, streamfield

from pages.blocks import TEXT_FEATURES
from pages.models import Audience, HomePage
from resources.models import ResourceCentreIndexPage, ResourceCentrePage
from tests.clients import StaffClient
from tests.factories.pages import AudienceFactory, PartnerFactory
from tests.factories.resources import ResourceCentrePageFactory

PUBLISH = {"action-publish": "action-publish"}


class CentreAdminTestCase(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.login()
        self.index = ResourceCentreIndexPage.objects.get()
        for name, slug in (
            ("Associations", "associations"),
            ("Collectivités territoriales", "collectivites-territoriales"),
        ):
            AudienceFactory(name=name, slug=slug)
        self.orse, self.adasi = PartnerFactory(name="ORSE"), PartnerFactory(name="ADASI")

    def centre_data(self, partners, **overrides):
        data = nested_form_data(
            {
                "title": "Alliances en santé",
                "slug": "alliances-en-sante",
                "summary": "Pour les acteurs de la santé qui veulent coopérer sur leur territoire.",
                "platform_url": "https://alliances-sante.exemple.org/",
                "launch_year": "2021",
                "helps_inform": "on",
                "helps_act": "on",
                "partner_links": inline_formset([{"partner": partner.pk} for partner in partners]),
                "body": streamfield(
                    [
                        ("heading", {"text": "Ce que l'on y trouve", "level": "h2"}),
                        (
                            "paragraph",
                            rich_text("<p>Des fiches pratiques et des exemples.</p>", features=TEXT_FEATURES),
                        ),
                    ]
                ),
            }
        )
        data["audiences"] = [
            audience.pk
            for audience in Audience.objects.filter(slug__in=["associations", "collectivites-territoriales"])
        ]
        data.update(overrides)
        return data


class CreateCentreTests(CentreAdminTestCase):
    def test_editor_creates_a_centre_with_partners_audiences_and_needs(self):
        self.assertCanCreate(self.index, ResourceCentrePage, self.centre_data([self.adasi, self.orse]))

        centre = ResourceCentrePage.objects.get(slug="alliances-en-sante")
        self.assertTrue(centre.live)
        self.assertEqual([partner.name for partner in centre.partners()], ["ADASI", "ORSE"])  # the editor's order
        self.assertEqual({a.slug for a in centre.audiences.all()}, {"associations", "collectivites-territoriales"})
        self.assertEqual([need.slug for need in centre.needs], ["s-informer", "agir"])
        self.assertEqual(centre.launch_year, 2021)
        response = self.client.get(centre.url)
        for text in (
            "Alliances en santé",
            "Ce que l&#x27;on y trouve",
            "https://alliances-sante.exemple.org/",
            "ADASI",
        ):
            self.assertContains(response, text)
        listed = self.client.get("/centres-de-ressources/?public=associations&besoin=agir")
        self.assertContains(listed, "Alliances en santé")

    def test_same_partner_twice_is_refused_with_the_input_kept(self):
        add_url = reverse("wagtailadmin_pages:add", args=["resources", "resourcecentrepage", self.index.pk])
        response = self.client.post(add_url, self.centre_data([self.orse, self.orse]) | PUBLISH)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="Alliances en santé"')
        self.assertFalse(ResourceCentrePage.objects.filter(slug="alliances-en-sante").exists())
        formset = response.context["form"].formsets["partner_links"]
        self.assertTrue(formset.non_form_errors() or any(form.errors for form in formset.forms))

    def test_saved_partners_are_folded_and_named_in_the_edit_form(self):
        """Reordering « Partenaire 1, 2, 3 » would be blind: each saved row names its partner."""
        centre = ResourceCentrePageFactory(parent=self.index, slug="deux-partenaires", partners=[self.orse, self.adasi])
        markup = self.client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk])).content.decode()
        self.assertEqual(re.findall(r"<span data-row-summary>([^<]+)</span>", markup), ["ORSE", "ADASI"])
        folded = re.findall(r'<section class="w-panel collapsed" id="inline_child_partner_links-\d+-panel', markup)
        self.assertEqual(len(folded), 2)

    def test_summary_is_required_and_year_bounded(self):
        add_url = reverse("wagtailadmin_pages:add", args=["resources", "resourcecentrepage", self.index.pk])
        response = self.client.post(add_url, self.centre_data([], summary="", launch_year="1800") | PUBLISH)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("summary", form.errors)
        self.assertIn("launch_year", form.errors)
        self.assertFalse(ResourceCentrePage.objects.filter(slug="alliances-en-sante").exists())

    def test_link_health_fields_are_not_editable(self):
        add_url = reverse("wagtailadmin_pages:add", args=["resources", "resourcecentrepage", self.index.pk])
        data = self.centre_data([], link_ok="on", link_status="200") | PUBLISH
        response = self.client.post(add_url, data)
        self.assertEqual(response.status_code, 302)
        centre = ResourceCentrePage.objects.get(slug="alliances-en-sante")
        self.assertIsNone(centre.link_ok)
        self.assertIsNone(centre.link_status)

    def test_index_can_be_created_when_missing(self):
        home = HomePage.objects.get()
        ResourceCentreIndexPage.objects.all().delete()
        data = nested_form_data(
            {"title": "Centres de ressources", "slug": "centres-de-ressources", "intro": "Douze espaces."}
        )
        self.assertCanCreate(home, ResourceCentreIndexPage, data)
        self.assertContains(self.client.get("/centres-de-ressources/"), "Aucun centre de ressources")


class LinkHealthAdminTests(CentreAdminTestCase):
    def setUp(self):
        super().setUp()
        ResourceCentrePageFactory(
            parent=self.index,
            title="RSE & Partenariats",
            slug="rse-et-partenariats",
            partners=[self.orse],
            body=[
                ("heading", {"text": "Ce que l'on y trouve", "level": "h2"}),
                ("paragraph", RichText("<p>Des méthodes pour les entreprises et leurs partenaires.</p>")),
            ],
        )
        ResourceCentrePageFactory(parent=self.index, title="Fondations d'avenir", slug="fondations-d-avenir")
        ResourceCentrePageFactory(parent=self.index, title="Investissement sociétal", slug="investissement-societal")
        ResourceCentrePageFactory(parent=self.index, title="Intérêt général", slug="interet-general")

    def mark_dead(self, slug: str, status: int | None = 404) -> ResourceCentrePage:
        ResourceCentrePage.objects.filter(slug=slug).update(
            link_ok=False, link_status=status, link_checked_at=timezone.now()
        )
        return ResourceCentrePage.objects.get(slug=slug)

    def test_edit_page_explains_a_dead_platform(self):
        centre = self.mark_dead("rse-et-partenariats")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk]))
        self.assertContains(response, "data-link-health")
        self.assertContains(response, "Plateforme injoignable")
        self.assertContains(response, "code 404")

    def test_edit_page_for_a_never_checked_centre(self):
        centre = ResourceCentrePage.objects.get(slug="fondations-d-avenir")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk]))
        self.assertContains(response, "Cette adresse n'a pas encore été vérifiée")

    def test_explorer_lists_centres_with_their_link_health(self):
        self.mark_dead("rse-et-partenariats")
        self.mark_dead("fondations-d-avenir", status=None)
        ResourceCentrePage.objects.filter(slug="investissement-societal").update(
            link_ok=True, link_status=200, link_checked_at=timezone.now()
        )
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertContains(response, "Injoignable (404)")
        self.assertContains(response, "Injoignable (pas de réponse)")
        self.assertContains(response, "En ligne")
        self.assertContains(response, "Jamais vérifiée")

    def test_flat_listing_filters_dead_platforms(self):
        self.mark_dead("rse-et-partenariats")
        url = reverse("centres_de_ressources:index")
        self.assertContains(self.client.get(url), "Injoignable (404)")
        dead_only = self.client.get(url, {"link_ok": "false"})
        self.assertContains(dead_only, "RSE &amp; Partenariats")
        self.assertNotContains(dead_only, "Fondations d&#x27;avenir")

    def test_admin_menu_has_the_centres_listing(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, reverse("centres_de_ressources:index"))

    def test_publishing_an_older_draft_keeps_the_latest_check(self):
        centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
        centre.summary = "Brouillon écrit avant la vérification."
        revision = centre.save_revision()
        self.mark_dead("rse-et-partenariats")
        revisions_before = Revision.objects.count()
        ResourceCentrePage.objects.get(slug="rse-et-partenariats").get_latest_revision().publish()
        centre = ResourceCentrePage.objects.get(slug="rse-et-partenariats")
        self.assertEqual(centre.summary, "Brouillon écrit avant la vérification.")
        self.assertIs(centre.link_ok, False)
        self.assertEqual(centre.link_status, 404)
        self.assertEqual(Revision.objects.count(), revisions_before)
        self.assertEqual(centre.live_revision, revision)

    def test_edit_form_publish_keeps_the_latest_check(self):
        centre = self.mark_dead("rse-et-partenariats")
        edit_url = reverse("wagtailadmin_pages:edit", args=[centre.pk])
        data = querydict_from_html(self.client.get(edit_url).content.decode(), form_id="page-edit-form").dict()
        body = [
            (block.block_type, {"text": block.value["text"], "level": block.value["level"]})
            if block.block_type == "heading"
            else (block.block_type, rich_text(block.value.source, features=TEXT_FEATURES))
            for block in centre.body
        ]
        data.update(
            nested_form_data({"body": streamfield(body)}), summary="Présentation revue par l'équipe.", **PUBLISH
        )
        self.assertEqual(self.client.post(edit_url, data).status_code, 302)
        centre.refresh_from_db()
        self.assertEqual(centre.summary, "Présentation revue par l'équipe.")
        self.assertEqual([partner.name for partner in centre.partners()], ["ORSE"])
        self.assertEqual(len(centre.body), 2)
        self.assertIs(centre.link_ok, False)
        self.assertEqual(centre.link_status, 404)

    def test_copying_a_centre_does_not_copy_its_check(self):
        centre = self.mark_dead("rse-et-partenariats")
        copy = centre.copy(update_attrs={"slug": "rse-copie", "title": "Copie"})
        self.assertIsNone(copy.specific.link_ok)
        self.assertIsNone(copy.specific.link_checked_at)
