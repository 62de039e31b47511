"""Autosave is off: the edit form carries no autosave controller, and nothing is saved until
staff save (an abandoned new page leaves no draft behind)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pages.models import StandardPage
from tests.factories.pages import StandardPageFactory


@pytest.mark.django_db
def test_no_autosave_on_the_page_forms(admin_client, home):
    add = admin_client.get(reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home.pk]))
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[StandardPageFactory().pk]))
    for response in (add, edit):
        assert response.status_code == 200
        markup = response.content.decode()
        assert "data-w-autosave-interval-value" not in markup
        assert 'data-controller="w-init w-unsaved "' in markup
    assert StandardPage.objects.count() == 1
