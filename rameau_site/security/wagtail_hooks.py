"""Admin hooks: choosers never show another section's unpublished pages; the page where a
refused approval lands; the second factor's screens."""

from __future__ import annotations

from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from .moderation import register_approval_refused_url  # noqa: F401 (registers its hook)
from .restricted_documents import refuse_bulk_actions_on_restricted_documents
from .view_guards import hide_the_page_types_report

hooks.register("before_bulk_action", refuse_bulk_actions_on_restricted_documents)
hooks.register("construct_reports_menu", hide_the_page_types_report)


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_outside_own_sections(pages, request):
    """Anyone may link to a live page; a page that is not live is listed only to those who
    may edit it (a draft's title is not news for other sections)."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


@hooks.register("register_admin_urls")
def two_factor_urls():
    from django.urls import path

    from .two_factor import views

    return [
        path("2fa/verification/", views.verify, name="two_factor_verify"),
        path("2fa/activation/", views.setup, name="two_factor_setup"),
    ]
