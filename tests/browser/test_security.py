"""The Content-Security-Policy as a real browser enforces it: public pages, and an editor
who logs in (password + TOTP code), edits and publishes a page in the admin, without one
violation reported."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from demo.totp import current_code, reset_totp_device
from publications.models import NewsArticlePage

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    "/",
    "/qui-sommes-nous/",
    "/publications/",
    "/publications/?type=note&annee=2016",
    "/publications/rapport-interet-general-nouvelles-alliances/",
    "/actualites/",
    "/centres-de-ressources/",
    "/webinaires/",
    "/recherche/?q=alliance",
    "/page-introuvable/",
]
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP report (console message or DOM event) collected."""
    reports: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console", lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None
    )

    def collect() -> list[str]:
        try:
            reports.extend(page.evaluate("window.__csp || []"))
            page.evaluate("window.__csp = []")
        except Exception:  # noqa: BLE001 - the page is navigating: its events were already read
            pass
        return reports

    page.csp_reports = collect
    return page


def test_public_pages_raise_no_csp_violation(watched, site_url):
    for path in PUBLIC_PAGES:
        response = watched.goto(site_url + path)
        assert "default-src 'none'" in response.headers["content-security-policy"], path
        watched.wait_for_load_state("load")
        assert not watched.csp_reports(), (path, watched.csp_reports())


def test_editor_logs_in_with_two_factors_edits_and_publishes_without_violation(watched, site_url):
    user = get_user_model().objects.create_superuser("redactrice", "r@example.org", "motdepasse-solide-2026")
    device = reset_totp_device(user).device
    article = NewsArticlePage.objects.live().first()

    watched.goto(f"{site_url}/admin/login/")
    watched.fill("#id_username", "redactrice")
    watched.fill("#id_password", "motdepasse-solide-2026")
    watched.locator("form.login-form button[type=submit]").click()
    expect(watched).to_have_url(f"{site_url}/admin/2fa/verification/?next=%2Fadmin%2F")
    watched.fill("#id_otp_token", current_code(device))
    watched.get_by_role("button", name="Valider le code").click()
    expect(watched).to_have_url(f"{site_url}/admin/")
    assert not watched.csp_reports()

    watched.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
    title = watched.locator("#id_title")
    expect(title).to_be_visible()
    title.fill("Article relu dans le navigateur")
    watched.locator("footer [data-w-dropdown-target='toggle']").first.click()  # the actions menu
    watched.get_by_role("button", name="Publier").click()
    expect(watched.locator(".messages .success")).to_be_visible()
    assert not watched.csp_reports(), watched.csp_reports()  # the editor and its actions
    article.refresh_from_db()
    assert article.title == "Article relu dans le navigateur" and article.live

    watched.goto(site_url + article.url)
    expect(watched.locator("h1")).to_contain_text("Article relu dans le navigateur")
    assert not watched.csp_reports(), watched.csp_reports()
