"""Admin: a centre's feed as the last readings left it, and « Relever maintenant » (POST + CSRF)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .feeds.refresh import refresh_centre
from .models import CentreFeed, ResourceCentrePage

#: The whole reading (robots.txt, discovery, feed) ends well before gunicorn's 30 s timeout.
ADMIN_BUDGET = 20.0


def centre_feed(request: HttpRequest, page_id: int) -> HttpResponse:
    centre = get_object_or_404(ResourceCentrePage, id=page_id)
    if not centre.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        outcome = refresh_centre(centre, budget=ADMIN_BUDGET)
        if outcome.ok:
            messages.success(request, f"Flux de « {centre.title} » relevé : {outcome.message}.")
        else:
            messages.error(
                request,
                f"Flux de « {centre.title} » non relevé : {outcome.message}. "
                + ("Les éléments déjà relevés restent affichés." if outcome.items else ""),
            )
        return redirect(request.path)
    feed = CentreFeed.objects.filter(centre=centre).first()
    current = feed is not None and feed.source == centre.feed_source
    return TemplateResponse(
        request,
        "resources/admin/centre_feed.html",
        {
            "page_title": f"Flux de la plateforme : {centre.title}",
            "header_icon": "rotate",
            "centre": centre,
            "feed": feed if current else None,
            "items": list(feed.items.order_by("position")) if current else [],
            "edit_url": reverse("wagtailadmin_pages:edit", args=[centre.pk]),
            "has_unpublished_changes": centre.has_unpublished_changes,
        },
    )
