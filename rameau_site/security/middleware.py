"""Response headers that django's SecurityMiddleware does not set, and the admin's own CSP.

Every value is fixed at start-up (no per-request nonce), so a response kept by the page
cache carries exactly the headers a fresh one would.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from legal import analytics

# Uploaded documents are downloads, never pages: no script, no plugin, no same-origin
# rights even if a browser were talked into rendering one.
DOCUMENT_POLICY = "default-src 'none'; sandbox"
DOCUMENT_VIEWS = {"wagtaildocs_serve", "wagtaildocs_serve_legacy"}


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(getattr(settings, "ADMIN_CSP_PATH_PREFIXES", ("/admin/",))))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict public one, and the admin's (Wagtail's admin
    still needs inline scripts and styles) for the admin paths only."""

    def get_policy_parts(self, request: HttpRequest, response: HttpResponse, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        elif getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware as the page's own URL; the
            # admin shows it in its side panel, so the admin (same origin) may frame it.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        if (
            (matomo := analytics.csp_sources())
            and not is_admin_path(request.path_info)
            and not getattr(request, "is_preview", False)
        ):
            # The audience measurement's host, only when it is configured, never in the admin
            # nor in a preview (which never loads the script).
            parts.update = {**matomo, **(parts.update or {})}
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response, and the
    sandboxing policy on served documents."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in sorted(settings.PERMISSIONS_POLICY.items())
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in DOCUMENT_VIEWS and response.status_code < 400:
            response["Content-Security-Policy"] = DOCUMENT_POLICY
            response["X-Content-Type-Options"] = "nosniff"
            if response.get("Content-Encoding") == "None":  # Wagtail's sendfile writes the guess even when it is None
                del response["Content-Encoding"]
        return response
