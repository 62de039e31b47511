"""The way into the admin - an address locked after 5 failures whatever X-Forwarded-For
says (never an account, which anyone could lock from anywhere), two factors for every staff
account, and sessions that end when left idle."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.totp import current_code, reset_totp_device
from rameau_site.security.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-2026"
LOGIN = "/admin/login/"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("redactrice", "r@example.org", PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def password_login(client: Client, username: str, password: str, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- lockout ------------------------------------------------------------------------


def test_five_failures_lock_the_address_even_with_rotating_forwarded_headers(client, staff):
    for attempt in range(4):
        response = password_login(client, "redactrice", "mauvais", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}")
        assert response.status_code == 200 and not is_logged_in(client)
    fifth = password_login(client, "redactrice", "mauvais", HTTP_X_FORWARDED_FOR="203.0.113.4")
    assert fifth.status_code == 429  # the fifth failure locks
    locked = password_login(client, "redactrice", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()
    assert not is_logged_in(client)


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/", "/_util/login/"])
def test_nobody_can_lock_a_colleague_out_from_another_address(staff, path):
    """Five wrong passwords for « redactrice » from one address lock that address only: she
    logs in from hers, on every login form, and keeps doing so while the attacker goes on."""
    attacker, owner = Client(REMOTE_ADDR="203.0.113.66"), Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(7):
        attacker.post(path, {"username": "redactrice", "password": "mauvais"})
    assert attacker.post(path, {"username": "redactrice", "password": PASSWORD}).status_code == 429
    response = owner.post(path, {"username": "redactrice", "password": PASSWORD})
    assert response.status_code == 302 and is_logged_in(owner)


def test_four_failures_do_not_lock(client, staff):
    for _ in range(4):
        password_login(client, "redactrice", "mauvais")
    assert password_login(client, "redactrice", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_five_failures_from_one_address_lock_it_for_every_username(client, staff):
    """Password spraying: five names from one address, each with a different spoofed header."""
    for attempt in range(5):
        password_login(client, f"inconnu{attempt}", "mauvais", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    assert password_login(client, "redactrice", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429
    assert not is_logged_in(client)


def test_client_address_ignores_what_the_client_wrote(settings):
    factory = RequestFactory()
    spoofed = factory.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="1.2.3.4")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(spoofed) == "198.51.100.7"
    # Behind one proxy of ours (10.0.0.2), the proxy appends the address it saw: the
    # client's own prefix is ignored, the proxy's entry counts.
    settings.TRUSTED_PROXY_COUNT = 1
    proxied = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_ip(proxied) == "198.51.100.7"
    assert client_ip(factory.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


def test_behind_the_proxy_spoofed_prefixes_do_not_reset_the_count(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        password_login(
            client,
            f"inconnu{attempt}",
            "mauvais",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}, 198.51.100.7",
        )
    blocked = password_login(
        client, "redactrice", PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.250, 198.51.100.7"
    )
    assert blocked.status_code == 429
    other_visitor = Client()
    allowed = password_login(
        other_visitor, "redactrice", PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    assert allowed.status_code == 302


# --- two factors ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/"])
def test_staff_without_a_device_must_enrol_before_anything_else(client, staff, path):
    assert password_login(client, "redactrice", PASSWORD).status_code == 302
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/activation/")


def test_staff_with_a_device_must_give_the_code(client, staff, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    device = reset_totp_device(staff).device
    assert password_login(client, "redactrice", PASSWORD).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/verification/")
    wrong = "000000" if current_code(device) != "000000" else "111111"
    refused = client.post("/admin/2fa/verification/", {"otp_token": wrong})
    assert refused.status_code == 200 and "pas le bon" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    # Right after a wrong code, even the right one waits (django-otp throttling: 1 s, 2 s, 4 s...).
    throttled = client.post("/admin/2fa/verification/", {"otp_token": current_code(device)})
    assert throttled.status_code == 200 and "patientez" in throttled.content.decode()
    time_machine.shift(1.1)
    right = client.post("/admin/2fa/verification/", {"otp_token": current_code(device), "next": "/admin/"})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_superusers_are_staff_too(client, django_user_model):
    django_user_model.objects.create_superuser("cheffe", "c@example.org", PASSWORD)
    password_login(client, "cheffe", PASSWORD)
    assert client.get("/admin/").status_code == 302


def test_visitors_accounts_without_admin_access_are_not_asked(client, django_user_model):
    django_user_model.objects.create_user("lectrice", "l@example.org", PASSWORD)
    client.force_login(django_user_model.objects.get(username="lectrice"))
    assert client.get("/").status_code == 200


def test_two_factors_are_enforced_in_every_settings_module():
    from rameau_site.settings import base, dev, test

    middleware = "rameau_site.security.two_factor.middleware.StaffTwoFactorMiddleware"
    for module in (base, dev, test):
        assert middleware in module.MIDDLEWARE
        position = module.MIDDLEWARE.index(middleware)
        assert module.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") < position


def test_enrolment_creates_a_device_that_the_next_login_asks_for(client, staff):
    password_login(client, "redactrice", PASSWORD)
    page = client.get("/admin/2fa/activation/?next=/admin/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    response = client.post("/admin/2fa/activation/", {"otp_token": current_code(device), "next": "/admin/"})
    assert response.status_code == 200 and 'href="/admin/"' in response.content.decode()  # the recovery codes, then on
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=staff).confirmed

    client.post("/admin/logout/")
    password_login(client, "redactrice", PASSWORD)
    assert client.get("/admin/").headers["Location"].startswith("/admin/2fa/verification/")
    # An account with a device cannot enrol a second one to get around the code.
    assert client.get("/admin/2fa/activation/").headers["Location"].startswith("/admin/2fa/verification/")


def test_next_cannot_send_the_user_elsewhere(client, staff):
    device = reset_totp_device(staff).device
    password_login(client, "redactrice", PASSWORD)
    response = client.post("/admin/2fa/verification/", {"otp_token": current_code(device), "next": "//evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_demo_otp_code_is_refused_outside_the_demo(settings, django_user_model):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("demo_otp_code", "admin")


# --- idle sessions --------------------------------------------------------------------


def test_an_idle_session_expires_and_activity_renews_it(client, staff):
    device = reset_totp_device(staff).device
    password_login(client, "redactrice", PASSWORD)
    client.post("/admin/2fa/verification/", {"otp_token": current_code(device)})
    assert client.get("/admin/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert datetime.timedelta(minutes=59) < remaining <= datetime.timedelta(hours=1)

    session.expire_date = timezone.now() + datetime.timedelta(minutes=5)
    session.save()
    assert client.get("/admin/").status_code == 200  # activity: the hour starts again
    assert Session.objects.get(pk=session.pk).expire_date - timezone.now() > datetime.timedelta(minutes=59)

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
