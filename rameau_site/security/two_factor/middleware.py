"""Every account that can reach the admin must pass its second factor before anything else.

django-otp's OTPMiddleware marks `request.user.is_verified()`; this subclass then sends a
staff member who has only given a password to the code form (or, without an authenticator yet,
to enrolment). Until then the session can do nothing but those pages (and the recovery code)
and logging out: not the admin, not previews, not documents. There is no switch to turn this off.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django_otp.middleware import OTPMiddleware

from ..totp import has_authenticator

OPEN_PATHS = ("/static/", "/-/")
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "two_factor_verify",
    "two_factor_setup",
    "two_factor_recovery",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}


def needs_second_factor(user) -> bool:
    """Staff, superusers and anyone allowed into the Wagtail admin."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class StaffTwoFactorMiddleware(OTPMiddleware):
    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.path_info.startswith(OPEN_PATHS):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return None
        target = "two_factor_verify" if has_authenticator(user) else "two_factor_setup"
        return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
