"""WordPress shortcodes: the few that carry content become plain HTML; the others go, reported.

`[caption]` becomes a figure with its caption, `[gallery]` its images, `[embed]` (and a
`[video]` of YouTube, Vimeo or Dailymotion) a video for the consent facade. Any other
shortcode is removed, keeping the text it encloses, and named in the report: nothing of a
plugin's syntax is ever shown raw. Bracketed words that are not shortcodes (« [sic] » with
accents, « [1] », « [mise à jour : 2019] ») are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# WordPress's own pattern (get_shortcode_regex), for any tag name instead of registered ones.
SHORTCODE = re.compile(
    r"\[(\[?)([a-z][a-z0-9_-]*)(?![\w-])"
    r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*(?:\[(?!/\2\])[^\[]*)*)(\[/\2\]))?)"
    r"(\]?)",
    re.ASCII,
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
CAPTIONED = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.I | re.S)
MAX_DEPTH = 5
#: Editors' bracketed words, never a plugin's shortcode.
EDITORIAL = frozenset({"sic", "ndlr", "ndt", "etc", "ibid", "idem", "id", "cf", "nb"})


def attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in ATTRIBUTE.finditer(text.replace("\u00a0", " ")):
        groups = match.groups()
        for key, value in ((groups[0], groups[1]), (groups[2], groups[3]), (groups[4], groups[5])):
            if key:
                found[key.lower()] = html.unescape(value)
    return found


def looks_like_shortcode(match: re.Match) -> bool:
    """An unknown tag counts as a shortcode when it is written like one: closed, self-closed,
    with key=value attributes, or alone; « [mise à jour : 2019] » is text."""
    _, name, attrs, self_closed, _, closing, _ = match.groups()
    if name in EDITORIAL and not closing:
        return False
    if closing or self_closed or "=" in attrs or not attrs.strip():
        return True
    return attrs.isascii() and ("-" in name or "_" in name)


def embed_html(url: str) -> str:
    escaped = html.escape(url.strip(), quote=True)
    return f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{escaped}</div></figure>'


class Shortcodes:
    """Expand the shortcodes of one text; `notes` gathers what the report must say."""

    def __init__(self, attached_images: Callable[[], list[int]], is_video: Callable[[str], bool]) -> None:
        self.attached_images = attached_images
        self.is_video = is_video
        self.notes: list[str] = []

    def expand(self, text: str, depth: int = 0) -> str:
        if "[" not in text or depth > MAX_DEPTH:
            return text
        return SHORTCODE.sub(lambda match: self.replace(match, depth), text)

    def replace(self, match: re.Match, depth: int) -> str:
        opening, name, attrs, _, content, _, closing = match.groups()
        if opening == "[" and closing == "]":  # [[name]] is WordPress's way to write [name]
            return match.group(0)[1:-1]
        content = content or ""
        handler = getattr(self, f"do_{name.replace('-', '_')}", None) if name in KNOWN else None
        if handler is not None:
            return handler(attributes(attrs), content, depth)
        if not looks_like_shortcode(match):
            return match.group(0)
        self.notes.append(f"code court [{name}] retiré" + (" (son texte est gardé)" if content.strip() else ""))
        return self.expand(content, depth + 1)

    def do_caption(self, attrs: dict[str, str], content: str, depth: int) -> str:
        caption = attrs.get("caption", "")
        media = content
        if not caption:
            found = CAPTIONED.match(content.strip())
            if found:
                media, caption = found.group(1), found.group(2).strip()
        media = self.expand(media, depth + 1)
        return f'<figure class="wp-caption">{media}<figcaption>{self.expand(caption, depth + 1)}</figcaption></figure>'

    do_wp_caption = do_caption

    def do_gallery(self, attrs: dict[str, str], content: str, depth: int) -> str:
        ids = [int(part) for part in re.findall(r"\d+", attrs.get("ids") or attrs.get("include") or "")]
        ids = ids or self.attached_images()
        if not ids:
            self.notes.append("galerie vide retirée")
            return ""
        images = "".join(f'<img class="wp-image-{pk}" src="" alt="">' for pk in ids)
        return f'<figure class="wp-block-gallery">{images}</figure>'

    def do_embed(self, attrs: dict[str, str], content: str, depth: int) -> str:
        url = html.unescape(content.strip()) or attrs.get("src", "")
        return embed_html(url) if url else ""

    def do_video(self, attrs: dict[str, str], content: str, depth: int) -> str:
        for key in ("src", "youtube", "vimeo", "mp4", "url"):
            url = attrs.get(key, "")
            if url and self.is_video(url):
                return embed_html(url)
        source = attrs.get("src") or attrs.get("mp4") or ""
        self.notes.append("vidéo ou son hébergé sur WordPress retiré" + (f" ({source})" if source else ""))
        return ""

    do_audio = do_playlist = do_video


KNOWN = frozenset({"caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"})
