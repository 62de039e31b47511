"""The site's moderation task: Wagtail's group approval, with the sections' publish checks.

Approving the last task of a workflow publishes the page without running its edit form, so a
check made there (a session of a draft cycle) would be skipped. This task asks the sections
(`PUBLISH_CHECKS_HOOK`) first: when one objects, nothing is approved nor published and the
moderator lands on the page's editor, told why (moderation.py). staff.py puts it in the
workflow « Relecture par les modérateurs ».
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import AbstractGroupApprovalTask, Page

from core.plugins import publication_refusals

APPROVAL_REFUSED_URL_NAME = "pages_approval_refused"


class ModerationTask(AbstractGroupApprovalTask):
    def on_action(self, task_state, user, action_name: str, **kwargs) -> str | None:
        """Approve only what the sections accept; otherwise the address that says why."""
        if action_name == "approve":
            content = task_state.workflow_state.content_object
            if isinstance(content, Page) and publication_refusals(content.specific):
                return reverse(APPROVAL_REFUSED_URL_NAME, args=[content.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return (
            "Les membres des groupes choisis approuvent ou demandent des changements ; une page "
            "qui ne peut pas encore être en ligne (une session d'un cycle non publié) n'est pas approuvée."
        )

    class Meta:
        verbose_name = "validation par un groupe, avec vérifications"
        verbose_name_plural = "validations par un groupe, avec vérifications"
