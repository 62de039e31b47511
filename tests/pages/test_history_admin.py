"""The timeline in the admin: saved milestones start folded under their year and title, and
years out of order are a form error that keeps everything typed."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import HistoryPage
from tests.factories.users import ModeratorFactory


@pytest.fixture
def moderator(client):
    client.force_login(ModeratorFactory())
    return client


def edit_form(client, page) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()


def order_of(data: dict, title: str) -> str:
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if re.fullmatch(r"milestones-\d+-title", key) and value == title
    )
    return f"milestones-{index}-ORDER"


@pytest.mark.django_db
def test_saved_milestones_are_folded_and_named_by_year_and_title(moderator, history):
    markup = unescape(moderator.get(reverse("wagtailadmin_pages:edit", args=[history.pk])).content.decode())
    summaries = re.findall(r"<span data-row-summary>([^<]+)</span>", markup)
    assert summaries[:2] == ["2006 – Création du RAMEAU", "2008 – Premier observatoire des partenariats"]
    assert len(summaries) == 5
    folded = re.findall(r'<section class="w-panel collapsed" id="inline_child_milestones-\d+-panel-section"', markup)
    assert len(folded) == 5
    # the template for a new milestone opens unfolded, with no summary yet
    template = markup.split('id="id_milestones-EMPTY_FORM_TEMPLATE"')[1]
    assert "data-row-summary" not in template.split("</template>")[0]
    assert "collapsed" not in template.split("</template>")[0]


@pytest.mark.django_db
def test_years_out_of_order_are_refused_and_nothing_typed_is_lost(moderator, history):
    data = edit_form(moderator, history)
    first, last = order_of(data, "Création du RAMEAU"), order_of(data, "Première étude nationale d'impact")
    data[first], data[last] = data[last], data[first]  # 2022 dragged to the top
    data["intro"] = "Un chapô retouché pendant la saisie."
    url = reverse("wagtailadmin_pages:edit", args=[history.pk])
    response = moderator.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert (
        "« 2022 – Première étude nationale d'impact » est placée avant « 2008 – Premier observatoire des partenariats »"
        in text
    )
    assert "Un chapô retouché pendant la saisie." in text
    assert HistoryPage.objects.get(pk=history.pk).intro != data["intro"]

    data[first], data[last] = data[last], data[first]  # put back in order: saved
    response = moderator.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    page = HistoryPage.objects.get(pk=history.pk)
    assert page.intro == "Un chapô retouché pendant la saisie."
    years = [year for year, _items in page.milestones_by_year()]
    assert years == sorted(set(years))


@pytest.mark.django_db
def test_a_refused_save_shows_the_milestones_in_the_order_they_were_sent(moderator, history):
    """« Monter » and « Descendre » swap the hidden positions of neighbouring rows: rows shown in their
    old order after a refusal would then be saved in an order nobody saw."""
    data = edit_form(moderator, history)
    first, last = order_of(data, "Création du RAMEAU"), order_of(data, "Première étude nationale d'impact")
    data[first], data[last] = data[last], data[first]  # 2022 moved to the top: refused
    response = moderator.post(reverse("wagtailadmin_pages:edit", args=[history.pk]), {**data, "action-publish": "1"})
    assert response.status_code == 200
    rows = response.content.decode().split('id="id_milestones-EMPTY_FORM_TEMPLATE"')[0]
    shown = [f"milestones-{index}-ORDER" for index in re.findall(r'id="inline_child_milestones-(\d+)"', rows)]
    assert shown[0] == last and shown[-1] == first
    assert [int(data[order]) for order in shown] == sorted(int(data[order]) for order in shown)
