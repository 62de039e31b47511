"""What the core stores: the site-wide content version every cache is keyed by."""

from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """A single row whose token changes, inside the same transaction, whenever content changes.

    Kept in the database rather than in the cache so that every gunicorn worker and every app
    server sees a publication at the same moment, whatever the cache backend. A random token
    (not a counter) means a rolled-back change can never hand its number to a later one.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

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
