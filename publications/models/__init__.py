"""Models of the publications app, split by role: the library index, a publication, news, snippets (the press is its own app)."""

from .document_text import DocumentText
from .index import PublicationIndexPage
from .news import NewsArticlePage, NewsIndexPage, NewsRelatedPublication
from .publication import PublicationAuthor, PublicationPage
from .snippets import NATURES, PublicationType

__all__ = [
    "NATURES",
    "DocumentText",
    "NewsArticlePage",
    "NewsIndexPage",
    "NewsRelatedPublication",
    "PublicationAuthor",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
]
