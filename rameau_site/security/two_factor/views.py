"""Second-factor pages of the admin after the password: the code of the authenticator app, or
one of the recovery codes when the phone is not at hand."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from ..totp import recovery_device, remaining_recovery_codes
from .forms import RecoveryCodeForm, TOTPCodeForm

RECOVERY_USED_ACTION = "rameau.two_factor.recovery_used"


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def log_for_self(request: HttpRequest, action: str) -> None:
    """Log `action` in the history of the account of the request, by itself. (Wagtail finds no
    log model for request.user, which the two middlewares each wrap in a lazy object.)"""
    account = get_user_model().objects.get(pk=request.user.pk)
    log(account, action, user=account)


def with_next(url_name: str, request: HttpRequest) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': safe_next(request)})}"


@never_cache
@sensitive_post_parameters("otp_token")
def verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the device enrolled earlier."""
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(safe_next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return HttpResponseRedirect(with_next("two_factor_setup", request))
    form = TOTPCodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return HttpResponseRedirect(safe_next(request))
    context = {"form": form, "next": safe_next(request), "recovery_url": with_next("two_factor_recovery", request)}
    return render(request, "security/two_factor/verify.html", context)


@never_cache
@sensitive_post_parameters("code")
def recovery(request: HttpRequest) -> HttpResponse:
    """Phone lost or left at home: one recovery code opens this session, and is then spent."""
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(safe_next(request))
    device = recovery_device(user)
    form = RecoveryCodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        log_for_self(request, RECOVERY_USED_ACTION)
        left = remaining_recovery_codes(user)
        messages.warning(
            request,
            f"Code de secours accepté : il vous en reste {left}. Téléphone perdu ou changé : « Compte » (menu "
            "de votre nom, en bas à gauche), onglet « Plus d'actions », « Changer d'application "
            "d'authentification » enregistre le nouveau et vous donne de nouveaux codes.",
        )
        return HttpResponseRedirect(safe_next(request))
    context = {"form": form, "next": safe_next(request), "verify_url": with_next("two_factor_verify", request)}
    return render(request, "security/two_factor/recovery.html", context)
