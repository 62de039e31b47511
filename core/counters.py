"""Counters of what visitors send (forms per address, confirmation e-mails per mailbox), kept
in the database (core.models.RateCounter) so that they hold across workers and servers and
whatever the cache does.

A counter that cannot be read or written (the database itself failing) never stops what it
counts: the caller is told « not over the limit », and the failure is logged.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import logging

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from core.models import RateCounter

logger = logging.getLogger("core.counters")


def counter_key(scope: str, identity: str) -> str:
    """A keyed hash: the table says how often, never who."""
    message = f"{scope}\x00{identity.strip().lower()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def current(scope: str, identity: str) -> int:
    """How many were counted in the running window (0 when the counter cannot be read)."""
    try:
        with transaction.atomic():
            row = RateCounter.objects.filter(key=counter_key(scope, identity), expires_at__gt=timezone.now())
            return row.values_list("count", flat=True).first() or 0
    except DatabaseError:
        logger.exception("Counter %s unreadable: no limit applied", scope)
        return 0


def hit(scope: str, identity: str, window_seconds: int) -> int:
    """One more in the running window (a new window starts with the first); the new count,
    or 0 when it cannot be written."""
    now = timezone.now()
    try:
        with transaction.atomic():
            counter, created = RateCounter.objects.select_for_update().get_or_create(
                key=counter_key(scope, identity),
                defaults={"count": 1, "expires_at": now + datetime.timedelta(seconds=window_seconds)},
            )
            if created:
                return 1
            if counter.expires_at <= now:
                counter.count, counter.expires_at = 1, now + datetime.timedelta(seconds=window_seconds)
            else:
                counter.count += 1
            counter.save(update_fields=["count", "expires_at"])
            return counter.count
    except DatabaseError:
        logger.exception("Counter %s not written: this one is not counted", scope)
        return 0


def purge_expired(now: datetime.datetime | None = None) -> int:
    """Counters whose window is over (the nightly purge of personal data calls this)."""
    return RateCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()[0]
