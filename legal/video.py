"""Videos from YouTube, Vimeo and Dailymotion, played only after the visitor's click.

A page with a video loads nothing from the video's host: it shows a plain frame with a
button (« Lire la vidéo — YouTube dépose des cookies ») and, without JavaScript, a link to the
video. The click puts the provider's privacy-enhanced player in its place (youtube-nocookie,
Vimeo's « do not track »). Nothing is fetched from the provider to build the page either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit


@dataclass(frozen=True)
class VideoPlayer:
    provider: str
    watch_url: str
    embed_url: str


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
_VIMEO_ID = re.compile(r"^\d{4,12}$")
_DAILYMOTION_ID = re.compile(r"^x[A-Za-z0-9]{4,12}$")


def _youtube(host: str, path: str, query: dict[str, list[str]]) -> str | None:
    if host in ("youtu.be", "www.youtu.be"):
        candidate = path.strip("/").split("/")[0]
    elif host in _YOUTUBE_HOSTS:
        parts = [part for part in path.split("/") if part]
        if parts[:1] == ["watch"]:
            candidate = (query.get("v") or [""])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v"):
            candidate = parts[1]
        else:
            return None
    else:
        return None
    return candidate if _YOUTUBE_ID.match(candidate) else None


def _vimeo(host: str, path: str) -> tuple[str, str] | None:
    if host not in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        return None
    parts = [part for part in path.split("/") if part]
    numbers = [index for index, part in enumerate(parts) if _VIMEO_ID.match(part)]
    if not numbers:
        return None
    index = numbers[-1] if host != "player.vimeo.com" else numbers[0]
    private_hash = (
        parts[index + 1] if index + 1 < len(parts) and re.match(r"^[0-9a-f]{6,20}$", parts[index + 1]) else ""
    )
    return parts[index], private_hash


def _dailymotion(host: str, path: str) -> str | None:
    parts = [part for part in path.split("/") if part]
    if host in ("dai.ly", "www.dai.ly") and parts:
        candidate = parts[0]
    elif host in ("dailymotion.com", "www.dailymotion.com") and "video" in parts[:-1]:
        candidate = parts[parts.index("video") + 1].split("_")[0]
    else:
        return None
    return candidate if _DAILYMOTION_ID.match(candidate) else None


def player_for(url: str) -> VideoPlayer | None:
    """The click-to-play player for a video address, or None for any other address (shown as a link)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host, query = (parts.hostname or "").lower(), parse_qs(parts.query)
    youtube = _youtube(host, parts.path, query)
    if youtube:
        return VideoPlayer(
            "YouTube",
            f"https://www.youtube.com/watch?v={youtube}",
            f"https://www.youtube-nocookie.com/embed/{youtube}?" + urlencode({"autoplay": 1, "rel": 0}),
        )
    vimeo = _vimeo(host, parts.path)
    if vimeo:
        video, private_hash = vimeo
        params = {"dnt": 1, "autoplay": 1, **({"h": private_hash} if private_hash else {})}
        watch = f"https://vimeo.com/{video}" + (f"/{private_hash}" if private_hash else "")
        return VideoPlayer("Vimeo", watch, f"https://player.vimeo.com/video/{video}?" + urlencode(params))
    dailymotion = _dailymotion(host, parts.path)
    if dailymotion:
        return VideoPlayer(
            "Dailymotion",
            f"https://www.dailymotion.com/video/{dailymotion}",
            f"https://www.dailymotion.com/embed/video/{dailymotion}?" + urlencode({"autoplay": 1}),
        )
    return None
