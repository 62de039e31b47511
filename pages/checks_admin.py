"""Ticking off an « à vérifier » point: « Marquer comme vérifié » from the report or from the
point itself leads to one screen, where staff may say what they checked, then mark the point
« Vérifié » (the information was right) or « Corrigé » (it was corrected on the site). Who did
it and when is kept on the point and in its history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.snippets.action_menu import ActionMenuItem

from .models import ContentCheck, KeyFigure

REPORT_URL_NAME = "pages_content_checks"
MARK_URL_NAME = "pages_content_check_mark"
MARK_LABEL = "Marquer comme vérifié"
#: Log actions, shown in the point's history (registered in wagtail_hooks).
LOG_ACTIONS = {
    ContentCheck.VERIFIED: ("rameau.check.verified", "Marqué comme vérifié"),
    ContentCheck.CORRECTED: ("rameau.check.corrected", "Marqué comme corrigé"),
    ContentCheck.OPEN: ("rameau.check.reopened", "Rouvert (à vérifier)"),
}
PERMISSION = "pages.change_contentcheck"


def target_edit_url(check: ContentCheck) -> str:
    """Where staff correct what the point is about: the page editor or the key figure form."""
    if check.page_id:
        return reverse("wagtailadmin_pages:edit", args=[check.page_id])
    return reverse(KeyFigure.snippet_viewset.get_url_name("edit"), args=[check.key_figure_id])


def target_kind(check: ContentCheck) -> str:
    if check.page_id:
        return check.page.specific_deferred.get_verbose_name()
    return "Chiffre clé"


def mark_url(check: ContentCheck, next_url: str = "") -> str:
    url = reverse(MARK_URL_NAME, args=[check.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def record(check: ContentCheck, user) -> None:
    """Save the point's new state and log it in its history."""
    check.save()
    log(instance=check, action=LOG_ACTIONS[check.status][0], user=user)


class ContentCheckForm(WagtailAdminModelForm):
    """The point's own form: changing its state there records who did it and when."""

    def save(self, commit: bool = True) -> ContentCheck:
        check = super().save(commit=False)
        changed = "status" in self.changed_data
        if changed:
            check.record_status(check.status, self.for_user)
        if commit:
            check.save()
            if changed and self.instance.pk:
                log(instance=check, action=LOG_ACTIONS[check.status][0], user=self.for_user)
        return check


class MarkForm(forms.Form):
    outcome = forms.CharField(
        label="Ce qui a été vérifié",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Facultatif : la source consultée, la personne qui a confirmé, ce qui a été corrigé.",
    )


class MarkCheckView(WagtailAdminTemplateMixin, FormView):
    """« Marquer comme vérifié » (or « Marquer comme corrigé ») for one point."""

    template_name = "pages/admin/mark_check.html"
    form_class = MarkForm
    page_title = MARK_LABEL
    header_icon = "warning"

    def dispatch(self, request, pk: int, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.check = get_object_or_404(ContentCheck.objects.select_related("page", "key_figure", "handled_by"), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict:
        return {"outcome": self.check.outcome}

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(REPORT_URL_NAME), "label": "Contenus à vérifier"},
            {"url": "", "label": self.page_title},
        ]

    def next_url(self) -> str:
        wanted = self.request.POST.get("next") or self.request.GET.get("next", "")
        if wanted and url_has_allowed_host_and_scheme(wanted, {self.request.get_host()}):
            return wanted
        return reverse(REPORT_URL_NAME)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            point=self.check,
            target_url=target_edit_url(self.check),
            target_kind=target_kind(self.check),
            next_url=self.next_url(),
            verified=ContentCheck.VERIFIED,
            corrected=ContentCheck.CORRECTED,
        )
        return context

    def form_valid(self, form: MarkForm):
        status = self.request.POST.get("status")
        if status not in (ContentCheck.VERIFIED, ContentCheck.CORRECTED):
            form.add_error(None, "Choisissez « Marquer comme vérifié » ou « Marquer comme corrigé ».")
            return self.form_invalid(form)
        self.check.record_status(status, self.request.user, form.cleaned_data["outcome"])
        record(self.check, self.request.user)
        state = self.check.get_status_display().lower()
        messages.success(self.request, f"Point « {self.check.note[:80]} » marqué comme {state}.")
        return redirect(self.next_url())


class MarkCheckMenuItem(ActionMenuItem):
    """« Marquer comme vérifié » in the footer of an open point's own form."""

    label = MARK_LABEL
    name = "action-mark-verified"
    icon_name = "tick"
    order = 20

    def is_shown(self, context) -> bool:
        check = context.get("instance")
        return (
            context.get("view") == "edit"
            and isinstance(check, ContentCheck)
            and check.is_open
            and context["request"].user.has_perm(PERMISSION)
        )

    def get_url(self, parent_context) -> str:
        return mark_url(parent_context["instance"])
