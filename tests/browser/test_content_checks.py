"""An editor, in Chromium (password + TOTP code), finds the demo's « à vérifier » points in
Rapports › Contenus à vérifier, with a link to each page concerned; visitors never see them."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from pages.models import ContentCheck
from tests.browser.guide_pictures import guide_picture
from tests.factories.users import EditorFactory

from .staff import log_in

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("ADMIN_SCREENSHOTS", "")


@pytest.mark.guide_pictures
def test_editor_reads_the_report_and_visitors_never_see_a_check(page, site_url):
    check = ContentCheck.objects.filter(page__slug="arpea-etude-dirigeants-grandes-entreprises").get()
    log_in(page, site_url, EditorFactory())
    page.locator("#wagtail-sidebar").get_by_role("button", name="Rapports").click()
    page.locator("#wagtail-sidebar").get_by_role("link", name="Contenus à vérifier").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contenus à vérifier")
    expect(page.locator("main")).to_contain_text(check.note[:60])
    for screen in ({"width": 1280, "height": 900}, {"width": 375, "height": 900}):
        page.set_viewport_size(screen)
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/admin-report-{screen['width']}.png", full_page=True)
        if screen["width"] == 1280:
            guide_picture(page, "a-verifier")
    page.get_by_role("link", name=check.page.title).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    visitor = page.context.browser.new_page()
    visitor.goto(f"{site_url}{check.page.url}")
    expect(visitor.locator("main")).not_to_contain_text(check.note[:40])
    visitor.close()
