"""Where the moderation task sends a moderator whose approval it refused (models.py):
the page's editor, with each reason as an error message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from wagtail import hooks
from wagtail.models import Page

from core.plugins import publication_refusals

from .models import APPROVAL_REFUSED_URL_NAME

NOT_APPROVED = "La page « {title} » n'est pas approuvée : rien n'a été publié, elle reste en relecture. {reason}"


def approval_refused(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    task = page.current_workflow_task
    if not (
        page.permissions_for_user(request.user).can_edit() or (task and task.user_can_access_editor(page, request.user))
    ):
        raise PermissionDenied
    for reason in publication_refusals(page):
        messages.error(request, NOT_APPROVED.format(title=page.get_admin_display_title(), reason=reason))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def register_approval_refused_url():
    return [path("relecture/<int:page_id>/approbation-refusee/", approval_refused, name=APPROVAL_REFUSED_URL_NAME)]
