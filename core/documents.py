"""Documents whose file may be missing: pages stop offering them, downloads answer 404.

Whether a document's file is there is asked of the storage once per content version and
file name (see caching/data.py), so a page that offers a download costs no query and no
disk access once warm. After restoring files, `manage.py check_media` starts a new
content version, and pages offer the downloads again.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from caching.data import remember
from core.files import file_problem, warn_once


def _report(document, problem: str) -> None:
    warn_once(
        f"document:{document.file.name}",
        "document %s unavailable: %s (%s)",
        document.pk,
        document.file.name,
        problem,
    )


def document_available(document, request: HttpRequest | None = None) -> bool:
    """True when the document's file can be read; False (and one warning) when it cannot."""
    if document is None or not document.file:
        return False

    def check() -> bool:
        problem = file_problem(document.file)
        if problem:
            _report(document, problem)
        return problem is None

    return remember(request, f"document-file:{document.pk}:{document.file.name}", check)


def document_offered(document, request: HttpRequest | None = None) -> bool:
    """True when the site may offer the document as the work itself: its file is there and it
    is not a stand-in (core/stand_ins.py), which visitors get « sur demande » instead."""
    from core.stand_ins import is_stand_in

    return document is not None and not is_stand_in(document, request) and document_available(document, request)


def refuse_missing_document(document, request: HttpRequest) -> None:
    """Wagtail's before_serve_document hook: a missing file is a 404 page (in French) and a
    warning, never a 500 from deep inside the storage."""
    problem = file_problem(document.file)
    if problem:
        _report(document, problem)
        raise Http404("Document momentanément indisponible.")
