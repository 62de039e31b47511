"""The library as one file for a reference manager or a spreadsheet: BibTeX, RIS or CSV, with
the same filters as the page (/publications/export.bib?theme=…), so « export this selection »
gives exactly the publications the visitor sees, on every page of the list at once."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from core.spreadsheets import csv_lines
from publications import citation
from publications.scholarly import pdf_url

#: Publications read from the database at a time (the whole library may be asked for).
BATCH = 500
FORMATS = {
    "bib": ("application/x-bibtex", "BibTeX"),
    "ris": ("application/x-research-info-systems", "RIS"),
    "csv": ("text/csv", "CSV"),
}
CSV_COLUMNS = [
    "titre",
    "sous-titre",
    "type",
    "date",
    "auteurs",
    "éditeur",
    "collection",
    "ISBN",
    "DOI",
    "HAL",
    "licence",
    "thèmes",
    "programmes",
    "résumé",
    "adresse",
    "PDF",
]


def selection(index, request: HttpRequest) -> list[int]:
    """Pks of the publications the library page shows for these parameters, in its order."""
    from publications import catalogue
    from publications.filters import PublicationFilters
    from publications.queries import private_sections

    private = private_sections()
    filters = PublicationFilters(
        request.GET,
        SimpleLazyObject(lambda: index.publications(private)),
        private,
        options_key=f"index-{index.pk}",
        entries=catalogue.of_library(index),
    )
    results = filters.results()
    return list(results[0 : len(results)])


def publications(index, pks: list[int]) -> Iterator:
    """The publications, in order, with everything a citation reads, a batch at a time."""
    from publications import catalogue

    queryset = (
        index.publications()
        .select_related("publication_type", "document")
        .prefetch_related("authors", "themes", "programmes")
    )
    for start in range(0, len(pks), BATCH):
        yield from catalogue.fetch(pks[start : start + BATCH], queryset)


def csv_row(page, request: HttpRequest) -> list[str]:
    licence = page.licence_info
    return [
        page.title,
        page.subtitle,
        page.publication_type.name if page.publication_type else "",
        page.iso_date,
        "; ".join(author.inverted_name for author in page.author_list()),
        page.publisher,
        page.collection,
        page.isbn,
        page.doi,
        page.hal_id,
        licence.name if licence else "",
        "; ".join(theme.name for theme in page.theme_list()),
        "; ".join(programme.title for programme in page.programmes.all()),
        page.summary,
        citation.page_url(page, request),
        pdf_url(page, request),
    ]


def export(index, request: HttpRequest, extension: str) -> HttpResponse:
    content_type, _label = FORMATS[extension]
    pages = publications(index, selection(index, request))
    if extension == "bib":
        content = "\n".join(citation.bibtex(page, request) for page in pages)
    elif extension == "ris":
        content = "".join(citation.ris(page, request) for page in pages)
    else:
        # Commas (a file for any tool, not only French Excel), the BOM that makes spreadsheets
        # read UTF-8, and no cell that a spreadsheet would take for a formula.
        content = "".join(csv_lines(CSV_COLUMNS, (csv_row(page, request) for page in pages), dialect=csv.excel))
    filtered = any(name != "page" for name in request.GET)
    name = f"publications-le-rameau{'-selection' if filtered else ''}.{extension}"
    return citation.file_response(content, name, content_type)


def export_links(index_url: str, query_string: str) -> list[tuple[str, str]]:
    """(label, address) of the three exports for the current filters."""
    query = "" if query_string in ("", "?") else query_string
    return [(label, f"{index_url}export.{extension}{query}") for extension, (_type, label) in FORMATS.items()]
