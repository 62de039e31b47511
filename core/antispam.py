"""Spam protection for the public forms, without a third-party captcha (it would break the
CSP and send visitors' data elsewhere): a honeypot field, a minimum fill time and a display
token with a lifetime, and a rate limit per address counted in the database
(core/counters.py). Each form decides what a suspect submission becomes: the contact form
keeps it, marked for staff to review; the newsletter sign-up drops what only a robot sends.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

from core import counters

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


#: Why a submission looks like a robot's, as staff read it.
REASONS = {
    "honeypot": "champ caché rempli",
    "token": "formulaire sans jeton d'affichage valide",
    "expired": "formulaire affiché il y a trop longtemps",
    "timing": f"envoyé moins de {settings.FORM_MIN_FILL_SECONDS} s après l'affichage",
}
#: What only a robot sends (a person never sees the hidden field nor forges the token).
ROBOT_REASONS = {"honeypot", "token"}


def spam_reason(data: Mapping[str, str], now: float | None = None) -> str | None:
    """Why a submission looks like a robot's (a key of REASONS), or None."""
    if data.get(HONEYPOT_FIELD, "").strip():
        return "honeypot"
    try:
        shown = signing.loads(data.get(STARTED_FIELD, ""), salt=SALT)
    except signing.BadSignature:
        return "token"
    if not isinstance(shown, int):
        return "token"
    elapsed = (now if now is not None else time.time()) - shown
    if elapsed > settings.FORM_TOKEN_MAX_AGE:
        return "expired"
    if elapsed < settings.FORM_MIN_FILL_SECONDS:
        return "timing"
    return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address as the login lockout sees it (a proxy's header is never trusted)."""
    return import_string(settings.CLIENT_IP_CALLABLE)(request) or "inconnue"


def rate_limited(request: HttpRequest, scope: str) -> bool:
    """True once this address has sent FORM_RATE_LIMIT forms of this kind within the window."""
    return counters.current(f"form:{scope}", client_address(request)) >= settings.FORM_RATE_LIMIT


def count_submission(request: HttpRequest, scope: str) -> None:
    """One more form of this kind from this address (the window starts with the first). Called
    once what was sent is stored: a counter that fails costs the limit, never the message."""
    counters.hit(f"form:{scope}", client_address(request), settings.FORM_RATE_WINDOW)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The French 429 page, with the delay before trying again."""
    response = HttpResponse(render_to_string("429.html", {"request": request}, request=request), status=429)
    response["Retry-After"] = str(settings.FORM_RATE_WINDOW)
    return response


def log_spam(scope: str, reason: str) -> None:
    logger.info("Dropped a %s submission as spam (%s)", scope, reason)
