"""`manage.py plan_webinar_cycle YEAR [--publish]`: a year's cycle and its 12 sessions, once."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from core.french_dates import format_weekday_date as french_date
from webinars.planning import PlanningError, plan_year


def year_argument(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise CommandError(f"« {value} » n'est pas une année.") from None
    if not 2000 <= year <= 2100:
        raise CommandError("L'année doit être comprise entre 2000 et 2100.")
    return year


class Command(BaseCommand):
    help = (
        "Crée le cycle de webinaires de l'année (s'il manque) et ses sessions aux dates de la règle "
        "(3e jeudi, jours fériés décalés au jeudi suivant), avec des thèmes à compléter. Relancée, elle ne crée rien en double."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=str, help="L'année du cycle, par exemple 2027.")
        parser.add_argument("--publish", action="store_true", help="Publie ce qui est créé (sinon : brouillons).")

    def handle(self, *args, year: str, publish: bool = False, **options):
        try:
            result = plan_year(year_argument(year), publish=publish)
        except PlanningError as error:
            raise CommandError(str(error)) from error
        cycle = result.cycle
        state = "publié" if publish else "brouillon"
        if result.cycle_created:
            self.stdout.write(f"Cycle créé ({state}) : {cycle.title} — {cycle.url or cycle.url_path}")
        else:
            self.stdout.write(f"Cycle existant : {cycle.title}" + ("" if cycle.live else " (brouillon, non publié)"))
        for session in result.created:
            self.stdout.write(f"  + {french_date(session.start.astimezone(cycle.rule.zone).date())} — {session.title}")
        if result.created:
            sessions = f"{len(result.created)} sessions créées" if len(result.created) > 1 else "1 session créée"
            self.stdout.write(self.style.SUCCESS(f"{sessions} ({state})."))
        else:
            self.stdout.write(self.style.SUCCESS("Rien à créer : chaque mois a déjà sa session."))
