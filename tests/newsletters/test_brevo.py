"""The Brevo adapter against a fake Brevo on 127.0.0.1 (http.server in a thread), never the
Internet: nothing leaves without a key, retries, nothing lost while Brevo is down."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from legal.personal_data import records
from newsletters import brevo, service
from newsletters.models import NewsletterSyncTask, Subscriber, Subscription
from newsletters.tokens import ALL_LISTS
from tests.factories.newsletters import NewsletterListFactory

pytestmark = pytest.mark.django_db
Status = Subscription.Status
Action = NewsletterSyncTask.Action


class FakeBrevo(ThreadingHTTPServer):
    """Records each call; answers with the statuses queued in `replies` (then 201/204)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FakeBrevoHandler)
        self.calls: list[dict] = []
        self.replies: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/v3"


class FakeBrevoHandler(BaseHTTPRequestHandler):
    def handle_call(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        self.server.calls.append(
            {"method": self.command, "path": self.path, "key": self.headers.get("api-key"), "body": body}
        )
        status = self.server.replies.pop(0) if self.server.replies else (201 if self.command == "POST" else 204)
        self.send_response(status)
        payload = b'{"code":"invalid_parameter"}' if status >= 400 else b""
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_POST = do_PUT = do_DELETE = handle_call

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        """Quiet: the test reads `calls`."""


@pytest.fixture
def fake_brevo() -> Iterator[FakeBrevo]:
    server = FakeBrevo()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def connected(settings, fake_brevo) -> FakeBrevo:
    settings.BREVO_API_KEY = "cle-d-essai"
    settings.BREVO_API_URL = fake_brevo.url
    return fake_brevo


@pytest.fixture
def letters(db):
    return NewsletterListFactory(name="La quotidienne", brevo_list_id=7), NewsletterListFactory(name="Sans Brevo")


def pending(email: str, *newsletters) -> Subscriber:
    subscriber = Subscriber.objects.create(email=email)
    for newsletter in newsletters:
        Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    return subscriber


def test_without_a_key_nothing_leaves_the_site(fake_brevo, letters, settings, capsys):
    settings.BREVO_API_URL = fake_brevo.url
    settings.BREVO_API_KEY = ""
    subscriber = pending("lea@example.org", *letters)
    service.confirm(subscriber.pk, [item.pk for item in letters])
    service.unsubscribe(subscriber.pk, ALL_LISTS)
    records.erase("lea@example.org")
    assert not NewsletterSyncTask.objects.exists()
    call_command("sync_newsletters")
    assert "rien n'est envoyé" in capsys.readouterr().out
    assert fake_brevo.calls == []


def test_a_confirmation_adds_the_contact_to_its_brevo_lists(connected, letters):
    subscriber = pending("lea@example.org", *letters)
    service.confirm(subscriber.pk, [item.pk for item in letters])
    task = NewsletterSyncTask.objects.get()
    assert (task.action, task.email, task.list_ids) == (Action.ADD, "lea@example.org", [7])
    report = brevo.sync_pending(pause=0)
    assert report.sent == 1 and not NewsletterSyncTask.objects.exists()
    [call] = connected.calls
    assert call["method"] == "POST" and call["path"] == "/v3/contacts" and call["key"] == "cle-d-essai"
    assert call["body"] == {"email": "lea@example.org", "listIds": [7], "updateEnabled": True}


def test_an_erasure_replaces_what_waited_with_a_deletion(connected, letters):
    subscriber = pending("lea@example.org", *letters)
    service.confirm(subscriber.pk, [item.pk for item in letters])
    service.unsubscribe(subscriber.pk, letters[0].pk)
    records.erase("lea@example.org")
    brevo.sync_pending(pause=0)
    # The add and the removal waited in the queue; the erasure dropped them and asked Brevo to delete.
    assert [(call["method"], call["path"]) for call in connected.calls] == [
        ("DELETE", "/v3/contacts/lea%40example.org?identifierType=email_id")
    ]


def test_removal_from_a_list(connected, letters):
    subscriber = pending("lea@example.org", *letters)
    service.confirm(subscriber.pk, [item.pk for item in letters])
    brevo.sync_pending(pause=0)
    service.unsubscribe(subscriber.pk, letters[0].pk)
    brevo.sync_pending(pause=0)
    removal = connected.calls[-1]
    assert removal["method"] == "PUT" and removal["path"] == "/v3/contacts/lea%40example.org?identifierType=email_id"
    assert removal["body"] == {"unlinkListIds": [7]}


def test_failed_calls_are_retried(connected, letters):
    subscriber = pending("lea@example.org", letters[0])
    service.confirm(subscriber.pk, [letters[0].pk])
    connected.replies = [503, 502]
    report = brevo.sync_pending(pause=0)
    assert report.sent == 1 and len(connected.calls) == 3
    assert not NewsletterSyncTask.objects.exists()


def test_nothing_is_lost_while_brevo_is_down(connected, letters, settings):
    for email in ("a@example.org", "b@example.org"):
        subscriber = pending(email, letters[0])
        service.confirm(subscriber.pk, [letters[0].pk])
    connected.replies = [503] * 3
    report = brevo.sync_pending(pause=0)
    assert report.sent == 0 and report.waiting == 2
    first = NewsletterSyncTask.objects.order_by("pk").first()
    assert first.attempts == 1 and "503" in first.last_error
    assert len(connected.calls) == 3  # it stopped at the first change: the order is kept

    settings.BREVO_API_URL = "http://127.0.0.1:9/v3"  # nothing listens: unreachable
    assert brevo.sync_pending(pause=0).waiting == 2

    settings.BREVO_API_URL = connected.url  # back up
    assert brevo.sync_pending(pause=0).sent == 2
    assert [call["body"]["email"] for call in connected.calls[-2:]] == ["a@example.org", "b@example.org"]
    assert not NewsletterSyncTask.objects.exists()


def test_a_change_brevo_rejects_is_set_aside_not_dropped(connected, letters, capsys):
    for email in ("a@example.org", "b@example.org"):
        subscriber = pending(email, letters[0])
        service.confirm(subscriber.pk, [letters[0].pk])
    connected.replies = [400]
    call_command("sync_newsletters")
    assert "envoyés : 1" in capsys.readouterr().out
    rejected = NewsletterSyncTask.objects.get()
    assert rejected.email == "a@example.org" and rejected.failed_at is not None and "400" in rejected.last_error
    brevo.sync_pending(pause=0)
    assert len(connected.calls) == 2  # not sent again
