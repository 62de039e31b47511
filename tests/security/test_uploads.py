"""What staff may upload through the admin, and how documents come back out."""

from __future__ import annotations

import struct
import zlib

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve as serve_media
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pixel_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A real, complete PNG of width x height black pixels (1 bit each): 400 megapixels,
    which deflate squeezes into a few dozen kilobytes."""
    row = b"\x00" + bytes((width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")


def upload_image(client, name: str, content: bytes, content_type: str = "image/png"):
    data = {
        "title": "Essai d'envoi",
        "file": SimpleUploadedFile(name, content, content_type=content_type),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post("/admin/images/add/", data)


def upload_document(client, name: str, content: bytes, content_type: str = "application/pdf"):
    data = {
        "title": "Document d'essai",
        "file": SimpleUploadedFile(name, content, content_type=content_type),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post("/admin/documents/add/", data)


def test_a_400_megapixel_png_of_a_few_kilobytes_gets_a_form_error(admin_client):
    bomb = pixel_bomb()
    assert len(bomb) < 64 * 1024
    before = get_image_model().objects.count()
    response = upload_image(admin_client, "bombe.png", bomb)
    assert response.status_code == 200
    assert "trop de pixels" in response.content.decode()
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize("form", ["single", "multiple"])
def test_a_truncated_png_gets_the_same_french_form_error_as_other_bad_files(admin_client, form):
    """An interrupted copy: the header is whole, the pixels are not (issue #31, 14)."""
    from tests.core.media.files import picture

    whole = picture("PNG", (640, 480))
    truncated = whole[: len(whole) // 2]
    before = get_image_model().objects.count()
    if form == "single":
        response = upload_image(admin_client, "coupee.png", truncated)
        assert response.status_code == 200
    else:
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("coupee.png", truncated, content_type="image/png")},
        )
        assert response.status_code == 200 and response.json()["success"] is False
    text = response.json()["error_message"] if form == "multiple" else response.content.decode()
    assert "image incomplète ou abîmée" in text
    assert get_image_model().objects.count() == before


def test_images_over_the_size_limit_are_refused(admin_client):
    assert django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    too_big = b"\x89PNG\r\n\x1a\n" + bytes(django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    before = get_image_model().objects.count()
    response = upload_image(admin_client, "enorme.png", too_big)
    assert response.status_code == 200 and "10" in response.content.decode()
    assert get_image_model().objects.count() == before


def test_svg_images_are_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    before = get_image_model().objects.count()
    response = upload_image(admin_client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert get_image_model().objects.count() == before
    assert "svg" not in django_settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize("name", ["page.html", "script.js", "dessin.svg", "programme.exe", "archive.php"])
def test_documents_outside_the_allowlist_are_refused(admin_client, name):
    before = get_document_model().objects.count()
    response = upload_document(admin_client, name, b"<html><script>alert(1)</script></html>", "text/html")
    assert response.status_code == 200
    assert get_document_model().objects.count() == before


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    assert django_settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 50 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024  # the same check, on a small file
    before = get_document_model().objects.count()
    response = upload_document(admin_client, "gros.pdf", b"%PDF-1.4\n" + bytes(2048))
    assert response.status_code == 200
    assert get_document_model().objects.count() == before
    assert upload_document(admin_client, "petit.pdf", b"%PDF-1.4\n%%EOF\n").status_code == 302


def test_an_html_file_renamed_pdf_is_never_served_as_html(admin_client, client):
    hostile = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    assert upload_document(admin_client, "rapport.pdf", hostile).status_code == 302
    document = get_document_model().objects.get(title="Document d'essai")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_upload_folders_are_not_listable(client):
    """In development the media route is Django's static view, which never lists a folder
    (show_indexes is off); in production the proxy serves /media/ with listing off too."""
    request = RequestFactory().get("/media/original_images/")
    for folder in ("original_images/", "images/", "documents/", ""):
        with pytest.raises(Http404):
            serve_media(request, folder, document_root=django_settings.MEDIA_ROOT)
    for path in ("/documents/", "/documents/1/", "/media/", "/media/original_images/", "/media/documents/"):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize(("spec", "pillow_format"), [("format-avif", "AVIF"), ("format-webp", "WEBP")])
def test_uploaded_photo_gives_avif_and_webp_renditions(admin_client, spec, pillow_format):
    """The rendition formats the templates' srcset offers, made by the locked Pillow."""
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), (20, 80, 60)).save(buffer, format="JPEG")
    assert upload_image(admin_client, "photo.jpg", buffer.getvalue(), "image/jpeg").status_code == 302
    image = get_image_model().objects.get(title="Essai d'envoi")
    rendition = image.get_rendition(f"width-320|{spec}")
    with rendition.file.open("rb") as stored, PILImage.open(stored) as decoded:
        assert decoded.format == pillow_format and decoded.size == (320, 200)
