"""The timeline follows the editor's order and groups consecutive milestones by year."""

import pytest
from django.utils.html import escape

from pages.models import HistoryMilestone
from pages.models.history import decade_band

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


@pytest.mark.django_db
def test_decade_band_shows_each_decade_in_proportion_and_links_each_year(client, history):
    """2006 to 2022: the 2000s hold four years (2006-2009), the 2010s ten, the 2020s three; each
    year with milestones is a link to its place in the list, saying how many it holds."""
    band = decade_band(history.milestones_by_year())
    assert [(decade["decade"], decade["span"]) for decade in band] == [(2000, 4), (2010, 10), (2020, 3)]
    assert [(y["year"], y["count"], y["column"]) for y in band[0]["years"]] == [(2006, 1, 1), (2008, 2, 3)]
    assert band[1]["years"] == [{"year": 2014, "count": 1, "column": 5}]
    markup = client.get(history.url).content.decode()
    nav = markup.split('<nav class="decades"')[1].split("</nav>")[0]
    assert nav.count('class="decades__link"') == 4
    assert 'href="#annee-2008"><span class="decades__when">2008</span>' in nav
    assert '2<span class="visually-hidden"> étapes</span>' in nav
    assert 'class="decades__decade decades__decade--4"' in nav
    for year in (2006, 2008, 2014, 2022):
        assert markup.count(f'id="annee-{year}"') == 1
    assert markup.index('<nav class="decades"') < markup.index('<ol class="timeline"')
