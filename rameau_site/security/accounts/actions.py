"""What an administrator does for a colleague from Paramètres › Utilisateurs (each user's « ⋯ »
menu): send the invitation again, and reset a lost second factor. Both ask for a confirmation,
are logged in the account's history (and in Rapports › Historique du site), and tell the person
by e-mail."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from core.absolute_urls import admin_root_url

from ..totp import remove_second_factor
from .invitations import can_invite, send_invitation
from .mail import mail_account

logger = logging.getLogger("rameau_site.security")
RESET_ACTION = "rameau.two_factor.reset"
USERS_INDEX = "wagtailusers_users:index"


def can_reset_second_factor(request_user, user) -> bool:
    """Someone who may edit accounts, for a colleague (not themselves: « Compte » is for
    that); only an administrator resets an administrator."""
    model = get_user_model()._meta
    return (
        request_user.has_perm(f"{model.app_label}.change_{model.model_name}")
        and request_user.pk != user.pk
        and (request_user.is_superuser or not user.is_superuser)
    )


class AccountActionView(WagtailAdminTemplateMixin, TemplateView):
    """A confirmation page (GET), then the action (POST), back to the user list."""

    header_icon = "user"
    button_label = ""
    button_class = ""

    def allowed(self, request_user, user) -> bool:
        raise NotImplementedError

    def act(self, request: HttpRequest, user) -> None:
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        if not self.allowed(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.act(request, self.account)
        return redirect(USERS_INDEX)

    def get_page_subtitle(self) -> str:
        return get_user_display_name(self.account)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(USERS_INDEX), "label": "Utilisateurs"},
            {"url": "", "label": self.page_title, "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "account": self.account,
            "name": get_user_display_name(self.account),
            "cancel_url": reverse(USERS_INDEX),
        }


class ResetSecondFactorView(AccountActionView):
    page_title = "Réinitialiser la double authentification"
    template_name = "security/accounts/reset_second_factor.html"
    button_label = "Oui, réinitialiser"
    button_class = "serious"

    def allowed(self, request_user, user) -> bool:
        return can_reset_second_factor(request_user, user)

    def act(self, request: HttpRequest, user) -> None:
        removed = remove_second_factor(user)
        log(user, RESET_ACTION, user=request.user)
        logger.warning(
            "Second factor of account %s reset by account %s (%s devices removed)", user.pk, request.user.pk, removed
        )
        name = get_user_display_name(user)
        told = notify_reset(user, request.user)
        messages.success(
            request,
            f"Double authentification de {name} réinitialisée : à sa prochaine connexion, après son mot de "
            "passe, la page « Activer la double authentification » lui fera enregistrer son nouveau téléphone"
            + (" (prévenu par courriel)." if told else "."),
        )


class ResendInvitationView(AccountActionView):
    page_title = "Renvoyer l'invitation"
    template_name = "security/accounts/resend_invitation.html"
    button_label = "Oui, renvoyer l'invitation"

    def allowed(self, request_user, user) -> bool:
        return can_invite(request_user, user)

    def act(self, request: HttpRequest, user) -> None:
        if send_invitation(user, request.user):
            messages.success(request, f"Invitation renvoyée à {user.email} : le nouveau lien est valable 72 heures.")
        else:
            messages.error(request, "L'invitation n'a pas pu partir (serveur de courriel) : réessayez plus tard.")


def notify_reset(user, by) -> bool:
    """Tell the owner, so that a reset they did not ask for does not go unnoticed."""
    if not user.email:
        return False
    context = {
        "by": get_user_display_name(by),
        "when": timezone.localtime(),
        "login_url": admin_root_url() + reverse("wagtailadmin_login"),
    }
    subject = "Votre double authentification a été réinitialisée"
    return mail_account(user, subject, "security/email/second_factor_reset.txt", context)


def listing_buttons(user, request_user) -> list[Button]:
    """The two actions in the « ⋯ » menu of each row of the user list, for those allowed."""
    buttons = []
    if can_invite(request_user, user):
        buttons.append(
            Button(
                "Renvoyer l'invitation",
                reverse("rameau_resend_invitation", args=[user.pk]),
                icon_name="mail",
                priority=60,
            )
        )
    if can_reset_second_factor(request_user, user):
        buttons.append(
            Button(
                "Réinitialiser la double authentification",
                reverse("rameau_reset_second_factor", args=[user.pk]),
                icon_name="key",
                priority=70,
            )
        )
    return buttons
