"""The home page's centres section: context from resources.home, markup from its include."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from resources.home import centres_section
from resources.models import ResourceCentreIndexPage

from .conftest import CENTRES


@pytest.mark.django_db
def test_section_lists_the_live_centres_in_tree_order(index, centres):
    centres["interet-general"].unpublish()
    context = centres_section(RequestFactory().get("/"))
    assert context["centres_index"] == index
    listed = context["centres"]
    assert [centre.slug for centre in listed] == [slug for slug, *_ in CENTRES if slug != "interet-general"]
    assert all(centre.listing_image is not None for centre in listed)


@pytest.mark.django_db
def test_section_renders_a_card_grid_linking_to_the_index(index, centres):
    request = RequestFactory().get("/")
    markup = render_to_string("resources/includes/home_section.html", centres_section(request), request=request)
    assert '<section class="section home-centres" aria-labelledby="accueil-centres">' in markup
    assert f"Nos {len(CENTRES)} centres de ressources</h2>" in markup
    assert markup.count('class="home-centres__item"') == len(CENTRES)
    assert 'href="/centres-de-ressources/alliances-territoriales/"' in markup
    assert '<a class="button" href="/centres-de-ressources/">' in markup


@pytest.mark.django_db
def test_section_is_empty_without_a_live_index(index, centres):
    index.unpublish()
    request = RequestFactory().get("/")
    context = centres_section(request)
    assert context == {"centres_index": None, "centres": []}
    assert render_to_string("resources/includes/home_section.html", context, request=request).strip() == ""
    ResourceCentreIndexPage.objects.all().delete()
    assert centres_section(request)["centres_index"] is None
