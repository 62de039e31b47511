"""The history page's « Étapes de la frise » in the admin: each saved milestone starts folded,
its header naming its year and title, so thirty of them can be reordered at a glance."""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel


class MilestonesPanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "pages/admin/milestones_panel.html"
