"""The sign-up form (page, footer and block share it) and the lists it offers."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.http import HttpRequest

from caching.data import remember
from core.form_input import EMAIL_MAX, TrapFields, no_line_break
from newsletters.models import NewsletterList

#: Shown beside the button of every sign-up form, and stored with each subscription as the
#: exact text the visitor agreed to.
CONSENT_TEXT = (
    "En vous inscrivant, vous acceptez de recevoir les lettres choisies à cette adresse. "
    "Un courriel vous demandera de confirmer ; chaque lettre contient un lien pour vous désinscrire en un clic."
)


@dataclass(frozen=True)
class OfferedList:
    pk: int
    name: str
    description: str


def offered_lists(request: HttpRequest | None) -> tuple[OfferedList, ...]:
    """The active lists, read once per content version (the footer of every page shows them)."""

    def build() -> tuple[OfferedList, ...]:
        return tuple(
            OfferedList(item.pk, item.name, item.description)
            for item in NewsletterList.objects.filter(active=True).order_by("sort_order", "name")
        )

    return remember(request, "newsletters:offered", build, immutable=True)


class SubscribeForm(TrapFields):
    email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=EMAIL_MAX,
        validators=[no_line_break],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    lists = forms.TypedMultipleChoiceField(
        label="Les lettres que vous souhaitez recevoir",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Cochez au moins une lettre."},
    )

    def __init__(self, *args, lists: tuple[OfferedList, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = lists
        self.fields["lists"].choices = [(item.pk, item.name) for item in lists]
        if len(lists) == 1:
            self.fields["lists"].initial = [lists[0].pk]

    @property
    def consent_text(self) -> str:
        return CONSENT_TEXT

    def checked(self) -> set[int]:
        """The lists ticked (or pre-ticked), as ids, for templates that draw each checkbox."""
        ticked = set()
        for value in self["lists"].value() or []:
            try:
                ticked.add(int(value))
            except (TypeError, ValueError):
                continue
        return ticked

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
