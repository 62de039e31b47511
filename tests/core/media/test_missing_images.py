"""A missing or broken image never takes a page down: every page type, the feeds, the site
map and the search still answer 200, without the image, its share tags or its JSON-LD."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template import Context, Template
from wagtail.images import get_image_model

from caching import version
from core import images
from core.images import renditions_or_none

from .conftest import build_every_page_type, make_image
from .files import json_ld, media_references, meta_images

pytestmark = pytest.mark.django_db


def assert_no_broken_image(markup: str, where: str) -> int:
    """Every <img>/<source> address under MEDIA_URL is a file in this test's MEDIA_ROOT;
    no srcset is left empty. Returns how many images the page shows."""
    references = media_references(markup)
    assert references.empty_srcsets == 0, where
    assert "not-found" not in markup, where
    for url in references.urls:
        assert url, f"{where}: an <img> without an address"
        if url.startswith(settings.MEDIA_URL):
            relative = url.removeprefix(settings.MEDIA_URL)
            assert Path(settings.MEDIA_ROOT, relative).is_file(), f"{where}: {url} points to nothing"
    return references.images


def media_warnings(caplog, needle: str) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "core.media" and r.levelno == logging.WARNING and needle in r.getMessage()
    ]


def test_every_page_type_answers_200_without_the_broken_image(client, broken_image, caplog):
    good = make_image("Image intacte", name="intacte.jpg")
    site = build_every_page_type(broken_image, good_image=good)
    caplog.set_level(logging.WARNING, logger="core.media")

    for name, page in site.pages.items():
        response = client.get(page.get_url())
        assert response.status_code == 200, name
        markup = response.content.decode()
        assert_no_broken_image(markup, name)
        assert meta_images(markup) == [], f"{name}: a share tag points to an image that cannot be shown"
        for data in json_ld(markup):
            assert "image" not in data, f"{name}: JSON-LD names an image that cannot be shown"

    # What can be shown still is: the intact image of the plain page, with its srcset.
    markup = client.get(site.url("page simple")).content.decode()
    assert 'alt="Une image intacte"' in markup and 'alt="Une image abîmée"' not in markup
    assert "Légende" not in markup, "the broken image's figure is left out whole, caption included"
    assert assert_no_broken_image(markup, "page simple") >= 1
    assert "Partenaire au logo abîmé" in markup, "the partner stays, without its logo"

    # One warning for the broken file, however many pages and renditions asked for it.
    assert len(media_warnings(caplog, broken_image.file.name)) == 1


def test_feeds_site_map_and_search_answer_200(client, broken_image):
    site = build_every_page_type(broken_image)
    paths = [
        site.pages["bibliothèque"].specific.feed_url,
        site.pages["index des actualités"].specific.feed_url,
        "/sitemap.xml",
        "/robots.txt",
        "/recherche/?q=essai",
        "/recherche/?q=m%C3%A9dias",
        site.url("cycle") + "calendrier.ics",
        site.url("publication") + "citation.ris",
        site.url("publication") + "citation.bib",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_broken_image(response.content.decode(), path)


def test_a_broken_image_is_read_once_then_left_alone_for_a_while(
    client, broken_image, caplog, django_assert_max_num_queries
):
    """The publication asks for its cover three times (picture, JSON-LD, share tags): after
    the first failure, no other attempt reads the disk or the database for it."""
    site = build_every_page_type(broken_image)
    caplog.set_level(logging.WARNING, logger="core.media")
    url = site.url("publication")
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert len(media_warnings(caplog, broken_image.file.name)) == 1
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_a_missing_rendition_file_hides_the_image_until_check_media_removes_it(client, caplog):
    image = make_image("Illustration dont la déclinaison a disparu")
    site = build_every_page_type(image)
    url = site.url("page simple")
    markup = client.get(url).content.decode()
    assert 'alt="Une image abîmée"' in markup, "intact for now: its renditions are made"

    renditions = list(image.renditions.all())
    assert renditions
    for rendition in renditions:
        Path(rendition.file.path).unlink()
    # As after any edit, or a minute later: the markup of pictures is kept per content
    # version, and a process looks again for a file it saw after RECHECK_SECONDS.
    version.bump()
    images.forget()
    caplog.set_level(logging.WARNING, logger="core.media")
    markup = client.get(url).content.decode()
    assert 'alt="Une image abîmée"' not in markup
    assert_no_broken_image(markup, "page simple")
    assert media_warnings(caplog, "check_media")

    try:
        call_command("check_media", "--delete-stale-renditions", verbosity=0)
    except CommandError:
        pass  # the frame's own images have no file in this test's MEDIA_ROOT
    assert not image.renditions.filter(pk__in=[r.pk for r in renditions]).exists()
    markup = client.get(url).content.decode()
    assert 'alt="Une image abîmée"' in markup, "made again from the original"
    assert_no_broken_image(markup, "page simple")


def test_wagtail_picture_tag_would_fail_where_ours_leaves_the_image_out(broken_image):
    """Why the templates use {% available_picture %}: Wagtail's tag renders a broken <img>
    for a missing original, and raises for a corrupt one."""
    ours = Template(
        "{% load media_tags %}{% available_picture image format-{avif,jpeg} width-{100,200} alt='' %}"
    ).render(Context({"image": broken_image}))
    assert ours == ""
    wagtails = Template("{% load wagtailimages_tags %}{% picture image format-{avif,jpeg} width-{100,200} %}")
    if "absent" in broken_image.title:
        assert "not-found" in wagtails.render(Context({"image": broken_image}))
    else:
        with pytest.raises((OSError, SyntaxError)):  # Pillow's or Willow's error reaches the page
            wagtails.render(Context({"image": broken_image}))


def test_available_rendition_and_renditions_or_none(broken_image):
    good = make_image("Image intacte", name="intacte.jpg")
    assert renditions_or_none(broken_image, ["width-100"]) is None
    renditions = renditions_or_none(good, ["width-100|format-webp", "width-200|format-jpeg"])
    assert list(renditions) == ["width-100|format-webp", "width-200|format-jpeg"]
    assert all(Path(rendition.file.path).is_file() for rendition in renditions.values())
    template = Template(
        '{% load media_tags %}{% available_rendition image "fill-120x60" as r %}{% firstof r.width "aucune" %}'
    )
    assert template.render(Context({"image": good})) == "120"
    assert template.render(Context({"image": broken_image})) == "aucune"
    assert get_image_model().objects.filter(pk=broken_image.pk).exists(), "the row stays: staff decide"


@pytest.mark.parametrize("intact", [True, False], ids=["images intactes", "images abîmées"])
def test_every_page_type_stays_within_the_query_budget(client, django_assert_max_num_queries, intact):
    """Checking the files costs no query: ≤ 10 per page (uncached, the server's caches warm),
    whether the images are there or not."""
    image = make_image("Illustration du budget")
    site = build_every_page_type(image)
    if not intact:
        Path(image.file.path).unlink()
        images.forget()
    for name, page in site.pages.items():
        url = page.get_url()
        client.get(url)
        with django_assert_max_num_queries(10, info=name):
            assert client.get(url).status_code == 200
