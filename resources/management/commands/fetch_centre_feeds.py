"""`manage.py fetch_centre_feeds`: read each centre's platform feed and keep its latest items.

Run each night beside `check_centre_links`. Centres are read one after the other, so a
platform never receives two requests at once; robots.txt is read once per host. A platform
that fails keeps its last good items; the reason is recorded for staff and printed here.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from resources.feeds.refresh import refresh_centre
from resources.feeds.robots import Robots
from resources.models import ResourceCentrePage
from resources.outbound import DEFAULT_TIMEOUT

MAX_TIMEOUT = 30.0


class Command(BaseCommand):
    help = (
        "Relève le flux RSS ou Atom de la plateforme de chaque centre de ressources et garde ses 5 derniers éléments."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=DEFAULT_TIMEOUT,
            help=f"Délai maximal par requête, redirections comprises, en secondes ({DEFAULT_TIMEOUT:g} par défaut).",
        )
        parser.add_argument("slugs", nargs="*", metavar="centre", help="Ne relever que ces centres (leur slug).")

    def handle(self, *args, timeout: float, slugs: list[str], **options):
        if not 0 < timeout <= MAX_TIMEOUT:
            raise CommandError(f"--timeout doit être compris entre 0 et {MAX_TIMEOUT:g} secondes.")
        centres = ResourceCentrePage.objects.exclude(Q(platform_url="") & Q(feed_url="")).order_by("path")
        if slugs:
            centres = centres.filter(slug__in=slugs)
            unknown = set(slugs) - set(centres.values_list("slug", flat=True))
            if unknown:
                raise CommandError(f"Centre inconnu ou sans adresse : {', '.join(sorted(unknown))}.")
        robots = Robots()
        failed = 0
        for centre in centres:
            outcome = refresh_centre(centre, robots, timeout=timeout)
            failed += not outcome.ok
            state = "relevé" if outcome.ok else "ÉCHEC"
            self.stdout.write(f"{centre.title} : {state}, {outcome.message} ({outcome.items} élément(s) affiché(s))")
        summary = f"{len(centres)} centre(s) relevé(s), {failed} en échec."
        style = self.style.ERROR if failed else self.style.SUCCESS
        self.stdout.write(style(summary) if self.stdout.isatty() else summary)
