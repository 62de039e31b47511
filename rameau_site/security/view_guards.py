"""Admin screens Wagtail opens to anyone with the right in general, closed here to who must not
see a particular object: one middleware, and per screen (by URL name) a guard that raises
PermissionDenied or Http404 before Wagtail's view runs.

- a document of a private collection (restricted_documents.py);
- the page chooser browsing into another section's draft (its title is the listing's heading);
- the page types report, whose « dernière page modifiée » names other sections' drafts: for
  those who may publish.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .restricted_documents import refuse_restricted_document


def refuse_draft_parent(request: HttpRequest, kwargs: dict) -> None:
    """A draft the user may not edit does not exist for them, even as a chooser's heading."""
    page = Page.objects.filter(pk=kwargs.get("parent_page_id")).first()
    if page is not None and not page.live and not page.permissions_for_user(request.user).can_edit():
        raise Http404


def may_see_every_sections_drafts(user) -> bool:
    return user.is_superuser or PagePermissionPolicy().user_has_any_permission(user, ["publish"])


def refuse_page_types_report(request: HttpRequest, kwargs: dict) -> None:
    if not may_see_every_sections_drafts(request.user):
        raise PermissionDenied


GUARDS: dict[str, Callable[[HttpRequest, dict], None]] = {
    "wagtaildocs:edit": refuse_restricted_document,
    "wagtaildocs:delete": refuse_restricted_document,
    "wagtaildocs:edit_multiple": refuse_restricted_document,
    "wagtaildocs:delete_multiple": refuse_restricted_document,
    "wagtailadmin_choose_page_child": refuse_draft_parent,
    "wagtailadmin_reports:page_types_usage": refuse_page_types_report,
    "wagtailadmin_reports:page_types_usage_results": refuse_page_types_report,
}


class ViewGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = getattr(request, "resolver_match", None)
        guard = GUARDS.get(match.view_name) if match is not None else None
        if guard is not None and request.user.is_authenticated:
            guard(request, view_kwargs)
        return None


def hide_the_page_types_report(request: HttpRequest, menu_items: list) -> None:
    """`construct_reports_menu` hook: no menu entry leading to a refusal."""
    if not may_see_every_sections_drafts(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
