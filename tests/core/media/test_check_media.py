"""`manage.py check_media`: every image, rendition and document whose file is missing or
unreadable, a non-zero exit when there is any, and stale renditions deleted on request."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from caching import version

from .conftest import break_image, make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_this_tests_files(db):
    """The database's other images and documents have their files in the run's media folder,
    not in this test's: leave them out (the test's transaction brings them back)."""
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()


def check_media(*args: str) -> tuple[str, str | None]:
    """The command's output, and its error (None when it exits with 0)."""
    out = StringIO()
    try:
        call_command("check_media", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_all_files_present_exits_with_zero():
    make_image("Illustration présente").get_rendition("width-100")
    make_document()
    output, error = check_media()
    assert error is None
    assert "1 image(s), 1 déclinaison(s), 1 document(s) vérifiés : tous les fichiers sont là." in output


def test_every_missing_or_unreadable_file_is_listed_and_the_exit_is_non_zero():
    absent = make_image("Illustration absente", name="absente.jpg")
    truncated = make_image("Illustration tronquée", name="tronquee.jpg")
    wrong_header = make_image("Logo au mauvais en-tête", name="logo.png")
    intact = make_image("Illustration intacte", name="intacte.jpg")
    rendition = intact.get_rendition("width-100")
    document = make_document("Rapport perdu", "rapport-perdu.pdf")
    break_image(absent, "absent")
    break_image(truncated, "jpeg-tronque")
    break_image(wrong_header, "png-en-tete-faux")
    Path(rendition.file.path).unlink()
    Path(document.file.path).unlink()

    output, error = check_media()
    assert error is not None and "5 fichier(s) manquant(s) ou illisible(s)" in error
    assert f"Image {absent.pk} « Illustration absente » : {absent.file.name} — fichier absent" in output
    assert f"Image {truncated.pk} « Illustration tronquée » : {truncated.file.name} — image illisible" in output
    assert f"Image {wrong_header.pk} « Logo au mauvais en-tête » : {wrong_header.file.name} — image illisible" in output
    assert (
        f"Déclinaison {rendition.pk} de l'image {intact.pk} (width-100) : {rendition.file.name} — fichier absent"
        in output
    )
    assert f"Document {document.pk} « Rapport perdu » : {document.file.name} — fichier absent" in output
    assert "Illustration intacte »" not in output


def test_stale_renditions_are_deleted_on_request_and_made_again():
    image = make_image("Illustration aux déclinaisons perdues")
    rendition = image.get_rendition("width-100")
    Path(rendition.file.path).unlink()

    output, error = check_media()
    assert error is not None and "--delete-stale-renditions" in error
    assert image.renditions.filter(pk=rendition.pk).exists(), "listed, not deleted, without the option"

    output, error = check_media("--delete-stale-renditions")
    assert error is None, "deleted, they are no longer a problem"
    assert "1 déclinaison(s) supprimée(s)" in output
    assert not image.renditions.exists()
    remade = image.get_rendition("width-100")
    assert Path(remade.file.path).is_file()


def test_check_media_gives_the_content_a_new_version():
    before = version.read_token()
    check_media()
    assert version.read_token() != before
