"""`manage.py sync_newsletters`, every few minutes: sign-ups a stopped process left
unprocessed get their confirmation e-mail (newsletters/after_response.py), then, when
BREVO_API_KEY is set, the waiting newsletter changes go to Brevo (newsletters/brevo.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from newsletters import brevo
from newsletters.after_response import process_waiting
from newsletters.models import NewsletterSyncTask


class Command(BaseCommand):
    help = (
        "Traite les inscriptions reçues restées en attente (courriel de confirmation), puis envoie à Brevo "
        "les inscriptions confirmées, désinscriptions et effacements en attente (BREVO_API_KEY)."
    )

    def handle(self, *args, **options):
        leftover = process_waiting()
        if leftover:
            self.stdout.write(f"inscriptions reçues traitées : {leftover}")
        if not brevo.is_configured():
            self.stdout.write("BREVO_API_KEY n'est pas posée : rien n'est envoyé.")
            return
        report = brevo.sync_pending()
        set_aside = NewsletterSyncTask.objects.filter(failed_at__isnull=False).count()
        self.stdout.write(f"envoyés : {report.sent} ; en attente : {report.waiting} ; refusés par Brevo : {set_aside}")
        if set_aside:
            self.stderr.write(
                "Des changements ont été refusés par Brevo : voir « dernière erreur » dans "
                "Paramètres › Données personnelles pour l'adresse concernée."
            )
