"""The admin report of « à vérifier » points: every guess the site carries or carried, in one
list, the open ones first; for each handled one, what was checked, by whom and when.

Staff open the page or key figure from here to confirm or correct it, then « Marquer comme
vérifié » (pages.checks_admin).
"""

from __future__ import annotations

import django_filters
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from core.french_dates import format_date, format_time
from core.spreadsheets import FrenchSpreadsheetMixin

from .checks_admin import MARK_LABEL, PERMISSION, REPORT_URL_NAME, mark_url, target_edit_url, target_kind
from .models import ContentCheck

URL_NAME = REPORT_URL_NAME


def check_edit_url(check: ContentCheck) -> str:
    return reverse(ContentCheck.snippet_viewset.get_url_name("edit"), args=[check.pk])


def verification(check: ContentCheck) -> str:
    """« Vérifié par Anne Dupont le 7 décembre 2026 à 11 h 17 : ce qui a été vérifié »."""
    if check.is_open or check.handled_at is None:
        return ""
    when = timezone.localtime(check.handled_at)
    said = f"{check.get_status_display()} par {check.handled_by_name or 'une personne dont le compte est supprimé'}"
    said += f" le {format_date(when.date())} à {format_time(when.time())}"
    return f"{said} : {check.outcome}" if check.outcome else said


class MarkColumn(Column):
    """« Marquer comme vérifié » on each open point, for staff who may tick points off."""

    cell_template_name = "pages/admin/mark_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        if instance.is_open and request.user.has_perm(PERMISSION):
            context.update(url=mark_url(instance, request.get_full_path()), label=MARK_LABEL)
        return context


class ContentCheckFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="État", choices=ContentCheck.STATUSES, empty_label="Tous")

    class Meta:
        model = ContentCheck
        fields = ["status"]


class ContentCheckReportView(FrenchSpreadsheetMixin, ReportView):
    """Rapports › Contenus à vérifier."""

    page_title = "Contenus à vérifier"
    header_icon = "warning"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    export_filename = "contenus-a-verifier"
    filterset_class = ContentCheckFilterSet
    list_export = ["target", "note", "get_status_display", "outcome", "handled_by_name", "handled_at", "created_at"]
    export_headings = {
        "target": "Contenu",
        "note": "À vérifier",
        "get_status_display": "État",
        "outcome": "Ce qui a été vérifié",
        "handled_by_name": "Traité par",
        "handled_at": "Traité le",
        "created_at": "Signalé le",
    }
    columns = [
        TitleColumn("target", label="Contenu", get_url=target_edit_url),
        Column("kind", label="Type", accessor=target_kind),
        TitleColumn("note", label="À vérifier", get_url=check_edit_url),
        StatusTagColumn("status", label="État", accessor="get_status_display", primary=lambda check: check.is_open),
        Column("verification", label="Vérification", accessor=verification),
        DateColumn("created_at", label="Signalé le"),
        MarkColumn("mark", label="Action"),
    ]

    def get_queryset(self):
        still_open = Case(When(status=ContentCheck.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
        return (
            ContentCheck.objects.select_related("page", "key_figure", "handled_by")
            .annotate(still_open=still_open)
            .order_by("still_open", "page__path", "key_figure__label", "pk")
        )


class ContentCheckMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"])
