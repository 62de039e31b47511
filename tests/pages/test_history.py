"""The timeline follows the editor's order and groups consecutive milestones by year."""

import pytest
from django.utils.html import escape

from pages.models import HistoryMilestone

from .conftest import MILESTONES


@pytest.mark.django_db
def test_milestones_grouped_by_consecutive_years(history):
    groups = history.milestones_by_year()
    years = [year for year, _ in groups]
    assert years == sorted(set(years)), "milestones given in chronological order make one group per year"
    assert [(year, [m.title for m in items]) for year, items in groups] == [
        (2006, ["Création du RAMEAU"]),
        (2008, ["Premier observatoire des partenariats", "Premier programme de recherche"]),
        (2014, ["Un centre de ressources ouvert à tous"]),
        (2022, ["Première étude nationale d'impact"]),
    ]
    assert sum(len(items) for _, items in groups) == HistoryMilestone.objects.count() == len(MILESTONES)


@pytest.mark.django_db
def test_editor_order_wins(client, history):
    page = history
    last = page.milestones.order_by("-sort_order").first()
    last.sort_order = -1
    last.save()
    groups = page.milestones_by_year()
    assert groups[0][1][0].pk == last.pk
    markup = client.get(page.url).content.decode()
    assert markup.index(escape(last.title)) < markup.index("Création du RAMEAU")
