"""Reading what a platform sent: its home page's feed links, and its feed's latest items.

Everything here is untrusted: feedparser reads RSS and Atom whatever their encoding (it never
expands a declared entity nor fetches an external one), then each item keeps only plain text
(`text.py`) and a link that is http(s) and leads to the platform itself or to a host the
feed declares as its own.
"""

from __future__ import annotations

import calendar
import datetime
import io
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser

from .text import plain_text, shorten, summary_text

MAX_ITEMS = 5
TITLE_LENGTH = 200
SUMMARY_LENGTH = 280
LINK_LENGTH = 500
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
# A date further ahead than this is a platform's mistake, not news: kept without its date.
FUTURE_TOLERANCE = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    published: datetime.datetime | None
    summary: str


class NotAFeed(ValueError):
    """The answer is not an RSS or Atom feed with at least one usable item."""


class _FeedLinks(HTMLParser):
    """`<link rel="alternate" type="application/rss+xml" href="…">` in a page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag == "base" and values.get("href") and not self.base:
            self.base = values["href"]
        if tag != "link" or "alternate" not in values.get("rel", "").lower().split():
            return
        if values.get("type", "").split(";")[0].strip().lower() in FEED_TYPES and values.get("href"):
            self.links.append(values["href"].strip())

    handle_startendtag = handle_starttag


def feed_links(html: bytes, page_url: str) -> list[str]:
    """The feeds a page announces, as absolute http(s) addresses, in the page's order (WordPress
    names its posts' feed first, then the comments')."""
    parser = _FeedLinks()
    parser.feed(html.decode("utf-8", "replace"))
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    found = []
    for href in parser.links:
        url = urljoin(base, href)
        if urlsplit(url).scheme in ("http", "https") and url not in found and len(url) <= LINK_LENGTH:
            found.append(url)
    return found


def looks_like_a_feed(content_type: str, body: bytes) -> bool:
    """Cheap test before parsing: an HTML home page is not worth feedparser's time."""
    kind = content_type.split(";")[0].strip().lower()
    if "xml" in kind or "rss" in kind or "atom" in kind:
        return True
    head = body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def acceptable_link(url: str, hosts: set[str]) -> str:
    """`url` when it is http(s) and on one of `hosts` (www. or not), else ""."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or len(url) > LINK_LENGTH or parts.username or parts.password:
        return ""
    return url if _host(url) in hosts else ""


def _published(entry, now: datetime.datetime) -> datetime.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        moment = datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return None if moment > now + FUTURE_TOLERANCE else moment


def _summary(entry) -> str:
    if entry.get("summary"):
        return entry["summary"]
    for content in entry.get("content") or ():
        if content.get("value"):
            return content["value"]
    return ""


def _link(entry, hosts: set[str]) -> str:
    link = acceptable_link(entry.get("link", ""), hosts)
    if link:
        return link
    for candidate in entry.get("links") or ():
        if candidate.get("rel", "alternate") == "alternate":
            link = acceptable_link(candidate.get("href", ""), hosts)
            if link:
                return link
    return ""


def parse_feed(body: bytes, content_type: str, feed_url: str, platform_url: str, now: datetime.datetime) -> list[Entry]:
    """The latest `MAX_ITEMS` usable items, newest first; NotAFeed when there is none.

    Relative links are read against the feed's final address. An item without a title, or
    whose link leads outside the platform, is left out.
    """
    parsed = feedparser.parse(  # a stream: given bytes, feedparser would try them as a file name
        io.BytesIO(body), response_headers={"content-type": content_type, "content-location": feed_url}
    )
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise NotAFeed(f"ce n'est pas un flux RSS ou Atom lisible{f' ({reason})' if reason else ''}")
    hosts = {_host(platform_url), _host(feed_url)} - {""}
    declared = [parsed.feed.get("link", "")] + [
        link.get("href", "") for link in parsed.feed.get("links") or () if link.get("rel") == "alternate"
    ]
    hosts |= {_host(url) for url in declared if urlsplit(url).scheme in ("http", "https")} - {""}
    entries, seen = [], set()
    for position, raw in enumerate(parsed.entries):
        link = _link(raw, hosts)
        title = shorten(plain_text(raw.get("title", "")), TITLE_LENGTH)
        if not link or not title or link in seen:
            continue
        seen.add(link)
        summary = summary_text(_summary(raw), SUMMARY_LENGTH)
        entries.append((position, Entry(title, link, _published(raw, now), summary)))
    if not entries:
        raise NotAFeed("aucun élément exploitable dans le flux (titre et lien vers la plateforme)")
    # Newest first; undated items after the dated ones, in the feed's own order.
    entries.sort(key=lambda pair: (pair[1].published is None, -(pair[1].published or now).timestamp(), pair[0]))
    return [entry for _position, entry in entries[:MAX_ITEMS]]
