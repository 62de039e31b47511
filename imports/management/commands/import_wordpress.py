"""`manage.py import_wordpress EXPORT.xml --uploads DIR [--dry-run] [--report FILE.csv] [--mapping FILE.toml]`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.importer import Importer, ImportRefused
from imports.mapping import MappingError
from imports.report import ProgressBar, summary, write_csv
from imports.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Importe un export WordPress (WXR, Outils › Exporter) : articles, pages, fichiers et "
        "redirections depuis les anciennes adresses. Sans risque à relancer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("export", type=Path, help="Le fichier XML exporté de WordPress.")
        parser.add_argument(
            "--uploads", type=Path, required=True, help="Une copie du dossier wp-content/uploads/ du site WordPress."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Tout faire puis tout annuler : le rapport dit ce qui se passerait."
        )
        parser.add_argument("--report", type=Path, help="Écrit le rapport CSV (une ligne par élément) dans ce fichier.")
        parser.add_argument(
            "--mapping", type=Path, help="Fichier TOML de correspondances (catégories, pages existantes…)."
        )

    def handle(
        self, *args, export: Path, uploads: Path, dry_run: bool, report: Path | None, mapping: Path | None, **options
    ):
        if not export.is_file():
            raise CommandError(f"Export introuvable : {export}")
        if not uploads.is_dir():
            raise CommandError(f"Dossier --uploads introuvable : {uploads}")
        if report is not None and not report.parent.is_dir():
            raise CommandError(f"Dossier du rapport introuvable : {report.parent}")
        progress = ProgressBar(self.stderr) if self.stderr.isatty() else None
        try:
            rows = Importer(export, uploads, mapping, dry_run=dry_run, progress=progress).run()
        except (WXRError, MappingError, ImportRefused) as error:
            raise CommandError(str(error)) from error
        finally:
            if progress is not None:
                progress.close()
        if report is not None:
            write_csv(rows, report)
        text = summary(rows, dry_run)
        self.stdout.write(text)
        if report is not None:
            self.stdout.write(f"Rapport : {report}")
