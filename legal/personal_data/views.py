"""Paramètres › Données personnelles: find what the site holds about an address, download it,
erase it (after a confirmation). Only for staff with the « manage personal data » right."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.spreadsheets import csv_response, xlsx_response
from newsletters.models import NewsletterSyncTask

from . import records

PERMISSION = "newsletters.manage_personal_data"  # declared on Subscriber


class LookupForm(forms.Form):
    courriel = forms.EmailField(label="Adresse électronique", max_length=254)


DOWNLOADS = ("json", "csv", "xlsx")


def download(found: records.PersonalRecords, file_format: str) -> HttpResponse:
    """The person's data as JSON (for a machine), or as a sheet a person reads (CSV, XLSX)."""
    name = f"donnees-{slugify(found.email.replace('@', ' ').replace('.', ' '))}-{timezone.localdate():%Y-%m-%d}"
    if file_format == "csv":
        return csv_response(name, records.SHEET_HEADINGS, records.sheet_rows(found))
    if file_format == "xlsx":
        return xlsx_response(name, "Données personnelles", records.SHEET_HEADINGS, records.sheet_rows(found))
    response = HttpResponse(
        json.dumps(records.export(found), ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


def personal_data(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        form = LookupForm(request.POST)
        if form.is_valid() and request.POST.get("confirmer") == "oui":
            counts = records.erase(form.cleaned_data["courriel"])
            summary = ", ".join(f"{label} : {count}" for label, count in counts.items())
            messages.success(request, f"Données effacées pour {form.cleaned_data['courriel']} ({summary}).")
            return redirect(reverse("personal_data"))
        messages.error(request, "Cochez la confirmation pour effacer ces données.")
        # back to the same address's findings; the CSRF token never goes into the address bar
        return redirect(reverse("personal_data") + "?" + urlencode({"courriel": request.POST.get("courriel", "")}))

    form = LookupForm(request.GET or None)
    found = records.find(form.cleaned_data["courriel"]) if form.is_valid() else None
    if found is not None and request.GET.get("format") in DOWNLOADS:
        return download(found, request.GET["format"])
    return TemplateResponse(
        request,
        "legal/admin/personal_data.html",
        {
            "page_title": "Données personnelles",
            "header_icon": "user",
            "form": form,
            "found": found,
            "refused": NewsletterSyncTask.objects.filter(failed_at__isnull=False).order_by("pk")[:50],
            "waiting": NewsletterSyncTask.objects.filter(failed_at__isnull=True).count(),
        },
    )
