"""Enrolling an authenticator app, and the recovery codes that stand in for a lost phone.

Each setup session gets a secret of its own, kept in that session: a session that gave only
the password and read the key on the page cannot wait for the owner to confirm it, because the
owner's session shows, and confirms, another one. Confirming a key removes every other device of
the account (keys shown in other sessions, the phone being replaced) and gives 10 new recovery
codes, shown once.
"""

from __future__ import annotations

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..totp import (
    RECOVERY_CODES,
    base32_key,
    has_authenticator,
    in_groups,
    new_recovery_codes,
    remaining_recovery_codes,
)
from .forms import TOTPCodeForm
from .views import log_for_self, safe_next, with_next

SESSION_KEY = "rameau_two_factor_setup_device"
DEVICE_NAME = "Application d'authentification"
ENROLLED_ACTION = "rameau.two_factor.enrolled"
CODES_RENEWED_ACTION = "rameau.two_factor.recovery_codes"


def qr_code_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]


def session_device(request: HttpRequest) -> TOTPDevice | None:
    """The unconfirmed device this session showed, if it still exists."""
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()


def codes_context(codes: list[str]) -> dict:
    return {"codes": [in_groups(code) for code in codes], "count": RECOVERY_CODES}


@never_cache
@sensitive_post_parameters("otp_token")
def setup(request: HttpRequest) -> HttpResponse:
    """First login of a staff account, or (second factor passed) a new phone: scan the key,
    prove it with a code, and it is enrolled. Without the second factor, an account that
    already has a device must verify with it: a second device cannot get around the code."""
    user = request.user
    replacing = user.is_verified()
    if not replacing and has_authenticator(user):
        return HttpResponseRedirect(with_next("two_factor_verify", request))
    device = session_device(request)
    key_changed = device is None and request.method == "POST"
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
        request.session[SESSION_KEY] = device.pk
    form = TOTPCodeForm(device, request.POST if request.method == "POST" and not key_changed else None)
    if form.is_bound and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            codes = new_recovery_codes(user)
            log_for_self(request, ENROLLED_ACTION)
        del request.session[SESSION_KEY]
        otp_login(request, device)
        context = {**codes_context(codes), "next": safe_next(request), "replacing": replacing}
        return render(request, "security/two_factor/enrolled.html", context)
    context = {
        "form": form,
        "next": safe_next(request),
        "secret": in_groups(base32_key(device)),
        "qr_code": mark_safe(qr_code_svg(device.config_url)),  # our own SVG, made from our own URL
        "issuer": getattr(settings, "OTP_TOTP_ISSUER", ""),
        "replacing": replacing,
        "key_changed": key_changed,
    }
    return render(request, "security/two_factor/setup.html", context)


@never_cache
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Compte › Plus d'actions › Codes de secours: how many are left; new ones (the old ones stop working),
    shown once."""
    user = request.user
    context = {"page_title": "Codes de secours", "header_icon": "key", "remaining": remaining_recovery_codes(user)}
    if request.method == "POST":
        codes = new_recovery_codes(user)
        log_for_self(request, CODES_RENEWED_ACTION)
        context.update(codes_context(codes), remaining=len(codes))
    return TemplateResponse(request, "security/two_factor/recovery_codes.html", context)
