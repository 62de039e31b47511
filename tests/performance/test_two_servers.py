"""Two app servers as in production — gunicorn with the production settings, one PostgreSQL,
one Redis — stay in step: a page published through one server's admin is served fresh by the
other within a second, and Redis stopping mid-run costs speed on both, never a 5xx nor a
message: contact messages and sign-ups sent while it is down are all stored, and the form
limit still holds across both servers and all their workers.

What the README's « Au-delà d'une seule machine » describes is what runs here: two app
containers, the database, the shared cache (Debian's redis-server on a free loopback port).
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django_otp.oath import totp

from tests import databases
from tests.security.servers import (
    PRODUCTION_HOST,
    ROOT,
    clean_environment,
    collect_static,
    gunicorn,
    production_environment,
)
from tests.servers import redis_server

pytestmark = pytest.mark.django_db

CYCLE = "/webinaires/2019/"
PATHS = ["/", "/publications/", "/centres-de-ressources/", "/webinaires/", CYCLE, "/recherche/?q=partenariat"]
EDITOR, PASSWORD = "editrice-deux-serveurs", "un-mot-de-passe-solide-2030"
MAKE_EDITOR = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser("{EDITOR}", "editrice@example.org", "{PASSWORD}")
print(TOTPDevice.objects.create(user=user, name="deux serveurs", confirmed=True).key)
"""


@pytest.fixture(scope="module")
def static_root():
    root = tempfile.mkdtemp(prefix="rameau-static-")
    collect_static(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def database(worker_id):
    """A copy of the seeded demo for the two servers, with an editor whose second factor
    this test can compute; dropped afterwards."""
    template = databases.ready_demo_template(databases.media_root())
    name = databases.clone(template, f"test_{databases.base_name()}_{worker_id}_two_servers")
    url = databases.database_url(name)
    env = clean_environment(DJANGO_SETTINGS_MODULE="rameau_site.settings.dev", DATABASE_URL=url)
    made = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MAKE_EDITOR],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    yield url, made.stdout.strip().splitlines()[-1]
    databases.drop(name)


class Visitor:
    """One person's plain HTTP client: keeps its cookies, follows no redirect."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        headers = {"Host": PRODUCTION_HOST, "Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            connection.request("POST" if data is not None else "GET", path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, {k.lower(): v for k, v in response.getheaders()}, text
        finally:
            connection.close()


def form_fields(html: str, form_id: str | None = None, action: str | None = None):
    """The fields a browser would send from the form with this id, or posting to `action`."""
    from wagtail.test.utils import WagtailTestUtils
    from wagtail.test.utils.form_data import querydict_from_html

    if action is not None:
        forms = WagtailTestUtils.get_soup(html).find_all("form")
        index = next(i for i, form in enumerate(forms) if form.get("action") == action and form.get("method") == "post")
        return querydict_from_html(html, form_index=index, exclude_csrf=False)
    return querydict_from_html(html, form_id=form_id, exclude_csrf=False)


def log_in(visitor: Visitor, port: int, device_key: str) -> None:
    """Password, then the six digits an authenticator app would show, as staff do."""
    status, _headers, page = visitor.request(port, "/admin/login/")
    assert status == 200
    fields = form_fields(page)
    fields.update({"username": EDITOR, "password": PASSWORD})
    status, headers, _page = visitor.request(port, "/admin/login/", fields)
    assert status == 302, "the password is accepted"
    status, _headers, page = visitor.request(port, "/admin/2fa/verification/")
    assert status == 200
    fields = form_fields(page)
    fields["otp_token"] = str(totp(bytes.fromhex(device_key))).zfill(6)
    status, headers, _page = visitor.request(port, "/admin/2fa/verification/", fields)
    assert status == 302 and "/admin/2fa/" not in headers["location"], "the second factor is accepted"


def publish_new_title(visitor: Visitor, port: int, page_id: int, title: str) -> None:
    status, _headers, page = visitor.request(port, f"/admin/pages/{page_id}/edit/")
    assert status == 200
    fields = form_fields(page, form_id="page-edit-form")
    fields["title"] = title
    fields["action-publish"] = "action-publish"
    status, _headers, page = visitor.request(port, f"/admin/pages/{page_id}/edit/", fields)
    assert status == 302, re.sub(r"\s+", " ", page)[:2000]


def title_of(html: str) -> str:
    return re.search(r'<h1 class="page-header__title">([^<]+)</h1>', html).group(1)


def page_id_of(database_url: str, path: str) -> int:
    """The id of the live page at this path, read from the servers' database."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT id FROM wagtailcore_page WHERE live AND url_path LIKE %s ORDER BY depth LIMIT 1", [f"%{path}"]
        ).fetchone()
    return row[0]


def send_forms_while_redis_is_down(servers: list) -> list[int]:
    """One visitor opens the contact and sign-up forms, then sends each of them seven times,
    in turn to each server: the statuses, contact then sign-up, in order."""
    visitor = Visitor()
    status, _headers, contact_page = visitor.request(servers[0].port, "/contact/")
    assert status == 200
    status, _headers, sign_up_page = visitor.request(servers[1].port, "/newsletters/inscription/")
    assert status == 200
    lists = re.findall(r'name="lists" value="(\d+)"', sign_up_page)
    time.sleep(3.2)  # as long as a person takes to type (the forms' minimum fill time)
    statuses = []
    for number in range(7):
        fields = form_fields(contact_page, action="/contact/")
        fields.update({"nom": "Camille", "courriel": f"camille{number}@example.org", "objet": "Presse"})
        fields["message"] = "Bonjour, un message envoyé pendant la panne du cache."
        statuses.append(visitor.request(servers[number % 2].port, "/contact/", fields)[0])
    for number in range(7):
        fields = form_fields(sign_up_page, action="/newsletters/inscription/")
        fields.update({"email": f"lecteur{number}@example.org", "lists": lists[:1]})
        statuses.append(visitor.request(servers[number % 2].port, "/newsletters/inscription/", fields)[0])
    return statuses


def stored_during_the_outage(database_url: str) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(database_url) as connection:
        messages = connection.execute(
            "SELECT count(*) FROM contact_contactsubmission WHERE email LIKE 'camille%%@example.org'"
        ).fetchone()[0]
        sign_ups = connection.execute(
            "SELECT count(*) FROM newsletters_subscriber WHERE email LIKE 'lecteur%%@example.org'"
        ).fetchone()[0]
    return messages, sign_ups


def test_two_servers_publish_in_step_and_survive_redis_stopping(database, static_root):
    url, device_key = database
    media = databases.media_root()
    with redis_server() as redis:
        env = production_environment(url, static_root, media, SECURE_SSL_REDIRECT="false", REDIS_URL=redis.url)
        with gunicorn(env, workers=2) as first, gunicorn(env, workers=2) as second:
            reader = Visitor()
            for _ in range(4):  # both workers of the second server hold the page in the shared cache
                status, headers, html = reader.request(second.port, CYCLE)
                assert status == 200
            assert headers["x-page-cache"] == "hit"
            old_title = title_of(html)

            editor = Visitor()
            log_in(editor, first.port, device_key)
            page_id = page_id_of(url, CYCLE)
            new_title = "Cycle de webinaires 2019, titre publié sur le premier serveur"
            publish_new_title(editor, first.port, page_id, new_title)
            published = time.monotonic()
            seen = None
            while time.monotonic() - published < 5:
                status, headers, html = reader.request(second.port, CYCLE)
                if new_title in html:
                    seen = time.monotonic() - published
                    break
            assert seen is not None and seen < 1.0, f"served fresh by the other server after {seen} s"
            assert title_of(html) == new_title != old_title

            statuses: list[int] = []
            stop = threading.Event()

            def visit(port: int) -> None:
                visitor = Visitor()
                while not stop.is_set():
                    for path in PATHS:
                        statuses.append(visitor.request(port, path)[0])

            threads = [threading.Thread(target=visit, args=(server.port,)) for server in (first, second)]
            for thread in threads:
                thread.start()
            time.sleep(1.5)
            redis.stop()
            time.sleep(3)
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            after = [reader.request(server.port, CYCLE) for server in (first, second) for _ in range(2)]
            forms = send_forms_while_redis_is_down([first, second])

    assert forms == [200] * 5 + [429] * 2 + [302] * 5 + [429] * 2, forms
    assert stored_during_the_outage(url) == (5, 5)
    assert statuses and not [status for status in statuses if status >= 500], statuses
    assert {status for status, _headers, _html in after} == {200}
    assert {headers["x-page-cache"] for _status, headers, _html in after} == {"miss"}, "uncached, not failing"
    assert {title_of(html) for _status, _headers, html in after} == {new_title}
