"""The confirmation e-mail, and the unsubscribe links and List-Unsubscribe headers that
whatever tool sends the newsletters needs for each subscriber (the admin exports them)."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from core.absolute_urls import absolute_url
from newsletters.models import NewsletterList, Subscriber

from .tokens import ALL_LISTS, CONFIRM_MAX_AGE, confirm_token, unsubscribe_token

logger = logging.getLogger("newsletters")


def send_confirmation(request: HttpRequest | None, subscriber: Subscriber, newsletters: list[NewsletterList]) -> bool:
    """The double opt-in e-mail; a mail server that fails is logged, the request stays pending."""
    token = confirm_token(subscriber.pk, [item.pk for item in newsletters])
    body = render_to_string(
        "newsletters/email/confirm.txt",
        {
            "newsletters": newsletters,
            "confirm_url": absolute_url(request, reverse("newsletters:confirm", args=[token])),
            "days": CONFIRM_MAX_AGE.days,
            "site_url": absolute_url(request, "/"),
        },
    )
    message = EmailMessage("Confirmez votre inscription aux lettres du RAMEAU", body, to=[subscriber.email])
    try:
        message.send()
    except Exception:
        logger.exception("Confirmation e-mail to subscriber %s failed; the request stays pending", subscriber.pk)
        return False
    return True


def unsubscribe_url(base_url: str, subscriber_id: int, list_id: int = ALL_LISTS) -> str:
    """The one-click link for one list, or for all of them (« tout arrêter »)."""
    return base_url.rstrip("/") + reverse("newsletters:unsubscribe", args=[unsubscribe_token(subscriber_id, list_id)])


def list_unsubscribe_headers(base_url: str, subscriber_id: int, list_id: int) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers for one list: a mail client's « se désabonner » posts to
    the link and the subscription stops, without a page or a login."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(base_url, subscriber_id, list_id)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
