"""Editors create every page type of the library and the news through the real admin forms."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.blocks import INLINE_FEATURES, TEXT_FEATURES
from pages.models import HomePage
from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage, PublicationPage, PublicationType
from tests.clients import StaffClient
from tests.factories.documents import DocumentFactory
from tests.factories.pages import ThemeFactory
from tests.factories.publications import PublicationPageFactory
from tests.factories.resources import ResourceCentrePageFactory

from .conftest import publication_type

PUBLISH = {"action-publish": "action-publish"}


class AdminTestCase(WagtailPageTestCase):
    client_class = StaffClient

    def setUp(self):
        super().setUp()
        self.user = self.login()
        self.home = HomePage.objects.get()
        self.library = PublicationIndexPage.objects.get()

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)


def sources(*texts):
    items = {
        str(i): {
            "value": {"text": rich_text(f"<p>{text}</p>", features=INLINE_FEATURES), "url": ""},
            "order": str(i),
            "deleted": "",
        }
        for i, text in enumerate(texts)
    }
    return {"heading": "Sources", "items": {**items, "count": str(len(items))}}


class PublicationPageFormTests(AdminTestCase):
    TITLE = "Les alliances en territoire"

    def publication_data(self, isbn="978-2-247-16583-4", **changes):
        kind = publication_type("etude")
        data = nested_form_data(
            {
                "title": self.TITLE,
                "slug": "les-alliances-en-territoire",
                "subtitle": "Une étude de terrain",
                "publication_type": kind.pk,
                "publication_date": "2024-06-18",
                "date_precision": "month",
                "publisher": "Le RAMEAU",
                "collection": "",
                "isbn": isbn,
                "authors": inline_formset(
                    [
                        {"first_name": "Anne", "last_name": "Robin"},
                        {"first_name": "", "last_name": "Observatoire des partenariats"},
                    ]
                ),
                "summary": "Ce que les alliances changent pour un territoire.",
                "cover_image": "",
                "document": self.document.pk,
                "external_url": "",
                "external_link_text": "Consulter la publication en ligne",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Un constat étayé<sup>1</sup>.</p>", features=TEXT_FEATURES)),
                        ("sources", sources("Observatoire des partenariats, 2024.")),
                    ]
                ),
            }
        )
        data["themes"] = [theme.pk for theme in self.themes]
        data["centres"] = [self.centre.pk]
        return {**data, **changes}

    def setUp(self):
        super().setUp()
        self.document = DocumentFactory(
            file__filename="etude.pdf", file__data=b"%PDF-1.4\n%%EOF\n", title="Étude en PDF"
        )
        self.themes = ThemeFactory.create_batch(2)
        self.centre = ResourceCentrePageFactory(title="Centre lié à l'étude")

    def test_create_publication_with_authors_themes_document_and_sources(self):
        self.assertCanCreate(self.library, PublicationPage, self.publication_data())

        page = PublicationPage.objects.get(slug="les-alliances-en-territoire")
        self.assertTrue(page.live)
        self.assertEqual(page.publication_date, datetime.date(2024, 6, 1))  # month precision: first of the month
        self.assertEqual([a.display_name for a in page.authors.all()], ["Anne Robin", "Observatoire des partenariats"])
        self.assertEqual(page.themes.count(), 2)
        self.assertEqual(page.centres.count(), 1)
        self.assertEqual(page.document, self.document)
        response = self.client.get(page.url)
        for text in (
            "juin 2024",
            "Anne Robin et Observatoire des partenariats",
            "Un constat étayé",
            "Observatoire des partenariats, 2024.",
        ):
            self.assertContains(response, text)

    def test_preview_shows_unsaved_themes_and_centres(self):
        """A preview renders the page from the form: its M2M links are only in memory."""
        page = PublicationPageFactory(slug="rapport-interet-general-nouvelles-alliances")
        data = self.publication_data(slug=page.slug)
        self.assertPageIsPreviewable(page, post_data=data, user=self.user)
        self.client.force_login(self.user)  # the assertion above logs out when it is done
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        self.client.post(preview_url, data)
        response = self.client.get(preview_url)
        self.assertContains(response, self.TITLE)
        self.assertContains(response, escape(self.centre.title))

    def test_invalid_isbn_is_refused_and_input_kept(self):
        add_url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", self.library.pk])
        response = self.client.post(add_url, self.publication_data(isbn="978-2-247-16583-1") | PUBLISH)
        self.assertRefused(response, "Cet ISBN n&#x27;est pas valide")
        self.assertContains(response, f'value="{self.TITLE}"')
        self.assertFalse(PublicationPage.objects.filter(slug="les-alliances-en-territoire").exists())


class IndexAndNewsFormTests(AdminTestCase):
    def test_create_library_when_missing(self):
        self.library.delete()
        self.assertCanCreate(
            self.home,
            PublicationIndexPage,
            nested_form_data({"title": "Publications", "slug": "publications", "intro": "Nos travaux."}),
        )
        self.assertTrue(PublicationIndexPage.objects.get().live)

    def test_create_news_article(self):
        news = NewsIndexPage.objects.get()
        data = nested_form_data(
            {
                "title": "Un nouveau séminaire",
                "slug": "un-nouveau-seminaire",
                "date": "2024-03-30",
                "kind": "tribune",
                "author": "Charles-Benoît Heidsieck",
                "author_role": "Président-fondateur",
                "summary": "Un séminaire pour passer de la connaissance à la compétence.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Le texte de la tribune.</p>", features=TEXT_FEATURES))]
                ),
                "related_links": inline_formset([{"publication": PublicationPageFactory().pk}]),
            }
        )
        self.assertCanCreate(news, NewsArticlePage, data)
        article = NewsArticlePage.objects.get(slug="un-nouveau-seminaire")
        self.assertEqual(article.kind_label, "Tribune")
        response = self.client.get(article.url)
        self.assertContains(response, "30 mars 2024")
        self.assertContains(response, "Le texte de la tribune.")


@pytest.mark.django_db
def test_create_news_index_through_the_admin(admin_client):
    home = HomePage.objects.get()
    NewsIndexPage.objects.all().delete()
    add_url = reverse("wagtailadmin_pages:add", args=["publications", "newsindexpage", home.pk])
    response = admin_client.post(add_url, {"title": "Actualités", "slug": "actualites", "intro": "", **PUBLISH})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert NewsIndexPage.objects.get().live
    assert admin_client.get("/actualites/").status_code == 200


@pytest.mark.django_db
def test_staff_add_a_publication_type(admin_client):
    data = {"name": "Podcast", "name_plural": "Podcasts", "slug": "podcast", "nature": "report", "sort_order": "200"}
    response = admin_client.post(reverse("wagtailsnippets_publications_publicationtype:add"), data)
    assert response.status_code == 302
    assert PublicationType.objects.get(slug="podcast").schema_type == "Report"
