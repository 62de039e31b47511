"""Hostile requests to the public URLs. Whatever arrives: no 5xx, no more queries than
a page needs (speed itself is for make bench), no redirect to another site, and nothing sent back unescaped."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

MARKER = "<rameau-xss>alert('rameau')</rameau-xss>"
# What must never come back as written: a tag or an attribute break we sent.
RAW_MARKERS = ("<rameau-xss", '"rameau-attr=', 'href="javascript:')
LONG = "a" * 20_000

HOSTILE_GETS = [
    # NUL bytes, invalid UTF-8, unbalanced quotes, injected markup
    "/?q=%00",
    "/publications/?q=abc%00def",
    "/recherche/?q=%00%00",
    "/recherche/?q=%C3%28",
    "/publications/?q=%FF%FE%FD",
    "/centres-de-ressources/?public=%E2%82",
    "/recherche/?q=%22unbalanced",
    "/recherche/?q=%27%20OR%201%3D1%20--",
    "/publications/?q=%27%22%3E%3C",
    "/recherche/?q=%3Crameau-xss%3Ealert(%27rameau%27)%3C%2Frameau-xss%3E",
    "/publications/?theme=%22rameau-attr%3D%22x%22%3E%3Crameau-xss%3E",
    "/publications/?q=%22rameau-attr%3D%22x&annee=javascript:rameau",
    "/centres-de-ressources/?public=%3Crameau-xss%20onload%3Dalert(1)%3E",
    # very long queries
    f"/recherche/?q={LONG}",
    f"/publications/?q={LONG}",
    f"/centres-de-ressources/?public={LONG}",
    f"/webinaires/?page={LONG}",
    # repeated and array parameters
    "/publications/?type=livre&type=etude&type=guide&annee=2020&annee=2021",
    "/publications/?type[]=livre&theme[0]=x&annee[]=2020",
    "/recherche/?q=alliance&q=territoire&type=publication&type=page",
    "/centres-de-ressources/?public=entreprises&public=associations&public=",
    # page numbers
    "/publications/?page=abc",
    "/publications/?page=-1",
    "/publications/?page=0",
    "/publications/?page=1000000000000000000000",
    "/actualites/?page=1e400",
    "/centres-de-ressources/?page=-99999999999999999999",
    "/recherche/?q=alliance&page=1000000000000000000000",
    "/recherche/?q=alliance&page=abc",
    # unknown filter keys and ORM-looking keys
    "/publications/?inconnu=1&annee=abcd&type=inexistant&theme=..%2F..%2F",
    "/publications/?title__contains=a&id__gt=0",
    "/recherche/?q=a&_connector=OR",
    "/publications/?_connector=OR&_negated=1",
    "/webinaires/?annee=2019%00&cycle[]=x",
    # documents: path traversal, unknown ids, wrong names ({document}: a real document's id)
    "/documents/{document}/..%2F..%2F..%2Fetc%2Fpasswd",
    "/documents/../../etc/passwd",
    "/documents/%2e%2e/%2e%2e/rameau_site/settings/base.py",
    "/documents/999999/inexistant.pdf",
    "/documents/abc/x.pdf",
    "/documents/{document}/%00.pdf",
    # odd paths
    "/publications/%00/",
    "/%C3%28/",
    "/publications/..%2F..%2F/",
    "/webinaires/calendrier.ics%00",
]


WARM_UP = ["/", "/publications/", "/actualites/", "/centres-de-ressources/", "/webinaires/", "/recherche/?q=alliance"]


@pytest.fixture(scope="module", autouse=True)
def site_content(django_db_setup, django_db_blocker):
    """A page of every type with its images and document, for the whole module: built once in
    a transaction rolled back at the module's end (each test's own changes are rolled back
    inside it). Image renditions are made on first display: the pages are visited once here,
    before any request is measured."""
    from django.db import transaction

    from tests.factories.site import build_every_page_type

    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_every_page_type()
        visitor = Client()
        for path in WARM_UP:
            assert visitor.get(path).status_code == 200, path
        yield pages
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def production_hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", "www.lerameau.fr"]


#: A hostile request is answered without extra work. Each test starts with empty data caches,
#: so this is a cold page's count: the heaviest, the home page, needs 43 since it reads its
#: latest publications from the library's catalogue, built cold here (1 query once warm). What
#: it catches is a loop over rows.
MAX_QUERIES = 48


def check(response, queries: int, label: str) -> None:
    assert response.status_code < 500, (label, response.status_code)
    assert queries <= MAX_QUERIES, (label, queries)
    location = response.get("Location", "")
    if location:
        landing = urlsplit(urljoin("http://testserver/", location))
        assert landing.netloc in ("testserver", "www.lerameau.fr"), (label, location)
    if not getattr(response, "streaming", False):
        body = response.content.decode("utf-8", errors="replace")
        for raw in RAW_MARKERS:
            assert raw not in body, (label, raw)


def measured(call, *args, **kwargs):
    """The response and the number of database queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = call(*args, **kwargs)
    return response, len(queries)


@pytest.mark.parametrize("path", HOSTILE_GETS)
def test_hostile_get(client, site_content, path):
    path = path.format(document=site_content["publication"].document_id)
    response, queries = measured(client.get, path)
    check(response, queries, path)


def test_wrong_document_name_does_not_serve_or_redirect_elsewhere(client, site_content):
    document = site_content["publication"].document
    for path in (f"/documents/{document.pk}/autre-nom.pdf", f"/documents/{document.pk}/{document.filename}%00.html"):
        response, queries = measured(client.get, path)
        check(response, queries, path)
        assert response.status_code in (301, 302, 404), path
        if response.status_code in (301, 302):
            assert response["Location"].endswith(f"/{document.filename}")


def test_bad_host_header_is_a_400(client):
    response, queries = measured(client.get, "/", HTTP_HOST="evil.example")
    check(response, queries, "bad host")
    assert response.status_code == 400
    response, queries = measured(client.get, "/publications/", HTTP_HOST="www.lerameau.fr:99999\x00")
    check(response, queries, "broken host")
    assert response.status_code == 400


def test_trace_and_unusual_methods(client):
    for method in ("trace", "options", "put", "patch", "delete"):
        response, queries = measured(getattr(client, method), "/publications/", HTTP_X_TRACE_MARKER=MARKER)
        check(response, queries, method)
        assert MARKER not in response.content.decode("utf-8", errors="replace")


def test_post_without_csrf_is_refused_in_french():
    strict = Client(enforce_csrf_checks=True)
    for path in ("/", "/publications/", "/recherche/", "/admin/login/"):
        response, queries = measured(strict.post, path, {"q": MARKER, "username": "x", "password": "y"})
        check(response, queries, f"POST {path}")
        assert response.status_code == 403, path
    assert "Ce formulaire a expiré" in response.content.decode()


def test_next_to_another_site_after_login_is_ignored(client, django_user_model):
    django_user_model.objects.create_user("redac", "r@example.org", "motdepasse-solide-2026", is_staff=True)
    for target in (
        "//evil.example",
        "https://evil.example/",
        "/\\evil.example",
        "http:evil.example",
        "%2F%2Fevil.example",
    ):
        page, queries = measured(client.get, f"/admin/login/?next={target}")
        check(page, queries, f"login form next={target}")
        response, queries = measured(
            client.post,
            f"/admin/login/?next={target}",
            {"username": "redac", "password": "motdepasse-solide-2026", "next": target},
        )
        check(response, queries, f"login next={target}")
        assert response.status_code == 302
        landing = urlsplit(urljoin("http://testserver/admin/login/", response["Location"]))
        assert landing.netloc == "testserver", response["Location"]
        client.post("/admin/logout/")


def test_at_least_forty_hostile_requests_are_tried():
    assert len(HOSTILE_GETS) + 2 + 2 + 5 + 4 + 10 >= 40
