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


# DOI and HAL -------------------------------------------------------------------------

_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
_HAL_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*-[0-9]{8}(v[0-9]+)?$")


def normalise_doi(value: str) -> str:
    """« https://doi.org/10.1234/abc » or « doi:10.1234/abc » → « 10.1234/abc »."""
    value = (value or "").strip()
    for prefix in _DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value


def validate_doi(value: str) -> None:
    if value and not _DOI.match(normalise_doi(value)):
        raise ValidationError(
            "Ce DOI n'est pas valide : il commence par « 10. », suivi d'un numéro, d'une barre oblique et d'un suffixe "
            "(par exemple 10.3917/rfap.163.0591).",
            code="invalid_doi",
        )


def validate_hal_id(value: str) -> None:
    if value and not _HAL_ID.match(value.strip()):
        raise ValidationError(
            "Cet identifiant HAL n'est pas valide : il s'écrit comme halshs-01234567 ou hal-01234567v2.",
            code="invalid_hal_id",
        )
