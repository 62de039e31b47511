"""Wagtail's content checker (« Vérifications » in the editor's preview panel) finds nothing on
any public page type of the demo: axe-core run in Chromium with the very rules, custom rules and
options that Wagtail's ContentCheckerItem gives its userbar, as a visitor sees each page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import RequestFactory
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page

from .conftest import VIEWPORTS

pytestmark = pytest.mark.browser

# Wagtail's two custom checks ship as JavaScript in its admin bundle; these are the same tests.
RUN_CHECKER = """async (config) => {
    const evaluate = {
        "check-image-alt-text": (node, options) => !new RegExp(options.pattern, "i").test(node.getAttribute("alt") || ""),
        "check-empty-meta-description": () => {
            const meta = document.querySelector('meta[name="description"][content]');
            return !meta || meta.content.trim().length > 0;
        },
    };
    axe.configure({
        rules: config.spec.rules,
        checks: config.spec.checks.map((check) => ({...check, evaluate: evaluate[check.id]})),
    });
    const results = await axe.run(config.context, config.options);
    return results.violations.map((violation) => ({
        rule: violation.id,
        nodes: violation.nodes.map((node) => node.target.join(" ") + " " + node.html.slice(0, 120)),
    }));
}"""
OTHER_PAGES = {"search": "/recherche/?q=alliances", "not-found": "/page-disparue/"}


def checker_configuration() -> dict:
    """What Wagtail hands its checker (messages left out: only the browser's verdict matters)."""
    configuration = ContentCheckerItem().get_axe_configuration(RequestFactory().get("/"))
    return {key: configuration[key] for key in ("context", "options", "spec")}


def run_checker(page, configuration: dict) -> list[dict]:
    page.evaluate(Axe().axe_script)
    return page.evaluate(RUN_CHECKER, configuration)


def one_page_of_each_type() -> dict[str, str]:
    """The first live, public page (tree order) of every page type the demo publishes."""
    found: dict[str, str] = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        found.setdefault(type(page).__name__, page.url)
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_wagtail_checker_finds_nothing_on_public_pages(page, site_url, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    configuration = checker_configuration()
    pages = {**one_page_of_each_type(), **OTHER_PAGES}
    assert {"HomePage", "MissionPage", "PublicationPage", "WebinarPage", "ResourceCentrePage"} <= set(pages)
    findings = {}
    for name, path in pages.items():
        page.goto(site_url + path)
        if violations := run_checker(page, configuration):
            findings[f"{name} {path}"] = violations
    assert findings == {}


def test_checker_harness_reports_what_wagtail_flags(page):
    """Guards the test above: key figures styled as headings in paragraphs, an image whose alt
    text is a file name and an empty meta description are all reported."""
    page.set_content(
        """<html lang="fr"><head><meta name="description" content=" "></head><body><main>
        <h1>Chiffres</h1>
        <p style="font-size: 2.4rem; font-weight: 700">15 ans</p><p>de recherche empirique</p>
        <p>Une phrase ordinaire.</p><p>Une autre phrase ordinaire.</p>
        <img src="/x.png" alt="photo_2021.jpg">
        </main></body></html>"""
    )
    rules = {violation["rule"] for violation in run_checker(page, checker_configuration())}
    assert {"p-as-heading", "alt-text-quality", "empty-meta-description"} <= rules
