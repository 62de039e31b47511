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
