"""What the core stores: the site-wide content version every cache is keyed by."""

from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """A single row whose token changes, inside the same transaction, whenever content changes.

    Kept in the database rather than in the cache so that every gunicorn worker and every app
    server sees a publication at the same moment, whatever the cache backend. A random token
    (not a counter) means a rolled-back change can never hand its number to a later one.

    The row also says what the last committed transaction changed (caching/version.py):
    `serial` counts changes, `since` is the serial before that transaction, `changes` names
    what it touched (« p12 » for page 12, a model label, « * » for anything); `xid` tells which
    transaction wrote the row last. ContentChange keeps the same for the transactions before.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)
    serial = models.BigIntegerField(default=0)
    since = models.BigIntegerField(default=0)
    changes = models.TextField(blank=True, default="")
    xid = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "version du contenu"
        verbose_name_plural = "versions du contenu"

    def __str__(self) -> str:
        return self.token


class RateCounter(models.Model):
    """How many forms of one kind one visitor sent in the current window (core/counters.py).

    In the database rather than the cache: every worker and server shares it, a flood of pages
    cannot evict it, and Redis being away never lets a limit lapse nor loses what was sent. The
    key is a keyed hash of the kind and the visitor's address (or e-mail): no address is stored.
    """

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "compteur d'envois"
        verbose_name_plural = "compteurs d'envois"

    def __str__(self) -> str:
        return f"{self.count} jusqu'à {self.expires_at:%Y-%m-%d %H:%M}"


class ContentChange(models.Model):
    """What one committed transaction changed, for the last thousand changes: a process whose
    copy of some data reflects an older serial (the library's catalogue) brings it up to date
    from the transactions since, instead of rebuilding it. Written with the version row, in
    the same statement (caching/version.py)."""

    since = models.BigIntegerField(primary_key=True)
    serial = models.BigIntegerField()
    token = models.CharField(max_length=32)
    items = models.TextField()
    at = models.DateTimeField()

    class Meta:
        verbose_name = "changement du contenu"
        verbose_name_plural = "changements du contenu"

    def __str__(self) -> str:
        return f"{self.since} → {self.serial} : {self.items}"
