"""Admin hooks: choosers never show another section's unpublished pages; the page where a
refused approval lands; the second factor's screens; accounts arriving by invitation, and what
an administrator does for a colleague (new invitation, second factor reset), logged."""

from __future__ import annotations

from django.db.models import Q
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from .accounts import actions, invitations, password_reset
from .moderation import register_approval_refused_url  # noqa: F401 (registers its hook)
from .restricted_documents import refuse_bulk_actions_on_restricted_documents
from .two_factor import enrolment, views
from .view_guards import hide_the_page_types_report

hooks.register("before_bulk_action", refuse_bulk_actions_on_restricted_documents)
hooks.register("construct_reports_menu", hide_the_page_types_report)


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_outside_own_sections(pages, request):
    """Anyone may link to a live page; a page that is not live is listed only to those who
    may edit it (a draft's title is not news for other sections)."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/verification/", views.verify, name="two_factor_verify"),
        path("2fa/code-de-secours/", views.recovery, name="two_factor_recovery"),
        path("2fa/activation/", enrolment.setup, name="two_factor_setup"),
        path("2fa/codes-de-secours/", enrolment.recovery_codes, name="two_factor_recovery_codes"),
        path(
            "utilisateurs/<int:user_id>/reinitialiser-double-authentification/",
            actions.ResetSecondFactorView.as_view(),
            name="rameau_reset_second_factor",
        ),
        path(
            "utilisateurs/<int:user_id>/renvoyer-invitation/",
            actions.ResendInvitationView.as_view(),
            name="rameau_resend_invitation",
        ),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": "Codes de secours",
        "help_text": "Combien il vous en reste ; en obtenir 10 nouveaux (les anciens ne marchent plus).",
    }


@hooks.register("register_account_menu_item")
def replace_authenticator_menu_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Changer d'application d'authentification",
        "help_text": "Nouveau téléphone : scannez une nouvelle clé ; l'ancienne cesse de fonctionner.",
    }


@hooks.register("insert_global_admin_css")
def login_pages_css() -> str:
    """Long button labels of the invitation and second-factor pages wrap on a phone."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-login.css"))


hooks.register("after_create_user", invitations.invite_new_account)
hooks.register("register_user_listing_buttons", actions.listing_buttons)


@hooks.register("register_log_actions")
def account_log_actions(log_actions):
    for action, label in (
        (invitations.SENT_ACTION, "Invitation envoyée"),
        (invitations.ACCEPTED_ACTION, "Mot de passe choisi (invitation)"),
        (enrolment.ENROLLED_ACTION, "Double authentification activée"),
        (enrolment.CODES_RENEWED_ACTION, "Codes de secours renouvelés"),
        (views.RECOVERY_USED_ACTION, "Connexion avec un code de secours"),
        (actions.RESET_ACTION, "Double authentification réinitialisée"),
        (password_reset.SENT_ACTION, "Lien de réinitialisation du mot de passe envoyé"),
    ):
        log_actions.register_action(action, label, label)
