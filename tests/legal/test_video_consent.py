"""Videos and replays load nothing from their host before the visitor's click (the browser
side is in tests/browser/test_front_door.py): what the server sends."""

from __future__ import annotations

import datetime

import html5lib
import pytest
from wagtail.embeds.blocks import EmbedValue

from legal.video import player_for
from tests.factories.pages import StandardPageFactory
from tests.factories.webinars import WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
        ),
        (
            "https://m.youtube.com/shorts/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
        ),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        (
            "https://vimeo.com/76979871/0a1b2c3d4e",
            "Vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=0a1b2c3d4e",
        ),
        (
            "https://www.dailymotion.com/video/x8abcd1",
            "Dailymotion",
            "https://www.dailymotion.com/embed/video/x8abcd1?autoplay=1",
        ),
        ("https://dai.ly/x8abcd1", "Dailymotion", "https://www.dailymotion.com/embed/video/x8abcd1?autoplay=1"),
    ],
)
def test_known_players_get_their_privacy_enhanced_address(url, provider, embed):
    player = player_for(url)
    assert (player.provider, player.embed_url) == (provider, embed)


@pytest.mark.parametrize(
    "url", ["https://example.org/video.mp4", "javascript:alert(1)", "https://www.youtube.com/watch?v=short", ""]
)
def test_anything_else_is_no_player(url):
    assert player_for(url) is None


def external_loads(html: str) -> list[str]:
    """Everything in the page that a browser would fetch from another host on its own."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("src", "srcset", "data"):
            value = element.get(attribute, "")
            if (
                element.tag in ("iframe", "script", "img", "source", "video", "audio", "embed", "object")
                and "//" in value
            ):
                found.append(f"{element.tag} {value}")
        fetched = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch"}
        if element.tag == "link" and fetched & set(element.get("rel", "").split()) and "//" in element.get("href", ""):
            found.append(f"link {element.get('href')}")
    return found


def test_a_video_block_shows_a_plain_frame_and_a_link(client):
    page = StandardPageFactory(
        title="Avec une vidéo",
        body=[("video", {"video": EmbedValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ"), "caption": "Un débat"})],
    )
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert external_loads(html) == []
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"' in html
    assert "Lire la vidéo — YouTube dépose des cookies" in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html  # without JavaScript: a link
    assert "<figcaption>Un débat</figcaption>" in html
    assert "js/video-consent.js" in html


def test_a_session_replay_loads_nothing_before_the_click(client):
    session = WebinarPageFactory(
        title="Numériser l'innovation", day=datetime.date(2019, 11, 21), replay_url="https://vimeo.com/76979871"
    )
    html = client.get(session.url).content.decode()
    assert "<iframe" not in html
    assert external_loads(html) == []
    assert "Lire la vidéo — Vimeo dépose des cookies" in html
    assert "Replay : Numériser l&#x27;innovation" in html
    assert html.count('href="https://vimeo.com/76979871"') == 1  # the player's link, not a second one


def test_the_csp_frames_only_the_privacy_enhanced_players(client):
    policy = client.get("/")["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src")).split()[1:]
    assert "https://www.youtube-nocookie.com" in frame_src and "https://www.youtube.com" not in frame_src
