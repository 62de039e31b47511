"""The skip link and the menu work with the keyboard alone, on a phone and on a desktop; the
phone menu is a <details> disclosure, so it opens, closes and reaches its links with no script,
and the script only adds Escape."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import VIEWPORTS

RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
PHONE_HEADER_MAX_HEIGHT = 121  # px at 375 px: brand and « Menu » on one line, the search below

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


def menu_toggle(page) -> tuple[str, bool] | None:
    """The name and expanded state that Chromium gives assistive technologies for the phone
    menu's toggle (a <summary>: Chromium's disclosure triangle), or None when it is not exposed."""
    client = page.context.new_cdp_session(page)
    try:
        root = client.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = client.send("DOM.querySelector", {"nodeId": root, "selector": "summary.menu-toggle__button"})
        if not found["nodeId"]:
            return None
        toggle = client.send("DOM.describeNode", {"nodeId": found["nodeId"]})["node"]["backendNodeId"]
        nodes = client.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        client.detach()
    for node in nodes:  # other <summary> elements (a chart's data table) are not the menu's toggle
        if node.get("backendDOMNodeId") != toggle:
            continue
        if node.get("ignored") or node["role"].get("value") != "DisclosureTriangle":
            return None
        states = {prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}
        return node.get("name", {}).get("value", ""), bool(states.get("expanded"))
    return None


def tab_to(page, target, presses: int = 10) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    expect(target).to_be_focused()


def test_phone_menu_opens_and_closes_by_keyboard(page, site_url):
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + "/")
    toggle = page.locator("summary", has_text="Menu")
    first_link = page.locator("#menu-principal").get_by_role("link", name="Qui sommes-nous")
    assert menu_toggle(page) == ("Menu", False)
    expect(first_link).to_be_hidden()

    tab_to(page, toggle, presses=5)
    page.keyboard.press("Enter")
    expect(first_link).to_be_visible()
    assert menu_toggle(page) == ("Menu", True)

    page.keyboard.press("Escape")  # site.js: the menu folds and focus goes back to « Menu »
    expect(first_link).to_be_hidden()
    expect(toggle).to_be_focused()
    assert menu_toggle(page) == ("Menu", False)

    page.keyboard.press("Space")
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    assert page.evaluate("window.__csp") == []
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/qui-sommes-nous/$"))


def test_phone_menu_is_folded_from_the_first_paint(page, site_url):
    """No layout shift: the header has its final height before site.js runs, and no taller
    than the compact phone header. Web fonts are held back: their swap (a thousandth of CLS on
    the buttons' text) is not the menu's doing."""
    page.route("**/*.woff2", lambda route: route.abort())
    page.add_init_script(
        "window.__shifts = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries())"
        " { window.__shifts += entry.value; } }).observe({type: 'layout-shift', buffered: true});"
    )
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + "/", wait_until="load")
    height = page.locator(".site-header").evaluate("el => el.getBoundingClientRect().height")
    assert height <= PHONE_HEADER_MAX_HEIGHT
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == 0


def test_phone_menu_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "/")
    toggle = page.locator("summary", has_text="Menu")
    menu = page.locator("#menu-principal")
    first_link = menu.get_by_role("link", name="Qui sommes-nous")
    expect(toggle).to_be_visible()
    expect(first_link).to_be_hidden()
    assert menu_toggle(page) == ("Menu", False)
    assert page.locator(".site-header").evaluate("el => el.getBoundingClientRect().height") <= PHONE_HEADER_MAX_HEIGHT

    tab_to(page, toggle, presses=5)
    page.keyboard.press("Enter")
    expect(first_link).to_be_visible()
    assert menu_toggle(page) == ("Menu", True)
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Space")
    expect(first_link).to_be_hidden()
    assert menu_toggle(page) == ("Menu", False)

    toggle.click()
    for link in menu.get_by_role("link").all():
        expect(link).to_be_visible()
    first_link.click()
    expect(page).to_have_url(re.compile(r"/qui-sommes-nous/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    context.close()


def test_desktop_menu_is_shown_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(site_url + "/")
    links = page.locator("#menu-principal").get_by_role("link")
    assert links.count() >= 5
    for link in links.all():
        expect(link).to_be_visible()
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    assert menu_toggle(page) is None
    context.close()
