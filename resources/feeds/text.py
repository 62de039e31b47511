"""Plain text out of someone else's HTML: what a feed's titles and summaries become here."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never text for a reader (scripts, styles, embedded objects…).
SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title"})
# Elements that separate words: their edges become spaces, so « <p>a</p><p>b</p> » is « a b ».
BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"})
SPACES = re.compile(r"\s+")
# What WordPress appends to a cut summary: « […] », « [&#8230;] », « Lire la suite ».
WORDPRESS_TAIL = re.compile(r"\s*(\[(…|\.\.\.)\]|Lire la suite\W*|Continue reading\W*)$", re.IGNORECASE)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BREAKS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The words of an HTML fragment, tags and script contents dropped, entities decoded,
    whitespace collapsed, control characters removed."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    text = "".join(collector.parts)
    text = "".join(char for char in text if char.isprintable() or char.isspace())
    return SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word and ended with « … » when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def summary_text(html: str, limit: int) -> str:
    """A feed summary as a short plain text, without WordPress's « […] » tail."""
    return shorten(WORDPRESS_TAIL.sub("", plain_text(html)), limit)
