"""The contact messages in the admin (Formulaires › Contact): Wagtail's list and CSV export,
with a filter by subject beside the date filter."""

from __future__ import annotations

import django_filters
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView


class ContactSubmissionsFilterSet(SubmissionsListFilterSet):
    subject = django_filters.AllValuesFilter(field_name="subject", label="Objet", empty_label="Tous")


class ContactSubmissionsListView(SubmissionsListView):
    filterset_class = ContactSubmissionsFilterSet
