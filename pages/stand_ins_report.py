"""Rapports › Fichiers provisoires: every stand-in picture and document (core/stand_ins.py), and
where it is used; beside the « à vérifier » report, with the same rights.

Staff open each one from here to upload the real file (« Remplacer le fichier »), which takes
it out of the stand-ins (core/stand_ins.py). The same list comes out of `manage.py check_media`.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from .stand_ins import StandIn, stand_ins

URL_NAME = "pages_stand_ins"


def edit_url(stand_in: StandIn) -> str:
    name = "wagtailimages:edit" if stand_in.kind == "Image" else "wagtaildocs:edit"
    return reverse(name, args=[stand_in.item.pk])


class StandInReportView(ReportView):
    page_title = "Fichiers provisoires"
    header_icon = "image"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    list_export = ["kind", "title", "state", "where"]
    export_headings = {"kind": "Type", "title": "Fichier", "state": "État", "where": "Utilisé par"}
    columns = [
        TitleColumn("title", label="Fichier", get_url=edit_url),
        Column("kind", label="Type"),
        Column("state", label="État"),
        Column("where", label="Utilisé par"),
    ]

    def get_queryset(self) -> list[StandIn]:
        return stand_ins()
