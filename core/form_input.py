"""What visitors may type in the public forms: bounded lengths, no line break where the value
reaches an e-mail header, no HTML. Each refusal is a form error, with everything typed kept."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core.antispam import HONEYPOT_FIELD, STARTED_FIELD, started_token

SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 5000
EMAIL_MAX = 254
_tag = re.compile(r"<[/!]?[a-zA-Z][^<>]*>|<!--")


def no_line_break(value: str) -> None:
    if "\r" in value or "\n" in value:
        raise ValidationError("Ce champ tient sur une seule ligne : retirez les retours à la ligne.", "line_break")


def no_html(value: str) -> None:
    if _tag.search(value):
        raise ValidationError("Le code HTML n'est pas accepté : retirez les balises (« <…> »).", "html")


class TrapFields(forms.Form):
    """The honeypot and the signed display time, added to every public form."""

    site_internet = forms.CharField(
        label="Laissez ce champ vide",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    formulaire_affiche = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STARTED_FIELD].initial = started_token()

    def visitor_fields(self) -> list[forms.BoundField]:
        """The fields people see and fill, in order (the traps are rendered apart)."""
        return [self[name] for name in self.fields if name not in TRAPS]

    def visitor_data(self) -> dict:
        """The cleaned data without the traps: what is stored."""
        return {name: value for name, value in self.cleaned_data.items() if name not in TRAPS}


TRAPS = (HONEYPOT_FIELD, STARTED_FIELD)


class ContactForm(TrapFields, BaseForm):
    """Wagtail's form-builder form with the traps."""


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with the limits above on every text field staff add."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX
        options["validators"] = [no_line_break, no_html]
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX
        options["validators"] = [no_html]
        options.setdefault("widget", forms.Textarea(attrs={"rows": 8}))
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX
        options["validators"] = [no_line_break]
        return forms.EmailField(**options)

    def create_dropdown_field(self, field, options):
        """A first, empty choice: nothing is chosen for the visitor."""
        options["choices"] = [("", "Choisissez…"), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)

    def create_hidden_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX
        options["validators"] = [no_line_break, no_html]
        options.setdefault("widget", forms.HiddenInput)
        return forms.CharField(**options)

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)
