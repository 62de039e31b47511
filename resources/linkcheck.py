"""Checking external platform URLs with the standard library only (no new dependency).

HEAD first (cheap); GET when the server refuses HEAD or answers it with an error, since many
hosted sites handle HEAD badly. Redirects are followed and HEAD stays HEAD across them.
Only http(s) is ever requested, with a bounded timeout per request.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "LeRAMEAU-verification-liens/1.0 (+https://www.lerameau.fr/)"
ALLOWED_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None
    ok: bool
    final_url: str
    error: str
    seconds: float


class _SafeRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Keeps the request method on redirects (urllib turns HEAD into GET) and refuses non-http targets."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ALLOWED_SCHEMES:
            raise urllib.error.HTTPError(newurl, code, f"redirection refusée vers {newurl}", headers, fp)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_opener = urllib.request.build_opener(_SafeRedirectHandler)


def _request(url: str, method: str, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.geturl()
    except urllib.error.HTTPError as error:
        error.close()
        return error.code, error.geturl() or url


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, (TimeoutError, socket.timeout)) or isinstance(reason, (TimeoutError, socket.timeout))


def _describe(exc: BaseException) -> str:
    """A short French reason for the table: what went wrong, not a traceback."""
    if _is_timeout(exc):
        return "délai dépassé"
    reason = getattr(exc, "reason", None) or exc
    if isinstance(reason, socket.gaierror):
        return "nom de domaine introuvable"
    if isinstance(reason, ConnectionRefusedError):
        return "connexion refusée"
    if isinstance(reason, ssl.SSLError):
        return "erreur de certificat ou de chiffrement"
    return str(reason) or reason.__class__.__name__


def _status(url: str, timeout: float) -> tuple[int, str]:
    """HEAD, then GET if HEAD was refused or broke; a timeout is final (no second wait)."""
    try:
        status, final_url = _request(url, "HEAD", timeout)
        if status < 400:
            return status, final_url
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        if _is_timeout(exc):
            raise
    return _request(url, "GET", timeout)


def check_url(url: str, timeout: float = 5.0) -> LinkResult:
    """One URL's status after redirects; `status` is None when no HTTP answer came (timeout, DNS, TLS…)."""
    started = time.monotonic()
    if urlsplit(url).scheme not in ALLOWED_SCHEMES:
        return LinkResult(url, None, False, url, "adresse non http(s)", 0.0)
    status, final_url, error = None, url, ""
    try:
        status, final_url = _status(url, timeout)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        error = _describe(exc)
    seconds = time.monotonic() - started
    ok = status is not None and 200 <= status < 400
    if status is not None and not ok:
        error = f"erreur HTTP {status}"
    return LinkResult(url, status, ok, final_url, error, seconds)


def check_urls(urls: list[str], timeout: float = 5.0, workers: int = 4) -> dict[str, LinkResult]:
    """Check several URLs a few at a time; each URL is requested once even if listed twice."""
    unique = list(dict.fromkeys(urls))
    if not unique:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(unique)))) as pool:
        results = pool.map(lambda url: check_url(url, timeout), unique)
        return dict(zip(unique, results, strict=True))
