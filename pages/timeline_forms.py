"""The history page's edit form: milestones must run in chronological order, or the timeline
would print a year twice (a 2024 dragged above 2022 opens a second « 2022 » heading)."""

from __future__ import annotations

from pages.forms import BasePageForm

OUT_OF_ORDER = "« {later} » est placée avant « {earlier} » : glissez les étapes dans l'ordre des années."


class HistoryPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("milestones")
        if formset is None or not formset.is_valid():
            return cleaned_data
        previous = None
        for milestone in formset.ordered_forms:
            year = milestone.cleaned_data.get("year")
            if year is None:
                continue
            if previous is not None and year < previous.cleaned_data["year"]:
                message = OUT_OF_ORDER.format(
                    later=_label(previous.cleaned_data), earlier=_label(milestone.cleaned_data)
                )
                milestone.add_error("year", message)
                self.add_error(None, f"Frise : {message}")
                break
            previous = milestone
        return cleaned_data


def _label(data: dict) -> str:
    return f"{data.get('year')} – {data.get('title', '')}"
