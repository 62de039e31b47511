"""Everything the site holds about one e-mail address, to show, export or erase it."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from contact.models import ContactSubmission
from newsletters.models import NewsletterSyncTask, SignUpRequest, Subscriber, Subscription
from newsletters.service import queue

logger = logging.getLogger("legal.personal_data")


@dataclass
class PersonalRecords:
    email: str
    messages: list[ContactSubmission] = field(default_factory=list)
    subscriber: Subscriber | None = None
    subscriptions: list[Subscription] = field(default_factory=list)
    pending_sync: list[NewsletterSyncTask] = field(default_factory=list)
    received_sign_ups: list[SignUpRequest] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.messages or self.subscriber or self.pending_sync or self.received_sign_ups)


def find(email: str) -> PersonalRecords:
    """Matches the address whatever its case, as people type it."""
    email = email.strip()
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    return PersonalRecords(
        email=email,
        messages=list(ContactSubmission.objects.filter(email__iexact=email).select_related("page").order_by("pk")),
        subscriber=subscriber,
        subscriptions=list(subscriber.subscriptions.select_related("newsletter")) if subscriber else [],
        pending_sync=list(NewsletterSyncTask.objects.filter(email__iexact=email).order_by("pk")),
        received_sign_ups=list(SignUpRequest.objects.filter(email__iexact=email).order_by("pk")),
    )


def _when(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def export(records: PersonalRecords) -> dict:
    """A plain, readable JSON document of what `find` found (the right of access, art. 15 RGPD)."""
    return {
        "adresse": records.email,
        "exporté le": _when(timezone.now()),
        "messages du formulaire de contact": [
            {
                "reçu le": _when(message.submit_time),
                "page": message.page.title,
                "contenu": message.form_data,
                "signalé à l'équipe le": _when(message.notified_at),
            }
            for message in records.messages
        ],
        "lettres d'information": [
            {
                "lettre": item.newsletter.name,
                "état": item.get_status_display(),
                "demandée le": _when(item.requested_at),
                "texte accepté": item.consent_text,
                "consentement confirmé le": _when(item.confirmed_at),
                "désinscription le": _when(item.unsubscribed_at),
            }
            for item in records.subscriptions
        ],
        "envois à Brevo en attente": [
            {"action": task.get_action_display(), "créé le": _when(task.created_at)} for task in records.pending_sync
        ],
        "inscriptions reçues, pas encore traitées": [
            {"reçue le": _when(item.received_at), "lettres": item.list_ids} for item in records.received_sign_ups
        ],
    }


SHEET_HEADINGS = ("Rubrique", "N°", "Information", "Valeur")


def _field_labels(records: PersonalRecords) -> dict[int, dict[str, str]]:
    """{page id: {field name: label}}: the contact form's own words for what was typed."""
    pages = {message.page_id: message.page for message in records.messages}
    return {pk: dict(page.specific.get_data_fields()) for pk, page in pages.items()}


def sheet_rows(records: PersonalRecords) -> list[tuple]:
    """The same as `export`, one line per piece of information, for a person to read in a
    spreadsheet (times in Paris time, as the admin shows them)."""
    rows: list[tuple] = [
        ("Adresse", "", "Adresse électronique", records.email),
        ("Adresse", "", "Exporté le", timezone.now()),
    ]
    labels = _field_labels(records)
    for number, message in enumerate(records.messages, start=1):
        section = "Message du formulaire de contact"
        rows += [(section, number, "Reçu le", message.submit_time), (section, number, "Page", message.page.title)]
        page_labels = labels.get(message.page_id, {})
        rows += [(section, number, page_labels.get(name, name), value) for name, value in message.form_data.items()]
        rows.append((section, number, "Signalé à l'équipe le", message.notified_at or "non"))
    for number, item in enumerate(records.subscriptions, start=1):
        section = "Lettre d'information"
        rows += [
            (section, number, "Lettre", item.newsletter.name),
            (section, number, "État", item.get_status_display()),
            (section, number, "Demandée le", item.requested_at),
            (section, number, "Texte accepté", item.consent_text),
            (section, number, "Consentement confirmé le", item.confirmed_at),
            (section, number, "Désinscription le", item.unsubscribed_at),
        ]
    for number, task in enumerate(records.pending_sync, start=1):
        section = "Envoi à Brevo en attente"
        rows += [(section, number, "Action", task.get_action_display()), (section, number, "Créé le", task.created_at)]
    return rows


def erase(email: str) -> dict[str, int]:
    """Delete everything held about the address (the right to erasure, art. 17 RGPD); the e-mail
    provider is asked to delete its contact too when the site is connected to one."""
    records = find(email)
    with transaction.atomic():
        counts = {
            "messages": ContactSubmission.objects.filter(pk__in=[m.pk for m in records.messages]).delete()[0],
            "inscriptions": len(records.subscriptions),
            "envois en attente": NewsletterSyncTask.objects.filter(
                pk__in=[t.pk for t in records.pending_sync]
            ).delete()[0],
            "inscriptions reçues": SignUpRequest.objects.filter(
                pk__in=[item.pk for item in records.received_sign_ups]
            ).delete()[0],
        }
        if records.subscriber is not None:
            had_confirmed = any(item.confirmed_at for item in records.subscriptions)
            records.subscriber.delete()
            if had_confirmed:
                queue(NewsletterSyncTask.Action.DELETE, records.subscriber.email, [])
    logger.info("Personal data erased on request: %s", counts)
    return counts
