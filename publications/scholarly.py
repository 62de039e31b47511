"""What harvesters read on our pages: Highwire Press `citation_*` tags (Google Scholar, Zotero),
Dublin Core `DC.*` tags (library harvesters), and COinS spans on listings (Zotero on a list).

Google Scholar's inclusion guidelines ask for the title, every author, the publication date
(« 2016/12/01 », or the year alone), the PDF's address when there is one, and the
publisher, ISBN and language; each tag is written only when its value is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.http import HttpRequest

from core.documents import document_offered
from core.french_dates import DAY
from core.structured_data import absolute_url
from publications.citation import full_title, page_url

if TYPE_CHECKING:
    from publications.models import PublicationPage

LANGUAGE = "fr"
DC_SCHEMA = "http://purl.org/dc/elements/1.1/"


def scholar_date(page: PublicationPage) -> str:
    """« 2016/12/01 » for a known day; the year alone otherwise, as Google Scholar asks."""
    if not page.publication_date:
        return ""
    if page.date_precision == DAY:
        return page.publication_date.strftime("%Y/%m/%d")
    return str(page.publication_date.year)


def pdf_url(page: PublicationPage, request: HttpRequest | None) -> str:
    """The PDF's absolute address when the publication has one whose file is there (never a stand-in)."""
    document = page.document
    if not document or document.file_extension.lower() != "pdf" or not document_offered(document, request):
        return ""
    return absolute_url(request, document.url)


def highwire_tags(page: PublicationPage, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """(name, content) of each `citation_*` meta tag, in the order Google Scholar lists them."""
    nature = page.publication_type.nature if page.publication_type else ""
    tags = [("citation_title", full_title(page))]
    tags += [("citation_author", author.inverted_name) for author in page.author_list()]
    tags.append(("citation_publication_date", scholar_date(page)))
    if page.publisher:
        tags.append(("citation_publisher", page.publisher))
        if nature in ("report", "proceedings"):
            tags.append(("citation_technical_report_institution", page.publisher))
    if nature == "article" and (page.collection or page.publisher):
        tags.append(("citation_journal_title", page.collection or page.publisher))
    elif page.collection:
        tags.append(("citation_series_title", page.collection))
    if page.isbn:
        tags.append(("citation_isbn", page.isbn_compact))
    if page.doi:
        tags.append(("citation_doi", page.doi))
    tags.append(("citation_pdf_url", pdf_url(page, request)))
    tags.append(("citation_abstract_html_url", page_url(page, request)))
    tags.append(("citation_language", LANGUAGE))
    themes = [theme.name for theme in page.theme_list()]
    if themes:
        tags.append(("citation_keywords", "; ".join(themes)))
    return [(name, content) for name, content in tags if content]


def dublin_core_tags(page: PublicationPage, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """(name, content) of each `DC.*` meta tag (Dublin Core elements 1.1)."""
    tags = [("DC.title", full_title(page))]
    tags += [("DC.creator", author.inverted_name) for author in page.author_list()]
    tags.append(("DC.date", page.iso_date))
    tags.append(("DC.publisher", page.publisher))
    tags.append(("DC.type", page.publication_type.name if page.publication_type else "Text"))
    tags.append(("DC.language", LANGUAGE))
    tags.append(("DC.description", page.summary))
    tags += [("DC.subject", theme.name) for theme in page.theme_list()]
    tags.append(("DC.identifier", page_url(page, request)))
    if page.doi:
        tags.append(("DC.identifier", f"doi:{page.doi}"))
    if page.isbn:
        tags.append(("DC.identifier", f"urn:isbn:{page.isbn_compact}"))
    if page.hal_id:
        tags.append(("DC.identifier", page.hal_url))
    if page.collection:
        tags.append(("DC.relation.ispartof", page.collection))
    licence = page.licence_info
    if licence:
        tags.append(("DC.rights", licence.url or licence.name))
    if pdf_url(page, request):
        tags.append(("DC.format", "application/pdf"))
    return [(name, content) for name, content in tags if content]


# OpenURL genres (Z39.88-2004 « book » and « journal » formats) per bibliographic nature.
COINS_FORMATS = {
    "book": ("book", "book"),
    "report": ("book", "report"),
    "proceedings": ("book", "proceeding"),
    "article": ("journal", "article"),
}


def coins(page: PublicationPage) -> str:
    """The `title` of a COinS span: an OpenURL ContextObject Zotero reads from a listing."""
    nature = page.publication_type.nature if page.publication_type else "report"
    fmt, genre = COINS_FORMATS.get(nature, ("book", "document"))
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}"), ("rft.genre", genre)]
    if fmt == "journal":
        pairs.append(("rft.atitle", full_title(page)))
        if page.collection or page.publisher:
            pairs.append(("rft.jtitle", page.collection or page.publisher))
    else:
        pairs.append(("rft.btitle", full_title(page)))
        if page.collection:
            pairs.append(("rft.series", page.collection))
    pairs += [("rft.au", author.inverted_name) for author in page.author_list()]
    if page.iso_date:
        pairs.append(("rft.date", page.iso_date))
    if page.publisher:
        pairs.append(("rft.pub", page.publisher))
    if page.isbn:
        pairs.append(("rft.isbn", page.isbn_compact))
    pairs.append(("rft.language", LANGUAGE))
    url = page.get_full_url()
    if url:
        pairs.append(("rft_id", url))
    if page.doi:
        pairs.append(("rft_id", f"info:doi/{page.doi}"))
    return urlencode(pairs)
