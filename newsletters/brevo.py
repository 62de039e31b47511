"""The one place that talks to Brevo, the e-mail service provider, and only when
BREVO_API_KEY is set: without a key nothing leaves the site.

Changes wait in NewsletterSyncTask (written with the change itself). `sync_pending()`, run by
`manage.py sync_newsletters` every few minutes, sends them in order, retrying a failed call
a few times; while Brevo is down or refuses the key, the tasks stay for the next run. A task
Brevo rejects as malformed is set aside (failed_at) and logged, never silently dropped.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone

from newsletters.models import NewsletterSyncTask

logger = logging.getLogger("newsletters.brevo")
Action = NewsletterSyncTask.Action
TIMEOUT = 10
RETRIES = 3
PAUSE = 1.0  # seconds before the first retry, doubled for each one after
# Worth trying again later: the provider is down, overloaded, or the key is being fixed.
TRANSIENT_STATUSES = {401, 403, 408, 425, 429}


class ProviderError(Exception):
    def __init__(self, message: str, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass
class SyncReport:
    sent: int = 0
    set_aside: int = 0
    waiting: int = 0


def is_configured() -> bool:
    return bool(settings.BREVO_API_KEY)


def call(method: str, path: str, body: dict | None = None) -> int:
    """One HTTP call to the Brevo API; the status, or ProviderError."""
    request = urllib.request.Request(
        settings.BREVO_API_URL.rstrip("/") + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"api-key": settings.BREVO_API_KEY, "accept": "application/json", "content-type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 404 and method in ("PUT", "DELETE"):
            return error.code  # the contact is not there: nothing left to remove
        detail = error.read(300).decode(errors="replace")
        raise ProviderError(
            f"HTTP {error.code} {detail}", transient=error.code >= 500 or error.code in TRANSIENT_STATUSES
        ) from error
    except (urllib.error.URLError, OSError) as error:
        raise ProviderError(f"unreachable: {error}", transient=True) from error


def perform(task: NewsletterSyncTask) -> None:
    contact = "/contacts/" + quote(task.email, safe="") + "?identifierType=email_id"
    if task.action == Action.ADD:
        call("POST", "/contacts", {"email": task.email, "listIds": task.list_ids, "updateEnabled": True})
    elif task.action == Action.REMOVE:
        call("PUT", contact, {"unlinkListIds": task.list_ids})
    elif task.action == Action.DELETE:
        call("DELETE", contact)


def perform_with_retries(task: NewsletterSyncTask, retries: int = RETRIES, pause: float = PAUSE) -> None:
    for attempt in range(retries):
        try:
            perform(task)
            return
        except ProviderError as error:
            if not error.transient or attempt == retries - 1:
                raise
            time.sleep(pause * 2**attempt)


def sync_pending(limit: int = 500, pause: float = PAUSE) -> SyncReport:
    """Send the waiting changes in order; stop at the first one Brevo cannot take now."""
    report = SyncReport()
    if not is_configured():
        return report
    for task in NewsletterSyncTask.objects.filter(failed_at__isnull=True).order_by("pk")[:limit]:
        try:
            perform_with_retries(task, pause=pause)
        except ProviderError as error:
            task.attempts += 1
            task.last_error = str(error)[:1000]
            if error.transient:
                task.save(update_fields=["attempts", "last_error"])
                report.waiting = NewsletterSyncTask.objects.filter(failed_at__isnull=True).count()
                logger.warning("Brevo cannot take changes now (%s); %d wait for the next run", error, report.waiting)
                return report
            task.failed_at = timezone.now()
            task.save(update_fields=["attempts", "last_error", "failed_at"])
            report.set_aside += 1
            logger.error(
                "Brevo refused change %s (%s): set aside, listed in Paramètres › Données personnelles", task.pk, error
            )
            continue
        task.delete()
        report.sent += 1
    return report
