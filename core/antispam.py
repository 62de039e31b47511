"""Spam protection for the public forms, without a third-party captcha (it would break the
CSP and send visitors' data elsewhere): a honeypot field, a minimum fill time, and a rate
limit per address. Spam is answered like a success and never stored nor sent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

logger = logging.getLogger("core.antispam")

#: A field people never see (hidden by the stylesheet) and robots fill in.
HONEYPOT_FIELD = "site_internet"
#: When the form was shown, signed so that it cannot be forged.
STARTED_FIELD = "formulaire_affiche"
SALT = "rameau.forms.started"


def started_token(now: float | None = None) -> str:
    """The signed moment a form is shown. Pages kept by the cache show an older one, which
    only makes the form look slower to fill: never faster."""
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


def spam_reason(data: Mapping[str, str], now: float | None = None) -> str | None:
    """Why a submission is a robot's (honeypot filled, no or forged token, sent too fast), or None."""
    if data.get(HONEYPOT_FIELD, "").strip():
        return "honeypot"
    try:
        shown = signing.loads(data.get(STARTED_FIELD, ""), salt=SALT)
    except signing.BadSignature:
        return "token"
    if not isinstance(shown, int):
        return "token"
    if (now if now is not None else time.time()) - shown < settings.FORM_MIN_FILL_SECONDS:
        return "timing"
    return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address as the login lockout sees it (a proxy's header is never trusted)."""
    return import_string(settings.CLIENT_IP_CALLABLE)(request) or "inconnue"


def _key(scope: str, request: HttpRequest) -> str:
    return f"rameau:rate:{scope}:{client_address(request)}"


def rate_limited(request: HttpRequest, scope: str) -> bool:
    """True once this address has sent FORM_RATE_LIMIT forms of this kind within the window."""
    return (caches["default"].get(_key(scope, request)) or 0) >= settings.FORM_RATE_LIMIT


def count_submission(request: HttpRequest, scope: str) -> None:
    """One more form of this kind from this address (the window starts with the first)."""
    cache = caches["default"]
    key = _key(scope, request)
    if cache.add(key, 1, settings.FORM_RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, settings.FORM_RATE_WINDOW)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The French 429 page, with the delay before trying again."""
    response = HttpResponse(render_to_string("429.html", {"request": request}, request=request), status=429)
    response["Retry-After"] = str(settings.FORM_RATE_WINDOW)
    return response


def log_spam(scope: str, reason: str) -> None:
    logger.info("Dropped a %s submission as spam (%s)", scope, reason)
