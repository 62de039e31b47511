"""`manage.py seed_demo`: the demo site, safe to rerun, refused outside dev and tests."""
from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

# Each app adds its own seeder here as it lands; they run in this order.
SEEDERS = ["pages.demo.seed.seed"]


class Command(BaseCommand):
    help = "Crée ou complète le contenu de démonstration (jamais en production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--superuser",
            action="store_true",
            help="Crée (ou réinitialise) le compte « admin » avec un mot de passe aléatoire affiché.",
        )

    def handle(self, *args, superuser: bool = False, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("seed_demo is refused with these settings (DEMO_CONTENT_ALLOWED is off, e.g. production).")
        with transaction.atomic():
            for path in SEEDERS:
                import_string(path)()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
        if superuser:
            self.reset_demo_superuser()

    def reset_demo_superuser(self) -> None:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org", "first_name": "Admin", "last_name": "Démo"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            "\nAdministration : http://127.0.0.1:8000/admin/\n"
            f"  identifiant : admin\n  mot de passe : {password}\n"
            "(nouveau mot de passe à chaque lancement de `make run`)\n"
        )
