"""Staff create the front-door pages and edit the newsletters and legal settings through
the real Wagtail admin forms (the browser's posts, no mocks)."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from contact.models import ContactPage
from legal.models import AccessibilityPage, LegalNoticePage, PrivacyPage
from newsletters.models import NewsletterList, NewsletterPage
from pages.models import HomePage, SiteMapPage, SiteSettings
from tests.clients import StaffClient
from tests.factories.users import ModeratorFactory

PUBLISH = {"action-publish": "action-publish"}


class FrontDoorAdminTests(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.client.force_login(ModeratorFactory())
        self.home = HomePage.objects.get()

    def add_form(self, model) -> dict:
        url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, self.home.pk))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        for key in data:  # a ticked box without a value attribute: browsers post « on »
            if key.endswith("-required") and data[key] == "":
                data[key] = "on"
        return url, data

    def test_a_new_contact_page_starts_with_the_default_fields(self):
        url, data = self.add_form(ContactPage)
        labels = [data[f"form_fields-{n}-label"] for n in range(int(data["form_fields-TOTAL_FORMS"]))]
        self.assertEqual(labels, ["Nom", "Courriel", "Organisation", "Objet", "Message"])
        data.update(title="Contact", slug="contact", **PUBLISH)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        page = ContactPage.objects.get()
        self.assertTrue(page.live)
        fields = list(page.form_fields.values_list("clean_name", "field_type", "required"))
        self.assertEqual(
            fields,
            [
                ("nom", "singleline", True),
                ("courriel", "email", True),
                ("organisation", "singleline", False),
                ("objet", "dropdown", True),
                ("message", "multiline", True),
            ],
        )
        self.assertIn("Webinaires", page.form_fields.get(clean_name="objet").choices)

    def test_staff_may_remove_or_change_a_field(self):
        url, data = self.add_form(ContactPage)
        data.update(title="Contact", slug="contact", **PUBLISH)
        data["form_fields-2-DELETE"] = "1"  # no organisation
        data["form_fields-4-label"] = "Votre message"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        labels = list(ContactPage.objects.get().form_fields.values_list("label", flat=True))
        self.assertEqual(labels, ["Nom", "Courriel", "Objet", "Votre message"])

    def test_every_one_off_page_can_be_created_once(self):
        for model, slug in [
            (NewsletterPage, "newsletters"),
            (LegalNoticePage, "mentions-legales"),
            (PrivacyPage, "confidentialite"),
            (AccessibilityPage, "accessibilite"),
            (SiteMapPage, "plan-du-site"),
        ]:
            with self.subTest(model=model.__name__):
                url, data = self.add_form(model)
                data.update(title=model._meta.verbose_name.capitalize(), slug=slug, **PUBLISH)
                if model in (LegalNoticePage, PrivacyPage):
                    data["body-count"] = "0"  # an empty StreamField, as the admin's script posts it
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
                self.assertTrue(model.objects.get().live)
                self.assertFalse(model.can_create_at(self.home))
                self.assertEqual(self.client.get(f"/{slug}/").status_code, 200)

    def test_moderators_edit_the_newsletter_lists(self):
        url = reverse("wagtailsnippets_newsletters_newsletterlist:add")
        data = nested_form_data(
            {
                "name": "L'hebdo grand public",
                "description": "Une lettre par semaine.",
                "active": "on",
                "sort_order": "3",
            }
        )
        data["brevo_list_id"] = ""
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertEqual(NewsletterList.objects.get().name, "L'hebdo grand public")
        self.assertIn("L'hebdo grand public", self.client.get("/").content.decode().replace("&#x27;", "'"))

    def test_legal_fields_are_typed_once_in_the_site_settings(self):
        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="w-editor-form").dict()
        data.update(publication_director="Camille Martin", host_name="Hébergeur d'essai", contact_retention_months="0")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)  # refused: at least one month
        self.assertContains(response, "Camille Martin")  # what was typed is still there
        data["contact_retention_months"] = "6"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        saved = SiteSettings.for_site(site)
        self.assertEqual((saved.publication_director, saved.contact_retention_months), ("Camille Martin", 6))
