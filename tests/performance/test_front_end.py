"""What the browser downloads: a light home page, no blocking script, modern lazy images."""

from __future__ import annotations

import gzip
import re

import html5lib
import pytest
from django.contrib.staticfiles import finders

from tests.factories.site import build_every_page_type
from tests.shared import shared_by_the_module

from .conftest import build_full_home, build_site_content

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> dict:
    """A page of every type and a home page as staff fill it, built once for the module
    (tests/shared.py): these tests only read them."""

    def build() -> dict:
        pages = build_site_content(build_every_page_type())
        build_full_home()
        return pages

    yield from shared_by_the_module(django_db_blocker, build)


HOME_BUDGET = 100_000  # bytes transferred, compressed, images left out


def document(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    return html5lib.parse(response.content, namespaceHTMLElements=False)


def static_files(tree, selector: str, attribute: str) -> list[str]:
    return [
        element.get(attribute)
        for element in tree.iterfind(selector)
        if element.get(attribute, "").startswith("/static/")
    ]


def test_home_weighs_less_than_100_kb_compressed_without_images(client, site):
    """Charts included: they are inline SVG in the page, and their styles are in site.css."""
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html_bytes = len(response.content)
    tree = html5lib.parse(gzip.decompress(response.content), namespaceHTMLElements=False)
    assert len(tree.findall(".//figure/{http://www.w3.org/2000/svg}svg")) == 2  # the two charts
    assets = static_files(tree, ".//link[@rel='stylesheet']", "href") + static_files(tree, ".//script", "src")
    assert assets, "the stylesheet and the script are expected"
    asset_bytes = 0
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        asset_bytes += len(gzip.compress(open(path, "rb").read()))
    stylesheet = open(finders.find("css/site.css")).read()
    fonts = re.findall(r'url\("\.\./(fonts/[\w-]+\.woff2)"\)', stylesheet)
    assert fonts and stylesheet.count("@font-face") == stylesheet.count("font-display: swap")
    preloaded = static_files(tree, ".//link[@rel='preload'][@as='font']", "href")
    assert 1 <= len(preloaded) <= 2 and all(url.endswith(".woff2") for url in preloaded)
    font_bytes = sum(len(open(finders.find(font), "rb").read()) for font in set(fonts))  # already compressed
    assert font_bytes < 80_000
    assert html_bytes + asset_bytes + font_bytes <= HOME_BUDGET


@pytest.mark.parametrize("path", ["/", "/publications/", "centre", "publication"])
def test_no_render_blocking_script_and_modern_lazy_images(client, site, path):
    if path in ("centre", "publication"):
        path = site[path].url
    tree = document(client, path)
    for script in tree.iterfind(".//script"):
        if script.get("src"):
            assert script.get("defer") is not None or script.get("async") is not None, script.get("src")
        else:
            assert script.get("type") == "application/ld+json"  # data, not code: blocks nothing
    pictures = list(tree.iterfind(".//picture"))
    for picture in pictures:
        types = {source.get("type") for source in picture.iterfind("source") if source.get("srcset")}
        assert {"image/avif", "image/webp"} <= types
    images = list(tree.iterfind(".//img"))
    assert images
    for image in images:
        assert image.get("width") and image.get("height"), image.get("src")  # no layout shift
        if image.get("src", "").endswith(".svg"):
            continue  # the logo, in the header
        assert image.get("srcset"), image.get("src")
        assert image.get("loading") == "lazy" or image.get("fetchpriority") == "high", image.get("src")


def test_the_above_the_fold_image_is_not_lazy(client, site):
    hero = [img for img in document(client, "/").iterfind(".//img") if img.get("fetchpriority") == "high"]
    assert len(hero) == 1 and hero[0].get("loading") != "lazy"
