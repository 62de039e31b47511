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
def test_a_stand_in_thumbnail_is_left_out_rather_than_squeezed_under_its_label(index, centres):
    """56 px cannot carry « Visuel provisoire » legibly (it wrapped a letter per line): a centre
    whose picture only stands in for the real one is named without it; the others keep theirs."""
    from core.stand_ins import STAND_IN_LABEL, stand_in_collection
    from tests.factories.images import ImageFactory

    centre = centres["interet-general"]
    centre.listing_image = ImageFactory(collection=stand_in_collection())
    centre.save_revision().publish()
    request = RequestFactory().get("/")
    markup = render_to_string("resources/includes/home_section.html", centres_section(request), request=request)
    items = markup.split('class="home-centres__item"')[1:]
    assert len(items) == len(CENTRES)
    with_thumb = {item.split('href="')[1].split('"')[0]: "home-centres__thumb" in item for item in items}
    assert with_thumb.pop(centre.url) is False
    assert all(with_thumb.values())
    assert STAND_IN_LABEL not in markup


@pytest.mark.django_db
def test_section_is_empty_without_a_live_index(index, centres):
    index.unpublish()
    request = RequestFactory().get("/")
    context = centres_section(request)
    assert context == {"centres_index": None, "centres": []}
    assert render_to_string("resources/includes/home_section.html", context, request=request).strip() == ""
    ResourceCentreIndexPage.objects.all().delete()
    assert centres_section(request)["centres_index"] is None
