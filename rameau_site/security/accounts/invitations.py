"""A new staff account gets an invitation, never a password from an administrator.

The administrator creates the account in Paramètres › Utilisateurs (the form has no password
field, WAGTAILUSERS_PASSWORD_ENABLED = False). The person receives a signed link, valid
INVITATION_MAX_AGE (72 hours) and only until a password is chosen, to set their password;
they are then logged in and sent straight to the second-factor enrolment. An administrator can
send a fresh invitation from the user list, which voids the earlier link.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import PasswordResetConfirmView
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import log

from core.absolute_urls import admin_root_url

from .mail import mail_account

SENT_ACTION = "rameau.invitation"
ACCEPTED_ACTION = "rameau.invitation.accepted"


class InvitationTokens:
    """make_token/check_token, as Django's password views expect: a signed, dated token that
    names the account's state (password, last login, address), so it works once, for 72 hours."""

    salt = "rameau_site.security.invitation"

    def _state(self, user) -> str:
        return salted_hmac(self.salt, f"{user.pk}|{user.password}|{user.last_login}|{user.email}").hexdigest()

    def make_token(self, user) -> str:
        return signing.dumps(self._state(user), salt=self.salt)

    def check_token(self, user, token: str | None) -> bool:
        if not token or user is None or not user.is_active:
            return False
        try:
            state = signing.loads(token, salt=self.salt, max_age=settings.INVITATION_MAX_AGE)
        except signing.BadSignature:
            return False
        return constant_time_compare(state, self._state(user))


invitation_tokens = InvitationTokens()


def invitation_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("rameau_invitation", args=[uid, invitation_tokens.make_token(user)])
    return admin_root_url() + path


def send_invitation(user, sender) -> bool:
    """Void any earlier link, e-mail a new one; False (and logged) when the mail server fails."""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    expires = timezone.localtime() + datetime.timedelta(seconds=settings.INVITATION_MAX_AGE)
    context = {
        "sender": get_user_display_name(sender),
        "link": invitation_url(user),
        "expires": expires,
        "site_address": admin_root_url(),
    }
    if not mail_account(user, "Votre compte sur le site du RAMEAU", "security/email/invitation.txt", context):
        return False
    log(user, SENT_ACTION, user=sender)
    return True


def invite_new_account(request: HttpRequest, user) -> None:
    """`after_create_user`: the account just created gets its invitation; the screen says so."""
    if send_invitation(user, request.user):
        messages.success(
            request, f"Invitation envoyée à {user.email} : le lien pour choisir un mot de passe est valable 72 heures."
        )
    else:
        messages.warning(
            request,
            f"Le compte est créé, mais l'invitation n'a pas pu partir (serveur de courriel). Réessayez depuis "
            f"la liste des utilisateurs : « Renvoyer l'invitation » dans le menu de {user.get_username()}.",
        )


class PasswordForm(SetPasswordForm):
    """Django's form, its fields named as the invitation e-mail names them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Mot de passe"
        self.fields["new_password2"].label = "Le même mot de passe, une seconde fois"


class InvitationView(PasswordResetConfirmView):
    """The invitation link: choose a password, then on to the second factor. An expired or
    used link says so and who can send a new one. (Django keeps the token in the session and
    shows the form at an address without it, so it never leaks through a Referer.)"""

    form_class = PasswordForm
    token_generator = invitation_tokens
    template_name = "security/accounts/invitation.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    title = "Choisir votre mot de passe"

    def form_valid(self, form):
        response = super().form_valid(form)
        log(self.user, ACCEPTED_ACTION, user=self.user)
        return response

    def get_success_url(self) -> str:
        return f"{reverse('two_factor_setup')}?{urlencode({'next': reverse('wagtailadmin_home')})}"


def can_invite(request_user, user) -> bool:
    """An active account that never chose a password, seen by someone who may edit accounts."""
    return (
        request_user.has_perm(f"{get_user_model()._meta.app_label}.change_{get_user_model()._meta.model_name}")
        and user.is_active
        and bool(user.email)
        and not user.has_usable_password()
        and (request_user.is_superuser or not user.is_superuser)
    )
