"""« Presse »: releases with their PDF and Atom feed, « Ils parlent de nous » with external
links marked and checked at night, the kit, the contact; editors write there, moderators publish."""

from __future__ import annotations

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import feedparser
import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pages.models import HomePage, SiteSettings
from press.models import PressIndexPage, PressReleasePage
from rameau_site.security.staff import ensure_staff_groups
from resources.models import CheckedLink
from tests.clients import StaffClient
from tests.factories.documents import DocumentFactory
from tests.factories.images import ImageFactory
from tests.factories.press import PressIndexPageFactory, PressReleasePageFactory, mention
from tests.factories.users import EditorFactory, ModeratorFactory

PUBLISH = {"action-publish": "action-publish"}


class PressTreeAndAdminTests(WagtailPageTestCase):
    client_class = StaffClient

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PressIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PressIndexPage, {PressReleasePage})
        self.assertAllowedParentPageTypes(PressReleasePage, {PressIndexPage})
        self.assertAllowedSubpageTypes(PressReleasePage, set())
        assert PressIndexPage.max_count == 1

    def test_staff_create_the_press_page_and_a_release_through_the_admin(self):
        self.login()
        home = HomePage.objects.get()
        add = reverse("wagtailadmin_pages:add", args=["press", "pressindexpage", home.pk])
        data = {
            "title": "Presse",
            "slug": "presse",
            "intro": "Pour les journalistes.",
            "mentions": inline_formset(
                [
                    {
                        "outlet": "La Croix",
                        "date": "2022-03-30",
                        "title": "Le faire alliance",
                        "url": "https://exemple.org/a",
                    }
                ]
            ),
            "press_kit": streamfield([]),
        }
        response = self.client.post(add, nested_form_data({**data, **PUBLISH}))
        assert response.status_code == 302, response.content.decode()[:2000]
        index = PressIndexPage.objects.get()
        assert [m.outlet for m in index.mentions.all()] == ["La Croix"]
        document = DocumentFactory(title="Communiqué du 28 mars")
        add = reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", index.pk])
        release = {
            "title": "Premier dîner de presse",
            "slug": "premier-diner-de-presse",
            "date": "2022-03-28",
            "summary": "Le RAMEAU invite les journalistes.",
            "document": document.pk,
            "body": streamfield([]),
        }
        assert self.client.post(add, nested_form_data({**release, "summary": "", **PUBLISH})).status_code == 200
        response = self.client.post(add, nested_form_data({**release, **PUBLISH}))
        assert response.status_code == 302
        page = PressReleasePage.objects.get()
        assert page.live and page.document == document


@pytest.mark.django_db
def test_press_page_shows_releases_mentions_kit_and_contact(client):
    logo = ImageFactory(title="Logo du RAMEAU")
    kit_file = DocumentFactory(title="Logo vectoriel")
    index = PressIndexPageFactory(
        mentions=[
            mention(
                "Le Monde", "https://www.lemonde.fr/article", date=datetime.date(2022, 4, 2), title="Les alliances"
            ),
            mention("Radio d'essai", "", date=datetime.date(2023, 1, 5), title="Une émission"),
        ],
        press_kit=[
            ("logo", {"name": "Logo couleur", "image": logo, "files": [kit_file]}),
            ("document", {"title": "Dossier de presse", "description": "", "document": DocumentFactory()}),
        ],
    )
    PressReleasePageFactory(parent=index, title="Communiqué ancien", date=datetime.date(2021, 1, 1))
    PressReleasePageFactory(
        parent=index, title="Communiqué récent", date=datetime.date(2024, 1, 1), document=DocumentFactory()
    )
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.press_contact_name, settings.press_contact_email = "Camille Presse", "presse@exemple.org"
    settings.save()
    markup = client.get("/presse/").content.decode()
    assert markup.index("Communiqué récent") < markup.index("Communiqué ancien")
    assert "Télécharger le communiqué" in markup
    assert markup.index("Une émission") < markup.index("Les alliances")  # newest first
    assert (
        'href="https://www.lemonde.fr/article" rel="noopener">Les alliances<span class="visually-hidden"> (site externe : lemonde.fr)</span>'
        in markup
    )
    assert "Logo couleur" in markup and kit_file.url in markup and "Dossier de presse" in markup
    assert "Camille Presse" in markup and "mailto:presse@exemple.org" in markup
    assert 'type="application/atom+xml"' in markup


@pytest.mark.django_db
def test_press_contact_falls_back_on_the_general_address(client):
    PressIndexPageFactory()
    assert "mailto:contact@exemple.org" in client.get("/presse/").content.decode()


@pytest.mark.django_db
def test_release_feed_parses_as_atom(client):
    index = PressIndexPageFactory()
    for day in (3, 1, 2):
        PressReleasePageFactory(parent=index, title=f"Communiqué du {day}", date=datetime.date(2024, 5, day))
    PressReleasePageFactory(parent=index, title="Brouillon", live=False)
    feed = feedparser.parse(client.get("/presse/flux.xml").content)
    assert feed.version == "atom10" and not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Communiqué du 3", "Communiqué du 2", "Communiqué du 1"]
    assert feed.entries[0].link.endswith("/presse/communique-du-3/")


@pytest.mark.django_db
def test_release_page_offers_its_pdf(client):
    release = PressReleasePageFactory(title="Un communiqué", document=DocumentFactory())
    markup = client.get(release.url).content.decode()
    assert release.document.url in markup and '"genre": "Communiqué de presse"' in markup


@pytest.mark.django_db
def test_press_query_counts_stay_flat(client):
    from tests.performance.conftest import count_queries

    index = PressIndexPageFactory()
    release = PressReleasePageFactory(parent=index, document=DocumentFactory())
    pages = {"presse": "/presse/", "communiqué": release.url, "flux": "/presse/flux.xml"}
    small = {name: count_queries(client, path) for name, path in pages.items()}
    for _ in range(9):
        PressReleasePageFactory(parent=index, document=DocumentFactory())
    index.mentions = [mention(f"Journal {n}") for n in range(12)]
    index.save_revision().publish()
    large = {name: count_queries(client, path) for name, path in pages.items()}
    assert large == small and max(large.values()) <= 10


@pytest.mark.django_db
def test_editors_manage_press_items_but_do_not_publish_them():
    index = PressIndexPageFactory()
    ensure_staff_groups(apps)  # the press section exists now: editors get their rights on it
    editor = StaffClient()
    editor.force_login(EditorFactory())
    add = reverse("wagtailadmin_pages:add", args=["press", "pressreleasepage", index.pk])
    form = editor.get(add).content.decode()
    assert 'name="action-publish"' not in form and 'name="action-submit"' in form
    data = {
        "title": "Communiqué relu",
        "slug": "communique-relu",
        "date": "2024-06-01",
        "summary": "Résumé.",
        "document": "",
        "body": streamfield([]),
    }
    editor.post(add, nested_form_data({**data, **PUBLISH}))
    release = PressReleasePage.objects.get(slug="communique-relu")
    assert not release.live  # a draft, never published by an editor
    edit = reverse("wagtailadmin_pages:edit", args=[index.pk])
    assert editor.get(edit).status_code == 200  # mentions and kit are theirs to edit, for review
    mention_data = {
        "outlet": "La Croix",
        "date": "2022-03-30",
        "title": "Faire alliance",
        "url": "https://exemple.org/",
    }
    page_data = {
        "title": index.title,
        "slug": index.slug,
        "intro": index.intro,
        "mentions": inline_formset([mention_data]),
        "press_kit": streamfield([]),
    }
    response = editor.post(edit, nested_form_data({**page_data, **PUBLISH}))
    assert not index.mentions.exists()  # asking to publish publishes nothing
    response = editor.post(edit, nested_form_data({**page_data, "action-submit": "action-submit"}))
    assert response.status_code == 302
    index.refresh_from_db()
    assert not index.mentions.exists()  # the live page is unchanged until a moderator approves
    assert index.current_workflow_state.status == "in_progress"
    submitted = index.get_latest_revision_as_object()
    assert [m.title for m in submitted.mentions.all()] == ["Faire alliance"]
    moderator = StaffClient()
    moderator.force_login(ModeratorFactory())
    assert (
        'name="action-publish"' in moderator.get(reverse("wagtailadmin_pages:edit", args=[release.pk])).content.decode()
    )


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/vivant" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.django_db
def test_the_link_check_covers_press_mentions(server, client):
    index = PressIndexPageFactory(
        mentions=[mention("Vivant", f"{server}/vivant"), mention("Disparu", f"{server}/disparu"), mention("Papier", "")]
    )
    out = StringIO()
    call_command("check_centre_links", timeout=2, stdout=out)
    checks = {check.url.rsplit("/", 1)[-1]: check for check in CheckedLink.objects.all()}
    assert set(checks) == {"vivant", "disparu"}
    assert checks["vivant"].ok and not checks["disparu"].ok and checks["disparu"].status == 404
    assert "Disparu" in out.getvalue() and "INJOIGNABLE" in out.getvalue()
    # The press page's edit form tells staff which link died.
    staff = StaffClient()
    staff.force_login(ModeratorFactory())
    form = staff.get(reverse("wagtailadmin_pages:edit", args=[index.pk])).content.decode()
    assert "1 lien injoignable" in form and "Disparu" in form
