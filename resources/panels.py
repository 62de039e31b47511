"""An admin panel that tells editors, in words, whether the centre's platform answers."""

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
