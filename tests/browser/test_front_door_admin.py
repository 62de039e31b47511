"""The front door's admin screens in real Chromium, as the moderator who uses them (password
then TOTP code): contact messages filtered by subject and exported as CSV, subscribers of one
list exported with their unsubscribe links, everything held about one address found,
downloaded and erased, and the legal notice's warning about empty fields."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contact.models import ContactPage, ContactSubmission
from legal.models import LegalNoticePage
from newsletters.models import NewsletterList, Subscriber, Subscription
from tests.browser.guide_pictures import guide_picture
from tests.factories.users import ModeratorFactory

from .staff import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def moderator(page, site_url):
    """A moderator's browser, past the password and the second factor, watching for CSP reports."""
    reports: list[str] = []
    page.on(
        "console", lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.csp_reports = reports
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site_url, ModeratorFactory())
    return page


def receive(contact: ContactPage, subject: str, email: str, days_ago: int) -> None:
    """A message as the contact form stores it, received some days ago."""
    submission = ContactSubmission.objects.create(
        page=contact,
        form_data={"nom": "Camille Martin", "courriel": email, "objet": subject, "message": "Bonjour,\nune question."},
        email=email,
        subject=subject,
    )
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    ContactSubmission.objects.filter(pk=submission.pk).update(submit_time=moment)


def subscribe(email: str, newsletter: NewsletterList) -> None:
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    Subscription.objects.create(
        subscriber=subscriber,
        newsletter=newsletter,
        status=Subscription.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        consent_text="J'accepte de recevoir cette lettre.",
    )


def filter_by(page, name: str, value: str) -> None:
    """Wagtail's filter menu: « Afficher les filtres », the filter, its value (applied at once)."""
    page.get_by_role("button", name="Afficher les filtres").click()
    page.locator(f"[aria-controls='drilldown-id_{name}']").click()
    page.locator(f"#id_{name}").select_option(value)
    page.keyboard.press("Escape")


def download_csv(page) -> list[list[str]]:
    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger en CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))  # French Excel: « ; »


def test_a_moderator_filters_the_contact_messages_by_subject_and_exports_them(moderator, site_url):
    contact = ContactPage.objects.get()
    receive(contact, "Presse", "camille@example.org", days_ago=10)
    receive(contact, "Recherche", "lea@example.org", days_ago=1)
    moderator.goto(f"{site_url}/admin/forms/")
    moderator.get_by_role("link", name=contact.title, exact=True).first.click()
    rows = moderator.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)

    filter_by(moderator, "subject", "Recherche")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("lea@example.org")
    exported = download_csv(moderator)
    assert exported[0][:5] == ["Date de soumission", "Nom", "Courriel", "Organisation", "Objet"]
    assert [row[2] for row in exported[1:]] == ["lea@example.org"]

    since = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    moderator.goto(f"{site_url}/admin/forms/submissions/{contact.pk}/?date_from={since}")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("lea@example.org")
    assert not moderator.csp_reports, moderator.csp_reports


@pytest.mark.guide_pictures
def test_a_moderator_exports_the_subscribers_of_one_list(moderator, site_url):
    daily, weekly = NewsletterList.objects.order_by("sort_order")[:2]
    subscribe("lea@example.org", daily)
    subscribe("noe@example.org", weekly)
    moderator.goto(f"{site_url}/admin/snippets/newsletters/newsletterlist/")
    listed = moderator.locator("table.listing tbody tr", has_text=daily.name)
    expect(listed).to_contain_text("1")
    expect(listed.locator(".w-sr-only")).to_have_text("Oui")  # offered, said in French
    moderator.goto(f"{site_url}/admin/abonnes/")
    rows = moderator.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)

    filter_by(moderator, "newsletter", str(daily.pk))
    expect(rows).to_have_count(1)
    guide_picture(moderator, "abonnes")
    exported = download_csv(moderator)
    heading, [row] = exported[0], exported[1:]
    assert heading[:3] == ["Courriel", "Lettre", "État"]
    record = dict(zip(heading, row, strict=True))
    assert (record["Courriel"], record["Lettre"]) == ("lea@example.org", daily.name)
    assert record["Texte accepté"] == "J'accepte de recevoir cette lettre."
    assert "/newsletters/desinscrire/" in record["Lien de désinscription"]
    assert record["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not moderator.csp_reports, moderator.csp_reports


@pytest.mark.guide_pictures
def test_a_moderator_finds_downloads_and_erases_what_is_held_about_an_address(moderator, site_url):
    receive(ContactPage.objects.get(), "Presse", "lea@example.org", days_ago=2)
    subscribe("lea@example.org", NewsletterList.objects.first())
    receive(ContactPage.objects.get(), "Presse", "paul@example.org", days_ago=2)
    moderator.goto(f"{site_url}/admin/")
    moderator.get_by_role("button", name="Paramètres").click()
    moderator.get_by_role("link", name="Données personnelles").click()
    main = moderator.locator("#main")
    main.get_by_label("Adresse électronique").fill("lea@example.org")
    main.get_by_role("button", name="Rechercher").click()
    expect(moderator.get_by_role("heading", name="Messages du formulaire de contact (1)")).to_be_visible()
    expect(moderator.get_by_role("heading", name="Lettres d'information (1)")).to_be_visible()
    guide_picture(moderator, "donnees-personnelles")

    with moderator.expect_download() as download:
        moderator.get_by_role("link", name="Télécharger ces données (JSON)").click()
    held = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert held["adresse"] == "lea@example.org"
    assert len(held["messages du formulaire de contact"]) == len(held["lettres d'information"]) == 1

    moderator.get_by_role("button", name="Tout effacer").click()  # not yet confirmed
    expect(moderator.get_by_text("Cochez la confirmation pour effacer ces données.")).to_be_visible()
    assert ContactSubmission.objects.filter(email="lea@example.org").exists()
    moderator.get_by_label("J'ai vérifié l'identité de la personne").check()
    moderator.get_by_role("button", name="Tout effacer").click()
    expect(moderator.get_by_text("Données effacées pour lea@example.org")).to_be_visible()
    assert not ContactSubmission.objects.filter(email="lea@example.org").exists()
    assert not Subscriber.objects.filter(email="lea@example.org").exists()
    assert ContactSubmission.objects.filter(email="paul@example.org").exists()
    assert not moderator.csp_reports, moderator.csp_reports


def test_the_legal_notice_tells_the_moderator_what_is_missing(moderator, site_url):
    notice = LegalNoticePage.objects.get()
    moderator.goto(f"{site_url}/admin/pages/{notice.pk}/edit/")
    warning = moderator.locator("[data-legal-warning]")
    expect(warning).to_contain_text("directeur ou directrice de la publication, hébergeur")
    moderator.goto(site_url + notice.url)
    expect(moderator.locator("main")).not_to_contain_text("à compléter")
    expect(moderator.locator("main")).not_to_contain_text("Hébergeur")
