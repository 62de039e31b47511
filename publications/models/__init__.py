"""Models of the publications app, split by role: the library index, a publication, news, snippets."""

from .index import PublicationIndexPage
from .news import NewsArticlePage, NewsIndexPage
from .publication import PublicationAuthor, PublicationPage
from .snippets import NATURES, PublicationType

__all__ = [
    "NATURES",
    "NewsArticlePage",
    "NewsIndexPage",
    "PublicationAuthor",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
]
