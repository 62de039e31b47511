"""The admin shows a page's preview in its own side panel: the preview may be framed by the
admin (same origin), never by another site, and the accessibility checks run in it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_preview_can_be_framed_by_the_admin_only(admin_client):
    page = StandardPageFactory(title="Page à prévisualiser")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": "Aperçu dans le panneau", "body": streamfield([])}
    )
    admin_client.post(url, data)
    response = admin_client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "frame-ancestors 'none'" not in policy
    public = admin_client.get(page.url)
    assert public.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in public.headers["Content-Security-Policy"]
