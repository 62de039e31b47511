"""The newsletters through their real forms and links, and Django's mail outbox: double
opt-in, links that expire or are forged, one-click unsubscribe, and nothing that tells
whether an address was already known."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.test import Client

from newsletters.forms import CONSENT_TEXT
from newsletters.models import NewsletterList, Subscriber, Subscription
from tests.factories.newsletters import NewsletterListFactory, NewsletterPageFactory
from tests.factories.pages import StandardPageFactory
from tests.front_door import hidden_started

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
Status = Subscription.Status


@pytest.fixture
def lists(db) -> list[NewsletterList]:
    return [
        NewsletterListFactory(name="La quotidienne", description="Une lettre chaque jour."),
        NewsletterListFactory(name="L'hebdo association", description="Une lettre par semaine."),
        NewsletterListFactory(name="Une lettre arrêtée", active=False),
    ]


def sign_up(client, time_machine, email: str, newsletters, start=START, wait: float = 10, page="/", **extra):
    """From the footer form of `page`: open it, wait like a person, post it."""
    time_machine.move_to(start, tick=False)
    html = client.get(page).content.decode()
    time_machine.shift(wait)
    data = {"email": email, "lists": [item.pk for item in newsletters], "formulaire_affiche": hidden_started(html)}
    return client.post("/newsletters/inscription/", {**data, **extra})


def text(response) -> str:
    """The page as a reader sees it (entities decoded)."""
    return unescape(response.content.decode())


def confirmation_link(message) -> str:
    return re.search(r"http://localhost(/newsletters/confirmer/[^/\s]+/)", message.body).group(1)


def test_every_page_offers_the_active_lists_in_its_footer(client, lists):
    footer = text(client.get("/")).split('<footer class="site-footer">', 1)[1]
    assert 'action="/newsletters/inscription/"' in footer
    assert "La quotidienne" in footer and "L'hebdo association" in footer
    assert "Une lettre arrêtée" not in footer
    assert CONSENT_TEXT in footer


def test_the_footer_form_leaves_pages_shareable_by_the_page_cache(client, lists):
    """No CSRF token, no cookie: the page a visitor gets can be kept for the next one."""
    response = client.get("/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_nothing_counts_before_the_confirmation(client, lists, time_machine):
    response = sign_up(client, time_machine, "Lea@Example.org", lists[:2])
    assert response.status_code == 302 and response["Location"] == "/newsletters/inscription/envoyee/"
    assert "Vérifiez votre messagerie" in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.to == ["lea@example.org"]
    assert "La quotidienne" in message.body and "valable 7 jours" in message.body
    assert set(Subscription.objects.values_list("status", flat=True)) == {Status.PENDING}
    assert not Subscription.objects.filter(status=Status.CONFIRMED).exists()

    link = confirmation_link(message)
    page = client.get(link)
    assert page.status_code == 200 and "Je confirme mon inscription" in page.content.decode()
    assert not Subscription.objects.filter(status=Status.CONFIRMED).exists()  # a link scanner confirms nothing

    time_machine.shift(60)
    done = Client(enforce_csrf_checks=True).post(link)  # from the e-mail: no session, no CSRF token
    assert done.status_code == 200 and "Inscription confirmée" in done.content.decode()
    confirmed = Subscription.objects.filter(status=Status.CONFIRMED).select_related("newsletter")
    assert {item.newsletter.name for item in confirmed} == {"La quotidienne", "L'hebdo association"}
    for item in confirmed:
        assert item.consent_text == CONSENT_TEXT
        assert item.requested_at == START + datetime.timedelta(seconds=10)
        assert item.confirmed_at == START + datetime.timedelta(seconds=70)


def test_an_inactive_list_cannot_be_chosen(client, lists, time_machine):
    response = sign_up(client, time_machine, "lea@example.org", [lists[2]])
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox


def test_the_link_expires_after_seven_days(client, lists, time_machine):
    sign_up(client, time_machine, "lea@example.org", lists[:1])
    link = confirmation_link(mail.outbox[0])
    time_machine.shift(datetime.timedelta(days=7, minutes=1))
    response = client.post(link)
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    assert Subscription.objects.get().status == Status.PENDING


@pytest.mark.parametrize("tamper", ["payload", "signature", "truncated"])
def test_a_tampered_link_is_refused(client, lists, time_machine, tamper):
    sign_up(client, time_machine, "lea@example.org", lists[:1])
    link = confirmation_link(mail.outbox[0])
    token = link.split("/")[-2]
    payload, stamp, signature = token.rsplit(":", 2)
    forged = {
        "payload": f"{payload[:-2]}xx:{stamp}:{signature}",
        "signature": f"{payload}:{stamp}:{signature[:-3]}abc",
        "truncated": payload,
    }[tamper]
    for method in (client.get, client.post):
        response = method(f"/newsletters/confirmer/{forged}/")
        assert response.status_code == 400 and "Ce lien n'est pas valide" in text(response)
    assert Subscription.objects.get().status == Status.PENDING


def test_signing_up_twice_sends_one_more_confirmation_never_a_duplicate(client, lists, time_machine):
    first = sign_up(client, time_machine, "lea@example.org", lists[:1])
    second = sign_up(client, time_machine, "LEA@example.org", lists[:1], start=START + datetime.timedelta(minutes=5))
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 2
    assert Subscriber.objects.count() == 1 and Subscription.objects.count() == 1
    client.post(confirmation_link(mail.outbox[0]))  # the older link still works within its 7 days
    assert Subscription.objects.get().status == Status.CONFIRMED


def test_a_known_address_gets_the_same_answer_as_a_new_one(client, lists, time_machine):
    known = Subscriber.objects.create(email="known@example.org")
    Subscription.objects.create(
        subscriber=known, newsletter=lists[0], status=Status.CONFIRMED, confirmed_at=START, consent_text="ancien"
    )
    for_known = sign_up(client, time_machine, "known@example.org", lists[:1])
    for_new = sign_up(client, time_machine, "new@example.org", lists[:1])
    assert (for_known.status_code, for_known["Location"]) == (for_new.status_code, for_new["Location"])
    kept = Subscription.objects.get(subscriber=known)
    assert (kept.status, kept.confirmed_at, kept.consent_text) == (Status.CONFIRMED, START, "ancien")
    assert len(mail.outbox) == 2  # each address got its confirmation e-mail


def test_a_stranger_cannot_flood_a_mailbox_with_confirmations(client, lists, time_machine):
    for minute in range(5):
        sign_up(client, time_machine, "cible@example.org", lists[:1], start=START + datetime.timedelta(minutes=minute))
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    "trap",
    [{"site_internet": "http://spam.example"}, {"formulaire_affiche": "x"}],
    ids=["honeypot", "forged-token"],
)
def test_what_only_a_robot_sends_is_dropped_silently(client, lists, time_machine, trap):
    response = sign_up(client, time_machine, "robot@example.org", lists[:1], **trap)
    assert response.status_code == 302 and response["Location"] == "/newsletters/inscription/envoyee/"
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_fast_autofill_still_signs_up_with_double_opt_in(client, lists, time_machine):
    """Half a second is a browser filling the address: the request stands, and nothing counts
    before the confirmation link is clicked (that is the safeguard)."""
    sign_up(client, time_machine, "presse@example.org", lists[:1], wait=0.5)
    subscription = Subscription.objects.get(subscriber__email="presse@example.org")
    assert subscription.status == Subscription.Status.PENDING and len(mail.outbox) == 1


def test_rate_limit_then_a_french_429(client, lists, time_machine, settings):
    for number in range(settings.FORM_RATE_LIMIT):
        assert sign_up(client, time_machine, f"p{number}@example.org", lists[:1]).status_code == 302
    response = sign_up(client, time_machine, "late@example.org", lists[:1])
    assert response.status_code == 429 and "Trop d'envois" in text(response)
    assert not Subscriber.objects.filter(email="late@example.org").exists()


@pytest.mark.parametrize(
    ("email", "lists_chosen", "error"),
    [
        ("pas-une-adresse", 1, "adresse de courriel valide"),
        ("lea@example.org\r\nBcc: x@example.org", 1, "adresse de courriel valide"),
        ("lea@example.org", 0, "Cochez au moins une lettre"),
        ("x" * 250 + "@example.org", 1, "au plus 254 caractères"),
        # Quoted addresses Django's validator accepts: control characters broke the Excel export,
        # and \x0b, \x0c, \x1c end a line in the confirmation e-mail's To header (#31 items 7, 9).
        ('"a\\ b\x01"@example.org', 1, "caractère invisible"),
        ('"\x01"@example.org', 1, "caractère invisible"),
        ('"lea\x0bBcc:x@example.org"@example.org', 1, "caractère invisible"),
        ('"lea\x0c\x1c"@example.org', 1, "caractère invisible"),
    ],
    ids=["invalid", "crlf", "no-list", "too-long", "control", "control-only", "vertical-tab", "form-feed"],
)
def test_bad_input_is_a_form_error_keeping_what_was_typed(client, lists, time_machine, email, lists_chosen, error):
    response = sign_up(client, time_machine, email, lists[:lists_chosen])
    html = text(response)
    assert response.status_code == 200
    assert error in html and "L'inscription n'a pas pu être enregistrée" in html
    if lists_chosen == 0:
        assert 'value="lea@example.org"' in html
    else:
        assert f'value="{lists[0].pk}" id="inscription-lettre-{lists[0].pk}" checked' in html
    assert not Subscriber.objects.exists() and not mail.outbox


def subscribed(email: str, *newsletters) -> Subscriber:
    subscriber = Subscriber.objects.create(email=email)
    for newsletter in newsletters:
        Subscription.objects.create(
            subscriber=subscriber, newsletter=newsletter, status=Status.CONFIRMED, confirmed_at=START
        )
    return subscriber


def test_one_click_unsubscribe_from_one_list_keeps_the_others(client, lists):
    from newsletters.tokens import unsubscribe_token

    subscriber = subscribed("lea@example.org", lists[0], lists[1])
    link = f"/newsletters/desinscrire/{unsubscribe_token(subscriber.pk, lists[0].pk)}/"
    page = client.get(link).content.decode()
    assert "Me désinscrire" in page and "La quotidienne" in page
    assert Subscription.objects.filter(status=Status.CONFIRMED).count() == 2  # a GET changes nothing
    response = Client(enforce_csrf_checks=True).post(link)
    assert response.status_code == 200 and "Désinscription enregistrée" in response.content.decode()
    states = dict(Subscription.objects.values_list("newsletter__name", "status"))
    assert states == {"La quotidienne": Status.UNSUBSCRIBED, "L'hebdo association": Status.CONFIRMED}
    assert Subscription.objects.get(newsletter=lists[0]).unsubscribed_at is not None


def test_stop_everything_and_the_mail_clients_one_click(client, lists):
    """RFC 8058: a mail client posts `List-Unsubscribe=One-Click` to the header's link."""
    from newsletters.mail import list_unsubscribe_headers
    from newsletters.tokens import unsubscribe_token

    subscriber = subscribed("lea@example.org", lists[0], lists[1])
    headers = list_unsubscribe_headers("https://www.lerameau.fr", subscriber.pk, lists[1].pk)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = headers["List-Unsubscribe"].strip("<>").removeprefix("https://www.lerameau.fr")
    Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert Subscription.objects.get(newsletter=lists[1]).status == Status.UNSUBSCRIBED

    everything = f"/newsletters/desinscrire/{unsubscribe_token(subscriber.pk)}/"
    assert "Tout arrêter" in client.get(everything).content.decode()
    client.post(everything)
    assert set(Subscription.objects.values_list("status", flat=True)) == {Status.UNSUBSCRIBED}


def test_a_forged_unsubscribe_link_is_refused(client, lists):
    from newsletters.tokens import unsubscribe_token

    subscriber = subscribed("lea@example.org", lists[0])
    token = unsubscribe_token(subscriber.pk, lists[0].pk)
    response = client.post(f"/newsletters/desinscrire/{token[:-4]}abcd/")
    assert response.status_code == 400
    assert Subscription.objects.get().status == Status.CONFIRMED


def test_the_newsletters_page_and_the_block(client, lists):
    NewsletterPageFactory()
    html = client.get("/newsletters/").content.decode()
    assert "Une lettre chaque jour." in html and 'id="lettres-email"' in html
    page = StandardPageFactory(
        title="Page avec inscription", body=[("newsletter_signup", {"heading": "Suivre nos travaux", "text": ""})]
    )
    html = client.get(page.url).content.decode()
    assert "Suivre nos travaux" in html and 'id="bloc-email"' in html and 'id="pied-email"' in html


def test_staff_see_subscribers_per_list_and_export_them_with_their_links(admin_client, client, lists):
    subscribed("lea@example.org", lists[0], lists[1])
    subscribed("paul@example.org", lists[1])
    url = "/admin/abonnes/"
    listing = admin_client.get(url, {"newsletter": lists[0].pk}).content.decode()
    assert "lea@example.org" in listing and "paul@example.org" not in listing
    export = admin_client.get(url, {"newsletter": lists[1].pk, "export": "csv"})
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert sorted(row["Courriel"] for row in rows) == ["lea@example.org", "paul@example.org"]
    row = next(row for row in rows if row["Courriel"] == "paul@example.org")
    assert row["Lettre"] == "L'hebdo association" and row["État"] == "confirmée"
    assert row["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = row["Lien de désinscription"].removeprefix("http://localhost")
    client.post(link)
    assert Subscription.objects.get(subscriber__email="paul@example.org").status == Status.UNSUBSCRIBED
    assert admin_client.get(url + "new/").status_code in (302, 403)  # nobody adds a subscription by hand


def test_a_known_and_a_new_address_cost_the_request_the_same_work(client, lists, time_machine):
    """While the visitor waits, a sign-up is one stored row whoever the address belongs to:
    the same statements, no e-mail; the subscription and its e-mail follow the answer (issue
    #31: a known address answered faster, which told who is subscribed)."""
    from django.core.signals import request_finished
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsletters.after_response import after_response, process_waiting

    known = Subscriber.objects.create(email="known@example.org")
    Subscription.objects.create(subscriber=known, newsletter=lists[0], status=Status.CONFIRMED, confirmed_at=START)
    time_machine.move_to(START, tick=False)
    token = hidden_started(client.get("/").content.decode())
    time_machine.shift(10)
    statements = {}
    request_finished.disconnect(dispatch_uid="rameau-newsletters-after-response")
    try:
        for email, address in (("known@example.org", "192.0.2.1"), ("new@example.org", "192.0.2.2")):
            with CaptureQueriesContext(connection) as queries:  # two visitors, each their first sign-up
                response = client.post(
                    "/newsletters/inscription/",
                    {"email": email, "lists": [lists[0].pk], "formulaire_affiche": token},
                    REMOTE_ADDR=address,
                )
            assert response.status_code == 302
            statements[email] = [
                re.sub(r"'[^']*'|\"s[0-9_x]+\"|\b\d+\b", "?", q["sql"]) for q in queries.captured_queries
            ]
    finally:
        request_finished.connect(after_response, dispatch_uid="rameau-newsletters-after-response")
    assert statements["known@example.org"] == statements["new@example.org"]
    assert not mail.outbox and not Subscriber.objects.filter(email="new@example.org").exists()
    assert process_waiting() == 2  # what the end of each answer (or sync_newsletters) does
    assert len(mail.outbox) == 2 and Subscriber.objects.filter(email="new@example.org").exists()
