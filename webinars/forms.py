"""The session edit form: a session is published only inside a published cycle."""

from __future__ import annotations

from pages.forms import BasePageForm

DRAFT_CYCLE_ERROR = (
    "Le cycle « {title} » n'est pas publié : publiée seule, la session n'apparaîtrait ni dans "
    "/webinaires/ ni dans l'agenda du cycle. Publiez d'abord le cycle, puis cette session "
    "(votre saisie est conservée : « Enregistrer le brouillon » la garde en attendant)."
)
DRAFT_CYCLE_APPROVAL_ERROR = (
    "Le cycle « {title} » n'est pas publié : approuvée, la session serait en ligne sans "
    "apparaître ni dans /webinaires/ ni dans l'agenda du cycle. Publiez d'abord le cycle, puis "
    "approuvez la session."
)


class WebinarSessionForm(BasePageForm):
    def cycle(self):
        """The session's cycle: the parent it is being created under, or its current parent."""
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.specific_deferred if parent is not None else None

    def clean(self):
        cleaned_data = super().clean()
        cycle = self.cycle()
        if cycle is None or cycle.live:
            return cleaned_data
        if self.data.get("action-publish"):
            self.add_error(None, DRAFT_CYCLE_ERROR.format(title=cycle.title))
        elif self.data.get("action-workflow-action") and self.data.get("workflow-action-name") == "approve":
            # Approving from the editor: refused here, with everything typed kept.
            self.add_error(None, DRAFT_CYCLE_APPROVAL_ERROR.format(title=cycle.title))
        return cleaned_data
