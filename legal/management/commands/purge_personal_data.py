"""`manage.py purge_personal_data`, every night: personal data kept no longer than announced."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from legal.personal_data.purge import purge


class Command(BaseCommand):
    help = (
        "Efface les messages de contact plus anciens que la durée fixée dans Paramètres du site, les inscriptions "
        "aux lettres non confirmées après 7 jours et les désinscriptions dont la durée de preuve est passée."
    )

    def handle(self, *args, **options):
        counts = purge()
        for label, count in counts.items():
            self.stdout.write(f"{label} : {count}")
