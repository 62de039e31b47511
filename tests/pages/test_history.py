"""The timeline follows the editor's order and groups consecutive milestones by year."""

import pytest

from pages.models import HistoryMilestone, HistoryPage


@pytest.mark.django_db
def test_milestones_grouped_by_consecutive_years():
    groups = HistoryPage.objects.get().milestones_by_year()
    years = [year for year, _ in groups]
    assert years == sorted(set(years)), "demo milestones are chronological, one group per year"
    assert sum(len(items) for _, items in groups) == HistoryMilestone.objects.count()


@pytest.mark.django_db
def test_editor_order_wins(client):
    page = HistoryPage.objects.get()
    last = page.milestones.order_by("-sort_order").first()
    last.sort_order = -1
    last.save()
    groups = page.milestones_by_year()
    assert groups[0][1][0].pk == last.pk
    markup = client.get(page.url).content.decode()
    assert markup.index(last.title) < markup.index("Création du RAMEAU")
