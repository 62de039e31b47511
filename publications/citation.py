"""How a publication is cited and described to machines: French citation, BibTeX, RIS, JSON-LD.

Researchers and journalists copy these as they are, so each format follows its own rules
(BibTeX escaping, RIS tags and CRLF lines, schema.org types) rather than a shared template.
"""

from __future__ import annotations

import mimetypes
import re
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from core.documents import document_offered
from core.french_dates import DAY, MONTH
from core.images import rendition_or_none
from core.stand_ins import is_stand_in
from core.structured_data import absolute_url
from people.structured_data import person_id
from publications.dates import BIBTEX_MONTHS

if TYPE_CHECKING:
    from publications.models import PublicationPage


def join_names(names: list[str]) -> str:
    """« A », « A et B », « A, B et C »."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} et {names[-1]}"


def full_title(page: PublicationPage) -> str:
    return f"{page.title} : {page.subtitle}" if page.subtitle else page.title


def page_url(page: PublicationPage, request: HttpRequest | None) -> str:
    return absolute_url(request, page.get_url(request) or "")


def french_citation(page: PublicationPage, request: HttpRequest | None = None) -> SafeString:
    """Auteurs, *Titre : sous-titre*, Éditeur, coll. « … », mois année. ISBN … Disponible sur : URL"""
    parts = []
    if page.authors_display:
        parts.append(format_html("{}", page.authors_display))
    parts.append(format_html("<i>{}</i>", full_title(page)))
    if page.publisher:
        parts.append(format_html("{}", page.publisher))
    if page.collection:
        parts.append(format_html("coll. « {} »", page.collection))
    if page.display_date:
        parts.append(format_html("{}", page.display_date))
    text = mark_safe(", ".join(parts) + ".")
    if page.isbn:
        text = format_html("{} ISBN {}.", text, page.isbn)
    return format_html("{} Disponible sur : {}", text, page_url(page, request))


# BibTeX ------------------------------------------------------------------------------

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in value)


def bibtex_key(page: PublicationPage) -> str:
    authors = page.author_list()
    name = slugify(authors[0].last_name).replace("-", "") if authors else "lerameau"
    first_word = next((w for w in slugify(page.title).split("-") if len(w) > 3), "publication")
    year = page.publication_date.year if page.publication_date else ""
    return f"{name or 'lerameau'}{year}{first_word}"


def bibtex(page: PublicationPage, request: HttpRequest | None = None) -> str:
    """One BibTeX entry; organisations are braced so BibTeX never splits their names."""
    entry_type = page.publication_type.bibtex_type if page.publication_type else "misc"
    authors = " and ".join(
        bibtex_escape(a.inverted_name) if not a.is_organisation else "{" + bibtex_escape(a.last_name) + "}"
        for a in page.author_list()
    )
    fields: list[tuple[str, str]] = []
    if authors:
        fields.append(("author", authors))
    fields.append(("title", "{" + bibtex_escape(full_title(page)) + "}"))
    publisher = bibtex_escape(page.publisher)
    if entry_type == "techreport":
        fields.append(("institution", publisher or "Le RAMEAU"))
        if page.publication_type:
            fields.append(("type", bibtex_escape(page.publication_type.name)))
        if page.collection:
            fields.append(("series", bibtex_escape(page.collection)))
    elif entry_type == "article":
        fields.append(("journal", bibtex_escape(page.collection) or publisher or "Le RAMEAU"))
        if page.collection and publisher:
            fields.append(("publisher", publisher))
    else:
        if publisher:
            fields.append(("publisher", publisher))
        if page.collection:
            fields.append(("series", bibtex_escape(page.collection)))
    if page.publication_date:
        fields.append(("year", str(page.publication_date.year)))
    if page.publication_date and page.date_precision in (MONTH, DAY):
        fields.append(("month", BIBTEX_MONTHS[page.publication_date.month - 1]))
    if page.isbn:
        fields.append(("isbn", bibtex_escape(page.isbn)))
    if page.doi:
        fields.append(("doi", bibtex_escape(page.doi)))
    fields.append(("url", page_url(page, request)))
    fields.append(("language", "french"))
    # Months are BibTeX macros (bare); every other value is braced, the title twice to keep its case.
    body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{bibtex_key(page)},\n{body}\n}}\n"


# RIS ---------------------------------------------------------------------------------


def ris(page: PublicationPage, request: HttpRequest | None = None) -> str:
    """RIS as reference managers import it: two-letter tags, « - » separator, CRLF lines."""
    ris_type = page.publication_type.ris_type if page.publication_type else "GEN"
    lines = [("TY", ris_type)]
    lines += [("AU", author.inverted_name) for author in page.author_list()]
    lines.append(("TI", full_title(page)))
    if page.collection:
        lines.append(("T2" if ris_type == "JOUR" else "T3", page.collection))
    if page.publication_date:
        lines.append(("PY", str(page.publication_date.year)))
        if page.date_precision == MONTH:
            lines.append(("DA", page.publication_date.strftime("%Y/%m")))
        elif page.date_precision == DAY:
            lines.append(("DA", page.publication_date.strftime("%Y/%m/%d")))
    if page.publisher:
        lines.append(("PB", page.publisher))
    if page.isbn:
        lines.append(("SN", page.isbn))
    if page.doi:
        lines.append(("DO", page.doi))
    if page.summary:
        lines.append(("AB", page.summary))
    lines += [("KW", theme.name) for theme in page.theme_list()]
    lines.append(("LA", "fr"))
    lines.append(("UR", page_url(page, request)))
    if document_offered(page.document, request):
        lines.append(("L1", absolute_url(request, page.document.url)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)


def file_response(content: str, filename: str, content_type: str) -> HttpResponse:
    """A citation file the browser downloads rather than shows."""
    response = HttpResponse(content.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# schema.org JSON-LD ------------------------------------------------------------------


def json_ld(page: PublicationPage, request: HttpRequest | None = None) -> dict[str, Any]:
    """Book, Report or ScholarlyArticle, chosen by the publication type's nature."""
    schema_type = page.publication_type.schema_type if page.publication_type else "CreativeWork"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": page_url(page, request),
        "inLanguage": "fr",
        "isAccessibleForFree": True,
    }
    if schema_type == "ScholarlyArticle":
        data["headline"] = page.title[:110]
    if page.subtitle:
        data["alternativeHeadline"] = page.subtitle
    if page.summary:
        data["description"] = page.summary
    if page.iso_date:
        data["datePublished"] = page.iso_date
    if page.publication_type:
        data["genre"] = page.publication_type.name
    authors = [author_json_ld(author, request) for author in page.author_list()]
    if authors:
        data["author"] = authors
    if page.publisher:
        data["publisher"] = {"@type": "Organization", "name": page.publisher}
    if page.isbn:
        if schema_type == "Book":
            data["isbn"] = page.isbn_compact
        else:
            data["identifier"] = {"@type": "PropertyValue", "propertyID": "ISBN", "value": page.isbn_compact}
    themes = [theme.name for theme in page.theme_list()]
    if themes:
        data["keywords"] = ", ".join(themes)
    partners = [{"@type": "Organization", "name": partner.name} for partner in page.partner_list()]
    if partners:
        data["contributor"] = partners
    cover = None if is_stand_in(page.cover_image) else rendition_or_none(page.cover_image, "width-800|format-jpeg")
    if cover:  # a stand-in cover is not the work's: search engines are not shown it
        data["image"] = absolute_url(request, cover.url)
    if document_offered(page.document, request):
        media: dict[str, Any] = {
            "@type": "MediaObject",
            "contentUrl": absolute_url(request, page.document.url),
            "encodingFormat": mimetypes.guess_type(page.document.filename)[0] or "application/octet-stream",
        }
        size = page.document.get_file_size()
        if size:
            media["contentSize"] = f"{size} B"
        data["encoding"] = media
    same_as = [url for url in (page.external_url, page.hal_url, page.doi_url) if url]
    if same_as:
        data["sameAs"] = same_as if len(same_as) > 1 else same_as[0]
    if page.doi:
        data.setdefault("identifier", [])
        identifiers = data["identifier"] if isinstance(data["identifier"], list) else [data["identifier"]]
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi})
        data["identifier"] = identifiers
    licence = page.licence_info
    if licence and licence.url:
        data["license"] = licence.url
    return data


def author_json_ld(author, request: HttpRequest | None) -> dict[str, Any]:
    """A Person or an Organization; a person with a page on the site is the node of that page."""
    if author.is_organisation and not getattr(author, "person_url", ""):
        return {"@type": "Organization", "name": author.last_name}
    data: dict[str, Any] = {"@type": "Person", "name": author.display_name}
    if author.first_name:
        data["givenName"] = author.first_name
    data["familyName"] = author.last_name
    url = getattr(author, "person_url", "")
    if url:
        url = absolute_url(request, url)
        data = {"@id": person_id(url), **data, "url": url}
    return data


def news_json_ld(article, request: HttpRequest | None = None) -> dict[str, Any]:
    """NewsArticle, or OpinionNewsArticle for a signed op-ed."""
    author_type = "Organization" if article.author.strip().lower() == "le rameau" else "Person"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle" if article.kind == "tribune" else "NewsArticle",
        "headline": article.title[:110],
        "url": absolute_url(request, article.get_url(request) or ""),
        "datePublished": article.date.isoformat(),
        "inLanguage": "fr",
        "author": {"@type": author_type, "name": article.author},
        "publisher": {"@type": "Organization", "name": "Le RAMEAU"},
    }
    if article.summary:
        data["description"] = article.summary
    image = rendition_or_none(article.get_sharing_image(), "width-1200|format-jpeg")
    if image:
        data["image"] = absolute_url(request, image.url)
    return data
