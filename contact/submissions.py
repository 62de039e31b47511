"""The contact messages in the admin (Formulaires › Contact): Wagtail's list, with a filter by
subject beside the date filter, exported as CSV or XLSX that French Excel opens right."""

from __future__ import annotations

import django_filters
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from core.spreadsheets import FrenchSpreadsheetMixin


class ContactSubmissionsFilterSet(SubmissionsListFilterSet):
    subject = django_filters.AllValuesFilter(field_name="subject", label="Objet", empty_label="Tous")


class ContactSubmissionsListView(FrenchSpreadsheetMixin, SubmissionsListView):
    filterset_class = ContactSubmissionsFilterSet
