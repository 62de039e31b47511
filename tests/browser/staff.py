"""Logging staff into the real admin in Chromium: password, then the code of their authenticator."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

from demo.totp import current_code, reset_totp_device
from tests.factories.users import PASSWORD

WRONG_CODE_MESSAGE = "Ce code n'est pas le bon"


def log_in(page: Page, site_url: str, user, *, wrong_code_first: bool = False) -> None:
    """Password, then the six digits of the user's authenticator (4 steps; 6 with a wrong code)."""
    device = reset_totp_device(user).device
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/2fa/verification/"))
    if wrong_code_first:
        right = current_code(device)
        page.fill("#id_otp_token", "000000" if right != "000000" else "111111")
        page.get_by_role("button", name="Valider le code").click()
        expect(page.locator(".messages li.error")).to_contain_text(WRONG_CODE_MESSAGE)
        time.sleep(1.2)  # django-otp makes the next try wait a second after a failure
    page.fill("#id_otp_token", current_code(device))
    page.get_by_role("button", name="Valider le code").click()
    expect(page).to_have_url(f"{site_url}/admin/")
