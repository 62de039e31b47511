"""People arriving and leaving (#26 §4) through the real admin: an account made in Paramètres ›
Utilisateurs gets an invitation (a link valid 72 hours, once) to choose a password and then
enrol a second factor, no administrator ever types someone's password; an administrator sends
the invitation again or resets a colleague's lost second factor from the user list, logged."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from rameau_site.security.staff import EDITORS
from rameau_site.security.totp import new_recovery_codes
from tests.clients import StaffClient
from tests.factories.users import EditorFactory, ModeratorFactory, SuperuserFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "une-phrase-de-passe-2026"
LINK = re.compile(r"https://www\.lerameau\.fr(/admin/invitation/[^/\s]+/[^/\s]+/)")


def create_account(admin_client, username: str = "camille") -> tuple:
    """Paramètres › Utilisateurs › Ajouter un utilisateur, as an administrator fills it in: the
    account, and the screen that follows."""
    data = {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Camille",
        "last_name": "Martin",
        "groups": [Group.objects.get(name=EDITORS).pk],
    }
    response = admin_client.post("/admin/users/new/", data, follow=True)
    assert response.status_code == 200, response.content.decode()[:2000]
    return get_user_model().objects.get(username=username), response.content.decode()


def invitation_link(message) -> str:
    return LINK.search(message.body).group(1)


def actions(user) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk), action__startswith="rameau.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_the_user_forms_have_no_password_field(admin_client):
    for address in ("/admin/users/new/", f"/admin/users/edit/{EditorFactory().pk}/"):
        screen = admin_client.get(address)
        assert screen.status_code == 200 and 'name="email"' in screen.content.decode()
        assert 'name="password1"' not in screen.content.decode()


def test_a_new_account_chooses_its_password_from_the_invitation_then_enrols(admin_client, public_site):
    user, screen = create_account(admin_client)
    assert "Invitation envoyée à camille@example.org" in screen
    assert not user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["camille@example.org"] and message.subject == "Votre compte sur le site du RAMEAU"
    assert message.body.startswith("Bonjour Camille Martin,")
    assert "Votre identifiant : camille" in message.body and "valable 72 heures" in message.body

    newcomer = Client()
    opened = newcomer.get(invitation_link(message))
    assert opened.status_code == 302 and opened["Location"].endswith(
        "/set-password/"
    )  # the token leaves the address bar
    form = newcomer.get(opened["Location"]).content.decode()
    assert "Bienvenue, choisissez votre mot de passe" in form and "camille" in form
    short = newcomer.post(opened["Location"], {"new_password1": "court", "new_password2": "court"})
    assert "au moins 12 caractères" in short.content.decode()
    chosen = newcomer.post(opened["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert chosen.status_code == 302 and chosen["Location"] == "/admin/2fa/activation/?next=%2Fadmin%2F"
    assert "Activer la double authentification" in newcomer.get(chosen["Location"]).content.decode()
    assert newcomer.get("/admin/").headers["Location"].startswith("/admin/2fa/activation/")  # nothing else first
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    again = Client().get(invitation_link(message))  # a link works once
    assert again.status_code == 200 and "Ce lien d'invitation n'est plus valable" in again.content.decode()
    assert actions(user) == ["rameau.invitation", "rameau.invitation.accepted"]


def test_an_invitation_is_valid_for_72_hours(admin_client, public_site, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    create_account(admin_client)
    link = invitation_link(mail.outbox[0])
    time_machine.move_to(start + datetime.timedelta(hours=71, minutes=59), tick=False)
    assert Client().get(link).status_code == 302
    time_machine.move_to(start + datetime.timedelta(hours=72, minutes=1), tick=False)
    late = Client().get(link)
    assert late.status_code == 200 and "n'est plus valable" in late.content.decode()


def test_sending_the_invitation_again_voids_the_first_link(admin_client, public_site):
    user, _ = create_account(admin_client)
    first = invitation_link(mail.outbox[0])
    url = f"/admin/utilisateurs/{user.pk}/renvoyer-invitation/"
    assert url in admin_client.get("/admin/users/").content.decode()
    assert "Oui, renvoyer l'invitation" in unescape(admin_client.get(url).content.decode())
    done = admin_client.post(url, follow=True)
    assert "Invitation renvoyée à camille@example.org" in done.content.decode()
    second = invitation_link(mail.outbox[1])
    assert "n'est plus valable" in Client().get(first).content.decode()
    newcomer = Client()
    form_url = newcomer.get(second)["Location"]
    newcomer.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    # Once a password is chosen, there is nothing left to send.
    assert url not in admin_client.get("/admin/users/").content.decode()
    assert admin_client.post(url).status_code in (302, 403)
    assert len(mail.outbox) == 2


def test_an_account_made_while_the_mail_server_is_down_says_how_to_send_again(admin_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens there
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    user, screen = create_account(admin_client)
    assert "Le compte est créé, mais l&#x27;invitation n&#x27;a pas pu partir" in screen
    assert f"/admin/utilisateurs/{user.pk}/renvoyer-invitation/" in admin_client.get("/admin/users/").content.decode()


def enrolled(user) -> list[str]:
    TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    return new_recovery_codes(user)


def test_an_administrator_resets_a_colleagues_lost_second_factor_from_the_user_list(db, public_site):
    administrator = SuperuserFactory(first_name="Alix", last_name="Dupont")
    colleague = EditorFactory(first_name="Camille", last_name="Martin")
    enrolled(colleague)
    colleague_session = StaffClient()
    colleague_session.force_login(colleague)
    assert colleague_session.get("/admin/").status_code == 200
    admin = StaffClient()
    admin.force_login(administrator)

    url = f"/admin/utilisateurs/{colleague.pk}/reinitialiser-double-authentification/"
    listing = admin.get("/admin/users/").content.decode()
    assert url in listing and "Réinitialiser la double authentification" in listing
    confirm = admin.get(url).content.decode()
    assert "Oui, réinitialiser" in confirm and "Camille Martin" in confirm
    done = admin.post(url, follow=True).content.decode()
    assert "Double authentification de Camille Martin réinitialisée" in done

    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    entry = ModelLogEntry.objects.get(object_id=str(colleague.pk), action="rameau.two_factor.reset")
    assert entry.user == administrator
    history = admin.get(f"/admin/users/history/{colleague.pk}/").content.decode()
    assert "Double authentification réinitialisée" in history
    [message] = mail.outbox
    assert message.to == [colleague.email] and message.body.startswith("Bonjour Camille Martin,")
    assert "Alix Dupont a réinitialisé" in message.body and "https://www.lerameau.fr/admin/login/" in message.body
    # The colleague's open session loses its second factor with the device: enrol again first.
    assert colleague_session.get("/admin/").headers["Location"].startswith("/admin/2fa/activation/")


def test_only_those_who_manage_accounts_reset_a_second_factor(db):
    moderator, colleague, administrator = ModeratorFactory(), EditorFactory(), SuperuserFactory()
    enrolled(colleague)
    client = StaffClient()
    client.force_login(moderator)
    url = f"/admin/utilisateurs/{colleague.pk}/reinitialiser-double-authentification/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=colleague).exists()
    admin = StaffClient()
    admin.force_login(administrator)
    own = f"/admin/utilisateurs/{administrator.pk}/reinitialiser-double-authentification/"
    assert own not in admin.get("/admin/users/").content.decode()  # one's own phone: « Compte »
    assert admin.post(own).status_code in (302, 403)
