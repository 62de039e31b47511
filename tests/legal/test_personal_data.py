"""Personal data: staff find, export and erase everything held about one address from the
admin; the nightly purge keeps nothing past the retention set in Paramètres du site."""

from __future__ import annotations

import datetime
import json
import re
from html import unescape

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from contact.models import ContactSubmission
from legal.personal_data.purge import months_before
from newsletters.models import Subscriber, Subscription
from pages.models import SiteSettings
from tests.clients import StaffClient
from tests.factories.contact import ContactPageFactory
from tests.factories.newsletters import NewsletterListFactory
from tests.factories.users import EditorFactory
from tests.front_door import hidden_started

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
Status = Subscription.Status


def write(client, time_machine, email: str, when: datetime.datetime) -> None:
    """A visitor sends the contact form at `when`."""
    time_machine.move_to(when, tick=False)
    html = client.get("/contact/").content.decode()
    time_machine.shift(30)
    data = {"nom": "Léa", "courriel": email, "objet": "Autre", "message": "Bonjour."}
    assert client.post("/contact/", {**data, "formulaire_affiche": hidden_started(html)}).status_code == 200


def sign_up(client, time_machine, email: str, newsletter, when: datetime.datetime, confirm: bool) -> None:
    time_machine.move_to(when, tick=False)
    html = client.get("/").content.decode()
    time_machine.shift(30)
    data = {"email": email, "lists": [newsletter.pk], "formulaire_affiche": hidden_started(html)}
    client.post("/newsletters/inscription/", data)
    if confirm:
        link = re.search(r"http://localhost(/newsletters/confirmer/\S+/)", mail.outbox[-1].body).group(1)
        client.post(link)


@pytest.fixture
def held(client, time_machine):
    """Léa wrote twice and signed up to one list; Paul wrote once."""
    ContactPageFactory()
    newsletter = NewsletterListFactory(name="La quotidienne")
    write(client, time_machine, "lea@example.org", START)
    write(client, time_machine, "Lea@Example.org", START + datetime.timedelta(days=1))
    write(client, time_machine, "paul@example.org", START)
    sign_up(client, time_machine, "lea@example.org", newsletter, START, confirm=True)
    return newsletter


URL = "/admin/donnees-personnelles/"


def test_moderators_find_everything_held_about_an_address(moderator_client, held):
    html = unescape(moderator_client.get(URL, {"courriel": "LEA@example.org"}).content.decode())
    assert "Messages du formulaire de contact (2)" in html
    assert "Lettres d'information (1)" in html and "La quotidienne" in html and "confirmée" in html
    assert "paul@example.org" not in html


def test_the_export_is_a_readable_json_of_it_all(moderator_client, held):
    response = moderator_client.get(URL, {"courriel": "lea@example.org", "format": "json"})
    assert response["Content-Disposition"].startswith('attachment; filename="donnees-lea-example-org-2026-03')
    data = json.loads(response.content)
    assert len(data["messages du formulaire de contact"]) == 2
    assert data["messages du formulaire de contact"][0]["contenu"]["message"] == "Bonjour."
    [letter] = data["lettres d'information"]
    assert letter["lettre"] == "La quotidienne" and letter["texte accepté"].startswith("En vous inscrivant")
    assert letter["consentement confirmé le"]


def test_erasing_takes_a_confirmation_then_leaves_nothing(moderator_client, held):
    refused = moderator_client.post(URL, {"courriel": "lea@example.org", "csrfmiddlewaretoken": "jeton"})
    assert refused.status_code == 302
    assert refused["Location"] == f"{URL}?courriel=lea%40example.org"  # the findings again, no token in the address
    assert ContactSubmission.objects.filter(email__iexact="lea@example.org").count() == 2
    done = moderator_client.post(URL, {"courriel": "lea@example.org", "confirmer": "oui"}, follow=True)
    assert "Données effacées pour lea@example.org" in done.content.decode()
    assert not ContactSubmission.objects.filter(email__iexact="lea@example.org").exists()
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    assert ContactSubmission.objects.filter(email="paul@example.org").count() == 1
    after = moderator_client.get(URL, {"courriel": "lea@example.org"}).content.decode()
    assert "data-personal-data-empty" in after


def test_editors_have_no_access(db, held):
    client = StaffClient()
    client.force_login(EditorFactory())
    assert client.get(URL, {"courriel": "lea@example.org"}).status_code in (302, 403)
    assert client.post(URL, {"courriel": "lea@example.org", "confirmer": "oui"}).status_code in (302, 403)
    assert ContactSubmission.objects.count() == 3
    assert client.get("/admin/abonnes/").status_code in (302, 403)


def test_the_settings_menu_offers_the_tool_to_moderators_only(moderator_client, db):
    assert URL in moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    editor = StaffClient()
    editor.force_login(EditorFactory())
    assert URL not in editor.get(reverse("wagtailadmin_home")).content.decode()


def test_the_nightly_purge_keeps_nothing_past_its_time(client, time_machine, capsys):
    ContactPageFactory()
    quotidienne, hebdo = NewsletterListFactory(name="La quotidienne"), NewsletterListFactory(name="L'hebdo")
    settings = SiteSettings.objects.get()
    settings.contact_retention_months, settings.unsubscribed_retention_months = 6, 24
    settings.save()
    now = datetime.datetime(2026, 9, 15, 3, 0, tzinfo=datetime.UTC)

    write(client, time_machine, "ancien@example.org", now - datetime.timedelta(days=200))
    write(client, time_machine, "recent@example.org", now - datetime.timedelta(days=150))
    sign_up(client, time_machine, "jamais@example.org", quotidienne, now - datetime.timedelta(days=8), confirm=False)
    sign_up(client, time_machine, "hesite@example.org", quotidienne, now - datetime.timedelta(days=6), confirm=False)
    sign_up(client, time_machine, "fidele@example.org", quotidienne, now - datetime.timedelta(days=900), confirm=True)
    sign_up(client, time_machine, "parti@example.org", hebdo, now - datetime.timedelta(days=900), confirm=True)
    sign_up(client, time_machine, "parti-tot@example.org", hebdo, now - datetime.timedelta(days=900), confirm=True)
    Subscription.objects.filter(subscriber__email="parti@example.org").update(
        status=Status.UNSUBSCRIBED, unsubscribed_at=now - datetime.timedelta(days=30 * 25)
    )
    Subscription.objects.filter(subscriber__email="parti-tot@example.org").update(
        status=Status.UNSUBSCRIBED, unsubscribed_at=now - datetime.timedelta(days=30 * 23)
    )

    time_machine.move_to(now, tick=False)
    call_command("purge_personal_data")
    assert "messages de contact : 1" in capsys.readouterr().out
    assert list(ContactSubmission.objects.values_list("email", flat=True)) == ["recent@example.org"]
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "hesite@example.org",  # still within its 7 days
        "fidele@example.org",  # confirmed: kept while subscribed
        "parti-tot@example.org",  # its proof period (24 months) is not over
    }


def test_months_are_counted_on_the_calendar():
    moment = datetime.datetime(2026, 3, 31, 3, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 3, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2025, 3, 31, 3, 0, tzinfo=datetime.UTC)
    assert months_before(moment, 3) == datetime.datetime(2025, 12, 31, 3, 0, tzinfo=datetime.UTC)
