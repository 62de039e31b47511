"""A read-only or full media volume: an upload in the admin is a French form error that keeps
what the editor typed, never a 500; the images and documents forms, single and multiple,
and the choosers of the page editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from rameau_site.security.uploads import FULL, READ_ONLY

from .conftest import MINIMAL_PDF, make_image
from .files import picture, read_only

pytestmark = pytest.mark.django_db

TITLE = "Rapport annuel sur un volume en panne"
DESCRIPTION = "Texte saisi avec soin par une éditrice"


def image_file() -> SimpleUploadedFile:
    return SimpleUploadedFile("photo-envoyee.jpg", picture("JPEG"), content_type="image/jpeg")


def pdf_file() -> SimpleUploadedFile:
    return SimpleUploadedFile("rapport-envoye.pdf", MINIMAL_PDF, content_type="application/pdf")


def collection() -> int:
    return Collection.get_first_root_node().pk


def post_image(client):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": TITLE, "description": DESCRIPTION, "file": image_file(), "collection": collection(), "tags": "essai"},
    )


def post_document(client):
    return client.post(
        reverse("wagtaildocs:add"), {"title": TITLE, "file": pdf_file(), "collection": collection(), "tags": "essai"}
    )


def post_image_from_chooser(client):
    prefix = "image-chooser-upload"
    return client.post(
        reverse("wagtailimages_chooser:create"),
        {
            f"{prefix}-title": TITLE,
            f"{prefix}-description": DESCRIPTION,
            f"{prefix}-file": image_file(),
            f"{prefix}-collection": collection(),
        },
    )


def post_document_from_chooser(client):
    prefix = "document-chooser-upload"
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {f"{prefix}-title": TITLE, f"{prefix}-file": pdf_file(), f"{prefix}-collection": collection()},
    )


def post_images_multiple(client):
    return client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": image_file(), "title": TITLE, "collection": collection()}
    )


def post_documents_multiple(client):
    return client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": pdf_file(), "title": TITLE, "collection": collection()}
    )


FORMS = {
    "image": post_image,
    "document": post_document,
    "image depuis le sélecteur d'une page": post_image_from_chooser,
    "document depuis le sélecteur d'une page": post_document_from_chooser,
}
MULTIPLE = {"images, envoi multiple": post_images_multiple, "documents, envoi multiple": post_documents_multiple}


def counts() -> tuple[int, int]:
    return get_image_model().objects.count(), get_document_model().objects.count()


def assert_refused_with(response, message: str, form: str) -> None:
    """A form error in French, the title (and an image's description) as typed."""
    assert response.status_code == 200
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        content = response.json().get("htmlFragment", "")
    assert message.replace("'", "&#x27;") in content
    assert TITLE in content
    if form.startswith("image"):
        assert DESCRIPTION in content


@pytest.fixture
def full_disk(settings):
    """The default storage, as a full volume leaves it: every save raises ENOSPC."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "tests.core.media.files.FullStorage"}}


@pytest.mark.parametrize("form", FORMS)
def test_a_full_media_volume_is_a_form_error(admin_client, full_disk, form):
    before = counts()
    assert_refused_with(FORMS[form](admin_client), FULL, form)
    assert counts() == before


@pytest.mark.parametrize("form", FORMS)
def test_a_read_only_media_volume_is_a_form_error(admin_client, media_root, form):
    before = counts()
    with read_only(media_root) as refused:
        if not refused:
            pytest.skip("no way to make a read-only folder on this machine")
        response = FORMS[form](admin_client)
    assert_refused_with(response, READ_ONLY, form)
    assert counts() == before


@pytest.mark.parametrize("form", MULTIPLE)
def test_a_full_media_volume_is_an_error_in_the_multiple_upload(admin_client, full_disk, form):
    before = counts()
    response = MULTIPLE[form](admin_client)
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": FULL}
    assert counts() == before


@pytest.mark.parametrize("form", MULTIPLE)
def test_a_read_only_media_volume_is_an_error_in_the_multiple_upload(admin_client, media_root, form):
    before = counts()
    with read_only(media_root) as refused:
        if not refused:
            pytest.skip("no way to make a read-only folder on this machine")
        response = MULTIPLE[form](admin_client)
    assert response.json() == {"success": False, "error_message": READ_ONLY}
    assert counts() == before


@pytest.mark.parametrize("form", [*FORMS, *MULTIPLE])
def test_a_working_volume_stores_each_upload_once(admin_client, media_root, form):
    """Writing the file while validating must not write it a second time on saving."""
    before = counts()
    response = {**FORMS, **MULTIPLE}[form](admin_client)
    assert response.status_code in (200, 302)
    assert sum(counts()) == sum(before) + 1
    stored = [path for path in media_root.rglob("*") if path.is_file() and path.parent.name != "images"]
    assert len(stored) == 1, stored
    model = get_image_model() if "image" in form else get_document_model()
    item = model.objects.order_by("-pk").first()
    assert item.title == TITLE
    assert Path(item.file.path) == stored[0]
    assert item.file_size == stored[0].stat().st_size and item.file_hash
    if model is get_image_model():
        assert (item.width, item.height) == (320, 200)


def test_replacing_an_image_keeps_the_new_file_and_removes_the_old(admin_client, media_root):
    image = make_image("Image à remplacer", name="ancienne.jpg")
    old = Path(image.file.path)
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "file": image_file(), "collection": collection(), "tags": ""},
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert Path(image.file.path).is_file() and Path(image.file.path).name.startswith("photo-envoyee")
    assert not old.exists()
