"""The contact page through its real form and Django's mail outbox: stored first, then
signalled; what looks like a robot's kept for review, never signalled; bad input refused with
everything typed kept."""

from __future__ import annotations

import csv
import datetime
import io
import logging
import socket
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import ContactPage, ContactSubmission
from core.models import RateCounter
from tests.factories.contact import ContactPageFactory
from tests.factories.skeleton import ADDRESS, EMAIL, PHONE
from tests.front_door import hidden_started

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
MESSAGE = {
    "nom": "Camille Martin",
    "courriel": "camille@example.org",
    "organisation": "Association d'essai",
    "objet": "Presse",
    "message": "Bonjour,\nje prépare un article sur les alliances en territoire.",
}


@pytest.fixture
def contact(db) -> ContactPage:
    return ContactPageFactory()


def send(client, time_machine, data: dict, wait: float = 10, start: datetime.datetime = START, **extra):
    """Open the page at `start`, wait `wait` seconds as a person typing, post the form."""
    time_machine.move_to(start, tick=False)
    page = client.get("/contact/")
    assert page.status_code == 200
    time_machine.shift(wait)
    return client.post("/contact/", {"formulaire_affiche": hidden_started(page.content.decode()), **data}, **extra)


def test_new_contact_page_offers_the_default_fields(client, contact):
    html = client.get("/contact/").content.decode()
    for name in ("nom", "courriel", "organisation", "objet", "message"):
        assert f'name="{name}"' in html
    for subject in ("Partenariat", "Presse", "Recherche", "Webinaires", "Autre"):
        assert f'<option value="{subject}">{subject}</option>' in html
    assert "(facultatif)" in html  # organisation


def test_contact_details_come_from_the_site_settings(client, contact):
    """Typed once, in Paramètres du site: the page shows them from there."""
    html = unescape(client.get("/contact/").content.decode())
    main = html.split('<main id="contenu"', 1)[1].split("</main>", 1)[0]
    assert PHONE in main and EMAIL in main and ADDRESS.splitlines()[0] in main


def test_message_is_stored_then_signalled_then_acknowledged(client, contact, time_machine):
    response = send(client, time_machine, MESSAGE)
    assert response.status_code == 200
    assert "Message envoyé" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.email == "camille@example.org" and submission.subject == "Presse"
    assert submission.form_data["message"].startswith("Bonjour")
    assert set(submission.form_data) == set(MESSAGE)  # the traps are not stored
    assert submission.notified_at is not None
    [message] = mail.outbox
    assert message.to == [EMAIL]  # the address of Paramètres du site
    assert message.reply_to == ["camille@example.org"]
    assert "Presse" in message.subject
    assert "Camille Martin" in message.body and "je prépare un article" in message.body
    # The admin at the address of the Site record (localhost here), not WAGTAILADMIN_BASE_URL.
    assert f"http://localhost/admin/forms/submissions/{contact.pk}/" in message.body


def test_the_form_recipient_setting_overrides_the_public_address(client, contact, time_machine):
    from pages.models import SiteSettings

    site_settings = SiteSettings.objects.get()
    site_settings.form_recipient = "accueil@example.org"
    site_settings.save()
    send(client, time_machine, MESSAGE)
    assert mail.outbox[0].to == ["accueil@example.org"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failing_mail_server_loses_nothing(client, contact, time_machine, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    with caplog.at_level(logging.ERROR, logger="contact"):
        response = send(client, time_machine, MESSAGE)
    assert response.status_code == 200 and "Message envoyé" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.form_data["nom"] == "Camille Martin"
    assert submission.notified_at is None
    assert any("notification failed" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "trap",
    [
        {"site_internet": "https://pilules.example.com"},
        {"formulaire_affiche": "forged"},
        {"formulaire_affiche": ""},
    ],
    ids=["honeypot", "forged-token", "no-token"],
)
def test_probable_spam_is_kept_for_review_and_never_signalled(client, contact, time_machine, trap):
    response = send(client, time_machine, {**MESSAGE, **trap})
    assert response.status_code == 200 and "Message envoyé" in response.content.decode()
    kept = ContactSubmission.objects.get()
    assert kept.spam_reason in ("honeypot", "token") and kept.email == "camille@example.org"
    assert not mail.outbox


@pytest.mark.parametrize(
    ("wait", "reason"),
    [(1, "timing"), (2 * 24 * 60 * 60, "expired")],
    ids=["faster-than-a-person-types", "page-left-open-two-days"],
)
def test_a_fast_autofill_or_an_old_page_loses_nothing(client, contact, time_machine, wait, reason):
    """Sent within a second (a browser's autofill), or from a page shown two days ago: the
    visitor is thanked and the message is there for staff, marked, not e-mailed."""
    response = send(client, time_machine, MESSAGE, wait=wait)
    assert response.status_code == 200 and "Message envoyé" in response.content.decode()
    kept = ContactSubmission.objects.get()
    assert kept.spam_reason == reason and kept.form_data["message"].startswith("Bonjour")
    assert not mail.outbox


def test_staff_find_the_probable_spam_apart(admin_client, client, contact, time_machine):
    send(client, time_machine, MESSAGE)
    send(client, time_machine, {**MESSAGE, "courriel": "robot@example.org", "site_internet": "x"})
    url = reverse("wagtailforms:list_submissions", args=[contact.pk])
    flagged = unescape(admin_client.get(url, {"probable_spam": "true"}).content.decode())
    ordinary = unescape(admin_client.get(url, {"probable_spam": "false"}).content.decode())
    assert "robot@example.org" in flagged and "camille@example.org" not in flagged
    assert "champ caché rempli" in flagged
    assert "camille@example.org" in ordinary and "robot@example.org" not in ordinary


def test_rate_limit_per_address_then_a_french_429(client, contact, time_machine, settings):
    for _ in range(settings.FORM_RATE_LIMIT):
        assert send(client, time_machine, MESSAGE).status_code == 200
    response = send(client, time_machine, MESSAGE)
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.FORM_RATE_WINDOW)
    assert "Trop d'envois" in response.content.decode()
    assert ContactSubmission.objects.count() == settings.FORM_RATE_LIMIT
    assert "127.0.0.1" not in str(list(RateCounter.objects.values()))  # counted, never by address
    other = send(client, time_machine, MESSAGE, REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 200  # another address is not held back
    an_hour_later = START + datetime.timedelta(seconds=settings.FORM_RATE_WINDOW + 60)
    assert send(client, time_machine, MESSAGE, start=an_hour_later).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"nom": "Camille\r\nBcc: cible@example.org"}, "nom", "une seule ligne"),
        ({"organisation": "Asso\nX-Header: oui"}, "organisation", "une seule ligne"),
        ({"nom": "C" * 201}, "nom", "au plus 200 caractères"),
        ({"message": "M" * 5001}, "message", "au plus 5000 caractères"),
        ({"courriel": "camille@@example"}, "courriel", "adresse de courriel valide"),
        ({"message": 'Voir <a href="https://x.example">ici</a>'}, "message", "HTML"),
        ({"nom": "<script>alert(1)</script>"}, "nom", "HTML"),
        ({"objet": "Spam"}, "objet", "Sélectionnez un choix valide"),
        ({"message": ""}, "message", "Champ requis"),
        # Control characters: refused in every field (#31 items 7 and 9), line breaks and tabs
        # aside in the message.
        ({"courriel": '"a\\ b\x01"@example.org'}, "courriel", "caractère invisible"),
        ({"courriel": '"camille\x0bBcc:x@example.org"@example.org'}, "courriel", "caractère invisible"),
        ({"nom": "Camille\x1cMartin"}, "nom", "caractère invisible"),
        ({"organisation": "Asso\x0cX"}, "organisation", "caractère invisible"),
        ({"message": "Bonjour\x1b[31m"}, "message", "caractère invisible"),
        ({"message": "Bonjour\u2028X-Header: oui"}, "message", "caractère invisible"),
    ],
    ids=[
        "crlf-name",
        "lf-organisation",
        "long-name",
        "long-message",
        "bad-email",
        "html-link",
        "script",
        "subject",
        "empty",
        "control-email",
        "vertical-tab-email",
        "control-name",
        "form-feed-organisation",
        "escape-message",
        "separator-message",
    ],
)
def test_bad_input_is_a_form_error_keeping_what_was_typed(client, contact, time_machine, changes, field, error):
    data = {**MESSAGE, **changes}
    response = send(client, time_machine, data)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Le message n'est pas parti" in html
    assert error in html
    assert 'aria-invalid="true"' in html
    for name, value in data.items():
        if name != field:
            shown = value if name != "message" else value.split("\n")[0]
            assert shown in html, name
    assert not ContactSubmission.objects.exists() and not mail.outbox


def test_a_message_keeps_its_line_breaks_and_tabs(client, contact, time_machine):
    message = "Bonjour,\r\n\tpremier point ;\n\tsecond point."
    assert send(client, time_machine, {**MESSAGE, "message": message}).status_code == 200
    assert ContactSubmission.objects.get().form_data["message"] == message  # kept as typed


def test_a_second_contact_page_cannot_be_added(contact, home):
    assert not ContactPage.can_create_at(home)
    assert ContactPage.allowed_parent_page_models() == [type(home)]


def test_staff_filter_messages_by_subject_and_export_them(admin_client, client, contact, time_machine):
    send(client, time_machine, MESSAGE)
    send(client, time_machine, {**MESSAGE, "objet": "Recherche", "courriel": "lea@example.org"})
    url = reverse("wagtailforms:list_submissions", args=[contact.pk])
    listing = admin_client.get(url, {"subject": "Recherche"}).content.decode()
    assert "lea@example.org" in listing and "camille@example.org" not in listing
    export = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Date de soumission", "Nom", "Courriel", "Organisation", "Objet", "Message"]
    assert [row[2] for row in rows[1:]] == ["camille@example.org", "lea@example.org"]
    assert rows[1][5] == MESSAGE["message"]  # the message whole, line break included
    dated = admin_client.get(url, {"date_from": "2026-03-03"}).content.decode()
    assert "lea@example.org" not in dated
