"""Comparing two versions of the timeline in the admin: a milestone without a month reads
« Non précisé », never Python's « None »."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from pages.models import HistoryMilestone
from tests.factories.users import ModeratorFactory


def comparison_text(client, page, *revisions) -> str:
    """The comparison's table as a visitor of the admin reads it (markup stripped)."""
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, *revisions]))
    assert response.status_code == 200
    markup = response.content.decode()
    table = markup[markup.index("<table") : markup.rindex("</table>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", table)).split())


@pytest.mark.django_db
def test_a_milestone_without_a_month_reads_non_precise_in_every_comparison(client, history):
    client.force_login(ModeratorFactory())
    first = history.save_revision(log_action=True)
    milestones = list(history.milestones.all())
    milestones[1].month = 3  # « Premier observatoire des partenariats »: no month, then March
    milestones.append(HistoryMilestone(year=2024, title="Une étape ajoutée sans mois", sort_order=9))
    history.milestones = milestones
    history.intro = "Un chapô revu."
    second = history.save_revision(log_action=True)

    for revisions in ((first.pk, second.pk), (first.pk, "latest"), ("live", "latest")):
        text = comparison_text(client, history, *revisions)
        assert "None" not in text
        assert "Mois Non précisé" in text  # the milestones left without a month, and the new one
        assert "Une étape ajoutée sans mois" in text

    text = comparison_text(client, history, first.pk, second.pk)
    assert "Non précisé mars" in text  # the change shows both sides: from no month to March


@pytest.mark.django_db
def test_the_month_select_offers_the_same_blank_label(client, history):
    client.force_login(ModeratorFactory())
    markup = client.get(reverse("wagtailadmin_pages:edit", args=[history.pk])).content.decode()
    assert '<option value="" selected>Non précisé</option>' in markup
    assert "---------" not in markup
