"""Prints the current two-factor code of a demo account, for `make run` without a phone.

Only the development and test settings install the demo app, and DEMO_CONTENT_ALLOWED is
checked again: in production a code only ever comes from the staff member's own
authenticator app.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.totp import current_code


class Command(BaseCommand):
    help = "Affiche le code de double authentification du moment pour un compte de démonstration."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="admin")

    def handle(self, *args, username: str, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "demo_otp_code is refused with these settings (DEMO_CONTENT_ALLOWED is off, e.g. production)."
            )
        user = get_user_model().objects.filter(username=username).first()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
        if device is None:
            raise CommandError(
                f"Aucun appareil de double authentification pour « {username} » (lancer seed_demo --superuser)."
            )
        self.stdout.write(current_code(device))
