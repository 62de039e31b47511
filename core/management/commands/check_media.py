"""`manage.py check_media`: which images, renditions and documents have lost their file?

Run it after any move or restore of the site: a database restored without all of its
media leaves rows that point to nothing. Pages do without those files (core/images.py,
core/documents.py), so only this list tells staff what to upload again. Stale renditions
can be deleted here: Wagtail makes them again from the original at the next view.

Then the apps' own reports (MEDIA_REPORTS_HOOK): the stand-ins still in use, what staff must
replace before going live; `--fail-on-stand-ins` makes them a failure, for a pre-launch check.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from caching import version
from core.files import MEDIA_REPORTS_HOOK, file_problem, image_file_problem
from core.stand_ins import STAND_IN_COLLECTION


class Command(BaseCommand):
    help = (
        "Liste les images, déclinaisons d'images (renditions) et documents dont le fichier manque ou est "
        "illisible ; code de sortie 1 s'il en reste. Renouvelle ensuite les caches du site, pour que les pages "
        "proposent de nouveau les fichiers revenus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-stale-renditions",
            action="store_true",
            help=(
                "Supprime les déclinaisons dont le fichier manque : elles seront refaites à partir de l'original "
                "à la prochaine visite (et ne comptent plus comme un problème)."
            ),
        )
        parser.add_argument(
            "--fail-on-stand-ins",
            action="store_true",
            help=(
                f"Échoue aussi s'il reste un fichier provisoire (collection « {STAND_IN_COLLECTION} ») utilisé "
                "sur le site : la vérification d'avant la mise en ligne."
            ),
        )

    def handle(self, *args, delete_stale_renditions: bool, fail_on_stand_ins: bool = False, **options):
        problems = 0
        Image = get_image_model()
        Rendition = Image.get_rendition_model()
        Document = get_document_model()

        images = Image.objects.order_by("pk").only("pk", "title", "file")
        for image in images.iterator():
            problem = image_file_problem(image.file)
            if problem:
                problems += 1
                self.stdout.write(f"Image {image.pk} « {image.title} » : {image.file.name} — {problem}")

        stale = []
        renditions = Rendition.objects.order_by("pk").only("pk", "image_id", "filter_spec", "file")
        for rendition in renditions.iterator():
            problem = file_problem(rendition.file)
            if problem:
                stale.append(rendition.pk)
                self.stdout.write(
                    f"Déclinaison {rendition.pk} de l'image {rendition.image_id} ({rendition.filter_spec}) : "
                    f"{rendition.file.name} — {problem}"
                )
        if stale and delete_stale_renditions:
            for rendition in Rendition.objects.filter(pk__in=stale):
                rendition.delete()  # Wagtail's signal also drops it from the rendition cache
            self.stdout.write(
                f"{len(stale)} déclinaison(s) supprimée(s) : elles seront refaites à la prochaine visite."
            )
        elif stale:
            problems += len(stale)

        documents = Document.objects.order_by("pk").only("pk", "title", "file")
        for document in documents.iterator():
            problem = file_problem(document.file)
            if problem:
                problems += 1
                self.stdout.write(f"Document {document.pk} « {document.title} » : {document.file.name} — {problem}")

        shown = sum(report(self.stdout.write) for report in hooks.get_hooks(MEDIA_REPORTS_HOOK))

        version.bump()  # pages read again which files are there
        counts = (
            f"{images.count()} image(s), {Rendition.objects.count()} déclinaison(s), "
            f"{documents.count()} document(s) vérifiés"
        )
        failures = []
        if problems:
            hint = "" if delete_stale_renditions or not stale else " (--delete-stale-renditions pour les déclinaisons)"
            failures.append(f"{problems} fichier(s) manquant(s) ou illisible(s){hint}")
        if shown and fail_on_stand_ins:
            failures.append(f"{shown} fichier(s) provisoire(s) encore utilisé(s)")
        if failures:
            raise CommandError(f"{counts} : {' ; '.join(failures)}.")
        self.stdout.write(f"{counts} : tous les fichiers sont là.")
