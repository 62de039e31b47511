"""The newsletters in the admin: the lists (snippets staff edit) and their subscribers, read
only, filtered by list and state, exported as CSV or Excel (core/spreadsheets.py) with each
subscriber's unsubscribe links and List-Unsubscribe headers, for whatever tool sends them."""

from __future__ import annotations

from collections import OrderedDict

from django.db.models import Count, Q
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.absolute_urls import site_root_url
from core.spreadsheets import FrenchSpreadsheetMixin
from newsletters.models import NewsletterList, Subscription

from .mail import list_unsubscribe_headers, unsubscribe_url
from .tokens import ALL_LISTS

try:  # Wagtail 8 registers a model's permission policy once, for every view of it.
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4 LTS: the viewset carries it (SubscriptionViewSet below).
    register_permission_policy = None


class NewsletterListIndexView(SnippetIndexView):
    def get_base_queryset(self):
        confirmed = Count("subscriptions", filter=Q(subscriptions__status=Subscription.Status.CONFIRMED))
        return super().get_base_queryset().annotate(confirmed_count=confirmed)


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    index_view_class = NewsletterListIndexView
    icon = "mail"
    menu_label = "Lettres"
    list_display = [
        "name",
        BooleanColumn("active", label="Proposée à l'inscription", sort_key="active"),
        Column("confirmed_count", label="Abonnés confirmés"),
    ]
    ordering = ["sort_order", "name"]


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Subscriptions come from visitors' own consent: staff look and export, never add or edit
    one (an erasure goes through Paramètres › Données personnelles)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class SubscriptionIndexView(FrenchSpreadsheetMixin, ModelViewSet.index_view_class):
    #: The screen is named as its menu entry and the guide name it; each row is one inscription.
    page_title = "Abonnés"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("subscriber", "newsletter")

    def to_row_dict(self, item):
        """The unsubscribe links and headers, made for each row (they are signed, not stored)."""
        if not hasattr(self, "base_url"):
            self.base_url = site_root_url(self.request)
        headers = list_unsubscribe_headers(self.base_url, item.subscriber_id, item.newsletter_id)
        computed = {
            "unsubscribe_url": unsubscribe_url(self.base_url, item.subscriber_id, item.newsletter_id),
            "unsubscribe_all_url": unsubscribe_url(self.base_url, item.subscriber_id, ALL_LISTS),
            "list_unsubscribe": headers["List-Unsubscribe"],
            "list_unsubscribe_post": headers["List-Unsubscribe-Post"],
        }
        return OrderedDict(
            (field, computed[field] if field in computed else multigetattr(item, field)) for field in self.list_export
        )


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    index_view_class = SubscriptionIndexView
    icon = "user"
    menu_label = "Abonnés"
    name = "abonnes"
    copy_view_enabled = False
    form_fields: list[str] = []  # no form is ever shown: the policy below allows no add nor edit
    list_display = [
        Column("subscriber", label="Courriel"),
        "newsletter",
        Column("get_status_display", label="État", accessor="get_status_display"),
        "requested_at",
        "confirmed_at",
    ]
    list_filter = ["newsletter", "status"]
    search_fields = ["subscriber__email"]
    search_backend_name = None
    list_export = [
        "subscriber.email",
        "newsletter.name",
        "get_status_display",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_text",
        "unsubscribe_url",
        "unsubscribe_all_url",
        "list_unsubscribe",
        "list_unsubscribe_post",
    ]
    export_headings = {
        "subscriber.email": "Courriel",
        "newsletter.name": "Lettre",
        "get_status_display": "État",
        "requested_at": "Demandée le",
        "confirmed_at": "Consentement confirmé le",
        "unsubscribed_at": "Désinscription le",
        "consent_text": "Texte accepté",
        "unsubscribe_url": "Lien de désinscription",
        "unsubscribe_all_url": "Lien « tout arrêter »",
        "list_unsubscribe": "List-Unsubscribe",
        "list_unsubscribe_post": "List-Unsubscribe-Post",
    }
    export_filename = "abonnes-lettres"

    if register_permission_policy is None:

        @property
        def permission_policy(self):
            return ViewOnlyPolicy(self.model)


if register_permission_policy is not None:
    register_permission_policy(Subscription, ViewOnlyPolicy(Subscription), exact_class=True)


class NewsletterViewSetGroup(ModelViewSetGroup):
    items = (NewsletterListViewSet, SubscriptionViewSet)
    menu_icon = "mail"
    menu_label = "Lettres d'information"
    menu_order = 330
