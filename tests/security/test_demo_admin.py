"""The demo's way into the admin for `make run` (on a copy of the seeded demo): the
password and the second factor, from the terminal."""

from __future__ import annotations

from django.core.management import call_command

from .test_admin_access import password_login


def test_demo_admin_can_pass_both_factors_from_the_terminal(demo_database, client, capsys):
    """`make run`: seed_demo --superuser prints the password and the TOTP key; without an
    authenticator app, demo_otp_code prints the current code (on a copy of the seeded demo)."""
    call_command("seed_demo", "--superuser")
    output = capsys.readouterr().out
    password = output.split("mot de passe : ")[1].split()[0]
    assert "otpauth://totp/" in output
    password_login(client, "admin", password)
    call_command("demo_otp_code", "admin")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    assert client.post("/admin/2fa/verification/", {"otp_token": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
