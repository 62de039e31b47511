"""`manage.py seed_demo`: the demo site, safe to rerun.

Only the development and test settings install this app; DEMO_CONTENT_ALLOWED is a second
guard for any other settings that would.
"""

from __future__ import annotations

import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from demo.seeders import SEEDERS
from demo.totp import reset_totp_device
from rameau_site.security.staff import ensure_staff_groups
from search import lexicon as search_lexicon


def serve_site_at(address: str) -> None:
    """Absolute links (canonical, sitemap, calendars) name the address the demo is served at."""
    hostname, _, port = address.rpartition(":")
    if not hostname or not port.isdigit():
        raise CommandError(f"Adresse invalide : « {address} » (attendu hôte:port).")
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=int(port))


class Command(BaseCommand):
    help = "Crée ou complète le contenu de démonstration (jamais en production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--superuser",
            action="store_true",
            help="Crée (ou réinitialise) le compte « admin » avec un mot de passe aléatoire affiché.",
        )
        parser.add_argument(
            "--address",
            help="Adresse servie (hôte:port, ex. 127.0.0.1:8000) : celle du site Wagtail et des liens affichés.",
        )

    def handle(self, *args, superuser: bool = False, address: str | None = None, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "seed_demo is refused with these settings (DEMO_CONTENT_ALLOWED is off, e.g. production)."
            )
        with transaction.atomic():
            for step in SEEDERS:
                step()
            ensure_staff_groups(apps)  # the editors' rights on the sections just created
            if address:
                serve_site_at(address)
            search_lexicon.refresh()  # the words of every page, counted (search suggestions)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
        if superuser:
            self.reset_demo_superuser(f"http://{address or '127.0.0.1:8000'}")

    def reset_demo_superuser(self, base_url: str) -> None:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org", "first_name": "Admin", "last_name": "Démo"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        device = reset_totp_device(user)
        self.stdout.write(
            f"\nSite : {base_url}/\nAdministration : {base_url}/admin/\n"
            f"  identifiant : admin\n  mot de passe : {password}\n"
            "  double authentification (obligatoire pour tout compte de l'équipe) :\n"
            f"    clé à saisir dans une application d'authentification : {device.base32_key}\n"
            f"    ou ce lien otpauth : {device.config_url}\n"
            "    ou, sans application : `make otp` (ou `python manage.py demo_otp_code admin`) affiche le code du moment\n"
            "(nouveaux mot de passe et clé à chaque lancement de `make run`)\n"
        )
