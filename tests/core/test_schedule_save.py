"""« Enregistrer la programmation » says in words what was scheduled, and above all when nothing
was: Wagtail's dialog empties its dates when it closes (Escape closes it), and the draft was
then saved with no schedule, which only a small status line showed."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from core.scheduling import SCHEDULE_SAVE_FIELD
from tests.factories.publications import NewsArticlePageFactory
from tests.page_forms import edit_form_data

pytestmark = pytest.mark.django_db


def messages_after(client, page, **fields) -> str:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**edit_form_data(client, url, page), **fields}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    markup = unescape(response.content.decode())
    block = markup[markup.index('class="messages"') : markup.index("</ul>", markup.index('class="messages"'))]
    return " ".join(re.sub(r"<[^>]+>", " ", block).split())


def test_saving_the_schedule_with_no_date_says_nothing_was_scheduled(moderator_client):
    article = NewsArticlePageFactory()
    said = messages_after(moderator_client, article, go_live_at="", expire_at="", **{SCHEDULE_SAVE_FIELD: "1"})
    assert "Rien n'a été programmé : la date de publication était vide." in said
    assert "sans appuyer sur Échap" in said
    article.refresh_from_db()
    assert article.get_latest_revision().approved_go_live_at is None and article.go_live_at is None


def test_saving_the_schedule_with_a_date_says_when_and_what_is_left_to_do(moderator_client):
    article = NewsArticlePageFactory()
    said = messages_after(
        moderator_client, article, go_live_at="2099-01-15 09:00", expire_at="", **{SCHEDULE_SAVE_FIELD: "1"}
    )
    assert "Programmation enregistrée : publication le 15 janvier 2099 à 9 h." in said
    assert "« Programmer pour publication »" in said


def test_an_ordinary_draft_save_says_nothing_of_a_schedule(moderator_client):
    article = NewsArticlePageFactory()
    said = messages_after(moderator_client, article, go_live_at="", expire_at="")
    assert "programm" not in said.lower()
