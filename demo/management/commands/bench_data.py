"""`manage.py bench_data`: the demo scaled up for `make bench` (dev and test settings only)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.bench import counts, scale_up
from pages.models import HomePage


class Command(BaseCommand):
    help = "Agrandit le contenu de démonstration pour le banc d'essai (jamais en production)."

    def add_arguments(self, parser):
        parser.add_argument("--publications", type=int, default=2000, help="Nombre total de publications visé (2000).")
        parser.add_argument(
            "--webinar-years", type=int, default=10, help="Années de cycles mensuels publiés (10, soit 120 sessions)."
        )
        parser.add_argument("--news", type=int, default=500, help="Nombre total d'actualités visé (500).")

    def handle(self, *args, publications: int, webinar_years: int, news: int, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "bench_data is refused with these settings (DEMO_CONTENT_ALLOWED is off, e.g. production)."
            )
        if not HomePage.objects.exists():
            raise CommandError("Run `manage.py seed_demo` first: bench_data scales the demo content up.")
        started = time.monotonic()
        created = scale_up(publications, webinar_years, news)
        totals = counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Banc d'essai prêt en {time.monotonic() - started:.0f} s : "
                + ", ".join(f"{name} {totals[name]} (+{created.get(name, 0)})" for name in totals)
            )
        )
