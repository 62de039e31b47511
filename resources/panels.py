"""Admin panels that tell editors, in words, whether the centre's platform answers and what its
feed last gave."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class LinkHealthPanel(Panel):
    """Read-only: the last result of `check_centre_links` for this centre (never edited by hand)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "État du lien")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/link_health_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["centre"] = self.instance
            return context


class FeedStatePanel(Panel):
    """Read-only: what the last readings of the platform's feed gave, and where to read it again."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "État du flux")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/feed_state_panel.html"

        def get_context_data(self, parent_context=None):
            from django.core.exceptions import ObjectDoesNotExist
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            centre = self.instance
            context["centre"] = centre
            try:
                feed = centre.feed_state if centre.pk else None
            except ObjectDoesNotExist:
                feed = None
            # A state read for another address (changed since) says nothing about this one.
            context["feed"] = feed if feed is not None and feed.source == centre.feed_source else None
            context["refresh_url"] = reverse("resources_feed", args=[centre.pk]) if centre.pk else ""
            return context
