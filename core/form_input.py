"""What visitors may type in the public forms: bounded lengths, no line break where the value
reaches an e-mail header, no control character anywhere, no HTML. Each refusal is a form
error, with everything typed kept."""

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
# Unicode's control characters (C0, DEL, C1) and its line and paragraph separators: nobody types
# them, Excel's format forbids them, and several (\x0b, \x0c, \x1c-\x1e, \x85, U+2028, U+2029)
# end a line in an e-mail header. Django's e-mail validator accepts them in a quoted address.
_control = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MULTI_LINE_WHITESPACE = frozenset("\t\n\r")
CONTROL_ERROR = "Ce champ contient un caractère invisible (caractère de contrôle) : retirez-le, ou retapez le texte."


def no_line_break(value: str) -> None:
    if "\r" in value or "\n" in value:
        raise ValidationError("Ce champ tient sur une seule ligne : retirez les retours à la ligne.", "line_break")


def no_html(value: str) -> None:
    if _tag.search(value):
        raise ValidationError("Le code HTML n'est pas accepté : retirez les balises (« <…> »).", "html")


def has_control_character(value: str, *, multi_line: bool = False) -> bool:
    """True when `value` holds a control character (tab and line breaks are text in a multi-line field)."""
    found = {match.group() for match in _control.finditer(value)}
    return bool(found - MULTI_LINE_WHITESPACE if multi_line else found)


class TrapFields(forms.Form):
    """The honeypot and the signed display time, added to every public form, and the refusal
    of control characters in every field of it (including those staff add to the contact form)."""

    site_internet = forms.CharField(
        label="Laissez ce champ vide",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    formulaire_affiche = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STARTED_FIELD].initial = started_token()

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name in TRAPS:
                continue
            multi_line = isinstance(self.fields[name].widget, forms.Textarea)
            texts = value if isinstance(value, list | tuple) else [value]
            if any(isinstance(text, str) and has_control_character(text, multi_line=multi_line) for text in texts):
                self.add_error(name, ValidationError(CONTROL_ERROR, "control_character"))
        return cleaned

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
