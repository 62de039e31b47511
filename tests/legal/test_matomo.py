"""Audience measurement: nothing at all unless MATOMO_URL and MATOMO_SITE_ID are set; then an
external script without cookie, the CSP naming the Matomo host, never in the admin or previews."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HomePage

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";") if part.strip()
    }


@pytest.fixture
def matomo(settings):
    settings.MATOMO_URL = "https://stats.example.org/matomo"
    settings.MATOMO_SITE_ID = "4"
    return settings


def test_unset_means_nothing_at_all(client, settings):
    settings.MATOMO_URL, settings.MATOMO_SITE_ID = "", ""
    response = client.get("/")
    assert "matomo" not in response.content.decode().lower()
    policy = directives(response)
    assert (
        policy["script-src"] == ["'self'"] and policy["img-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    )


@pytest.mark.parametrize(("url", "site_id"), [("https://stats.example.org/", ""), ("", "4"), ("ftp://x", "4")])
def test_half_a_configuration_is_no_configuration(client, settings, url, site_id):
    settings.MATOMO_URL, settings.MATOMO_SITE_ID = url, site_id
    assert "matomo" not in client.get("/").content.decode().lower()


def test_set_loads_the_external_script_and_opens_the_csp_to_its_host_only(client, matomo):
    response = client.get("/")
    html = response.content.decode()
    assert (
        '<script src="/static/js/matomo.js" data-matomo-url="https://stats.example.org/matomo/" '
        'data-matomo-site="4" defer></script>'
    ) in html
    policy = directives(response)
    for directive in ("script-src", "connect-src", "img-src"):
        assert set(policy[directive]) == {"'self'", "https://stats.example.org"}, directive
    assert policy["frame-src"] and "https://stats.example.org" not in policy["frame-src"]


def test_the_tracker_runs_without_cookies():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[2] / "static" / "js" / "matomo.js").read_text()
    assert script.index('"disableCookies"') < script.index('"trackPageView"')


def test_never_in_the_admin_nor_in_previews(admin_client, matomo):
    admin = admin_client.get(reverse("wagtailadmin_home"))
    assert "matomo" not in admin.content.decode().lower()
    assert "stats.example.org" not in admin["Content-Security-Policy"]
    home = HomePage.objects.get()
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert preview.status_code == 200 and "matomo" not in preview.content.decode().lower()
    assert "stats.example.org" not in preview["Content-Security-Policy"]


def test_nor_in_the_editors_live_preview(admin_client, matomo):
    home = HomePage.objects.get()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    data = querydict_from_html(edit, form_id="page-edit-form")
    data["body-count"] = "0"  # an empty StreamField, as the admin's script posts it
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])
    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url)
    assert preview.status_code == 200 and home.title in preview.content.decode()
    assert "matomo" not in preview.content.decode().lower()
    assert "stats.example.org" not in preview["Content-Security-Policy"]
