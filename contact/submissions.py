"""The contact messages in the admin (Formulaires › Contact): Wagtail's list, with filters by
subject and by « indésirable probable » beside the date filter, exported as CSV or XLSX that
French Excel opens right."""

from __future__ import annotations

import django_filters
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from core.spreadsheets import FrenchSpreadsheetMixin


class ContactSubmissionsFilterSet(SubmissionsListFilterSet):
    subject = django_filters.AllValuesFilter(field_name="subject", label="Objet", empty_label="Tous")
    probable_spam = django_filters.BooleanFilter(
        field_name="spam_reason", lookup_expr="gt", label="Indésirable probable", method="filter_spam"
    )

    def filter_spam(self, queryset, name, value):
        """Yes: the messages kept as probable robots' (to review, then delete); no: the others."""
        if value is None:
            return queryset
        return queryset.exclude(spam_reason="") if value else queryset.filter(spam_reason="")


class ContactSubmissionsListView(FrenchSpreadsheetMixin, SubmissionsListView):
    filterset_class = ContactSubmissionsFilterSet
