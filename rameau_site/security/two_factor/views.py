"""Second-factor pages of the admin: enter the code, or enrol a first authenticator app."""

from __future__ import annotations

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..totp import base32_key
from .forms import TOTPCodeForm


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]


@never_cache
@sensitive_post_parameters("otp_token")
def verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the device enrolled earlier."""
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(safe_next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return HttpResponseRedirect(f"{reverse('two_factor_setup')}?next={safe_next(request)}")
    form = TOTPCodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return HttpResponseRedirect(safe_next(request))
    return render(request, "security/two_factor/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@sensitive_post_parameters("otp_token")
def setup(request: HttpRequest) -> HttpResponse:
    """First login of a staff account: scan the key, prove it with a code, and it is enrolled.

    An account that already has a device must verify with it: a second device can only be
    added by someone who passed the second factor (or after an administrator's reset)."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return HttpResponseRedirect(f"{reverse('two_factor_verify')}?next={safe_next(request)}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Application d'authentification", confirmed=False)
    form = TOTPCodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return HttpResponseRedirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request),
        "secret": base32_key(device),
        "qr_code": mark_safe(qr_code_svg(device.config_url)),  # our own SVG, made from our own URL
        "issuer": getattr(settings, "OTP_TOTP_ISSUER", ""),
    }
    return render(request, "security/two_factor/setup.html", context)
