"""A session submitted to moderation while its cycle is a draft: the moderator's « Approuver »
is refused, from the dashboard as from the editor, with the reason in French; nothing goes live
until the cycle is published."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, TaskState, WorkflowState

from rameau_site.security.models import ModerationTask
from rameau_site.security.staff import EDITORS
from tests.clients import StaffClient
from tests.factories.users import EditorFactory
from tests.factories.webinars import WebinarCyclePageFactory, WebinarPageFactory
from webinars.models import WebinarPage

from .test_admin import edit_data

REFUSAL = "Le cycle « Cycle de webinaires 2031 » n'est pas publié : approuvée, la session serait en ligne"


@pytest.fixture
def submitted(index):
    """A draft session of a draft cycle, submitted by an editor given the webinars' section."""
    cycle = WebinarCyclePageFactory(parent=index, slug="2031", title="Cycle de webinaires 2031", year=2031, live=False)
    session = WebinarPageFactory(parent=cycle, day=date(2031, 1, 16), live=False, title="Ouvrir l'année 2031")
    editors = Group.objects.get(name=EDITORS)
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=editors, page=index, permission=Permission.objects.get(codename=codename)
        )
    editor = StaffClient()
    editor.force_login(EditorFactory())
    edit_url = reverse("wagtailadmin_pages:edit", args=[session.pk])
    response = editor.post(edit_url, edit_data(editor, session, **{"action-submit": "1"}))
    assert response.status_code == 302
    return session


def task_state_of(session: WebinarPage) -> TaskState:
    state = WorkflowState.objects.get(object_id=str(session.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return state.current_task_state


def assert_still_in_moderation(session: WebinarPage) -> None:
    session.refresh_from_db()
    assert not session.live
    assert task_state_of(session).status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_the_site_workflow_asks_the_sections_before_approving(submitted):
    assert isinstance(task_state_of(submitted).task.specific, ModerationTask)


@pytest.mark.django_db
def test_approving_from_the_dashboard_is_refused_while_the_cycle_is_a_draft(submitted, moderator_client):
    dashboard = unescape(moderator_client.get(reverse("wagtailadmin_home")).content.decode())
    approve = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state_of(submitted).pk])
    assert approve in dashboard  # the « Approuver » button of « En attente de votre relecture »

    # The dashboard's button posts in the background and follows the address it is given.
    answer = moderator_client.post(approve, {}, headers={"x-requested-with": "XMLHttpRequest"})
    assert answer.status_code == 200
    response = moderator_client.get(answer.json()["redirect"], follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    messages = [(message.level_tag, str(message)) for message in response.context["messages"]]
    assert messages == [
        (
            "error",
            "La page « Ouvrir l'année 2031 » n'est pas approuvée : rien n'a été publié, elle reste en "
            "relecture. Le cycle « Cycle de webinaires 2031 » n'est pas publié : approuvée, la session "
            "serait en ligne sans apparaître ni dans /webinaires/ ni dans l'agenda du cycle. Publiez "
            "d'abord le cycle, puis approuvez la session.",
        )
    ]
    assert_still_in_moderation(submitted)

    # Without JavaScript, the same refusal.
    response = moderator_client.post(approve, {}, follow=True)
    assert REFUSAL in unescape(response.content.decode())
    assert_still_in_moderation(submitted)


@pytest.mark.django_db
def test_approving_from_the_editor_is_a_form_error_that_keeps_the_typing(submitted, moderator_client):
    edit_url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    data = edit_data(
        moderator_client,
        submitted,
        title="Ouvrir l'année 2031, relu",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = moderator_client.post(edit_url, data)
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert REFUSAL in text
    assert 'value="Ouvrir l\'année 2031, relu"' in text
    assert_still_in_moderation(submitted)
    assert WebinarPage.objects.get(pk=submitted.pk).title == "Ouvrir l'année 2031"


@pytest.mark.django_db
def test_once_the_cycle_is_published_the_same_approval_publishes_the_session(submitted, moderator_client):
    submitted.get_parent().specific.save_revision().publish()
    approve = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state_of(submitted).pk])
    response = moderator_client.post(approve, {}, follow=True)
    assert REFUSAL not in unescape(response.content.decode())
    submitted.refresh_from_db()
    assert submitted.live
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == WorkflowState.STATUS_APPROVED
    assert StaffClient().get("/webinaires/2031/").status_code == 200


@pytest.mark.django_db
def test_requesting_changes_stays_possible_while_the_cycle_is_a_draft(submitted, moderator_client):
    reject = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", task_state_of(submitted).pk])
    moderator_client.post(reject, {"comment": "Publier d'abord le cycle 2031."})
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_the_guide_says_a_draft_cycle_holds_back_its_sessions(moderator_client):
    text = " ".join(unescape(moderator_client.get(reverse("rameau_guide")).content.decode()).split())
    assert "« Publier » comme « Approuver et publier » (relecture) sont refusés avec un message" in text
