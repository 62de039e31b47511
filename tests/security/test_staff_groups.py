"""The « Éditeurs » and « Modérateurs » groups and the moderation workflow.

The model: editors write in the editorial sections (publications and news) and submit to
moderation; moderators approve and publish anywhere, and alone edit snippets and settings.
Everything an editor may not touch is refused through the real admin views."""

from __future__ import annotations

import html
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Site, TaskState, Workflow, WorkflowState

from publications.models import NewsArticlePage, NewsIndexPage, PublicationIndexPage
from rameau_site.security.staff import EDITORS, MODERATORS, WORKFLOW
from resources.models import ResourceCentreIndexPage, ResourceCentrePage
from tests.factories.publications import NewsArticlePageFactory
from tests.factories.resources import ResourceCentrePageFactory
from tests.factories.users import EditorFactory
from tests.factories.webinars import WebinarPageFactory

from .forms import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = EditorFactory()
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    client.force_login(editor)
    return client


@pytest.fixture
def article(db) -> NewsArticlePage:
    return NewsArticlePageFactory(title="Une actualité à relire")


def article_form(article: NewsArticlePage, title: str, action: str) -> dict:
    return {**article_form_data(article, title, "<p>Texte relu.</p>"), action: action}


def refused(response) -> bool:
    """Wagtail answers a permission refusal with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def chooser_html(response) -> str:
    """The chooser answers JSON around HTML (browse) or plain HTML (search results)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return html.unescape(json.loads(response.content)["html"])
    return html.unescape(response.content.decode())


def test_groups_workflow_and_rights_as_migrated():
    editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    editor_pages = {
        (p.page.specific_class, p.permission.codename) for p in GroupPagePermission.objects.filter(group=editors)
    }
    assert editor_pages == {
        (section, codename)
        for section in (PublicationIndexPage, NewsIndexPage)
        for codename in ("add_page", "change_page")
    }
    root = Page.objects.get(depth=1)
    assert {p.permission.codename for p in GroupPagePermission.objects.filter(group=moderators, page=root)} >= {
        "add_page",
        "change_page",
        "publish_page",
    }
    assert not editors.permissions.filter(codename__in=["change_sitesettings", "change_partner"]).exists()
    assert moderators.permissions.filter(codename="change_sitesettings").exists()
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert workflow.active and root.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]


def test_editor_cannot_publish_and_submits_for_moderation_instead(editor_client, moderator_client, article):
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    page = editor_client.get(edit).content.decode()
    assert 'name="action-publish"' not in page and 'name="action-submit"' in page

    editor_client.post(edit, article_form(article, "Titre changé sans relecture", "action-publish"))
    article.refresh_from_db()
    assert article.title != "Titre changé sans relecture"  # the live page did not change
    assert article.has_unpublished_changes

    editor_client.post(edit, article_form(article, "Titre relu", "action-submit"))
    state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
    article.refresh_from_db()
    assert article.title != "Titre relu"

    task_state = TaskState.objects.get(workflow_state=state, status="in_progress")
    # An editor cannot approve their own submission...
    approve = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    editor_client.post(approve, {})
    article.refresh_from_db()
    assert article.title != "Titre relu"
    # ...a moderator can, and that publishes it.
    assert moderator_client.post(approve, {}).status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Titre relu" and article.live and not article.has_unpublished_changes


def test_editor_cannot_edit_site_settings_menus_or_snippets(editor_client):
    site = Site.objects.get(is_default_site=True)
    for url in (
        f"/admin/settings/pages/sitesettings/{site.pk}/",
        f"/admin/settings/pages/navigationsettings/{site.pk}/",
        "/admin/snippets/pages/partner/add/",
        "/admin/snippets/pages/keyfigure/add/",
        "/admin/redirects/add/",
        "/admin/users/",
        "/admin/groups/",
    ):
        assert refused(editor_client.get(url)), url
    before = site.sitesettings.email if hasattr(site, "sitesettings") else None
    editor_client.post(f"/admin/settings/pages/sitesettings/{site.pk}/", {"email": "pirate@example.org"})
    from pages.models import SiteSettings

    assert SiteSettings.for_site(site).email != "pirate@example.org"
    assert before != "pirate@example.org"


@pytest.mark.parametrize("other_section", ["centre", "webinar", "mission"])
def test_editor_cannot_reach_another_sections_edit_history_revisions_or_previews(editor_client, other_section):
    page = {
        "centre": ResourceCentrePageFactory,
        "webinar": WebinarPageFactory,
        "mission": lambda: Page.objects.get(url_path__endswith="/qui-sommes-nous/"),
    }[other_section]().specific
    page.save_revision()  # a second revision, so that compare has something to compare
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    urls = [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revisions[-1]]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, revisions[0], revisions[-1]]),
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revisions[0]]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[page.pk]),
    ]
    for url in urls:
        response = editor_client.get(url)
        if url.endswith("/revisions/") and response.status_code == 302:  # Wagtail 7 shows revisions in the history
            assert response["Location"] == reverse("wagtailadmin_pages:history", args=[page.pk])
            response = editor_client.get(response["Location"])
        assert refused(response) or response.status_code == 404, (url, response.status_code)
    assert refused(editor_client.post(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), {"title": "x"}))


def test_editor_reaches_their_own_sections_history_and_preview(editor_client, article):
    for name in ("edit", "history", "view_draft"):
        assert editor_client.get(reverse(f"wagtailadmin_pages:{name}", args=[article.pk])).status_code == 200, name


def test_choosers_hide_other_sections_drafts_from_editors(editor_client, moderator_client):
    index = ResourceCentreIndexPage.objects.get()
    draft = ResourceCentrePage(
        title="Centre secret en préparation", slug="centre-secret", summary="Pas encore annoncé.", live=False
    )
    index.add_child(instance=draft)
    live = ResourceCentrePageFactory(parent=index, title="Centre déjà publié")
    browse = reverse("wagtailadmin_choose_page_child", args=[index.pk])
    search = reverse("wagtailadmin_choose_page_search") + "?q=Centre"

    for_editor = chooser_html(editor_client.get(browse)) + chooser_html(editor_client.get(search))
    assert draft.title not in for_editor
    assert live.title in chooser_html(editor_client.get(browse))  # linking to a live centre is fine
    assert draft.title in chooser_html(moderator_client.get(browse))


def test_an_editor_cannot_read_another_sections_draft_title_anywhere(editor_client, moderator_client):
    """Issue #31, 19: not as the heading of the page chooser (browsing into it by its id), nor
    as the « last edited page » of the page types report (for who may publish)."""
    index = ResourceCentreIndexPage.objects.get()
    draft = ResourceCentrePage(
        title="Centre confidentiel en préparation", slug="centre-confidentiel", summary="Pas encore.", live=False
    )
    index.add_child(instance=draft)
    ResourceCentrePageFactory(parent=draft, title="Sous-page de travail")  # a child: the chooser may browse into it
    into_draft = reverse("wagtailadmin_choose_page_child", args=[draft.pk])
    assert editor_client.get(into_draft).status_code == 404
    assert draft.title in chooser_html(moderator_client.get(into_draft))

    report = reverse("wagtailadmin_reports:page_types_usage")
    assert editor_client.get(report).status_code == 403
    assert report not in editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert moderator_client.get(report).status_code == 200
    assert report in moderator_client.get(reverse("wagtailadmin_home")).content.decode()
