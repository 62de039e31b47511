"""People arriving and leaving, in Chromium (#26 §4): an administrator creates an account, the
newcomer follows the invitation to choose a password and enrol an authenticator app, notes the
recovery codes, later gets in with one of them, and the administrator resets the lost second
factor from the user list. Each screen we add, and the staff guide the administrator opens from
the menu, passes axe; the newcomer's screens fit a phone; no console error, no CSP violation.

Steps: the administrator, 7 (Paramètres, Utilisateurs, Ajouter un utilisateur, four fields,
Rôles, Éditeurs, Créer: counted as one form); the newcomer, 6 (open the link, two password
fields and « Enregistrer », scan or type the key, the code and « Activer », « J'ai noté mes
codes, continuer »)."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect
from wagtail.models import Site

from demo.totp import code_for_key
from tests.browser.guide_pictures import guide_picture
from tests.factories.users import SuperuserFactory

from .conftest import VIEWPORTS
from .staff import log_in
from .test_editor_journeys import SETTLED, WCAG_21_AA, Watch, shot

pytestmark = pytest.mark.browser

NEW_PASSWORD = "une-phrase-de-passe-2026"
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def passes_axe(page: Page) -> None:
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)
    results = Axe().run(page, context="main", options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def viewport_shot(page: Page, name: str) -> None:
    """What the screen shows at this point of a long page (`shot` takes the whole page)."""
    folder = os.environ.get("JOURNEY_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png")


def watched_page(browser, viewport: str = "desktop") -> Page:
    page = browser.new_context(viewport=VIEWPORTS[viewport]).new_page()
    page.watch = Watch(page)
    return page


@pytest.mark.guide_pictures
def test_a_newcomer_is_invited_enrols_and_later_loses_the_phone(browser, site_url):
    served = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=served.hostname, port=served.port)
    admin = watched_page(browser)
    log_in(admin, site_url, SuperuserFactory(first_name="Alix", last_name="Dupont"))

    # The administrator: Paramètres › Utilisateurs › Ajouter un utilisateur, no password to choose.
    admin.get_by_role("button", name="Paramètres").click()
    admin.get_by_role("link", name="Utilisateurs").click()
    admin.get_by_role("link", name="Ajouter un utilisateur").click()
    expect(admin.locator("#id_password1")).to_have_count(0)
    admin.fill("#id_username", "camille")
    admin.fill("#id_email", "camille@example.org")
    admin.fill("#id_first_name", "Camille")
    admin.fill("#id_last_name", "Martin")
    admin.get_by_role("tab", name="Rôles").first.click()
    admin.get_by_label("Éditeurs").check()
    admin.get_by_role("button", name="Créer").click()
    expect(admin.locator(".messages")).to_contain_text("Invitation envoyée à camille@example.org")
    admin.evaluate(SETTLED)
    viewport_shot(admin, "accounts-created")

    # The guide the administrator follows, from the admin's menu: axe-clean, its new sections listed.
    admin.get_by_role("link", name="Guide de l'équipe").first.click()
    expect(admin.get_by_role("heading", name="Guide de l'équipe")).to_be_visible()
    passes_axe(admin)
    for section in ("Les messages du formulaire de contact", "Les demandes sur les données personnelles"):
        admin.get_by_role("navigation", name="Sommaire").get_by_role("link", name=section).click()
        expect(admin.get_by_role("heading", name=section, exact=True)).to_be_in_viewport()
    viewport_shot(admin, "guide-personal-data")

    # The newcomer: the link of the e-mail, at the Site record's address.
    [invitation] = mail.outbox
    link = re.search(rf"{re.escape(site_url)}/admin/invitation/\S+/", invitation.body).group(0)
    newcomer = watched_page(browser, "phone")  # the e-mail is often opened on a phone
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="Bienvenue, choisissez votre mot de passe")).to_be_visible()
    passes_axe(newcomer)
    shot(newcomer, "accounts-invitation")
    newcomer.locator("#id_new_password1").fill(NEW_PASSWORD)
    newcomer.get_by_label("Le même mot de passe, une seconde fois").fill(NEW_PASSWORD)
    save = newcomer.get_by_role("button", name="Enregistrer mon mot de passe")
    assert save.evaluate("(button) => button.scrollWidth <= button.clientWidth")  # its label not cut on a phone
    save.click()

    expect(newcomer.get_by_role("heading", name="Activer la double authentification")).to_be_visible()
    key = newcomer.locator("code.two-factor-key").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", key), key
    assert not newcomer.evaluate(OVERFLOW)  # the QR code and the key fit a phone
    shot(newcomer, "accounts-enrolment")
    guide_picture(newcomer, "cle-double-authentification")
    newcomer.get_by_label("Code à 6 chiffres").fill(code_for_key(key))
    newcomer.get_by_role("button", name="Activer").click()
    expect(newcomer.get_by_role("heading", name="Double authentification activée")).to_be_visible()
    expect(newcomer.locator(".messages")).to_contain_text("C'est fait")
    codes = newcomer.locator(".two-factor-codes code").all_inner_texts()
    assert len(set(codes)) == 10
    passes_axe(newcomer)
    assert not newcomer.evaluate(OVERFLOW)
    shot(newcomer, "accounts-recovery-codes")
    newcomer.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    expect(newcomer).to_have_url(f"{site_url}/admin/")

    # Another day, the phone left at home: the password, then a recovery code.
    elsewhere = watched_page(browser)
    elsewhere.goto(f"{site_url}/admin/login/")
    elsewhere.fill("#id_username", "camille")
    elsewhere.fill("#id_password", NEW_PASSWORD)
    elsewhere.locator("form.login-form button[type=submit]").click()
    elsewhere.get_by_role("link", name="Utiliser un code de secours").click()
    passes_axe(elsewhere)
    shot(elsewhere, "accounts-recovery-login")
    elsewhere.get_by_label("Code de secours").fill(codes[0])
    elsewhere.get_by_role("button", name="Valider le code de secours").click()
    expect(elsewhere).to_have_url(f"{site_url}/admin/")
    expect(elsewhere.locator(".messages")).to_contain_text("il vous en reste 9")

    # The phone is lost for good: the administrator resets the second factor from the list.
    admin.get_by_role("button", name="Paramètres").click()
    admin.get_by_role("link", name="Utilisateurs").click()
    row = admin.locator("table.listing tbody tr", has_text="camille")
    row.get_by_role("button", name=re.compile("options", re.IGNORECASE)).click()
    guide_picture(admin, "reinitialiser-double-authentification")
    row.get_by_role("link", name="Réinitialiser la double authentification").click()
    passes_axe(admin)
    viewport_shot(admin, "accounts-reset")
    admin.get_by_role("button", name="Oui, réinitialiser").click()
    expect(admin.locator(".messages")).to_contain_text("Double authentification de Camille Martin réinitialisée")
    assert "a réinitialisé la double authentification" in mail.outbox[-1].body

    elsewhere.goto(f"{site_url}/admin/pages/")
    expect(elsewhere.get_by_role("heading", name="Activer la double authentification")).to_be_visible()
    user = get_user_model().objects.get(username="camille")
    assert user.groups.filter(name="Éditeurs").exists() and user.check_password(NEW_PASSWORD)
    for page in (admin, newcomer, elsewhere):
        page.watch.assert_clean()
