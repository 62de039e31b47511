"""Admin action: plan a cycle's missing sessions, after a confirmation page (POST + CSRF)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.french_dates import format_time_range as time_range
from core.french_dates import format_weekday_date as french_date

from .models import WebinarCyclePage
from .planning import PlanningError, missing_occurrences, placeholder_title, plan_sessions


def plan_cycle(request: HttpRequest, page_id: int) -> HttpResponse:
    cycle = get_object_or_404(WebinarCyclePage, id=page_id)
    permissions = cycle.permissions_for_user(request.user)
    if not permissions.can_add_subpage():
        raise PermissionDenied
    explore_url = reverse("wagtailadmin_explore", args=[cycle.id])
    try:
        missing = missing_occurrences(cycle)
    except PlanningError as error:
        messages.error(request, str(error))
        return redirect(explore_url)

    if request.method == "POST":
        publish = request.POST.get("publish") == "on"
        if publish and not permissions.can_publish_subpage():
            raise PermissionDenied
        if publish and not cycle.live:
            messages.error(
                request, f"Publiez d'abord le cycle « {cycle.title} » : ses sessions ne seraient visibles nulle part."
            )
            return redirect(request.path)
        created = plan_sessions(cycle, publish=publish, user=request.user)
        if created:
            many = len(created) > 1
            state = ("publiées" if many else "publiée") if publish else "en brouillon"
            sessions = f"{len(created)} sessions créées" if many else "1 session créée"
            themes = "Complétez leurs thèmes." if many else "Complétez son thème."
            messages.success(request, f"{sessions} {state} dans « {cycle.title} ». {themes}")
        else:
            messages.info(request, f"Rien à créer : chaque mois de « {cycle.title} » a déjà sa session.")
        return redirect(explore_url)

    rows = [
        {
            "date": french_date(occurrence.rule_date),
            "time": time_range(occurrence.start.time(), occurrence.end.time()),
            "title": placeholder_title(occurrence),
            "moved_from": occurrence.moved_from_holiday,
        }
        for occurrence in missing
    ]
    return TemplateResponse(
        request,
        "webinars/admin/plan_cycle.html",
        {
            "page_title": f"Planifier les sessions : {cycle.title}",
            "header_icon": "date",
            "cycle": cycle,
            "rows": rows,
            "explore_url": explore_url,
            "can_publish": permissions.can_publish_subpage() and cycle.live,
            "cycle_is_draft": not cycle.live,
        },
    )
