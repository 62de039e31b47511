"""Enrolling a second factor through the real forms: a key of its own for each setup session, so
a session that only gave the password cannot capture the key its owner will confirm (#31 item
4); the key shown in groups of four; ten recovery codes shown once, each good for one login,
renewable; a new phone enrolled from « Compte »."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from demo.totp import code_for_key, current_code

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-2026"
SETUP = "/admin/2fa/activation/"
RECOVERY = "/admin/2fa/code-de-secours/"
CODES = "/admin/2fa/codes-de-secours/"
KEY = re.compile(r'<code class="two-factor-key"[^>]*>([A-Z2-7 ]+)</code>')
RECOVERY_CODE = re.compile(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>")


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("redactrice", "r@example.org", PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def password_only() -> Client:
    """A session that has given the password and nothing else."""
    client = Client()
    assert client.post("/admin/login/", {"username": "redactrice", "password": PASSWORD}).status_code == 302
    return client


def shown_key(response) -> str:
    return KEY.search(response.content.decode()).group(1)


def enrol(client: Client) -> list[str]:
    """Scan the key, give its code: the confirmation, and the recovery codes shown once."""
    done = client.post(SETUP, {"otp_token": code_for_key(shown_key(client.get(SETUP))), "next": "/admin/"})
    html = unescape(done.content.decode())
    assert done.status_code == 200 and "Double authentification activée" in html
    assert 'href="/admin/">J\'ai noté mes codes, continuer' in html
    return RECOVERY_CODE.findall(html)


def test_each_setup_session_shows_its_own_key_and_only_the_confirmed_one_lives(staff, time_machine):
    time_machine.move_to(timezone.now())
    stranger = password_only()  # the password leaked: this session reads the activation page
    captured = shown_key(stranger.get(SETUP))
    owner = password_only()
    own = shown_key(owner.get(SETUP))
    assert own != captured
    assert shown_key(owner.get(SETUP)) == own  # reloading the page keeps the session's key

    assert owner.post(SETUP, {"otp_token": code_for_key(captured), "next": "/admin/"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()  # the other session's key: refused
    time_machine.shift(2)  # django-otp's pause after a wrong code
    enrol(owner)
    assert TOTPDevice.objects.filter(user=staff).count() == 1  # the captured key is gone
    assert owner.get("/admin/").status_code == 200

    # The captured copy opens nothing: not the activation (the account has a device now), not the code form.
    assert (
        stranger.post(SETUP, {"otp_token": code_for_key(captured)})
        .headers["Location"]
        .startswith("/admin/2fa/verification/")
    )
    refused = stranger.post("/admin/2fa/verification/", {"otp_token": code_for_key(captured)})
    assert "pas le bon" in refused.content.decode()
    assert stranger.get("/admin/").status_code == 302


def test_the_key_reads_in_groups_of_four(staff):
    key = shown_key(password_only().get(SETUP))
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", key), key


def test_enrolment_confirms_and_shows_ten_recovery_codes_once(staff):
    client = password_only()
    done = client.post(SETUP, {"otp_token": code_for_key(shown_key(client.get(SETUP))), "next": "/admin/"})
    html = unescape(done.content.decode())
    assert "C'est fait : à chaque connexion, après votre mot de passe" in html
    codes = RECOVERY_CODE.findall(html)
    assert len(set(codes)) == 10
    page = client.get(CODES).content.decode()
    assert "Il vous reste <strong>10 codes de secours</strong>" in page and codes[0] not in page
    assert ModelLogEntry.objects.filter(object_id=str(staff.pk), action="rameau.two_factor.enrolled").exists()


def test_a_recovery_code_opens_one_session_once(staff):
    codes = enrol(password_only())
    phone_left_home = password_only()
    verify = unescape(phone_left_home.get("/admin/2fa/verification/?next=/admin/pages/").content.decode())
    assert "Utiliser un code de secours" in verify and f"{RECOVERY}?next=%2Fadmin%2Fpages%2F" in verify
    assert phone_left_home.get(RECOVERY).status_code == 200  # open before the second factor
    used = phone_left_home.post(RECOVERY, {"code": codes[0].upper().replace(" ", "-"), "next": "/admin/pages/"})
    assert used.status_code == 302 and used["Location"] == "/admin/pages/"
    assert "il vous en reste 9" in unescape(phone_left_home.get("/admin/").content.decode())

    again = password_only().post(RECOVERY, {"code": codes[0]})
    assert again.status_code == 200 and "n'est pas valable (ou il a déjà servi)" in unescape(again.content.decode())
    assert ModelLogEntry.objects.filter(object_id=str(staff.pk), action="rameau.two_factor.recovery_used").count() == 1


def test_new_recovery_codes_replace_the_old_ones(staff, time_machine):
    time_machine.move_to(timezone.now())
    client = password_only()
    old = enrol(client)
    renewed = client.post(CODES)
    new = RECOVERY_CODE.findall(renewed.content.decode())
    assert len(set(new)) == 10 and not set(new) & set(old)
    time_machine.shift(5)  # past django-otp's pause after a failure
    assert "n'est pas valable" in unescape(password_only().post(RECOVERY, {"code": old[1]}).content.decode())
    time_machine.shift(5)
    assert password_only().post(RECOVERY, {"code": new[1]}).status_code == 302


def test_a_new_phone_is_enrolled_from_my_account_and_the_old_one_stops(staff, time_machine):
    time_machine.move_to(timezone.now())
    client = password_only()
    enrol(client)
    old_phone = TOTPDevice.objects.get(user=staff)
    account = unescape(client.get("/admin/account/").content.decode())
    assert "Codes de secours" in account and "Changer d'application d'authentification" in account
    page = client.get(SETUP).content.decode()
    assert "Changer d'application d'authentification" in page and shown_key(client.get(SETUP))
    assert len(enrol(client)) == 10
    assert not TOTPDevice.objects.filter(pk=old_phone.pk).exists()
    [new_phone] = TOTPDevice.objects.filter(user=staff)
    time_machine.shift(31)  # the code given at enrolment cannot serve twice
    fresh = password_only()
    assert fresh.post("/admin/2fa/verification/", {"otp_token": current_code(new_phone)}).status_code == 302
