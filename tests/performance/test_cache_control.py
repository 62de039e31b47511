"""Every answer says who may keep it (DESIGN.md convention 16): `private, no-store` where it
sets a cookie, holds a CSRF token or concerns one visitor, an explicit public lifetime
elsewhere. A proxy or CDN in front stores whatever is not forbidden, so a page that fails
here could hand one visitor's CSRF token to the next."""

from __future__ import annotations

import pytest
from django.test import Client

from newsletters.tokens import confirm_token, unsubscribe_token
from tests.factories.documents import DocumentFactory
from tests.factories.newsletters import SubscriberFactory

from .conftest import cache_state

pytestmark = pytest.mark.django_db
PUBLIC = "public, max-age=0, s-maxage=60"
PRIVATE = "private, no-store"


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


def is_private(response) -> bool:
    return {"private", "no-store"} <= directives(response) and "public" not in directives(response)


def test_each_public_page_is_either_shared_with_a_lifetime_or_private(public_pages, page_cache):
    private = set()
    for name, path in public_pages.items():
        for attempt in ("miss", "hit"):  # the same verdict when the page cache answers
            response = Client().get(path)
            assert response.status_code == 200, (name, path)
            personal = bool(response.cookies) or b"csrfmiddlewaretoken" in response.content
            if is_private(response):
                private.add(name)
            else:
                assert not personal, (name, attempt, response.headers.get("Cache-Control"))
                assert response.headers["Cache-Control"] == PUBLIC, (name, attempt)
    # What holds a token or sets a cookie: the contact form (its CSRF token and cookie) and the
    # sign-up page (never_cache: a form a visitor fills in).
    assert private == {"contact", "inscription aux lettres"}
    contact = Client().get(public_pages["contact"])
    assert "csrftoken" in contact.cookies and cache_state(contact) == "bypass"


def test_staff_and_posts_get_private_answers(public_pages, editor_client):
    for path in (public_pages["accueil"], public_pages["publications"], "/admin/", "/admin/pages/"):
        response = editor_client.get(path)
        assert is_private(response), (path, response.headers.get("Cache-Control"))
    posted = Client().post(public_pages["contact"], {"name": "x"})
    assert is_private(posted)
    assert is_private(Client().get("/admin/login/"))


def test_newsletter_links_are_private(db):
    subscriber = SubscriberFactory()
    for path in (
        f"/newsletters/confirmer/{confirm_token(subscriber.pk, [])}/",
        f"/newsletters/desinscrire/{unsubscribe_token(subscriber.pk)}/",
        "/newsletters/desinscrire/falsifie/",
    ):
        response = Client().get(path)
        assert response.status_code in (200, 400), path
        assert is_private(response), path


def test_errors_and_health_checks(home, settings):
    missing = Client().get("/cette-page-n-existe-pas/")
    assert missing.status_code == 404 and missing.headers["Cache-Control"] == PUBLIC
    assert is_private(Client().get("/-/liveness"))
    settings.ALLOWED_HOSTS = ["www.lerameau.fr"]
    bad_host = Client().get("/", HTTP_HOST="intrus.example")
    assert bad_host.status_code == 400
    assert is_private(bad_host)
    html = bad_host.content.decode()
    assert '<html lang="fr">' in html and "Erreur 400" in html and "Bad Request" not in html
    probe = Client().get("/-/liveness", HTTP_HOST="172.18.0.3:8000")  # a probe knows no domain
    assert probe.status_code == 200 and is_private(probe) and probe.headers["X-Content-Type-Options"] == "nosniff"


def test_documents_download_with_a_lifetime_and_no_false_encoding(db):
    document = DocumentFactory()
    response = Client().get(document.url)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers, response.headers.get("Content-Encoding")
    assert response.headers["Cache-Control"] == PUBLIC
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_the_lifetime_follows_its_setting(home, settings):
    settings.PUBLIC_CACHE_SECONDS = 300
    assert Client().get("/").headers["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_uploaded_images_are_served_for_a_week_and_documents_never_by_their_file(db):
    """Without a web server in front (compose.yaml), the app serves uploaded images, never the
    documents' files (their restrictions and headers live at /documents/)."""
    from tests.factories.images import ImageFactory

    image = ImageFactory()
    for url in (image.get_rendition("width-100").url, f"/media/{image.file.name}"):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "public, max-age=604800"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    document = DocumentFactory()
    assert Client().get(f"/media/{document.file.name}").status_code == 404
    assert Client().get("/media/images/../documents/x.pdf").status_code == 404
