"""`manage.py check_centre_links`: is each centre's external platform still answering?

Partners and visitors are sent to these platforms; a dead one must show up in the admin
before a visitor finds it. Results are written with queryset.update(), so checking never
creates a page revision nor touches what editors are working on.

Other sections' external links (the press mentions…), registered as LinkSources, are
checked in the same run; their results are kept per address in CheckedLink.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from resources.linkcheck import LinkResult, check_urls
from resources.models import CheckedLink, ResourceCentrePage
from resources.plugins import link_sources

MAX_TIMEOUT = 60.0
MAX_WORKERS = 16


class Command(BaseCommand):
    help = "Vérifie l'adresse de la plateforme de chaque centre de ressources et enregistre le résultat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=5.0, help="Délai maximal par requête, en secondes (5 par défaut)."
        )
        parser.add_argument(
            "--workers", type=int, default=4, help="Nombre de vérifications en parallèle (4 par défaut)."
        )

    def handle(self, *args, timeout: float, workers: int, **options):
        if not 0 < timeout <= MAX_TIMEOUT:
            raise CommandError(f"--timeout doit être compris entre 0 et {MAX_TIMEOUT:g} secondes.")
        if not 1 <= workers <= MAX_WORKERS:
            raise CommandError(f"--workers doit être compris entre 1 et {MAX_WORKERS}.")

        centres = list(ResourceCentrePage.objects.order_by("path").only("pk", "title", "platform_url"))
        others = [(source.label, name, url) for source in link_sources() for name, url in source.links() if url]
        checked_at = timezone.now()
        centre_urls = [centre.platform_url for centre in centres if centre.platform_url]
        results = check_urls(centre_urls + [url for _, _, url in others], timeout, workers)
        centre_results = {url: result for url, result in results.items() if url in centre_urls}
        self.save(centres, centre_results, checked_at)
        self.save_others(others, results, checked_at)
        self.print_table(centres, centre_results)
        self.print_others(others, results)

    def save_others(self, others: list[tuple[str, str, str]], results: dict[str, LinkResult], checked_at) -> None:
        for url in dict.fromkeys(url for _, _, url in others):
            result = results[url]
            CheckedLink.objects.update_or_create(
                url=url,
                defaults={
                    "status": result.status,
                    "ok": result.ok,
                    "error": result.error[:200],
                    "checked_at": checked_at,
                },
            )

    def print_others(self, others: list[tuple[str, str, str]], results: dict[str, LinkResult]) -> None:
        if not others:
            return
        self.stdout.write("")
        for label, name, url in others:
            result = results[url]
            state = "en ligne" if result.ok else f"INJOIGNABLE ({result.error})"
            self.stdout.write(f"{label} · {name} : {state} ({result.status or '-'}) {url}")
        dead = sum(1 for _, _, url in others if not results[url].ok)
        self.stdout.write(f"{len(others)} autres liens vérifiés, {dead} injoignable(s).")

    def save(self, centres: list[ResourceCentrePage], results: dict[str, LinkResult], checked_at) -> None:
        without_url = [centre.pk for centre in centres if not centre.platform_url]
        ResourceCentrePage.objects.filter(pk__in=without_url).update(
            link_status=None, link_checked_at=None, link_ok=None
        )
        for url, result in results.items():
            ids = [centre.pk for centre in centres if centre.platform_url == url]
            ResourceCentrePage.objects.filter(pk__in=ids).update(
                link_status=result.status, link_checked_at=checked_at, link_ok=result.ok
            )

    def print_table(self, centres: list[ResourceCentrePage], results: dict[str, LinkResult]) -> None:
        rows = [("Centre", "État", "Code", "Durée", "Adresse")]
        for centre in centres:
            result = results.get(centre.platform_url)
            if result is None:
                rows.append((centre.title, "sans adresse", "", "", ""))
                continue
            state = "en ligne" if result.ok else f"INJOIGNABLE ({result.error})"
            address = result.url if result.final_url == result.url else f"{result.url} -> {result.final_url}"
            rows.append((centre.title, state, str(result.status or "-"), f"{result.seconds:.1f} s", address))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for index, row in enumerate(rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)] + [row[4]]
            self.stdout.write("  ".join(cells).rstrip())
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths) + "  " + "-" * 7)
        dead = sum(1 for result in results.values() if not result.ok)
        summary = f"{len(centres)} centres, {len(results)} adresses vérifiées, {dead} injoignable(s)."
        style = self.style.ERROR if dead else self.style.SUCCESS
        self.stdout.write(style(summary) if self.stdout.isatty() else summary)
