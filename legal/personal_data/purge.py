"""The nightly purge (`manage.py purge_personal_data`): what is past its time is deleted."""

from __future__ import annotations

import calendar
import datetime
import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from contact.models import ContactSubmission
from core.counters import purge_expired
from newsletters.models import NewsletterSyncTask, Subscriber, Subscription
from newsletters.tokens import CONFIRM_MAX_AGE
from pages.models import SiteSettings

logger = logging.getLogger("legal.personal_data")
# A change Brevo refused (malformed) is kept this long for staff to look at, then dropped.
FAILED_SYNC_DAYS = 30


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and hour `months` earlier (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def purge(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete contact messages older than the retention set in Paramètres du site, sign-ups still
    unconfirmed after 7 days, unsubscriptions past their proof period, and the form counters
    (keyed hashes of addresses) whose window is over."""
    now = now or timezone.now()
    site = Site.objects.filter(is_default_site=True).first()
    site_settings = SiteSettings.for_site(site) if site else SiteSettings()
    Status = Subscription.Status
    with transaction.atomic():
        messages = ContactSubmission.objects.filter(
            submit_time__lt=months_before(now, site_settings.contact_retention_months)
        ).delete()[0]
        stale = Subscription.objects.filter(status=Status.PENDING, requested_at__lt=now - CONFIRM_MAX_AGE)
        # A new request from someone who had unsubscribed goes back to the proof of that unsubscription.
        restored = stale.filter(unsubscribed_at__isnull=False).update(status=Status.UNSUBSCRIBED)
        unconfirmed = stale.filter(unsubscribed_at__isnull=True).delete()[0]
        unsubscribed = Subscription.objects.filter(
            status=Status.UNSUBSCRIBED,
            unsubscribed_at__lt=months_before(now, site_settings.unsubscribed_retention_months),
        ).delete()[0]
        subscribers = Subscriber.objects.filter(subscriptions__isnull=True).delete()[0]
        failed = NewsletterSyncTask.objects.filter(
            failed_at__lt=now - datetime.timedelta(days=FAILED_SYNC_DAYS)
        ).delete()[0]
        counters = purge_expired(now)
    counts = {
        "messages de contact": messages,
        "inscriptions non confirmées": unconfirmed,
        "désinscriptions dont la preuve a expiré": unsubscribed,
        "demandes revenues à une désinscription": restored,
        "adresses sans inscription": subscribers,
        "envois à Brevo refusés": failed,
        "compteurs d'envois échus": counters,
    }
    logger.info("Personal data purged: %s", counts)
    return counts
