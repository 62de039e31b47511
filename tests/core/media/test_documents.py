"""A document whose file is missing: a French 404 and a log line at its address, and the
pages that offered it say « fichier momentanément indisponible » until it is back."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .conftest import MINIMAL_PDF, build_every_page_type, make_document, make_image
from .files import json_ld

pytestmark = pytest.mark.django_db

UNAVAILABLE = "fichier momentanément indisponible"


@pytest.fixture
def site(db):
    return build_every_page_type(make_image("Illustration intacte"))


def test_a_document_whose_file_is_missing_is_a_french_404_with_a_log_line(client, caplog):
    document = make_document("Rapport disparu", "rapport-disparu.pdf")
    assert client.get(document.url).status_code == 200
    Path(document.file.path).unlink()
    caplog.set_level(logging.WARNING)
    response = client.get(document.url)
    assert response.status_code == 404
    markup = response.content.decode()
    assert '<html lang="fr">' in markup and "Cette page est introuvable" in markup
    warnings = [r for r in caplog.records if r.name == "core.media" and document.file.name in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING


def test_an_unreadable_document_is_a_404_too(client, media_root):
    document = make_document("Rapport remplacé par un dossier", "rapport-dossier.pdf")
    path = Path(document.file.path)
    path.unlink()
    path.mkdir()  # the name is there, but nothing can be read from it
    assert client.get(document.url).status_code == 404


def test_the_publication_page_stops_offering_a_missing_file_until_it_is_back(client, site):
    publication, document = site.pages["publication"], site.publication_document
    url = publication.get_url()
    markup = client.get(url).content.decode()
    assert document.url in markup and UNAVAILABLE not in markup
    (data,) = [item for item in json_ld(markup) if item.get("name") == publication.title]
    assert document.url in data["encoding"]["contentUrl"]

    path = Path(document.file.path)
    path.unlink()
    _new_content_version()
    response = client.get(url)
    assert response.status_code == 200
    markup = response.content.decode()
    assert UNAVAILABLE in markup
    assert document.url not in markup, "no link to a file that is not there"
    (data,) = [item for item in json_ld(markup) if item.get("name") == publication.title]
    assert "encoding" not in data, "JSON-LD leaves the missing file out"
    assert document.url not in client.get(url + "citation.ris").content.decode()

    path.write_bytes(MINIMAL_PDF)
    with pytest.raises(CommandError):  # the frame's images have no file in this test's MEDIA_ROOT
        call_command("check_media", verbosity=0)
    markup = client.get(url).content.decode()
    assert document.url in markup and UNAVAILABLE not in markup, "check_media gave the pages a new content version"


def test_a_webinar_whose_slides_are_missing_says_so(client, site):
    session, slides = site.pages["session"], site.session_slides
    markup = client.get(session.get_url()).content.decode()
    assert slides.url in markup
    Path(slides.file.path).unlink()
    _new_content_version()
    markup = client.get(session.get_url()).content.decode()
    assert slides.url not in markup
    assert UNAVAILABLE in markup


def test_a_missing_document_costs_no_query_once_known(client, site, django_assert_max_num_queries):
    """The ≤ 10 queries per page budget holds, the check of the file included."""
    url = site.pages["publication"].get_url()
    Path(site.publication_document.file.path).unlink()
    _new_content_version()
    client.get(url)  # warm the per-process caches a running server keeps
    with django_assert_max_num_queries(10):
        assert UNAVAILABLE in client.get(url).content.decode()


def _new_content_version() -> None:
    """What any edit does (or check_media): pages read the files' state again."""
    from caching import version

    version.bump()
