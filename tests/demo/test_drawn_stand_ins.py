"""The pictures the demo draws leave room for the site's own « Visuel provisoire » badge."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from demo.images import draw_wordmark

WHITE = (255, 255, 255)


@pytest.mark.parametrize("name", ["Le RAMEAU", "Fondation pour la Co-construction du bien commun"])
def test_the_wordmark_keeps_its_bottom_quarter_blank_for_the_site_badge(name):
    """The site sets its badge in the bottom-left corner of every stand-in (.stand-in__label).
    The press kit's wordmark had its own label drawn there, and « …ISOIRE » showed beside it."""
    picture = Image.open(BytesIO(draw_wordmark(name))).convert("RGB")
    width, height = picture.size
    bottom = picture.crop((0, height * 3 // 4, width, height))
    assert bottom.getcolors() == [(bottom.width * bottom.height, WHITE)], "something is drawn under the badge"
    top = picture.crop((0, 0, width, height // 5))
    assert any(colour != WHITE for _, colour in top.getcolors(maxcolors=10_000)), "its own label is drawn above"
