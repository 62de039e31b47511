"""The history page's « Étapes de la frise » in the admin: each saved milestone starts folded,
its header naming its year and title, so thirty of them can be reordered at a glance."""

from __future__ import annotations

from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.panels import InlinePanel


class MilestonesPanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "pages/admin/milestones_panel.html"

        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            if self.form is not None and self.formset.is_bound and self.formset.can_order:
                # A refused save shows the milestones in the order they were sent, as Wagtail
                # does only for a valid formset: a year out of order makes it invalid, and rows
                # shown in their old order would no longer match the hidden positions that the
                # « Monter » and « Descendre » buttons swap between neighbours.
                positions = {id(child): sent_position(child.form, index) for index, child in enumerate(self.children)}
                self.children.sort(key=lambda child: positions[id(child)])


def sent_position(form, index: int) -> int:
    """The position a bound milestone form was sent with, or its rank when none was sent."""
    try:
        return int(form[ORDERING_FIELD_NAME].value())
    except (TypeError, ValueError):
        return index + 1
