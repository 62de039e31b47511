"""Absolute links (canonical, calendars) come from the Site record, and the dashboard says so
while that record still names « localhost »."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from tests.clients import StaffClient
from tests.factories.users import ModeratorFactory, SuperuserFactory
from tests.factories.webinars import WebinarPageFactory

PUBLIC = {"HTTP_HOST": "www.lerameau.fr", "wsgi.url_scheme": "https"}


@pytest.fixture
def superuser_client():
    client = StaffClient()
    client.force_login(SuperuserFactory())
    return client


@pytest.mark.django_db
def test_dashboard_warns_while_the_site_address_is_localhost(superuser_client):
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == "localhost"
    markup = unescape(superuser_client.get(reverse("wagtailadmin_home"), **PUBLIC).content.decode())
    assert "data-site-address-warning" in markup
    words = " ".join(strip_tags(markup).split())
    assert "encore http://localhost, alors qu'il est servi à https://www.lerameau.fr" in words
    assert reverse("wagtailsites:edit", args=[site.pk]) in markup

    moderator = StaffClient()
    moderator.force_login(ModeratorFactory())
    markup = unescape(moderator.get(reverse("wagtailadmin_home"), **PUBLIC).content.decode())
    assert "Demandez à un administrateur" in markup and reverse("wagtailsites:edit", args=[site.pk]) not in markup

    # on the machine itself (make run on 127.0.0.1), nothing to say
    local = superuser_client.get(reverse("wagtailadmin_home"), HTTP_HOST="127.0.0.1:8000").content.decode()
    assert "data-site-address-warning" not in local


@pytest.mark.django_db
def test_once_set_links_use_the_recorded_address(superuser_client, client):
    site = Site.objects.get(is_default_site=True)
    response = superuser_client.post(
        reverse("wagtailsites:edit", args=[site.pk]),
        {
            "hostname": "www.lerameau.fr",
            "port": "443",
            "site_name": site.site_name,
            "root_page": site.root_page_id,
            "is_default_site": "on",
        },
    )
    assert response.status_code == 302
    assert (
        "data-site-address-warning" not in superuser_client.get(reverse("wagtailadmin_home"), **PUBLIC).content.decode()
    )

    session = WebinarPageFactory(day=date(2031, 3, 20))
    markup = unescape(client.get(session.url, **PUBLIC).content.decode())
    assert f'<link rel="canonical" href="https://www.lerameau.fr{session.url}">' in markup
    assert f"Présentation : https://www.lerameau.fr{session.url}" in unescape(
        client.get(f"{session.url}calendrier.ics", **PUBLIC).content.decode().replace("\r\n ", "")
    )
