"""`manage.py refresh_search_lexicon`: recount the words of the published pages (search/lexicon.py)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from search import lexicon


class Command(BaseCommand):
    help = (
        "Recompte les mots des pages publiées pour « Vouliez-vous dire » et les suggestions de la recherche "
        "(après update_index ou un import, et chaque nuit)."
    )

    def handle(self, *args, **options):
        if not lexicon.available():
            self.stdout.write("Lexique de recherche : PostgreSQL requis, rien à faire sur cette base.")
            return
        started = time.monotonic()
        count = lexicon.refresh()
        self.stdout.write(
            self.style.SUCCESS(f"Lexique de recherche : {count} mots en {time.monotonic() - started:.1f} s.")
        )
