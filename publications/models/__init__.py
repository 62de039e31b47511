"""Models of the publications app, split by role: the library index, a publication, news, snippets."""

from .document_text import DocumentText
from .index import PublicationIndexPage
from .news import NewsArticlePage, NewsIndexPage, NewsRelatedPublication
from .press import PressIndexPage, PressMention, PressReleasePage
from .publication import PublicationAuthor, PublicationPage
from .snippets import NATURES, PublicationType

__all__ = [
    "NATURES",
    "DocumentText",
    "PressIndexPage",
    "PressMention",
    "PressReleasePage",
    "NewsArticlePage",
    "NewsIndexPage",
    "NewsRelatedPublication",
    "PublicationAuthor",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
]
