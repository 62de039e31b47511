"""E-mails to staff link to the admin at the site's real address (the Site record, not
WAGTAILADMIN_BASE_URL) and greet people as a laboratory writes (#26 §4)."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Workflow

from rameau_site.security.staff import WORKFLOW
from tests.factories.pages import StandardPageFactory
from tests.factories.users import EditorFactory, ModeratorFactory

pytestmark = pytest.mark.django_db


def test_moderation_notifications_greet_properly_and_link_to_the_public_address(public_site, settings):
    """Wagtail's notification templates, overridden in the project (wagtailadmin/notifications/base.txt,
    wagtailadmin/notifications/base.html): « Bonjour », a close, every link from the Site record."""
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    moderator = ModeratorFactory(first_name="Léa", last_name="Durand")
    editor = EditorFactory(first_name="Camille", last_name="Martin")
    page = StandardPageFactory(title="Nos alliances")
    page.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW).start(page, editor)

    [message] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert message.body.startswith("Bonjour Léa Durand,")
    assert "Salut" not in message.body and "http://testserver" not in message.body
    assert f"https://www.lerameau.fr/admin/pages/{page.pk}/edit/" in message.body
    assert "Bien cordialement,\nLe site du RAMEAU" in message.body
    assert "https://www.lerameau.fr/admin/account/#tab-notifications" in message.body
    [(html, _type)] = message.alternatives
    assert "Bonjour Léa Durand," in html and f'href="https://www.lerameau.fr/admin/pages/{page.pk}/edit/"' in html
