"""Webinar pages, split by role: the index, a cycle (year or series), a session."""

from .cycle import WebinarCyclePage
from .index import WebinarIndexPage
from .session import WebinarPage, WebinarSpeaker

__all__ = ["WebinarCyclePage", "WebinarIndexPage", "WebinarPage", "WebinarSpeaker"]
