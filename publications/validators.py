"""ISBN checks: a mistyped ISBN would send readers and librarians to another book."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

_SEPARATORS = re.compile(r"[\s\-]")


def compact_isbn(value: str) -> str:
    return _SEPARATORS.sub("", value or "").upper()


def isbn_is_valid(value: str) -> bool:
    digits = compact_isbn(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def validate_isbn(value: str) -> None:
    if value and not isbn_is_valid(value):
        raise ValidationError(
            "Cet ISBN n'est pas valide : vérifiez ses 10 ou 13 chiffres (le dernier est une clé de contrôle).",
            code="invalid_isbn",
        )
