"""The skip link and the menu work with the keyboard alone, on a phone and on a desktop."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import VIEWPORTS

pytestmark = pytest.mark.browser


def test_skip_link_moves_focus_to_content(page, site_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(site_url + "/qui-sommes-nous/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_desktop_menu_by_keyboard(page, site_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(site_url + "/")
    menu_link = page.locator("#menu-principal").get_by_role("link", name="Notre histoire")
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu_link.evaluate("el => el === document.activeElement"):
            break
    expect(menu_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/qui-sommes-nous/histoire/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Notre histoire")


def test_phone_menu_opens_and_closes_by_keyboard(page, site_url):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + "/")
    toggle = page.get_by_role("button", name="Menu")
    first_link = page.locator("#menu-principal").get_by_role("link", name="Qui sommes-nous")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()

    for _ in range(5):
        page.keyboard.press("Tab")
        if toggle.evaluate("el => el === document.activeElement"):
            break
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()

    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/qui-sommes-nous/$"))


def test_menu_is_usable_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "/")
    expect(page.locator("#menu-principal").get_by_role("link", name="Qui sommes-nous")).to_be_visible()
    context.close()
