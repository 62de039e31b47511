"""What a sign-up, a confirmation and an unsubscription change, in one place.

Nothing counts as a subscription until it is confirmed; asking again refreshes the pending
request and sends one more confirmation, never a second record, and the answer is the same
whether the address was known or not. Each change for the e-mail provider is queued in the
same transaction (newsletters/brevo.py sends the queue), and only when a key is set.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from core import counters
from newsletters.models import NewsletterList, NewsletterSyncTask, Subscriber, Subscription

from .forms import CONSENT_TEXT
from .mail import send_confirmation
from .tokens import ALL_LISTS

logger = logging.getLogger("newsletters")
Status = Subscription.Status
# At most this many confirmation e-mails to one address per hour: a stranger cannot flood a mailbox.
CONFIRMATIONS_PER_HOUR = 3


def queue(action: str, email: str, list_ids: list[int]) -> None:
    """A change for the provider, kept until it has taken it; nothing at all without a key."""
    if not settings.BREVO_API_KEY or (action != NewsletterSyncTask.Action.DELETE and not list_ids):
        return
    NewsletterSyncTask.objects.create(action=action, email=email, list_ids=sorted(set(list_ids)))


def _may_send_confirmation(email: str) -> bool:
    """At most CONFIRMATIONS_PER_HOUR to one mailbox (counted in the database: whatever the
    cache does, and on every server); a counter that cannot be written lets this one go."""
    count = counters.hit("newsletter-confirmation", email, 60 * 60)
    return count == 0 or count <= CONFIRMATIONS_PER_HOUR


def request_subscription(request: HttpRequest | None, email: str, list_ids: list[int]) -> None:
    """Record the request (pending) for each active list chosen, then send the confirmation
    (after the visitor's answer: newsletters/after_response.py)."""
    newsletters = list(NewsletterList.objects.filter(active=True, pk__in=list_ids).order_by("sort_order", "name"))
    if not newsletters:
        return
    now = timezone.now()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        for newsletter in newsletters:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter=newsletter,
                defaults={"requested_at": now, "consent_text": CONSENT_TEXT},
            )
            if not created and subscription.status != Status.CONFIRMED:
                subscription.status = Status.PENDING
                subscription.requested_at = now
                subscription.consent_text = CONSENT_TEXT
                subscription.save(update_fields=["status", "requested_at", "consent_text"])
    if _may_send_confirmation(email):
        send_confirmation(request, subscriber, newsletters)
    else:
        logger.info("Confirmation not sent again to subscriber %s: hourly limit reached", subscriber.pk)


def confirm(subscriber_id: int, list_ids: list[int]) -> list[Subscription]:
    """Confirm what is still pending among these lists; what was confirmed before stays as it is."""
    now = timezone.now()
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.select_for_update()
            .select_related("subscriber", "newsletter")
            .filter(subscriber_id=subscriber_id, newsletter_id__in=list_ids)
        )
        confirmed = [item for item in subscriptions if item.status == Status.PENDING]
        for item in confirmed:
            item.status = Status.CONFIRMED
            item.confirmed_at = now
            item.unsubscribed_at = None
            item.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        if confirmed:
            queue(
                NewsletterSyncTask.Action.ADD,
                confirmed[0].subscriber.email,
                [item.newsletter.brevo_list_id for item in confirmed if item.newsletter.brevo_list_id],
            )
    return [item for item in subscriptions if item.status == Status.CONFIRMED]


def unsubscribe(subscriber_id: int, list_id: int) -> list[NewsletterList]:
    """Stop one list, or all of them (ALL_LISTS); the date stays as proof until the purge."""
    now = timezone.now()
    with transaction.atomic():
        subscriptions = (
            Subscription.objects.select_for_update()
            .select_related("subscriber", "newsletter")
            .filter(subscriber_id=subscriber_id)
            .exclude(status=Status.UNSUBSCRIBED)
        )
        if list_id != ALL_LISTS:
            subscriptions = subscriptions.filter(newsletter_id=list_id)
        stopped = list(subscriptions)
        at_provider = [item for item in stopped if item.status == Status.CONFIRMED]
        for item in stopped:
            item.status = Status.UNSUBSCRIBED
            item.unsubscribed_at = now
            item.save(update_fields=["status", "unsubscribed_at"])
        if at_provider:
            queue(
                NewsletterSyncTask.Action.REMOVE,
                at_provider[0].subscriber.email,
                [item.newsletter.brevo_list_id for item in at_provider if item.newsletter.brevo_list_id],
            )
    return [item.newsletter for item in stopped]
