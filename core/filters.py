"""Filters read from a list's address through a Django form: one way for every list of the site.

Partners, newsletters and search engines link to filtered lists, and addresses get cut,
mistyped or forged. So no value is ever fatal: the form reads only the parameters it
declares, each field keeps what it can vouch for and drops the rest, and every fault is
explained in French, in the same words on every page. Never a 4xx, never a 500.

A section declares its filters as fields of a FilterForm subclass, with choices from its
own models, and reads `values` (the clean ones) and `notices` (what was set aside).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

# One wording per kind of fault, whatever the list: « label » is the field's label.
NOTICES = {
    "malformed_name": "« {label} » est mal écrit dans l'adresse : ce critère n'a pas été appliqué.",
    "repeated": "« {label} » figure plusieurs fois dans l'adresse : ce critère n'a pas été appliqué.",
    "too_long": "« {label} » : la valeur reçue dépasse {limit} caractères ; ce critère n'a pas été appliqué.",
    "invalid_choice": (
        "« {label} » : « {value} » ne fait pas partie des choix proposés{choices} ; ce critère n'a pas été appliqué."
    ),
    "invalid": "« {label} » : « {value} » n'est pas {expected} ; ce critère n'a pas été appliqué.",
}
SEARCH_NOTICES = {
    "empty": "Votre recherche était vide : saisissez un ou plusieurs mots, par exemple « territoire ».",
    "no_word": "Votre recherche ne contient aucun mot : saisissez par exemple un thème, un titre ou un nom.",
    "cut": "Votre recherche était très longue : seuls ses {limit} premiers caractères ont été pris en compte.",
    "words": "Seuls les {limit} premiers mots de votre recherche ont été pris en compte.",
}
MAX_CHOICES_LISTED = 6  # a notice names the possible choices when there are this many or fewer
MAX_ECHO = 40  # how much of a rejected value a notice shows back
_WORD = re.compile(r"[^\W_]+")
_BRACKETS = re.compile(r"^([^\[\]]+)\[[^\[\]]*\]$")  # q[] or theme[0]: PHP's way of writing lists


def clean_text(value: str) -> str:
    """Spaces squeezed; control and format characters dropped (a NUL byte would break the
    database query), and U+FFFD, which is what Django puts in place of invalid UTF-8."""
    value = " ".join(value.split())
    value = "".join(char for char in value if char != "\ufffd" and unicodedata.category(char)[0] != "C")
    return value.strip()


def shorten(value: str, limit: int = MAX_ECHO) -> str:
    return value if len(value) <= limit else f"{value[: limit - 1]}…"


class ChoiceFilter(forms.ChoiceField):
    """One value from a list (a slug, as in ?public=associations), read without regard to case.

    `choices` may be a callable, evaluated only when a value arrives: an unfiltered list
    asks the database nothing.
    """

    def __init__(self, *, label: str, choices=(), max_length: int = 80, **kwargs) -> None:
        self.max_length = max_length
        super().__init__(label=label, choices=choices, required=False, **kwargs)

    def to_python(self, value) -> str:
        value = super().to_python(value).strip().lower()
        if len(value) > self.max_length:
            raise ValidationError("", code="too_long", params={"limit": self.max_length})
        return value

    def valid_value(self, value) -> bool:
        return any(value == str(key).lower() for key, _ in self.choices)


class YearFilter(ChoiceFilter):
    """A year among those offered (?annee=2018); anything but four digits is not a year."""

    expected = "une année (quatre chiffres, par exemple 2018)"

    def __init__(self, *, label: str, choices=(), **kwargs) -> None:
        super().__init__(label=label, choices=choices, max_length=20, **kwargs)

    def to_python(self, value) -> str:
        value = super().to_python(value)
        if value and not re.fullmatch(r"[0-9]{4}", value):
            raise ValidationError("", code="invalid")
        return value

    def clean(self, value) -> int | None:
        value = super().clean(value)
        return int(value) if value else None


@dataclass
class SearchText:
    """A visitor's search: the text shown back to them, the words searched, and what was corrected."""

    text: str = ""
    words: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class SearchTextFilter(forms.Field):
    """Free text reduced to its words, so no quote or operator reaches the search backend.

    Beyond `max_length` characters the text is cut (`cut_when_long`) or set aside; beyond
    `max_words` words only the first ones are searched.
    """

    def __init__(
        self, *, label: str, max_length: int, max_words: int | None = None, cut_when_long: bool = True, **kwargs
    ) -> None:
        self.max_length, self.max_words, self.cut_when_long = max_length, max_words, cut_when_long
        super().__init__(label=label, required=False, **kwargs)

    def to_python(self, value) -> SearchText:
        if value is None:
            return SearchText()
        search = SearchText(text=value)
        if not value:
            search.notices.append(SEARCH_NOTICES["empty"])
            return search
        if len(value) > self.max_length:
            if not self.cut_when_long:
                raise ValidationError("", code="too_long", params={"limit": self.max_length})
            search.text = value[: self.max_length].strip()
            search.notices.append(SEARCH_NOTICES["cut"].format(limit=self.max_length))
        words = _WORD.findall(search.text)
        if self.max_words and len(words) > self.max_words:
            search.notices.append(SEARCH_NOTICES["words"].format(limit=self.max_words))
            words = words[: self.max_words]
        if not words:
            search.notices.append(SEARCH_NOTICES["no_word"])
        search.words = words
        return search

    def validate(self, value: SearchText) -> None:
        """Nothing to refuse: an empty or wordless search is explained, not an error."""


class PageFilter(forms.Field):
    """The page number as typed, for core.pagination.paginate, which corrects and explains it."""

    def __init__(self, *, label: str = "Page", **kwargs) -> None:
        super().__init__(label=label, required=False, **kwargs)

    def to_python(self, value) -> str:
        return value or ""


class FilterForm(forms.Form):
    """Base of the lists' filter forms: build it from request.GET, read `values` and `notices`.

    Only declared parameters are read. A parameter given more than once, or written as a
    list (q[]=…), is set aside before the fields see it: guessing which value was meant
    would show a list the visitor did not ask for.
    """

    def __init__(self, params: QueryDict) -> None:
        self.set_aside: dict[str, str] = {}
        super().__init__(data=self.read(params))

    def read(self, params: QueryDict) -> dict[str, str]:
        """One clean string per declared parameter that arrived, or nothing."""
        data: dict[str, str] = {}
        for key in params:
            match = _BRACKETS.match(key)
            if match and match.group(1) in self.base_fields:
                self.set_aside.setdefault(match.group(1), "malformed_name")
        for name in self.base_fields:
            if name in self.set_aside or name not in params:
                continue
            values = list(dict.fromkeys(value for value in map(clean_text, params.getlist(name)) if value))
            if len(values) > 1:
                self.set_aside[name] = "repeated"
            else:
                data[name] = values[0] if values else ""
        return data

    def clean(self) -> dict:
        for name, code in self.set_aside.items():
            self.add_error(name, ValidationError("", code=code))
        return self.cleaned_data

    def notice(self, name: str, error: ValidationError) -> str:
        field = self.fields[name]
        choices = ""
        if error.code == "invalid_choice":
            labels = [str(label) for _, label in field.choices]
            if labels and len(labels) <= MAX_CHOICES_LISTED:
                choices = f" (choix possibles : {', '.join(labels)})"
        params = {
            "limit": "",
            **(error.params or {}),
            "label": field.label,
            "value": shorten(str(self.data.get(name, ""))),
            "expected": getattr(field, "expected", "une valeur possible"),
            "choices": choices,
        }
        return NOTICES.get(error.code, NOTICES["invalid"]).format(**params)

    @cached_property
    def values(self) -> dict:
        """Every declared filter's clean value; a filter absent or set aside has its empty value."""
        self.is_valid()
        return {
            name: self.cleaned_data[name] if name in self.cleaned_data else field.clean(None)
            for name, field in self.fields.items()
        }

    @cached_property
    def notices(self) -> list[str]:
        """What was set aside or corrected, in French, in the order of the fields."""
        values = self.values
        errors = self.errors.as_data()
        found: list[str] = []
        for name in self.fields:
            if name in errors:
                found.append(self.notice(name, errors[name][0]))
            found.extend(getattr(values[name], "notices", ()))
        return found
