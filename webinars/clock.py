"""The webinars' idea of "now": the one place their pages, calendars and planning read the time.

Tests move it with time-machine (the whole process's clock), never through settings.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
