"""The lexicon of the site search: the words its published pages hold (search/lexicon.py)."""

from __future__ import annotations

from django.db import models


class SearchWord(models.Model):
    """A word of the live, public pages as written (lowercase, accents kept), with its plain
    form (no accent, no hyphen) for matching what visitors type: « Vouliez-vous dire… » and
    the suggestions while typing compare against these, on PostgreSQL (pg_trgm)."""

    word = models.CharField("mot", max_length=64, primary_key=True)
    plain = models.CharField("forme simple", max_length=64)
    documents = models.PositiveIntegerField("pages qui le contiennent", default=1)

    class Meta:
        verbose_name = "mot du lexique de recherche"
        verbose_name_plural = "mots du lexique de recherche"

    def __str__(self) -> str:
        return self.word
