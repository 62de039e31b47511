"""E-mails to staff link to the admin at the site's real address (the Site record, not
WAGTAILADMIN_BASE_URL) and greet people as a laboratory writes (#26 §4); « Mot de passe
oublié ? » is limited and answers every address alike, after the same work (#31 item 12)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Workflow

from core.models import RateCounter
from rameau_site.security.accounts.password_reset import StaffPasswordResetView
from rameau_site.security.staff import WORKFLOW
from tests.factories.pages import StandardPageFactory
from tests.factories.users import EditorFactory, ModeratorFactory

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
# Each savepoint gets a fresh name (thread id and a counter): the same work under other names.
SAVEPOINT_NAME = re.compile(r'"s\d+_x\d+"')


def test_moderation_notifications_greet_properly_and_link_to_the_public_address(public_site, settings):
    """Wagtail's notification templates, overridden in the project (wagtailadmin/notifications/base.txt,
    wagtailadmin/notifications/base.html): « Bonjour », a close, every link from the Site record."""
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    moderator = ModeratorFactory(first_name="Léa", last_name="Durand")
    editor = EditorFactory(first_name="Camille", last_name="Martin")
    page = StandardPageFactory(title="Nos alliances")
    page.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW).start(page, editor)

    [message] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert message.body.startswith("Bonjour Léa Durand,")
    assert "Salut" not in message.body and "http://testserver" not in message.body
    assert f"https://www.lerameau.fr/admin/pages/{page.pk}/edit/" in message.body
    assert "Bien cordialement,\nLe site du RAMEAU" in message.body
    assert "https://www.lerameau.fr/admin/account/#tab-notifications" in message.body
    [(html, _type)] = message.alternatives
    assert "Bonjour Léa Durand," in html and f'href="https://www.lerameau.fr/admin/pages/{page.pk}/edit/"' in html


def ask_reset(client: Client, email: str, address: str = "198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_the_reset_link_is_french_and_at_the_public_address(public_site, client):
    staff = EditorFactory(first_name="Camille", last_name="Martin")
    assert ask_reset(client, staff.email.upper())["Location"] == "/admin/password_reset/done/"
    [message] = mail.outbox
    assert message.body.startswith("Bonjour Camille Martin,")
    link = re.search(r"https://www\.lerameau\.fr(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    assert client.get(link).status_code == 302  # Django's own check of the token, then the form


def test_one_connection_asks_five_times_an_hour_then_gets_a_french_429(client, settings):
    for attempt in range(settings.FORM_RATE_LIMIT):
        assert ask_reset(client, f"inconnu{attempt}@example.org").status_code == 302
    limited = ask_reset(client, "encore@example.org")
    assert limited.status_code == 429 and limited["Retry-After"] == str(settings.FORM_RATE_WINDOW)
    assert "Trop de demandes de réinitialisation" in limited.content.decode()
    assert ask_reset(client, "encore@example.org", address="203.0.113.9").status_code == 302  # another connection


def test_one_account_gets_three_emails_an_hour_whoever_asks(client, settings, time_machine):
    """15 requests from 15 connections (the outside test got 15 e-mails out of 15)."""
    time_machine.move_to(timezone.now(), tick=False)
    staff = EditorFactory()
    for attempt in range(15):
        assert ask_reset(client, staff.email, address=f"203.0.113.{attempt}").status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_EMAILS_PER_HOUR == 3
    time_machine.shift(3601)
    ask_reset(client, staff.email, address="192.0.2.1")
    assert len(mail.outbox) == 4


def answered(email: str):
    """The view as the WSGI server runs it: the answer, and the queries made before it."""
    form_page = RequestFactory().get(RESET)
    token = get_token(form_page)  # the form's CSRF token and its cookie, as the browser holds them
    request = RequestFactory().post(RESET, {"email": email, "csrfmiddlewaretoken": token}, REMOTE_ADDR="198.51.100.20")
    request.COOKIES[django_settings.CSRF_COOKIE_NAME] = form_page.META["CSRF_COOKIE"]
    request_started.disconnect(close_old_connections)  # as Django's test client does: keep the test's transaction
    try:
        request_started.send(sender=__name__, environ=request.META)
    finally:
        request_started.connect(close_old_connections)
    with CaptureQueriesContext(connection) as queries:
        response = StaffPasswordResetView.as_view()(request)
    return response, [SAVEPOINT_NAME.sub('"savepoint"', query["sql"]) for query in queries]


def test_a_staff_address_and_an_unknown_one_get_the_same_answer_after_the_same_work(db, time_machine):
    # The same instant and, for each request, the connection's first of the hour: any
    # difference left in the SQL would come from the address typed.
    time_machine.move_to(timezone.now(), tick=False)
    staff = EditorFactory()
    known, known_queries = answered(staff.email)
    assert not mail.outbox  # nothing looked up nor sent while the visitor waits
    request_finished.disconnect(close_old_connections)
    try:
        known.close()  # the server has sent the answer: now the work
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [staff.email]
        RateCounter.objects.all().delete()
        unknown, unknown_queries = answered("personne@example.org")
        unknown.close()
    finally:
        request_finished.connect(close_old_connections)
    assert len(mail.outbox) == 1
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_queries == unknown_queries
    assert any("core_ratecounter" in sql for sql in known_queries)  # the limit was checked and counted, alike
