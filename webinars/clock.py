"""The webinars' idea of "now", settable so tests never depend on the real date.

Set `WEBINARS_NOW` (an aware datetime or an ISO 8601 string) in settings to freeze it; tests
do so with Django's settings override. Production leaves it unset.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    frozen = getattr(settings, "WEBINARS_NOW", None)
    if frozen is None:
        return timezone.now()
    value = datetime.fromisoformat(frozen) if isinstance(frozen, str) else frozen
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value
