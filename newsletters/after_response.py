"""Sign-ups processed after the visitor has the answer (issue #31: a known address answered
faster than a new one, which told who is subscribed).

The view stores a SignUpRequest and marks this thread; when Django closes the response (the
`request_finished` signal, after the body has gone out), the requests waiting are turned into
subscriptions and confirmation e-mails. A worker that stops in between loses nothing: the rows
stay, and `sync_newsletters` (every few minutes) processes them.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction

from newsletters.models import SignUpRequest

logger = logging.getLogger("newsletters")
_waiting = threading.local()


def receive(email: str, list_ids: list[int]) -> None:
    """The only work done while the visitor waits: one row, whoever the address belongs to."""
    SignUpRequest.objects.create(email=email, list_ids=sorted(set(list_ids)))
    _waiting.requests = True


def process_waiting() -> int:
    """Turn the stored sign-ups into subscription requests and e-mails; how many were done."""
    from .service import request_subscription

    done = 0
    while True:
        with transaction.atomic():
            item = SignUpRequest.objects.select_for_update(skip_locked=True).order_by("pk").first()
            if item is None:
                return done
            request_subscription(None, item.email, item.list_ids)
            item.delete()
        done += 1


def after_response(sender, **kwargs) -> None:
    """`request_finished` receiver: does nothing (no query) unless this thread stored a sign-up."""
    if not getattr(_waiting, "requests", False):
        return
    _waiting.requests = False
    try:
        process_waiting()
    except Exception:  # the answer is already sent; the rows stay for sync_newsletters
        logger.exception("Sign-ups left for sync_newsletters to process")
