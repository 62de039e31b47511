"""Re-applies the staff groups' rights: run it after creating a new editorial section."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from rameau_site.security.staff import EDITORS, MODERATORS, ensure_staff_groups


class Command(BaseCommand):
    help = "Crée ou complète les groupes « Éditeurs » et « Modérateurs » et le workflow de relecture."

    def handle(self, *args, **options):
        with transaction.atomic():
            ensure_staff_groups(apps)
        self.stdout.write(self.style.SUCCESS(f"Groupes « {EDITORS} » et « {MODERATORS} » à jour."))
