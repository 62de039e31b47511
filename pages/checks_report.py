"""The admin report of « à vérifier » points: every guess the site still carries, in one list.

Staff open the page or key figure from here to confirm or correct it, then delete the point.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from core.spreadsheets import FrenchSpreadsheetMixin

from .models import ContentCheck, KeyFigure

URL_NAME = "pages_content_checks"


def target_edit_url(check: ContentCheck) -> str:
    """Where staff correct what the point is about: the page editor or the key figure form."""
    if check.page_id:
        return reverse("wagtailadmin_pages:edit", args=[check.page_id])
    return reverse(KeyFigure.snippet_viewset.get_url_name("edit"), args=[check.key_figure_id])


def target_kind(check: ContentCheck) -> str:
    if check.page_id:
        return check.page.specific_deferred.get_verbose_name()
    return "Chiffre clé"


def check_edit_url(check: ContentCheck) -> str:
    return reverse(ContentCheck.snippet_viewset.get_url_name("edit"), args=[check.pk])


class ContentCheckReportView(FrenchSpreadsheetMixin, ReportView):
    """Rapports › Contenus à vérifier."""

    page_title = "Contenus à vérifier"
    header_icon = "warning"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    export_filename = "contenus-a-verifier"
    list_export = ["target", "note", "created_at"]
    export_headings = {"target": "Contenu", "note": "À vérifier", "created_at": "Signalé le"}
    columns = [
        TitleColumn("target", label="Contenu", get_url=target_edit_url),
        Column("kind", label="Type", accessor=target_kind),
        TitleColumn("note", label="À vérifier", get_url=check_edit_url),
        DateColumn("created_at", label="Signalé le"),
    ]

    def get_queryset(self):
        return ContentCheck.objects.select_related("page", "key_figure").order_by(
            "page__path", "key_figure__label", "pk"
        )


class ContentCheckMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"])
