"""Inline rows (a centre's partners, the timeline's milestones, a publication's authors, a
session's speakers…): compared between versions by id or name (core.revisions.RowsComparison),
and, for the rows staff reorder most, folded once saved, each header naming what it holds (the
model's `str`, « 2006 – titre », « Caisse des Dépôts »), so thirty of them can be reordered at a
glance rather than blind."""

from __future__ import annotations

import functools

from django.forms.formsets import ORDERING_FIELD_NAME
from wagtail.admin.panels import InlinePanel, MultipleChooserPanel

from core.revisions import RowsComparison


class RowsComparisonMixin:
    """For an inline panel's BoundPanel: its rows compared by `RowsComparison`."""

    def get_comparison(self):
        [comparison] = super().get_comparison()
        return [functools.partial(RowsComparison, *comparison.args, **comparison.keywords)]


class RowsPanel(InlinePanel):
    class BoundPanel(RowsComparisonMixin, InlinePanel.BoundPanel):
        pass


class RowsChooserPanel(MultipleChooserPanel):
    class BoundPanel(RowsComparisonMixin, MultipleChooserPanel.BoundPanel):
        pass


class NamedRowsPanel(RowsPanel):
    class BoundPanel(RowsPanel.BoundPanel):
        template_name = "core/admin/named_rows_panel.html"

        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            if self.form is not None and self.formset.is_bound and self.formset.can_order:
                # A refused save shows the rows in the order they were sent, as Wagtail does
                # only for a valid formset: a year out of order makes it invalid, and rows
                # shown in their old order would no longer match the hidden positions that the
                # « Monter » and « Descendre » buttons swap between neighbours.
                positions = {id(child): sent_position(child.form, index) for index, child in enumerate(self.children)}
                self.children.sort(key=lambda child: positions[id(child)])


def sent_position(form, index: int) -> int:
    """The position a bound row form was sent with, or its rank when none was sent."""
    try:
        return int(form[ORDERING_FIELD_NAME].value())
    except (TypeError, ValueError):
        return index + 1
