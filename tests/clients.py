"""The test client as staff use the admin: logged in with both factors passed.

`login()` and `force_login()` give a session that carries a confirmed TOTP device, as the
real second-factor form leaves it; `login()` also hands django-axes the request it needs, as
the login view does. Tests of the enforcement itself post to the real login and 2FA forms.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffClient(Client):
    def login(self, **credentials) -> bool:
        if "request" not in credentials:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
            credentials["request"] = request
        logged_in = super().login(**credentials)
        if logged_in:
            self.pass_second_factor()
        return logged_in

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        self.pass_second_factor()

    def pass_second_factor(self) -> None:
        """Mark the session as verified by the user's device (made if they have none)."""
        from django.contrib.auth import SESSION_KEY, get_user_model

        session = self.session
        user = get_user_model().objects.get(pk=session[SESSION_KEY])
        if not (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
            return
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
